/* Start loading plotly.js with the page instead of after it.
 *
 * dcc.Graph asks for plotly.js only when the first graph is mounted, i.e. after the server has
 * answered with the page's layout; the 4.8 MB script then downloads and compiles while the map
 * waits. Here the download starts at once and overlaps the server's work. dcc.Graph takes
 * `window.Plotly` if it is set (Promise.resolve(window.Plotly || load())), so a promise of
 * Plotly in its place makes every graph wait for this one script instead of adding another;
 * plotly.js itself then replaces the promise with the library.
 */
(function () {
    // A page that shows no graph says so in its first HTML (app.py): it needs no plotly.js, and
    // if the reader moves on to a page with graphs, dcc.Graph loads it then.
    if (window.Plotly || document.querySelector('meta[name="cim-graphs"][content="none"]')) {
        return;
    }
    var script = document.createElement("script");
    // Relative to this file, so a deployment under a path prefix keeps working.
    script.src = new URL("../_dash-component-suites/plotly/package_data/plotly.min.js",
                         document.currentScript.src).href;
    script.async = true;
    window.Plotly = new Promise(function (resolve, reject) {
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {  // one more try, as dcc.Graph's own loader would make
            var again = document.createElement("script");
            again.src = script.src;
            again.onload = function () { resolve(window.Plotly); };
            again.onerror = function (error) { window.Plotly = undefined; reject(error); };
            document.head.appendChild(again);
        };
    });
    document.head.appendChild(script);
})();

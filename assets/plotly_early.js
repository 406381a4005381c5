/* Fetch plotly.js with the page, run it when the first graph asks for it, and only the part
 * the app uses.
 *
 * dcc.Graph asks for plotly.js only when the first graph is mounted, i.e. after the server has
 * answered with the page's layout; the script then downloads and compiles while the map
 * waits. Here the download starts at once (a preload) and overlaps the server's work.
 * dcc.Graph takes `window.Plotly` if it is set (Promise.resolve(window.Plotly || load())):
 * reading it here runs the fetched script and gives a promise of Plotly, so every graph waits
 * for this one script instead of adding another; plotly.js then puts itself in its place.
 * Running the script on that first read rather than when it arrives lets the page's layout
 * render and its first callbacks leave before ~0.5 s of compiling: measured, the text paints
 * sooner (Lighthouse's LCP) and the map is drawn sooner, its figure computed meanwhile.
 *
 * The script is dashboard/static/plotly-partial.min.js: plotly.js with only the trace types
 * the app draws (scripts/build_plotly_bundle.py), about a quarter of the full bundle's compile
 * time. Its address carries a digest of its content (written there by that script), so the
 * browser may keep it for good. Should it be missing or fail to run, the full plotly.min.js
 * of the Python plotly package takes its place: slower, never broken.
 *
 * A page that shows no graph at first (its first HTML says so, app.py) fetches nothing; should
 * it show one later (the import page's preview), the same partial bundle is loaded then,
 * instead of the full one dcc.Graph would fetch. A page whose graphs are charts only (its first
 * HTML says "charts") loads dashboard/static/plotly-charts.min.js, the same build without the
 * map traces and MapLibre.
 */
(function () {
    if (window.Plotly) {
        return;
    }
    // Relative to this file, so a deployment under a path prefix keeps working.
    var here = document.currentScript.src;
    var partial = new URL("../_static/plotly-partial.min.js?v=f70cc510cfcf", here).href;  // digest: build script
    var charts = new URL("../_static/plotly-charts.min.js?v=39f5230022d8", here).href;  // digest: build script
    var graphs = document.querySelector('meta[name="cim-graphs"]');
    var shown = graphs ? graphs.getAttribute("content") : "maps";
    // A page whose graphs are all charts (registered with maps=False, app.py) takes the bundle
    // without the map traces and MapLibre: 1.3 MB instead of 3.1 MB to compile.
    var first = shown === "charts" ? charts : partial;
    var full = new URL("../_dash-component-suites/plotly/package_data/plotly.min.js", here).href;
    var loading = null;

    /* dcc.Graph resizes every graph once after its first drawing and whenever its box may have
     * changed; plotly then lays the graph out anew -- 100 ms later, and for a map a redraw of
     * 50-100 ms -- even when its size is the one it was drawn at. A resize to that same size
     * (as plotly's own autosize measures it: the graph's computed width and height, within a
     * pixel) is answered at once; any other goes to plotly as before. */
    function sameSizeResizesAnswered(Plotly) {
        var plots = Plotly.Plots;
        if (!plots || typeof plots.resize !== "function" || plots.resize.cimSameSize) {
            return;
        }
        var resize = plots.resize;
        plots.resize = function (gd) {
            var div = typeof gd === "string" ? document.getElementById(gd) : gd;
            var full = div && div._fullLayout;
            if (full && div.layout && div.isConnected) {
                var style = window.getComputedStyle(div);
                var width = parseFloat(style.width);
                var height = parseFloat(style.height);
                if (Math.abs(full.width - width) <= 1 && Math.abs(full.height - height) <= 1) {
                    return Promise.resolve(div);
                }
            }
            return resize.apply(this, arguments);
        };
        plots.resize.cimSameSize = true;
    }

    /* A page's charts are drawn once its map is. plotly draws every graph on the page's one
     * main thread, and on the explore page the three charts beside the map (~150 ms) were drawn
     * while the map waited for its first picture: paired cold loads drew the map 140 ms sooner
     * without them. So while a map is being made for the first time, any other graph's drawing
     * waits until the map's picture is on screen (at most CHART_WAIT_MS); the map is drawn at
     * once, as is everything on a page without a map. */
    var CHART_WAIT_MS = 3000;

    function isMapFigure(figure) {
        var data = figure && (Array.isArray(figure) ? figure : figure.data);
        return Array.isArray(data) && data.some(function (trace) {
            return Boolean(trace) && /map$/.test(trace.type || "");
        });
    }

    function afterNextFrame() {
        return new Promise(function (resolve) {
            requestAnimationFrame(function () { setTimeout(resolve, 0); });
        });
    }

    function chartsAfterMaps(Plotly) {
        if (typeof Plotly.react !== "function" || Plotly.react.cimChartsAfterMaps) {
            return;
        }
        var react = Plotly.react;
        var mapsBeingMade = [];
        Plotly.react = function (gd, figure) {
            var first = gd && !gd._fullLayout;
            if (isMapFigure(figure)) {
                var drawing = react.apply(this, arguments);
                if (first) {
                    var made = Promise.resolve(drawing).catch(function () {}).then(afterNextFrame);
                    mapsBeingMade.push(made);
                    made.then(function () { mapsBeingMade.splice(mapsBeingMade.indexOf(made), 1); });
                }
                return drawing;
            }
            if (!mapsBeingMade.length) {
                return react.apply(this, arguments);
            }
            var self = this;
            var args = arguments;
            var waited = new Promise(function (resolve) { setTimeout(resolve, CHART_WAIT_MS); });
            return Promise.race([Promise.all(mapsBeingMade), waited]).then(function () {
                return react.apply(self, args);
            });
        };
        Plotly.react.cimChartsAfterMaps = true;
    }

    function load(src, done, failed) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () {
            // A script that loaded but did not run to its end leaves no library in its place.
            if (window.Plotly && typeof window.Plotly.newPlot === "function") {
                sameSizeResizesAnswered(window.Plotly);
                chartsAfterMaps(window.Plotly);
                done(window.Plotly);
            } else {
                failed(new Error("plotly.js did not start: " + src));
            }
        };
        script.onerror = failed;
        document.head.appendChild(script);
    }

    function start() {
        if (!loading) {
            loading = new Promise(function (resolve, reject) {
                var giveUp = function (error) { window.Plotly = undefined; reject(error); };
                // The full bundle next (after the maps' bundle, for a charts page), and it twice,
                // as dcc.Graph's own loader would try once more.
                var full2 = function () { load(full, resolve, giveUp); };
                var full1 = function () { load(full, resolve, full2); };
                var partial1 = function () { load(partial, resolve, full1); };
                load(first, resolve, first === partial ? full1 : partial1);
            });
        }
        return loading;
    }

    if (shown !== "none") {
        var preload = document.createElement("link");
        preload.rel = "preload";
        preload.as = "script";
        preload.href = first;
        document.head.appendChild(preload);
    }
    // The first read of window.Plotly (dcc.Graph's) runs the script; plotly.js assigning itself
    // there turns the property back into a plain one.
    Object.defineProperty(window, "Plotly", {
        configurable: true,
        enumerable: true,
        get: start,
        set: function (value) {
            Object.defineProperty(window, "Plotly", {
                configurable: true, enumerable: true, writable: true, value: value,
            });
        },
    });
})();

/* Keeps a page's state in the address bar (clientside, no server round trip).
   The server computes the query string of the page's controls; this adds the language and,
   on the map page, the map view, and writes it to the URL: a new history entry when the
   controls change (so the back button undoes them), a silent replace when only the map
   moves (so panning does not flood the history). On "back", Dash's router re-renders the
   page from the URL, which restores exactly what was on screen. Each page keeps its own
   memory, so one page's map view never leaks into another's address. */
(function () {
  var memories = {};
  var IDLE_MS = 300;  // the address waits for an idle moment, but never longer than this
  var pending = [];

  /* Writing the address costs the browser a few milliseconds (history entries), right when a
     click's map is being drawn: it is done at the browser's next idle moment (at most IDLE_MS
     later), in the order the changes came. */
  function later(job) {
    pending.push(job);
    if (pending.length > 1) {
      return;
    }
    function flush() {
      var jobs = pending;
      pending = [];
      jobs.forEach(function (run) { run(); });
    }
    if (window.requestIdleCallback) {
      window.requestIdleCallback(flush, { timeout: IDLE_MS });
    } else {
      setTimeout(flush, 0);
    }
  }

  /* The query without its map view, and that view ([lat, lon, zoom]) if it had one: a page
     re-rendered from the address (the back button) brings its own view with it. */
  function splitView(query) {
    var view = null;
    var rest = (query || "").replace(/^\?/, "").split("&").filter(function (part) {
      if (part.indexOf("at=") === 0) {
        view = part.slice(3).split(",").map(Number);
        return false;
      }
      return part !== "";
    });
    return { rest: rest.join("&"), view: view };
  }

  function write(query, view, language) {
    var page = window.location.pathname;
    var memory = memories[page] || (memories[page] = { view: null, query: null });
    var given = splitView(query);
    if (given.view && query !== memory.query) { memory.view = given.view; }
    if (view) { memory.view = view; }
    var parts = ["lang=" + encodeURIComponent(language)];
    if (given.rest) { parts.push(given.rest); }
    if (memory.view) {
      parts.push("at=" + memory.view.map(function (v, i) {
        return Number(v).toFixed(i === 2 ? 2 : 4);
      }).join(","));
    }
    var search = "?" + parts.join("&");
    if (search !== window.location.search) {
      // The query alone, resolved against the page's own address: a path written with a
      // doubled slash ("//compare") would otherwise be read as another host, which the
      // browser refuses (SecurityError) and the address would never follow the page.
      var url = search;
      // Played years (assets/year_play.js) make one entry for the whole play, not one a year.
      var played = window.cimYearsPlaying && memory.playEntry;
      if (memory.query !== null && memory.query !== query && !played) {
        window.history.pushState(null, "", url);
      } else {
        window.history.replaceState(null, "", url);
      }
    }
    memory.playEntry = Boolean(window.cimYearsPlaying);
    memory.query = query;
    return "";
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    creativeMap: {
      /* The map page: its controls and the map's centre and zoom. */
      syncUrl: function (query, relayout, language) {
        var view = null;
        if (relayout && relayout["map.center"] && relayout["map.zoom"] !== undefined) {
          view = [relayout["map.center"].lat, relayout["map.center"].lon, relayout["map.zoom"]];
        }
        later(function () { write(query, view, language); });
        return "";
      },
      /* The header's language links: the same state in each language (one href per link, in
         the order Dash lists the links). */
      languageLinks: function (query) {
        var rest = (query || "").replace(/^\?/, "");
        var outputs = window.dash_clientside.callback_context.outputs_list || [];
        return outputs.map(function (output) {
          return "?lang=" + output.id.lang + (rest ? "&" + rest : "");
        });
      },
      /* Pages whose address holds their controls only. */
      syncQuery: function (query, language) {
        later(function () { write(query, null, language); });
        return "";
      }
    }
  });
})();

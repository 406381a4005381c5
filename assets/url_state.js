/* Keeps the explore page's state in the address bar (clientside, no server round trip).
   The server computes the query string of the filters, level and metric; this adds the
   language and the map view and writes it to the URL: a new history entry when the
   filters change (so the back button undoes them), a silent replace when only the map
   moves (so panning does not flood the history). On "back", Dash's router re-renders
   the page from the URL, which restores exactly what was on screen. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  creativeMap: {
    syncUrl: function (query, relayout, language) {
      var memory = window.creativeMapState || { view: null, query: null };
      if (relayout && relayout["map.center"] && relayout["map.zoom"] !== undefined) {
        memory.view = [relayout["map.center"].lat, relayout["map.center"].lon, relayout["map.zoom"]];
      }
      var parts = ["lang=" + encodeURIComponent(language)];
      var rest = (query || "").replace(/^\?/, "");
      if (rest) { parts.push(rest); }
      if (memory.view) {
        parts.push("at=" + memory.view.map(function (v, i) {
          return Number(v).toFixed(i === 2 ? 2 : 4);
        }).join(","));
      }
      var search = "?" + parts.join("&");
      if (search !== window.location.search) {
        var url = window.location.pathname + search;
        if (memory.query !== null && memory.query !== query) {
          window.history.pushState(null, "", url);
        } else {
          window.history.replaceState(null, "", url);
        }
      }
      memory.query = query;
      window.creativeMapState = memory;
      return "";
    }
  }
});

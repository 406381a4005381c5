/* Draws the enterprise table only when its place comes near the screen, and never before the
   map has drawn: the grid's scripts are large (AG Grid, about 2 MB to compile), and a first
   load that builds the table first makes the map, the view a person came for, wait. It presses
   the page's hidden "reveal" button once; Dash then renders the grid. AG Grid's own script
   is not among the page's first ones (dashboard/web/on_demand.py): it is added just before.

   The grid asks the server for its rows block by block (AG Grid's infinite row model);
   when the filters change, enterpriseTable.refresh makes it drop the blocks it holds and
   ask again, keeping its sort and column filters. */
(function () {
  var MAP_GRAPH = "#region-map .js-plotly-plot";
  var MAP_WAIT_LIMIT_MS = 10000;  // a map that never draws must not keep the table away
  // Scrolling to a filter low in the panel brings the table into view just before the click on
  // it: the grid, built at once, took the browser from the map's redraw (a click 180 -> 400 ms).
  // So the table waits this long after coming into view, then for the map to rest.
  var IN_VIEW_WAIT_MS = 250;

  /* Resolves once the page's map has drawn and rests -- no in-place redraw under way
     (assets/map_fast.js) -- at once where the page has no map, then when the browser has a
     moment. */
  function afterTheMap() {
    return new Promise(function (resolve) {
      var started = Date.now();
      var later = window.requestIdleCallback || function (task) { return setTimeout(task, 50); };
      (function check() {
        var graph = document.querySelector(MAP_GRAPH);
        var layout = graph && graph._fullLayout;
        var map = layout && layout.map && layout.map._subplot && layout.map._subplot.map;
        var fast = window.dash_clientside && window.dash_clientside.creativeMapFast;
        var redrawing = fast && fast.drawing ? fast.drawing() : null;
        var drawn = map && map.loaded() && !map.isMoving() && !redrawing;
        if (!document.getElementById("region-map") || drawn || Date.now() - started > MAP_WAIT_LIMIT_MS) {
          later(resolve, { timeout: 1000 });
        } else {
          setTimeout(check, 100);
        }
      })();
    });
  }

  var gridScript = null;  // AG Grid's script, once asked for

  /* Resolves once AG Grid's component library is on the page: its script, named by the
     page's <meta name="cim-grid-script">, added the first time (a page with the library
     already, or without the <meta>, has nothing to wait for). */
  function gridLibrary() {
    var meta = document.querySelector('meta[name="cim-grid-script"]');
    if (window.dash_ag_grid || !meta) { return Promise.resolve(); }
    if (!gridScript) {
      gridScript = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = meta.content;
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return gridScript;
  }

  function watch() {
    var slot = document.getElementById("enterprise-table-slot");
    var button = document.getElementById("enterprise-table-reveal");
    if (!slot || !button) { return false; }
    if (slot.dataset.watched) { return true; }
    slot.dataset.watched = "1";
    afterTheMap().then(function () {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          setTimeout(function () {
            afterTheMap().then(gridLibrary).then(function () { button.click(); });
          }, IN_VIEW_WAIT_MS);
        }
      }, { rootMargin: "300px" });
      observer.observe(slot);
    });
    return true;
  }
  // The page is rendered by Dash after load, and again after a back/forward navigation.
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });

  var missed = false;  // rows changed while the years played (assets/year_play.js)

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.enterpriseTable = {
    refresh: function () {
      if (window.cimYearsPlaying) {  // one reload when the play ends, not a blank table each year
        missed = true;
        return window.dash_clientside.no_update;
      }
      missed = false;
      var grids = window.dash_ag_grid;
      var api = null;
      try {
        api = grids && grids.getApi ? grids.getApi("enterprise-table") : null;
      } catch (e) {
        api = null; // not drawn yet: it asks for the current rows when it is
      }
      if (api && !api.isDestroyed()) { api.purgeInfiniteCache(); }
      return window.dash_clientside.no_update;
    },
    /* The play has ended: the rows it held back. */
    caughtUp: function () {
      if (missed) { window.dash_clientside.enterpriseTable.refresh(); }
    },
  };
})();

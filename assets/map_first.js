/* The map first: the views beside the explore page's map wait until the map has drawn.
 *
 * A filter change reaches the map, the key figures, three charts and the table. Answered all
 * at once, their requests share the server and their redraws share the browser's one main
 * thread; the map, the view a person watches, came last (the charts' redraws alone took
 * 300-400 ms in software WebGL). So the page hands the filter and table states on to the other
 * views (FILTER_VIEW, TABLE_VIEW in dashboard/components/ids.py) only once the map has drawn
 * the state they belong to (and MAP_TEXTS_VIEW, the map's own notice, summary and legend):
 *
 *   1. while the map's answer for the current state has not arrived (the page's QUERY is not
 *      yet MAP_DRAWN), nothing is passed on: the answer's arrival calls this again;
 *   2. then the map's drawing is awaited -- the in-place redraw of assets/map_fast.js, or
 *      MapLibre's `idle` after a full redraw -- for at most SETTLE_LIMIT_MS, and two frames
 *      more, so the drawn map is on screen before the other views' requests and redraws begin;
 *   3. the state is passed on, unless the view already shows it or a newer call has come
 *      meanwhile (that one passes on the newer state: never an older one that resolved late).
 *
 * A change that leaves the map as it is (the map already shows QUERY) is passed on at once.
 */
(function () {
  "use strict";

  var SETTLE_LIMIT_MS = 1500;  // a map that never settles must not keep the charts stale
  var newest = {};  // the newest state each gate was given
  var calls = {};  // how often each gate was called: only its newest call passes a state on

  function frames(count) {
    return new Promise(function (resolve) {
      (function next(left) {
        if (left === 0) { resolve(); return; }
        requestAnimationFrame(function () { next(left - 1); });
      })(count);
    });
  }

  function mapOf(graphId) {
    var gd = document.querySelector("#" + graphId + " .js-plotly-plot");
    var layout = gd && gd._fullLayout;
    return layout && layout.map && layout.map._subplot ? layout.map._subplot.map : null;
  }

  /* Resolves when the map has drawn what it was last given. Two frames first, so a figure
   * that Dash has just handed to plotly (or an in-place update just started) is under way. */
  function mapSettled(graphId) {
    return frames(2).then(function () {
      var fast = window.dash_clientside.creativeMapFast;
      var inPlace = fast && fast.drawing ? fast.drawing() : null;
      if (inPlace) {
        return inPlace.then(function () { return frames(2); });
      }
      var map = mapOf(graphId);
      if (!map || (map.loaded() && !map.isMoving())) {
        return null;
      }
      return new Promise(function (resolve) { map.once("idle", resolve); }).then(function () {
        return frames(2);
      });
    });
  }

  function limited(promise, ms) {
    return Promise.race([promise, new Promise(function (resolve) { setTimeout(resolve, ms); })]);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /* One gate per view store: ``name`` keeps each gate's newest state apart. */
  function gate(name) {
    return function (state, drawn, query, shown, graphId) {
      var noUpdate = window.dash_clientside.no_update;
      newest[name] = state;
      calls[name] = (calls[name] || 0) + 1;
      var call = calls[name];
      if (state === null || state === undefined) {  // "" is a state: the map's, unfiltered
        return noUpdate;
      }
      if (typeof query === "string" && query !== drawn) {
        return noUpdate;
      }
      function passOn() {  // a newer call, made meanwhile, passes on the newest state itself
        var latest = newest[name];
        return call !== calls[name] || same(latest, shown) ? noUpdate : latest;
      }
      return limited(mapSettled(graphId), SETTLE_LIMIT_MS).then(passOn, passOn);
    };
  }

  var textsGate = gate("texts");

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.creativeMapFirst = {
    filters: gate("filters"),
    table: gate("table"),
    /* The map's own texts (notice, summary, legend) follow the state the map has drawn. */
    texts: function (drawn, query, shown, graphId) {
      return textsGate(drawn, drawn, query, shown, graphId);
    },
  };
})();

/* The map first: on the explore page, everything else waits until the map shows a change.
 *
 * A filter change reaches the map, the address, the key figures, three charts, the table and
 * the map's own notice, summary and legend. Answered all at once, their requests share the
 * server, and their answers share the browser's one main thread with the map's drawing: each
 * answer Dash takes in wakes every component of the page, and the map, the view a person
 * watches, came last. So only the map answers a click (update_map, which reads the controls
 * itself), and the one callback its answer (MAP_ANSWER) wakes in the browser is this one:
 *
 *   1. an answer to be redrawn in place is handed to assets/map_fast.js at once (a figure patch
 *      Dash has handed to plotly itself);
 *   2. the map's drawing is awaited -- the in-place redraw of assets/map_fast.js, or MapLibre's
 *      `idle` after a full redraw -- for at most SETTLE_LIMIT_MS, and two frames more, so the
 *      drawn map is on screen before the other views' requests and redraws begin;
 *   3. the answer's state is passed on as MAP_SETTLED (dashboard/components/ids.py), unless it
 *      is already or a newer answer has come meanwhile (that call passes on the newer state,
 *      never an older one that resolved late); the page's state, the address and the other
 *      views follow from there (derive_state, describe_map in dashboard/pages/explore.py).
 */
(function () {
  "use strict";

  var SETTLE_LIMIT_MS = 1500;  // a map that never settles must not keep the charts stale
  var newest = null;  // the newest drawn state given
  var calls = 0;  // only the newest call passes a state on

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

  /* The map's answer taken in, and its state once the map shows it. "" is a state: the map's,
   * unfiltered. */
  function settled(answer, shown, graphId, figure) {
    var noUpdate = window.dash_clientside.no_update;
    var drawn = answer && typeof answer === "object" ? answer.query : undefined;
    if (typeof drawn === "string" && answer.traces) {
      window.dash_clientside.creativeMapFast.apply(answer, graphId, figure);
    }
    newest = drawn;
    calls += 1;
    var call = calls;
    if (typeof drawn !== "string") {
      return noUpdate;
    }
    function passOn() {  // a newer call, made meanwhile, passes on the newest state itself
      return call !== calls || newest === shown ? noUpdate : newest;
    }
    return limited(mapSettled(graphId), SETTLE_LIMIT_MS).then(passOn, passOn);
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.creativeMapFirst = { settled: settled };
})();

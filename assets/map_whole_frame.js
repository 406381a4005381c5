/* A map's first picture is drawn once, whole.
 *
 * While plotly makes a new map, MapLibre draws a frame whenever part of it arrives: the style,
 * each source tiled in its worker, the label glyphs. In software WebGL (headless Chromium, a
 * laptop on a projector without a working GPU driver) each frame costs 50-130 ms of the main
 * thread, most of it the browser reading the canvas back for its compositor, and a cold page
 * spent ~1 s on frames of a half-made map before the whole one. Here a new map draws nothing
 * until plotly has finished it (its `plotly_afterplot`: the style loaded, every trace's source
 * tiled, the labels placed); then one frame shows it all. MapLibre keeps loading and tiling
 * meanwhile: only the painter rests. A map plotly does not finish (an error) is drawn after
 * HOLD_LIMIT_MS anyway.
 */
(function () {
  "use strict";

  var HOLD_LIMIT_MS = 5000;

  function maps(gd) {
    var full = gd._fullLayout || {};
    return Object.keys(full).filter(function (key) {
      return /^map\d*$/.test(key) && full[key] && full[key]._subplot && full[key]._subplot.map;
    }).map(function (key) { return full[key]._subplot.map; });
  }

  function hold(gd, map) {
    var painter = map.painter;
    if (map.cimFirstFrameSeen || !painter || typeof painter.render !== "function" || !gd.on) {
      return;
    }
    map.cimFirstFrameSeen = true;
    // A rested painter still holds the style, as its first frame would have set it: tiles
    // arriving meanwhile find their layers through it, and are left empty without it.
    if (!painter.style && map.style) {
      painter.style = map.style;
    }
    painter.render = function (style) {
      painter.style = style;
    };
    var timer = null;
    function release() {
      if (timer === null) {
        return;
      }
      clearTimeout(timer);
      timer = null;
      delete painter.render;  // MapLibre's own again
      map.triggerRepaint();
    }
    timer = setTimeout(release, HOLD_LIMIT_MS);
    gd.on("plotly_afterplot", release);
  }

  /* Called for each batch of changes to the page: MapLibre's canvas is put in the page by the
   * map's constructor, and this runs (a microtask) before its first frame. */
  function look(records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1 || !node.classList.contains("maplibregl-canvas-container")) {
          return;
        }
        var gd = node.closest(".js-plotly-plot");
        if (gd) {
          maps(gd).forEach(function (map) { hold(gd, map); });
        }
      });
    });
  }

  new MutationObserver(look).observe(document.documentElement, { childList: true, subtree: true });
})();

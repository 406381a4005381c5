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
 *
 * The same for a map plotly redraws in full from a new figure (Plotly.react: the enterprise
 * level with its clusters, the potential page's weights): 6-7 frames of a half-redrawn map
 * were one, at most REDRAW_HOLD_LIMIT_MS. Redraws in place (assets/map_fast.js) hold their own.
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

  /* MapLibre's painter at rest: its frames still load and tile, but draw nothing, until every
   * rest taken is over (a full redraw and an in-place one may overlap); then it draws again.
   * Returns the function that ends this rest. Shared with assets/map_fast.js. */
  function rest(map) {
    var painter = map.painter;
    if (!painter || typeof painter.render !== "function") {
      return function () {};
    }
    map.cimRests = (map.cimRests || 0) + 1;
    if (map.cimRests === 1) {
      // A rested painter still holds the style, as its first frame would have set it: tiles
      // arriving meanwhile find their layers through it, and are left empty without it.
      if (!painter.style && map.style) {
        painter.style = map.style;
      }
      painter.render = function (style) {
        painter.style = style;
      };
    }
    var over = false;
    return function resume() {
      if (over) {
        return;
      }
      over = true;
      map.cimRests -= 1;
      if (map.cimRests === 0) {
        delete painter.render;  // MapLibre's own again
        map.triggerRepaint();
      }
    };
  }

  /* The painter rests until plotly has finished the map (its afterplot), at most `limitMs`. */
  function hold(gd, map, limitMs) {
    if (map.cimHeld || !gd.on) {
      return;
    }
    map.cimHeld = true;
    var resume = rest(map);
    var timer = setTimeout(release, limitMs);
    function release() {
      if (!map.cimHeld) {
        return;
      }
      map.cimHeld = false;
      clearTimeout(timer);
      if (gd.removeListener) {
        gd.removeListener("plotly_afterplot", release);
      }
      resume();
    }
    gd.on("plotly_afterplot", release);
  }

  /* Plotly.react on a map graph that is drawn already: its painter rests until plotly's
   * afterplot, which every react emits once the map is redrawn. */
  var REDRAW_HOLD_LIMIT_MS = 1500;

  function redrawsWhole(Plotly) {
    if (!Plotly || typeof Plotly.react !== "function" || Plotly.react.cimWholeFrame) {
      return;
    }
    var react = Plotly.react;
    Plotly.react = function (gd) {
      if (gd && gd._fullLayout) {
        maps(gd).forEach(function (map) { hold(gd, map, REDRAW_HOLD_LIMIT_MS); });
      }
      return react.apply(this, arguments);
    };
    Plotly.react.cimWholeFrame = true;
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
          maps(gd).forEach(function (map) {
            if (!map.cimFirstFrameSeen) {
              map.cimFirstFrameSeen = true;
              hold(gd, map, HOLD_LIMIT_MS);
            }
          });
          redrawsWhole(window.Plotly);
        }
      });
    });
  }

  new MutationObserver(look).observe(document.documentElement, { childList: true, subtree: true });
  window.creativeMapPainter = { rest: rest };
})();

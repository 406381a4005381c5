/* A filter change redrawn in place on the explore page's map.
 *
 * plotly redraws every layer of a map on any change of its figure: every trace is recalculated
 * and every GeoJSON source handed to MapLibre again, which re-tiles every polygon. A filter
 * change only alters a few traces' values, colours, hover texts and points
 * (dashboard/figures/map.py, map_update_in_place), so the server sends those alone to a store,
 * and this redraws just those traces with plotly's own code:
 *
 *   1. the new values go into the figure's traces (gd.data -- the same objects Dash keeps as
 *      the graph's `figure`, so the next full patch starts from what is on screen);
 *   2. a restyle of the colour bar's title makes plotly re-derive its full trace settings and
 *      redraw the colour bars (new range and title) without touching the map;
 *   3. each changed trace is recalculated with its own plotly module and handed to its own
 *      MapLibre layers (the trace's plotly map object, as plotly's full redraw does per trace);
 *   4. when MapLibre has drawn the new data, `plotly_afterplot` is emitted, as plotly emits it
 *      after its own redraws (see /tmp/team notes: the redrawn map is what is timed).
 *
 * Hover, clicks and the lasso read plotly's recalculated traces, so they show the new values.
 * Whenever something is missing (no map yet, a trace plotly has not drawn), the graph is
 * redrawn in full from the updated figure instead.
 */
(function () {
  "use strict";

  function graphOf(id) {
    return document.querySelector("#" + id + " .js-plotly-plot");
  }

  function assign(container, path, value) {
    var target = container;
    for (var i = 0; i < path.length - 1; i += 1) {
      if (target[path[i]] === undefined || target[path[i]] === null) {
        target[path[i]] = {};
      }
      target = target[path[i]];
    }
    target[path[path.length - 1]] = value;
  }

  /* Resolves when MapLibre has drawn everything it was given (as plotly waits after a redraw). */
  function drawn(map) {
    return new Promise(function (resolve) {
      function done() {
        map.off("render", onRender);
        map.off("idle", done);
        setTimeout(resolve, 10);
      }
      function onRender() {
        if (map.loaded()) {
          done();
        }
      }
      map.on("render", onRender);
      map.on("idle", done);  // everything drawn and nothing pending: also when no frame was needed
      map.triggerRepaint();
    });
  }

  /* Hidden traces need nothing more: their new values are in the figure for when they show. */
  function shown(gd, indices) {
    return indices.filter(function (index) {
      return gd._fullData[index] && gd._fullData[index].visible === true;
    });
  }

  function redrawInPlace(gd, indices) {
    var map = gd._fullLayout.map._subplot.map;
    var drawing = drawn(map);
    var visible = shown(gd, indices);
    for (var k = 0; k < visible.length; k += 1) {
      var index = visible[k];
      var trace = gd._fullData[index];
      var calcTrace = trace._module.calc(gd, trace);
      calcTrace[0].trace = trace;
      calcTrace[0].t = calcTrace[0].t || {};
      gd.calcdata[index] = calcTrace;
      trace._glTrace.update(calcTrace);
    }
    return drawing;
  }

  function drawable(gd, indices) {
    var subplot = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!subplot || !subplot.map || !gd.calcdata || !window.Plotly || !window.Plotly.restyle) {
      return false;
    }
    return shown(gd, indices).every(function (index) {
      var trace = gd._fullData[index];
      return trace._glTrace && trace._module && trace._module.calc;
    });
  }

  function apply(update, graphId) {
    var gd = graphOf(graphId);
    if (!update || !gd || !gd.data) {
      return window.dash_clientside.no_update;
    }
    var indices = Object.keys(update.traces).map(Number);
    indices.forEach(function (index) {
      update.traces[index].forEach(function (leaf) {
        assign(gd.data[index], leaf[0], leaf[1]);
      });
    });
    if (!drawable(gd, indices)) {
      window.Plotly.redraw(gd);
      return window.dash_clientside.no_update;
    }
    var bars = indices.filter(function (index) { return gd.data[index].colorbar; });
    var target = bars.length ? bars : [indices[0]];
    var titles = target.map(function (index) {
      var bar = gd.data[index].colorbar;
      return bar && bar.title ? bar.title.text : undefined;
    });
    window.Plotly.restyle(gd, { "colorbar.title.text": titles }, target)
      .then(function () { return redrawInPlace(gd, indices); })
      .then(function () { gd.emit("plotly_afterplot"); })
      .catch(function () { window.Plotly.redraw(gd); });
    return window.dash_clientside.no_update;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.creativeMapFast = { apply: apply };
})();

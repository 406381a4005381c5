/* A filter or level change redrawn in place on the explore page's map.
 *
 * plotly redraws every layer of a map on any change of its figure: every trace is recalculated
 * and every GeoJSON source handed to MapLibre again, which re-tiles every polygon. A filter
 * change only alters a few traces' values, colours, hover texts and points
 * (dashboard/figures/map.py, map_update_in_place), so the server sends those alone in the map's
 * answer (MAP_ANSWER, handed here by assets/map_first.js), and this redraws just those traces
 * with plotly's own code:
 *
 *   1. the new values go into the figure's traces (gd.data -- the same objects Dash keeps as
 *      the graph's `figure`, so the next full patch starts from what is on screen);
 *   2. a restyle of the colour bar's title makes plotly re-derive its full trace settings and
 *      redraw the colour bars (new range and title) without touching the map;
 *   3. each changed trace is recalculated with its own plotly module; other traces (points)
 *      are handed to their own MapLibre layers first, as plotly's full redraw does per trace;
 *      once their tiles are in, a choropleth's new colours, opacities and outlines go to
 *      MapLibre as *feature state* (see recolour below): no new GeoJSON, no re-tiling, and
 *      points and colours change in the same frame (see redrawInPlace);
 *   4. when MapLibre has drawn the new data, `plotly_afterplot` is emitted, as plotly emits it
 *      after its own redraws (the redrawn map is what bench/bench_felt.py times).
 *
 * A level change shows other traces: a trace switched off has its layers hidden, one switched
 * on is drawn by plotly's own update of that trace (its polygons fetched while the browser was
 * idle, see prefetchGeometry; until they are in, a level change is a full redraw).
 *
 * A district or municipality chosen frames the map anew: the server's view goes into the
 * figure's layouts and to the map's camera (moveView), with the new values in the same frame.
 *
 * Hover, clicks and the lasso read plotly's recalculated traces, so they show the new values.
 * Whenever something is missing (no map yet, a trace plotly has not drawn), the graph is
 * redrawn in full from the updated figure instead.
 */
(function () {
  "use strict";

  var current = null;  // the in-place redraw under way

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

  /* Whether a trace shows (by plotly's settings derived from the figure). A hidden trace needs
   * nothing more: its new values are in the figure for when it shows. */
  function showing(gd, index) {
    return Boolean(gd._fullData[index] && gd._fullData[index].visible === true);
  }

  /* A trace switched off (a level change): its layers hidden, as plotly's redraw would. */
  function hide(glTrace) {
    var map = glTrace.subplot.map;
    var layers = glTrace.layerList  // a choropleth's [[kind, id], ...]; points' {kind: id}
      ? glTrace.layerList.map(function (entry) { return entry[1]; })
      : Object.keys(glTrace.layerIds || {}).map(function (kind) { return glTrace.layerIds[kind]; });
    layers.forEach(function (id) {
      if (map.getLayer(id)) {
        map.setLayoutProperty(id, "visibility", "none");
      }
    });
  }

  /* Choropleths recoloured through MapLibre feature state.
   *
   * plotly gives each polygon its colour (and opacity, outline) as GeoJSON properties read by
   * "identity" paint properties, so a new colour means new GeoJSON, which MapLibre re-tiles in
   * its worker before it can draw: a wasted frame of the old picture, the worker, then the new
   * frame (150-300 ms in software WebGL). Instead, once per MapLibre map (`keyMap`), every
   * GeoJSON source plotly adds promotes the location code to the feature id, and every identity
   * paint reads the feature's state first; whenever plotly hands a source new data, its old
   * states are cleared. A recolour then sets each polygon's state, drawn in the next frame.
   *
   * A paint plotly gives as one value for all (an opacity of 1 when a level shows the
   * municipalities as outlines only) is a per-feature paint too, the value its fallback, and a
   * recolour to one value sets it as every polygon's state: a paint never turns from
   * per-feature to constant. (MapLibre, with the style's zero transition, threw "this.expression
   * .evaluate is not a function" on a feature state set right after such a turn.) */
  var STATE_KEY = "cimLocation";
  var STATE_PROPERTIES = ["fc", "mo", "mo2", "mlc", "mlw"];
  // The feature property plotly's choroplethmap reads for each paint when it varies by polygon,
  // for the paints a redraw in place may turn from one value to many and back (the opacities
  // and outline colours of IN_PLACE_LEAVES, dashboard/figures/map.py; a width never varies, and
  // each paint kept per feature costs a little in every recolour).
  var PAINT_STATE = { "fill-opacity": "mo", "line-opacity": "mo", "line-color": "mlc" };

  /* The feature-state key of a paint given as one value for all polygons, or null. */
  function sharedStateKey(name, value) {
    var single = value !== undefined && value !== null && typeof value !== "object";
    return single && PAINT_STATE[name] ? PAINT_STATE[name] : null;
  }

  function stateFirst(name, value) {
    if (value && value.type === "identity") {
      return ["coalesce", ["feature-state", value.property], ["get", value.property]];
    }
    var key = sharedStateKey(name, value);
    return key ? ["coalesce", ["feature-state", key], value] : value;
  }

  function statePaint(paint) {
    var out = {};
    Object.keys(paint || {}).forEach(function (name) { out[name] = stateFirst(name, paint[name]); });
    return out;
  }

  function keyFeatures(data) {
    (data && data.features ? data.features : []).forEach(function (feature) {
      if (feature.id !== undefined && feature.properties) {
        feature.properties[STATE_KEY] = feature.id;
      }
    });
  }

  /* A GeoJSON source keyed by location; its new data clears the states of the old. */
  function keySource(map, id) {
    var source = map.getSource(id);
    if (!source || !source.setData || source.cimKeyed) {
      return;
    }
    source.cimKeyed = true;
    source.promoteId = STATE_KEY;
    if (source.workerOptions) {
      source.workerOptions.promoteId = STATE_KEY;
    }
    var setData = source.setData;
    source.setData = function (data, waitForCompletion) {
      keyFeatures(data);
      map.removeFeatureState({ source: id });
      if (map.cimFed) {
        map.cimFed.push(id);  // an in-place redraw waits for it (redrawInPlace)
      }
      return setData.call(this, data, waitForCompletion);
    };
  }

  function keyMap(map) {
    if (map.cimKeyed) {
      return;
    }
    map.cimKeyed = true;
    var addSource = map.addSource;
    var addLayer = map.addLayer;
    var setPaintProperty = map.setPaintProperty;
    map.addSource = function (id, source) {
      if (source && source.type === "geojson") {
        keyFeatures(source.data);
        source = Object.assign({}, source, { promoteId: STATE_KEY });
      }
      var added = addSource.call(this, id, source);
      if (source && source.type === "geojson") {
        keySource(map, id);
      }
      return added;
    };
    map.addLayer = function (layer, before) {
      if (layer && layer.paint) {
        layer = Object.assign({}, layer, { paint: statePaint(layer.paint) });
      }
      return addLayer.call(this, layer, before);
    };
    map.setPaintProperty = function (layer, name, value, options) {
      return setPaintProperty.call(this, layer, name, stateFirst(name, value), options);
    };
  }

  /* The map keyed as soon as it is drawn. Choropleths drawn before are handed their data once
   * more (keyed) when the browser is idle, so that even the first change is a recolour without
   * delaying the first drawing. */
  function prepare(gd) {
    var subplot = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!subplot || !subplot.map || subplot.map.cimKeyed) {
      return;
    }
    keyMap(subplot.map);
    var later = window.requestIdleCallback || function (task) { return setTimeout(task, 1000); };
    later(function () {
      (gd._fullData || []).forEach(function (trace, index) {
        var glTrace = trace._glTrace;
        if (trace.type !== "choroplethmap" || !glTrace || glTrace.subplot !== subplot ||
            !subplot.map.getSource(glTrace.sourceId)) {
          return;
        }
        var fresh = !subplot.map.getSource(glTrace.sourceId).cimKeyed;
        keySource(subplot.map, glTrace.sourceId);
        if (fresh && trace.visible === true && gd.calcdata && gd.calcdata[index]) {
          glTrace.update(gd.calcdata[index]);
        }
      });
      prefetchGeometry(gd);
    }, { timeout: 2000 });
  }

  /* The polygons of the traces not shown yet (the other levels), fetched while the browser is
   * idle into plotly's own store of GeoJSON by address, where plotly fetches a shown trace's:
   * a level change can then switch them on in place. The files are the cacheable geometry the
   * server sends once (dashboard/app.py, serve_geometry). */
  var prefetching = {};

  function prefetchGeometry(gd) {
    var assets = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {};
    (gd.data || []).forEach(function (trace) {
      var url = trace.geojson;
      if (typeof url !== "string" || assets[url] || prefetching[url] || !window.fetch) {
        return;
      }
      prefetching[url] = window.fetch(url)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (geojson) {
          if (geojson && !assets[url]) {
            assets[url] = geojson;
          }
        })
        .catch(function () { /* a full redraw fetches it then */ })
        .then(function () { delete prefetching[url]; });
    });
  }

  function recolourable(glTrace) {
    var source = glTrace.subplot.map.getSource(glTrace.sourceId);
    return Boolean(source && source.cimKeyed && glTrace.subplot.map.cimKeyed);
  }

  function recolour(glTrace, calcTrace) {
    var converted = null;
    var plotlyUpdate = glTrace._update;
    glTrace._update = function (options) { converted = options; };
    try {
      glTrace.update(calcTrace);  // plotly's own conversion: colours, opacities, hover polygons
    } finally {
      glTrace._update = plotlyUpdate;
    }
    var map = glTrace.subplot.map;
    var shared = {};  // a paint now one value for all polygons: that value as each one's state
    glTrace.layerList.forEach(function (entry) {
      var paint = converted[entry[0]] ? converted[entry[0]].paint : {};
      Object.keys(paint).forEach(function (name) {
        var key = sharedStateKey(name, paint[name]);
        if (key) {
          shared[key] = paint[name];
        }
      });
    });
    converted.geojson.features.forEach(function (feature) {
      var state = Object.assign({}, shared);
      STATE_PROPERTIES.forEach(function (name) {
        if (name in feature.properties) {
          state[name] = feature.properties[name];
        }
      });
      map.setFeatureState({ source: glTrace.sourceId, id: feature.id }, state);
    });
  }

  /* Labels appear with the picture they belong to, not faded in over the next 300 ms of frames
   * (MapLibre's `fadeDuration`, which plotly does not expose): in software WebGL each of those
   * frames costs 50-140 ms of the main thread. (A new map's first picture is held back until
   * it is whole: assets/map_whole_frame.js.) */
  function labelsAtOnce(map) {
    if (!map.cimLabelsAtOnce) {
      map.cimLabelsAtOnce = true;
      map._fadeDuration = 0;
    }
  }

  /* Every map graph on the page, found as soon as plotly has made its MapLibre map (before
   * its first frame) and prepared once it has drawn; Dash may replace the graph. */
  function watch() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      var subplot = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
      if (subplot && subplot.map) {
        labelsAtOnce(subplot.map);
      }
      if (gd.on && !gd.cimWatched && subplot) {
        gd.cimWatched = true;
        gd.on("plotly_afterplot", function () { prepare(gd); });
        prepare(gd);
      }
    });
  }

  var looking = false;
  new MutationObserver(function () {
    if (!looking) {  // once per batch of changes to the page, before the next frame
      looking = true;
      Promise.resolve().then(function () { looking = false; watch(); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  /* Resolves when every source in `ids` has its new data tiled (at most `limitMs`). */
  function sourcesLoaded(map, ids, limitMs) {
    return new Promise(function (resolve) {
      function waiting() {
        return ids.filter(function (id) { return map.getSource(id) && !map.isSourceLoaded(id); });
      }
      if (!waiting().length) {
        resolve();
        return;
      }
      var timer = setTimeout(done, limitMs);
      function check() {
        if (!waiting().length) {
          done();
        }
      }
      function done() {
        clearTimeout(timer);
        map.off("sourcedata", check);
        resolve();
      }
      map.on("sourcedata", check);
    });
  }

  /* New points and new colours in one frame. Points are new GeoJSON, tiled in MapLibre's worker
   * before they can be drawn; colours are feature state, drawn in the very next frame. Set at
   * once, the map showed new colours over old points, then the new points: two or three frames
   * where one does (each 50-140 ms in software WebGL). So the points go first, and the colours
   * are set in the same task that hears their tiles are in (sourcedata), before MapLibre's next
   * frame; a worker slower than SOURCE_WAIT_MS does not hold the colours back longer. */
  var SOURCE_WAIT_MS = 400;

  function redrawInPlace(gd, indices, before) {
    var map = gd._fullLayout.map._subplot.map;
    var recolours = [];
    var fed = map.cimFed = [];
    try {
      for (var k = 0; k < indices.length; k += 1) {
        var index = indices[k];
        var trace = gd._fullData[index];
        if (!showing(gd, index)) {
          if (before[index]) {
            hide(trace._glTrace);  // switched off; hidden traces need nothing more
          }
          continue;
        }
        var calcTrace = trace._module.calc(gd, trace);
        calcTrace[0].trace = trace;
        calcTrace[0].t = calcTrace[0].t || {};
        gd.calcdata[index] = calcTrace;
        // A choropleth that was showing keeps its polygons and takes new colours; one switched
        // on gets its polygons (and layers shown) from plotly's own update.
        if (before[index] && trace.type === "choroplethmap" && recolourable(trace._glTrace)) {
          recolours.push([trace._glTrace, calcTrace]);
        } else {
          trace._glTrace.update(calcTrace);
        }
      }
    } finally {
      map.cimFed = null;
    }
    // Until the new data is tiled, MapLibre's frames still load tiles but draw nothing: a frame
    // of the old picture costs 40-90 ms of the main thread in software WebGL and only holds the
    // new one back (3,000 points redrawn: click median 316 -> 278 ms in a paired run).
    // (The painter's rest is assets/map_whole_frame.js's, shared with a full redraw's.)
    var painter = window.creativeMapPainter;
    var resume = fed.length > 0 && painter ? painter.rest(map) : null;
    return sourcesLoaded(map, fed, SOURCE_WAIT_MS).then(function () {
      if (resume) {
        resume();
      }
      recolours.forEach(function (entry) { recolour(entry[0], entry[1]); });
      return drawn(map);
    });
  }

  function drawable(gd, indices) {
    var subplot = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!subplot || !subplot.map || !gd.calcdata || !window.Plotly || !window.Plotly.restyle) {
      return false;
    }
    var assets = window.PlotlyGeoAssets || {};
    return indices.every(function (index) {
      var trace = gd._fullData[index];
      var geojson = gd.data[index].geojson;
      var polygons = gd.data[index].visible === false || typeof geojson !== "string" || assets[geojson];
      return Boolean(trace && trace._glTrace && trace._glTrace.subplot === subplot &&
        trace._module && trace._module.calc && polygons);
    });
  }

  /* A view the server framed anew (a district or municipality chosen), already written into
   * the figure's layouts (see apply): set in plotly's full layout and handed to the map by
   * plotly's own updateLayout (which assets/map_fit.js fits to a narrow map). No relayout
   * event: the address gets no "at=", as after a framing by a figure patch. */
  function moveView(gd, view) {
    var full = gd._fullLayout.map;
    full.center = view.center;
    full.zoom = view.zoom;
    full._subplot.updateLayout(gd._fullLayout);
  }

  /* The map's answer redrawn in place (assets/map_first.js hands it over as it arrives):
   * ``update.traces`` the changed leaves per trace, ``update.view`` a new frame, if any;
   * ``figure`` the graph's figure as Dash keeps it. */
  function apply(update, graphId, figure) {
    var gd = graphOf(graphId);
    if (!update || !update.traces || !gd || !gd.data) {
      return;
    }
    var indices = Object.keys(update.traces).map(Number);
    var before = {};  // which traces showed before this change (a level change switches some)
    indices.forEach(function (index) { before[index] = showing(gd, index); });
    indices.forEach(function (index) {
      update.traces[index].forEach(function (leaf) {
        assign(gd.data[index], leaf[0], leaf[1]);
      });
    });
    if (update.view) {
      // Dash hands plotly a copy of the figure's layout: both get the view, so the next figure
      // patch (made from Dash's) and a redraw (from plotly's) keep the frame.
      [gd.layout, figure && figure.layout].forEach(function (layout) {
        if (layout) {
          assign(layout, ["map", "center"], update.view.center);
          assign(layout, ["map", "zoom"], update.view.zoom);
        }
      });
    }
    if (!drawable(gd, indices)) {
      window.Plotly.redraw(gd);
      return;
    }
    var bars = indices.filter(function (index) { return gd.data[index].colorbar; });
    var target = bars.length ? bars : indices.slice(0, 1);
    var titles = target.map(function (index) {
      var bar = gd.data[index].colorbar;
      return bar && bar.title ? bar.title.text : undefined;
    });
    // The colour bars' restyle also makes plotly re-derive the changed traces' full settings
    // (a change of the view alone has none).
    var restyled = target.length
      ? window.Plotly.restyle(gd, { "colorbar.title.text": titles }, target)
      : Promise.resolve();
    var drawing = restyled
      .then(function () {
        if (update.view) {
          moveView(gd, update.view);
        }
        return redrawInPlace(gd, indices, before);
      })
      .then(function () { gd.emit("plotly_afterplot"); })
      .catch(function (error) {
        window.console.warn("map redrawn in full, the in-place redraw failed:", error);
        return window.Plotly.redraw(gd);
      })
      .then(function () {
        if (current === drawing) {
          current = null;
        }
      });
    current = drawing;
  }

  /* The in-place redraw under way, or null (assets/map_first.js waits for it). */
  function drawing() {
    return current;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.creativeMapFast = { apply: apply, drawing: drawing };
})();

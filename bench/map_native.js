/* The map alone drawn by MapLibre GL JS, no plotly.js (bench/map_native.py, a floor of the felt
 * bench). `cimNativeMap(container, spec)` fetches the area polygons, puts everything the spec
 * holds into one style -- areas under the base style's rivers, points under its `points-top`
 * hook, labels on top with the app's white halo -- and makes the map once, so MapLibre loads
 * it all before its first idle frame. The map is left on `window.__cimNativeMap` for the
 * bench's probe. */
(function () {
  "use strict";

  function whenLibrary(run) {
    if (window.maplibregl) {
      run();
    } else {
      window.addEventListener("maplibre-ready", run, { once: true });
    }
  }

  function areaData(area, geojson) {
    var features = geojson.features.filter(function (feature) { return feature.id in area.fill; });
    features.forEach(function (feature) {
      feature.properties = { c: area.fill[feature.id], o: area.opacity[feature.id], l: area.line[feature.id] };
    });
    return { type: "FeatureCollection", features: features };
  }

  function pointData(lon, lat, properties) {
    var features = new Array(lon.length);
    for (var i = 0; i < lon.length; i += 1) {
      features[i] = { type: "Feature", geometry: { type: "Point", coordinates: [lon[i], lat[i]] }, properties: properties(i) };
    }
    return { type: "FeatureCollection", features: features };
  }

  function insertBefore(layers, hook, added) {
    var at = layers.findIndex(function (layer) { return layer.id === hook; });
    layers.splice.apply(layers, [at < 0 ? layers.length : at, 0].concat(added));
  }

  function styleOf(spec, geometries) {
    var style = JSON.parse(JSON.stringify(spec.style));
    geometries.forEach(function (geojson, i) {
      var area = spec.areas[i];
      var source = "area-" + i;
      style.sources[source] = { type: "geojson", data: areaData(area, geojson) };
      insertBefore(style.layers, "water-hook", [
        { id: source + "-fill", type: "fill", source: source,
          paint: { "fill-color": ["get", "c"], "fill-opacity": ["get", "o"] } },
        { id: source + "-line", type: "line", source: source,
          paint: { "line-color": ["get", "l"], "line-width": area.lineWidth } }
      ]);
    });
    spec.points.forEach(function (points, i) {
      var source = "points-" + i;
      style.sources[source] = { type: "geojson", data: pointData(points.lon, points.lat, function (k) {
        return { c: points.colour[k] };
      }) };
      insertBefore(style.layers, "points-top", [{
        id: source, type: "circle", source: source,
        paint: { "circle-color": ["to-color", ["at", ["get", "c"], ["literal", points.palette]]],
                 "circle-radius": points.radius, "circle-opacity": points.opacity }
      }]);
    });
    spec.labels.forEach(function (labels, i) {
      var source = "labels-" + i;
      style.sources[source] = { type: "geojson", data: pointData(labels.lon, labels.lat, function (k) {
        return { t: labels.text[k] };
      }) };
      style.layers.push({
        id: source, type: "symbol", source: source,
        layout: { "text-field": ["get", "t"], "text-font": [labels.font], "text-size": labels.size },
        paint: { "text-color": labels.colour, "text-halo-color": "rgba(255, 255, 255, 0.92)",
                 "text-halo-width": 1.6, "text-halo-blur": 0.4 }
      });
    });
    return style;
  }

  window.cimNativeMap = function (container, spec) {
    if (!container || container.cimNative) {
      return;
    }
    container.cimNative = true;
    var fetches = spec.areas.map(function (area) {
      return fetch(area.url).then(function (response) { return response.json(); });
    });
    Promise.all(fetches).then(function (geometries) {
      whenLibrary(function () {
        window.__cimNativeMap = new window.maplibregl.Map({
          container: container,
          style: styleOf(spec, geometries),
          center: spec.center,
          zoom: spec.zoom,
          fadeDuration: 0,
          attributionControl: { compact: true }
        });
      });
    });
  };
})();

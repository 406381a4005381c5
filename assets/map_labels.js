/* A white halo around the text of every map label, so a name stays readable over a dense
   cloud of enterprises or a dark choropleth. Plotly has no setting for it; MapLibre does, and
   plotly leaves paint properties it does not set alone. Applies to every map on every page
   (found as their canvases appear) and again whenever plotly adds layers ("styledata"). */
(function () {
  var HALO = { "text-halo-color": "rgba(255, 255, 255, 0.92)", "text-halo-width": 1.6, "text-halo-blur": 0.4 };

  function addHalo(map) {
    var layers = (map.getStyle() || {}).layers || [];
    layers.forEach(function (layer) {
      if (layer.type !== "symbol" || layer.id.indexOf("plotly-trace-layer-") !== 0 || /cluster/.test(layer.id)) {
        return;
      }
      Object.keys(HALO).forEach(function (name) {
        if (map.getPaintProperty(layer.id, name) !== HALO[name]) {
          map.setPaintProperty(layer.id, name, HALO[name]);
        }
      });
    });
  }

  function hookMap(graph) {
    var subplot = graph._fullLayout && graph._fullLayout.map && graph._fullLayout.map._subplot;
    var map = subplot && subplot.map;
    if (!map || map._labelHalo) { return; }
    map._labelHalo = true;
    map.on("styledata", function () { addHalo(map); });
    if (map.isStyleLoaded()) { addHalo(map); }
  }

  /* A map is hooked as soon as its canvas is in the page, before plotly adds its layers, so the
     halo is set as each layer arrives and costs no extra frame. */
  function hookMaps() {
    document.querySelectorAll(".js-plotly-plot").forEach(hookMap);
  }

  new MutationObserver(hookMaps).observe(document.documentElement, { childList: true, subtree: true });
})();

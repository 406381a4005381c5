/* MapLibre (inside plotly.js) labels its map and its credits button in English ("Map",
   "Toggle attribution"), and plotly.js gives no way to pass it a locale. The page carries those
   texts in its own language (#maplibre-texts, from the message catalogue); this puts them on
   every map as it appears. */
(function () {
  "use strict";
  function relabel() {
    var texts = document.getElementById("maplibre-texts");
    if (!texts) return;
    document.querySelectorAll(".maplibregl-canvas").forEach(function (canvas) {
      if (canvas.getAttribute("aria-label") !== texts.dataset.map) {
        canvas.setAttribute("aria-label", texts.dataset.map);
      }
    });
    document.querySelectorAll(".maplibregl-ctrl-attrib-button").forEach(function (button) {
      if (button.getAttribute("title") !== texts.dataset.attribution) {
        button.setAttribute("title", texts.dataset.attribution);
        button.setAttribute("aria-label", texts.dataset.attribution);
      }
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; relabel(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();

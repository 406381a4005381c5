/* The region fitted in a map narrower than the one its view was made for.
 *
 * The server frames the region (and any unit it zooms to) for a map of a known width
 * (dashboard/analysis/geometry.py, fit_view), and a figure says which in its layout's
 * `meta.cimViewWidth`. On a phone the map is about half that wide, so the region was cut left
 * and right. Here such a map's view is seen through a lens: MapLibre shows every zoom the figure
 * asks for lowered by log2(shown width / made-for width) -- the same extent in fewer pixels --
 * and plotly reads the view back raised by as much. Everything outside the browser (the figure,
 * the address's `at=`, a shared link) keeps the made-for zoom, so a view sent from a phone opens
 * on a laptop showing the same area. Maps as wide or wider are left as they are.
 *
 * plotly keeps no option for this: its map subplot sets the zoom in `updateLayout` and reads
 * it in `getView` (every pan and zoom of the reader), the two places wrapped here.
 */
(function () {
  "use strict";

  function subplotOf(gd) {
    var layout = gd._fullLayout;
    return layout && layout.map && layout.map._subplot;
  }

  function madeFor(gd) {
    var meta = gd._fullLayout && gd._fullLayout.meta;
    var width = meta && meta.cimViewWidth;
    return typeof width === "number" && width > 0 ? width : null;
  }

  var MARGIN = 0.9;  // a narrow map keeps a tenth of its width free around the region

  /* How much lower than the figure's zoom the map shows (0 or negative). */
  function offset(gd, map) {
    var width = madeFor(gd);
    var shown = map.getContainer().clientWidth;
    return width && shown > 0 && shown < width ? Math.log2((shown * MARGIN) / width) : 0;
  }

  function fit(gd) {
    var subplot = subplotOf(gd);
    if (!subplot || !subplot.map || subplot.cimFitted) {
      return;
    }
    subplot.cimFitted = true;
    var map = subplot.map;
    var getView = subplot.getView;
    var updateLayout = subplot.updateLayout;
    subplot.getView = function () {
      var view = getView.apply(this, arguments);
      view.zoom -= offset(gd, map);
      return view;
    };
    subplot.updateLayout = function () {
      var setZoom = map.setZoom;
      map.setZoom = function (zoom, data) { return setZoom.call(this, zoom + offset(gd, map), data); };
      try {
        return updateLayout.apply(this, arguments);
      } finally {
        map.setZoom = setZoom;
      }
    };
    var start = offset(gd, map);  // the zoom the map was made with, before its first frame
    if (start) {
      map.jumpTo({ zoom: map.getZoom() + start });
    }
  }

  var looking = false;
  new MutationObserver(function () {
    if (!looking) {
      looking = true;
      Promise.resolve().then(function () {
        looking = false;
        document.querySelectorAll(".js-plotly-plot").forEach(fit);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();

/* Presenter mode (/present): keys, the map's framing, full screen and the address bar.
   Only acts on a page that has the presenter's root element, so it is inert elsewhere.

   Keys: → ↓ PageDown Space = next view; ← ↑ PageUp = previous; Home / End = first / last;
   F = full screen (Esc leaves it); H = clean slide (hides key hints, languages and the way out,
   kept for the session). A presentation clicker sends PageUp / PageDown. The keys press the
   page's own buttons, so keyboard, clicker and mouse share one path. */
(function () {
  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var PREVIOUS = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1 };
  var JUMP = { Home: "present-first", End: "present-last" };
  var lastFit = null;

  var CLEAN_KEY = "cim-present-clean";

  function root() { return document.getElementById("present-root"); }

  /* The clean slide: nothing on the projected screen but the talk itself. */
  function setClean(on) {
    var page = root();
    if (!page) { return; }
    page.classList.toggle("present-clean", on);
    try { window.sessionStorage.setItem(CLEAN_KEY, on ? "1" : ""); } catch (error) { /* private mode */ }
  }

  function remembersClean() {
    try { return window.sessionStorage.getItem(CLEAN_KEY) === "1"; } catch (error) { return false; }
  }

  /* Type sizes are given for a 1080-pixel-high screen; a smaller or larger screen scales them. */
  function scaledFonts(patch, sizes, reference) {
    var scale = (window.innerHeight || reference) / reference;
    (sizes || []).forEach(function (entry) {
      patch.assign(entry[0], Math.max(10, Math.round(entry[1] * scale)));
    });
    return patch;
  }

  function press(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) { button.click(); }
  }

  function toggleFullscreen() {
    var page = document.documentElement;
    if (document.fullscreenElement) {
      if (document.exitFullscreen) { document.exitFullscreen(); }
    } else if (page.requestFullscreen) {
      page.requestFullscreen().catch(function () { /* refused (no user gesture): nothing to do */ });
    }
  }

  window.addEventListener("keydown", function (event) {
    if (!root() || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target || {};
    var tag = (target.tagName || "").toUpperCase();
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) { return; }
    var onControl = tag === "BUTTON" || tag === "A" || tag === "SUMMARY";
    var key = event.key;
    var id = null;
    if (NEXT[key] && !(onControl && (key === " " || key === "Spacebar"))) {
      id = "present-next";
    } else if (PREVIOUS[key]) {
      id = "present-previous";
    } else if (JUMP[key]) {
      id = JUMP[key];
    } else if ((key === "f" || key === "F") && !event.shiftKey) {
      event.preventDefault();
      toggleFullscreen();
      return;
    } else if (key === "h" || key === "H") {
      event.preventDefault();
      setClean(!root().classList.contains("present-clean"));
      return;
    }
    if (id) {
      // Captured before the map sees it: arrows step the story instead of panning the map.
      event.preventDefault();
      event.stopPropagation();
      press(id);
    }
  }, true);

  /* Web Mercator: centre and zoom that show a lon/lat box in a w × h pixel map. */
  function mercatorY(lat) {
    var s = Math.sin(lat * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  function frame(bounds, fill, width, height) {
    var x0 = (bounds[0] + 180) / 360, x1 = (bounds[2] + 180) / 360;
    var y0 = mercatorY(bounds[3]), y1 = mercatorY(bounds[1]);
    var dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
    var zoom = Math.log2(Math.min(width * fill / (dx * 512), height * fill / (dy * 512)));
    var cy = (y0 + y1) / 2;
    return {
      center: { lon: ((x0 + x1) / 2) * 360 - 180, lat: 360 / Math.PI * Math.atan(Math.exp((0.5 - cy) * 2 * Math.PI)) - 90 },
      zoom: Math.min(Math.max(zoom, 0), 14)
    };
  }

  function applyFit(attempt) {
    var graph = document.querySelector("#present-map .js-plotly-plot");
    var layout = graph && graph._fullLayout;
    var map = layout && layout.map && layout.map._subplot && layout.map._subplot.map;
    if (!lastFit || !lastFit.bounds) { return; }
    if (!map || !map.isStyleLoaded() || graph.clientWidth === 0) {
      if ((attempt || 0) < 600) { window.setTimeout(function () { applyFit((attempt || 0) + 1); }, 100); }
      return;
    }
    var container = map.getContainer();
    var view = frame(lastFit.bounds, lastFit.fill || 0.9, container.clientWidth, container.clientHeight);
    // MapLibre moves at once; Plotly hears its "moveend" and keeps its layout in step.
    map.jumpTo({ center: [view.center.lon, view.center.lat], zoom: view.zoom });
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    if (!root()) { return; }
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () { applyFit(0); }, 150);
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    presenting: {
      /* Frame the step's area in the map as big as the screen makes it. The view goes into the
         figure itself (a Patch), so every later redraw keeps it; a new uirevision per step and
         size lets it replace the previous step's view. */
      fitMap: function (state) {
        var noUpdate = window.dash_clientside.no_update;
        if (!state || state.show !== "map" || !state.fit || !state.fit.bounds) { return noUpdate; }
        lastFit = state.fit;
        var box = document.getElementById("present-map-box");
        if (!box || box.clientWidth === 0 || box.clientHeight === 0) {
          window.setTimeout(function () { applyFit(0); }, 0);
          return noUpdate;
        }
        if (remembersClean()) { setClean(true); }
        // The map has its share of the stage's width and the legend stands in the rest; on a
        // narrow stage the legend lies under the map and the map has a share of the height.
        var narrow = state.fit.narrow;
        var under = Boolean(narrow && box.clientWidth < narrow.below);
        var width = box.clientWidth * (under ? 1 : state.fit.width || 1);
        var height = box.clientHeight * (under ? narrow.height : 1);
        var view = frame(state.fit.bounds, state.fit.fill || 0.9, width, height);
        var patch = new window.dash_clientside.Patch()
          .assign(["layout", "map", "center"], view.center)
          .assign(["layout", "map", "zoom"], view.zoom)
          .assign(["layout", "uirevision"], "fit-" + state.step + "-" + box.clientWidth + "x" + box.clientHeight);
        ((narrow && (under ? narrow.under : narrow.side)) || []).forEach(function (entry) {
          patch.assign(entry[0], entry[1]);
        });
        var fonts = state.fonts || {};
        return scaledFonts(patch, fonts.map, fonts.reference || 1080).build();
      },
      /* The ranking's type, scaled to the screen like the map's. */
      scaleRanking: function (state) {
        var fonts = (state && state.fonts) || {};
        if (!state || state.show !== "ranking" || !(fonts.ranking || []).length) {
          return window.dash_clientside.no_update;
        }
        if (remembersClean()) { setClean(true); }
        return scaledFonts(new window.dash_clientside.Patch(), fonts.ranking, fonts.reference || 1080).build();
      },
      syncUrl: function (state) {
        if (!state) { return ""; }
        var rest = "story=" + encodeURIComponent(state.story) + "&step=" + (state.step + 1);
        var search = "?lang=" + encodeURIComponent(state.language) + "&" + rest;
        if (search !== window.location.search) {
          window.history.replaceState(null, "", search);  // the query only: see url_state.js
        }
        document.querySelectorAll(".present-lang").forEach(function (link) {
          link.setAttribute("href", "?lang=" + link.getAttribute("lang") + "&" + rest);
        });
        var exit = document.querySelector(".present-exit");
        if (exit) {
          var view = (state.view || "").replace(/^\?/, "");
          exit.setAttribute("href", "/?lang=" + encodeURIComponent(state.language) + (view ? "&" + view : ""));
        }
        return "";
      },
      fullscreen: function () {
        toggleFullscreen();
        return window.dash_clientside.no_update;
      }
    },
    /* The municipality profile (/profile): the chosen unit in the address bar, and printing. */
    profilePage: {
      syncUrl: function (code, definition, language) {
        if (code) {
          var search = "?lang=" + encodeURIComponent(language) + "&municipality=" + encodeURIComponent(code) +
            (definition ? "&definition=" + encodeURIComponent(definition) : "");
          if (search !== window.location.search) {
            window.history.replaceState(null, "", search);  // the query only: see url_state.js
          }
        }
        return "";
      },
      print: function () {
        window.print();
        return "";
      }
    },
    /* The comparison (/compare): the chosen units in the address bar. */
    comparePage: {
      syncUrl: function (codes, definition, language) {
        var chosen = (codes || []).join(",");
        var search = "?lang=" + encodeURIComponent(language) + (chosen ? "&municipality=" + chosen : "") +
          (definition ? "&definition=" + encodeURIComponent(definition) : "");
        if (search !== window.location.search) {
          window.history.replaceState(null, "", search);  // the query only: see url_state.js
        }
        return "";
      }
    }
  });
})();

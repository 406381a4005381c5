/* Draws the enterprise table only when its place comes near the screen: the grid's
   scripts are large, and the map should not wait for a table below the fold. It
   presses the page's hidden "reveal" button once; Dash then renders the grid.

   The grid asks the server for its rows block by block (AG Grid's infinite row model);
   when the filters change, enterpriseTable.refresh makes it drop the blocks it holds and
   ask again, keeping its sort and column filters. */
(function () {
  function watch() {
    var slot = document.getElementById("enterprise-table-slot");
    var button = document.getElementById("enterprise-table-reveal");
    if (!slot || !button) { return false; }
    if (slot.dataset.watched) { return true; }
    slot.dataset.watched = "1";
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        button.click();
      }
    }, { rootMargin: "300px" });
    observer.observe(slot);
    return true;
  }
  // The page is rendered by Dash after load, and again after a back/forward navigation.
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.enterpriseTable = {
    refresh: function () {
      var grids = window.dash_ag_grid;
      var api = null;
      try {
        api = grids && grids.getApi ? grids.getApi("enterprise-table") : null;
      } catch (e) {
        api = null; // not drawn yet: it asks for the current rows when it is
      }
      if (api && !api.isDestroyed()) { api.purgeInfiniteCache(); }
      return window.dash_clientside.no_update;
    },
  };
})();

/* Draws the enterprise table only when its place comes near the screen: the grid's
   scripts are large, and the map should not wait for a table below the fold. It
   presses the page's hidden "reveal" button once; Dash then renders the grid. */
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
})();

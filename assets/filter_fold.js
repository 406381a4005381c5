/* Control panels that fold on a phone (components/fold.py: the explore page's filters, the
   potential and clusters pages' settings) are sent open: on a narrow screen each is folded
   behind its title row once, when it appears, so the key figures and the map come first; a tap
   on the row opens it. Wider screens keep it open: there the row is hidden and every control is
   always reachable (a closed <details> would hide its controls from the keyboard and assistive
   technology, whatever CSS shows). */
(function () {
  var NARROW = "(max-width: 991.98px)";

  function fold() {
    document.querySelectorAll("details.filter-fold").forEach(function (panel) {
      if (panel.dataset.folded) { return; }
      panel.dataset.folded = "1";
      if (window.matchMedia(NARROW).matches) { panel.open = false; }
    });
  }
  // Dash renders the page after load, and again after a back/forward navigation.
  new MutationObserver(fold).observe(document.documentElement, { childList: true, subtree: true });
})();

/* Plays the founding years on the explore page: each tick of the page's timer moves the
   year filter one year on, "founded up to that year" (the slider's range is [first, year]),
   so the map, key figures and charts follow as if the user moved the slider. The button
   starts and pauses; playing from the end starts again at the first year; the last year
   stops it. Nothing here talks to the server: the slider's new value does.

   The play never outruns the page: a tick moves on only once the page's state holds the year
   before (QUERY, derived once the map has drawn it; the views beside the map follow from it)
   or after WAIT_LIMIT_MS. Moving on every tick, a slow server's answer for one year arrived
   after the next year was asked for, and the views that wait for the map (Dash holds them
   while the map's request is out) and the address stood still until the play paused.

   While the years play, `window.cimYearsPlaying` is true: the address keeps one history entry
   for the whole play (assets/url_state.js) and the table waits for the end instead of
   reloading its rows every year (assets/lazy_table.js). */
(function () {
  var SETTLE_MS = 1200;  // the last year's answer may still be on its way when the play stops
  var WAIT_LIMIT_MS = 4000;  // a map that never shows a year must not stop the play
  var ending = null;
  var movedAt = 0;  // when the play last moved the years on

  /* Whether the page's state (its address's query) holds the years [first, upper]. */
  function shown(state, first, upper) {
    var years = new URLSearchParams(typeof state === "string" ? state : "").get("years");
    return years === first + "-" + upper;
  }

  function playing(now) {
    clearTimeout(ending);
    if (now) {
      window.cimYearsPlaying = true;
      return;
    }
    ending = setTimeout(function () {
      window.cimYearsPlaying = false;
      var table = window.dash_clientside.enterpriseTable;
      if (table && table.caughtUp) { table.caughtUp(); }
    }, SETTLE_MS);
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.yearPlay = {
    /* (button clicks, timer ticks, slider value, slider min, slider max, timer disabled, labels,
       the page's state) -> [slider value, timer disabled, button label] */
    step: function (_clicks, _ticks, years, first, last, stopped, labels, state) {
      var none = window.dash_clientside.no_update;
      var triggered = (window.dash_clientside.callback_context.triggered || []).map(function (t) {
        return t.prop_id;
      });
      var upper = years && years.length === 2 ? years[1] : last;
      if (triggered.some(function (id) { return id.indexOf("n_clicks") !== -1; })) {
        if (!stopped) { // pause where it is
          playing(false);
          return [none, true, labels.play];
        }
        var start = upper >= last ? first : upper; // from the end: start again
        playing(true);
        movedAt = Date.now();
        return [[first, start], false, labels.pause];
      }
      if (stopped) { return [none, none, none]; }
      if (!shown(state, first, upper) && Date.now() - movedAt < WAIT_LIMIT_MS) {
        return [none, none, none];  // the page does not show this year yet
      }
      movedAt = Date.now();
      var next = Math.min(upper + 1, last);
      var done = next >= last;
      if (done) { playing(false); }
      return [[first, next], done, done ? labels.play : none];
    },
  };
})();

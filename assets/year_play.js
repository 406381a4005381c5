/* Plays the founding years on the explore page: each tick of the page's timer moves the
   year filter one year on, "founded up to that year" (the slider's range is [first, year]),
   so the map, key figures and charts follow as if the user moved the slider. The button
   starts and pauses; playing from the end starts again at the first year; the last year
   stops it. Nothing here talks to the server: the slider's new value does.

   While the years play, `window.cimYearsPlaying` is true: the address keeps one history entry
   for the whole play (assets/url_state.js) and the table waits for the end instead of
   reloading its rows every year (assets/lazy_table.js). */
(function () {
  var SETTLE_MS = 1200;  // the last year's answer may still be on its way when the play stops
  var ending = null;

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
    /* (button clicks, timer ticks, slider value, slider min, slider max, timer disabled, labels)
       -> [slider value, timer disabled, button label] */
    step: function (_clicks, _ticks, years, first, last, stopped, labels) {
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
        return [[first, start], false, labels.pause];
      }
      if (stopped) { return [none, none, none]; }
      var next = Math.min(upper + 1, last);
      var done = next >= last;
      if (done) { playing(false); }
      return [[first, next], done, done ? labels.play : none];
    },
  };
})();

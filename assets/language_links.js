/* The header's language links follow the page's state without a server round trip: each link
   is the same address in another language. Used by pages whose state is a query string in a
   dcc.Store (the links' ids carry their language). */
(function () {
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    creativeMapLinks: {
      languageLinks: function (query) {
        var extra = (query || "").replace(/^\?/, "");
        var outputs = window.dash_clientside.callback_context.outputs_list || [];
        return outputs.map(function (output) {
          return "?lang=" + encodeURIComponent(output.id.lang) + (extra ? "&" + extra : "");
        });
      }
    }
  });
})();

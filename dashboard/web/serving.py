"""What a server with several workers and many visitors needs, added to the app by ``create_app``.

* ``/health`` (:mod:`dashboard.web.health`).
* Fresh data in every worker: before each request, :data:`runtime.WATCH` looks (at most once a
  second) whether the store has a new generation, and reloads in the background if so.
* Built before serving. Dash finishes an app on its *first* request: it copies the pages'
  callbacks into the app and registers the page router. It marks that done before doing it, so
  requests arriving together as the very first ones could find no callback ("Callback function
  not found", HTTP 500). :func:`prepare` makes that first request itself, before any visitor's.
* The page router's answers kept per address (:mod:`dashboard.web.pagecache`), and so are the
  first layouts that carry a page (:mod:`dashboard.web.first_layout`).
* The finished answers of the pure view callbacks (and of the router for the kept pages)
  shared by every visitor who sends the same request (:mod:`dashboard.web.answercache`).
"""

from __future__ import annotations

from dash import Dash

from dashboard.config import Settings
from dashboard.web import answercache, health, pagecache, runtime

# Pages whose layout is a function of the data, the address and the date only (see pagecache).
CACHED_PAGES = ("/", "/potential", "/compare", "/profile", "/methodology")


def prepare(app: Dash, settings: Settings) -> None:
    """Make ``app`` ready for many concurrent requests from its very first one."""
    prefix = app.config.routes_pathname_prefix or "/"
    health.register(app.server, prefix)

    @app.server.before_request
    def fresh_data() -> None:
        runtime.WATCH.check(settings.data_check_seconds)

    # Dash's own first-request set-up, done now and in this thread (any route runs it).
    app.server.test_client().get(f"{prefix}_dash-dependencies")
    if not pagecache.cache_router(app, CACHED_PAGES):
        raise RuntimeError("Dash's page router was not registered by the first request")
    answercache.install(app, CACHED_PAGES)

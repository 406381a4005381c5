"""Application factory: settings -> loaded data -> Dash app with its pages."""

from __future__ import annotations

import functools
import html
from pathlib import Path

import dash
import flask
from dash import Dash

from dashboard.analysis.mapmodel import GEOMETRY_ROUTE
from dashboard.components import problems
from dashboard.components.page_title import first_html_title
from dashboard.config import PROJECT_ROOT, Settings
from dashboard.i18n import normalise_language
from dashboard.web import (
    first_layout,
    jobs,
    on_demand,
    own_scripts,
    query,
    runtime,
    serving,
    static_compression,
)
from dashboard.web.shell import first_paint_bar

PAGES_FOLDER = Path(__file__).parent / "pages"
ASSETS_FOLDER = PROJECT_ROOT / "assets"
STATIC_FOLDER = Path(__file__).parent / "static"  # built files, e.g. the partial plotly.js
STATIC_ROUTE = "_static"
UPLOAD_BOUND_FACTOR = 4  # see create_app: how far past the upload limit a request may go
KEPT_FIRST_LAYOUTS = first_layout.kept_paths(serving.CACHED_PAGES)  # as the router's answers


class CreativeMapDash(Dash):
    """Dash, with the first HTML's ``<title>`` in the reader's language and for the page asked
    for, as the browser tab shows it before the page's own scripts have run."""

    def interpolate_index(self, **kwargs: str) -> str:
        if not flask.has_request_context():
            return super().interpolate_index(**kwargs)
        prefix = self.config.requests_pathname_prefix or "/"
        path = flask.request.path.removeprefix(prefix.rstrip("/"))
        kwargs["title"] = html.escape(first_html_title(path))
        # assets/plotly_early.js reads this: no plotly.js at all, or its charts-only bundle.
        if (shown := _graphs_shown(path)) != "maps":
            kwargs["metas"] = kwargs.get("metas", "") + f'<meta name="cim-graphs" content="{shown}">'
        # The layout's request names this address, whatever a proxy's policy: the first layout
        # then carries the page (dashboard/web/first_layout.py).
        kwargs["metas"] = kwargs.get("metas", "") + first_layout.REFERRER_META
        # Libraries a view loads itself when it is drawn (dashboard/web/on_demand.py).
        kwargs["scripts"], later = on_demand.split_scripts(kwargs.get("scripts", ""))
        kwargs["metas"] += later
        # The document's language, for screen readers, hyphenation and Lighthouse: every
        # language switch is a new page load, so the first HTML carries the right one.
        language = normalise_language(
            flask.request.args.get("lang"), runtime.current().settings.default_language
        )
        page = _registered_page(path)
        if page is not None and page.get("top_bar", True) is not False:
            args = query.normalise_query(flask.request.args)
            kwargs["app_entry"] = first_paint_bar(
                language, runtime.current().data, page["path"], args, demo_notice=_demo_notice(page, args)
            )
        return super().interpolate_index(**kwargs).replace("<html>", f'<html lang="{language}">', 1)

    def serve_layout(self) -> flask.Response:
        """The app's layout, holding the page the browser opens (see first_layout)."""
        return first_layout.serve(self, KEPT_FIRST_LAYOUTS)

    def index(self, *args: str, **kwargs: str) -> str | flask.Response:
        """The app's HTML; for an address that is no page, with status 404 (the page then shows
        Dash's "not found"), so a load balancer or a crawler can tell."""
        body = super().index(*args, **kwargs)
        if flask.has_request_context() and not _is_page(flask.request.path, self.config):
            return flask.Response(body, status=404, mimetype="text/html")
        return body


def _graphs_shown(path: str) -> str:
    """Which plotly.js a page needs: "none" for a page registered with ``graphs=False`` (it
    shows no Plotly graph, so plotly.js would only block the browser), "charts" for one
    registered with ``maps=False`` (its graphs are charts: plotly.js without MapLibre will do),
    else "maps"."""
    page = _registered_page(path)
    if page is not None and page.get("graphs", True) is False:
        return "none"
    if page is not None and page.get("maps", True) is False:
        return "charts"
    return "maps"


def _demo_notice(page: dict, args: dict[str, str]) -> bool:
    """Whether a page's first-HTML top bar may show the synthetic-data notice: its
    ``demo_notice`` flag, or its answer for the address when the flag is a function (the map
    page shows the notice only when its filtered view holds synthetic enterprises)."""
    flag = page.get("demo_notice", True)
    return bool(flag(args)) if callable(flag) else flag is not False


def _registered_page(path: str) -> dict | None:
    """The page registered at ``path``, with the app's own flags: ``graphs=False`` (no Plotly
    graph), ``maps=False`` (charts only), ``top_bar=False`` (no top bar: its first HTML keeps
    Dash's plain entry point), ``demo_notice=False`` (never the synthetic-data notice; see
    dashboard/web/shell.py) or a function of the address's arguments saying whether this
    address shows it."""
    wanted = "/" + path.strip("/")
    return next((p for p in dash.page_registry.values() if p.get("path") == wanted), None)


def _is_page(request_path: str, config) -> bool:
    prefix = (config.requests_pathname_prefix or "/").rstrip("/")
    wanted = "/" + request_path.removeprefix(prefix).strip("/")
    return any(wanted == "/" + str(page.get("path", "")).strip("/") for page in dash.page_registry.values())


def serve_geometry(app: Dash) -> None:
    """The map polygons as files (see ``MapBase.geometry_files``): named by their content, so
    the browser keeps them for good and fetches each at most once."""

    @app.server.route(f"{app.config.routes_pathname_prefix}{GEOMETRY_ROUTE}/<name>")
    def geometry(name: str) -> flask.Response:
        body = runtime.current().map_base.geometry_files.get(name)
        if body is None:
            flask.abort(404)
        response = flask.Response(body, mimetype="application/json")
        response.headers["Cache-Control"] = static_compression.IMMUTABLE
        return response


def serve_static(app: Dash) -> None:
    """``dashboard/static`` under the app's own path prefix (Flask's ``/static`` ignores it):
    files a page asks for itself, such as the partial plotly.js ``assets/plotly_early.js``
    loads, which Dash must not put on every page as it does ``assets/``. An address with a
    version (``?v=``, the file's digest) is kept by the browser for good."""

    @app.server.route(f"{app.config.routes_pathname_prefix}{STATIC_ROUTE}/<path:name>")
    def static_file(name: str) -> flask.Response:
        response = flask.send_from_directory(STATIC_FOLDER, name)
        # Read whole, not streamed: Flask-Compress then keeps the compressed file for the next
        # visitor (dashboard/web/static_compression.py) instead of compressing it again.
        response.direct_passthrough = False
        response.make_sequence()
        if flask.request.args.get("v"):
            response.headers["Cache-Control"] = static_compression.IMMUTABLE
        return response


def create_app(settings: Settings | None = None) -> Dash:
    """Load the region's data once and build the app around it.

    Everything the page needs is served by this process: Dash's and
    Bootstrap's files from ``assets/`` and the packages, map glyphs from
    ``assets/glyphs``; nothing comes from a CDN, so it runs offline.
    """
    settings = settings or Settings.from_env()
    runtime.install(runtime.Runtime.load(settings))
    # Flask-Compress (compress=True) reads its settings when Dash enables it on this server.
    server = flask.Flask(__name__)
    server.config.update(static_compression.compression_settings())
    app = CreativeMapDash(
        __name__,
        server=server,
        background_callback_manager=jobs.background_manager(settings),  # profile exports
        use_pages=True,
        pages_folder=str(PAGES_FOLDER),
        assets_folder=str(ASSETS_FOLDER),
        assets_ignore=own_scripts.IGNORED_BY_DASH,  # served as one file: serve_own_scripts below
        title="Creative Industries Map",  # each page's title names the region (page_title.py)
        update_title=None,
        compress=True,
        serve_locally=True,
        suppress_callback_exceptions=True,
    )
    app.layout = functools.partial(first_layout.first_layout, app)
    query.guard_pages(dash.page_registry)  # any query string draws a page (issue 12)
    query.guard_callbacks(app)  # bad callback bodies: 4xx, never a traceback
    serve_geometry(app)
    serve_static(app)
    own_scripts.serve_own_scripts(app, ASSETS_FOLDER)
    problems.register_report_download(app)  # the footer's button, on every page
    # dcc.Upload sends files base64-encoded inside the callback's JSON (4/3 of their size), and
    # it can only hold each file to the limit, not several together. The import page's callback
    # answers any total over the limit with a clear message; the server refuses outright only
    # what is far beyond it (four times), so no request can exhaust memory.
    upload_bound = settings.max_upload_mb * 1024 * 1024 * UPLOAD_BOUND_FACTOR * 4 / 3
    app.server.config["MAX_CONTENT_LENGTH"] = int(upload_bound) + 1024 * 1024
    serving.prepare(app, settings)  # /health, fresh data in every worker, built before serving
    return app

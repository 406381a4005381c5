"""Application factory: settings -> loaded data -> Dash app with its pages."""

from __future__ import annotations

import html
from pathlib import Path

import dash
import flask
from dash import Dash

from dashboard.analysis.mapmodel import GEOMETRY_ROUTE
from dashboard.components import problems
from dashboard.components.page_title import first_html_title
from dashboard.config import PROJECT_ROOT, Settings
from dashboard.web import runtime

PAGES_FOLDER = Path(__file__).parent / "pages"
ASSETS_FOLDER = PROJECT_ROOT / "assets"
UPLOAD_BOUND_FACTOR = 4  # see create_app: how far past the upload limit a request may go


class CreativeMapDash(Dash):
    """Dash, with the first HTML's ``<title>`` in the reader's language and for the page asked
    for, as the browser tab shows it before the page's own scripts have run."""

    def interpolate_index(self, **kwargs: str) -> str:
        if flask.has_request_context():
            prefix = self.config.requests_pathname_prefix or "/"
            path = flask.request.path.removeprefix(prefix.rstrip("/"))
            kwargs["title"] = html.escape(first_html_title(path))
        return super().interpolate_index(**kwargs)


def serve_geometry(app: Dash) -> None:
    """The map polygons as files (see ``MapBase.geometry_files``): named by their content, so
    the browser keeps them for good and fetches each at most once."""

    @app.server.route(f"{app.config.routes_pathname_prefix}{GEOMETRY_ROUTE}/<name>")
    def geometry(name: str) -> flask.Response:
        body = runtime.current().map_base.geometry_files.get(name)
        if body is None:
            flask.abort(404)
        response = flask.Response(body, mimetype="application/json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def create_app(settings: Settings | None = None) -> Dash:
    """Load the region's data once and build the app around it.

    Everything the page needs is served by this process: Dash's and
    Bootstrap's files from ``assets/`` and the packages, map glyphs from
    ``assets/glyphs``; nothing comes from a CDN, so it runs offline.
    """
    settings = settings or Settings.from_env()
    runtime.install(runtime.Runtime.load(settings))
    app = CreativeMapDash(
        __name__,
        use_pages=True,
        pages_folder=str(PAGES_FOLDER),
        assets_folder=str(ASSETS_FOLDER),
        title="Creative Industries Map of South Serbia",
        update_title=None,
        compress=True,
        serve_locally=True,
        suppress_callback_exceptions=True,
    )
    app.layout = dash.page_container
    serve_geometry(app)
    problems.register_report_download(app)  # the footer's button, on every page
    # dcc.Upload sends files base64-encoded inside the callback's JSON (4/3 of their size), and
    # it can only hold each file to the limit, not several together. The import page's callback
    # answers any total over the limit with a clear message; the server refuses outright only
    # what is far beyond it (four times), so no request can exhaust memory.
    upload_bound = settings.max_upload_mb * 1024 * 1024 * UPLOAD_BOUND_FACTOR * 4 / 3
    app.server.config["MAX_CONTENT_LENGTH"] = int(upload_bound) + 1024 * 1024
    return app

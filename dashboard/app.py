"""Application factory: settings -> loaded data -> Dash app with its pages."""

from __future__ import annotations

from pathlib import Path

import dash
from dash import Dash

from dashboard import runtime
from dashboard.config import PROJECT_ROOT, Settings

PAGES_FOLDER = Path(__file__).parent / "pages"
ASSETS_FOLDER = PROJECT_ROOT / "assets"


def create_app(settings: Settings | None = None) -> Dash:
    """Load the region's data once and build the app around it.

    Everything the page needs is served by this process: Dash's and
    Bootstrap's files from ``assets/`` and the packages, map glyphs from
    ``assets/glyphs``; nothing comes from a CDN, so it runs offline.
    """
    settings = settings or Settings.from_env()
    runtime.install(runtime.Runtime.load(settings))
    app = Dash(
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
    # dcc.Upload sends a file base64-encoded inside the callback's JSON (4/3 of its size):
    # the server refuses anything much larger than the limit the import page states.
    app.server.config["MAX_CONTENT_LENGTH"] = int(settings.max_upload_mb * 1024 * 1024 * 4 / 3) + 1024 * 1024
    return app

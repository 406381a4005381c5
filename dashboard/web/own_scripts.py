"""The app's own scripts (``assets/*.js``) served to the browser as one file.

Dash puts each script of ``assets/`` on every page as a file of its own, after the component
libraries'. Fourteen requests of 1-20 KB then queued on a cold page behind the browser's six
connections with Dash's and the libraries' scripts: the last script of the map page arrived at
~380 ms, where a Dash page holding only the map had all of its own by ~120 ms
(``bench/map_alone.py``), and nothing runs until every script has. Served as one file, in the
order Dash gave them (by name), each keeps its own closure, so every script reads and does as
in the repository; the file's address carries a digest of its content, so a browser keeps it
until a script changes.

Placed with the external scripts, right after React and before the component libraries, it
also starts ``assets/plotly_early.js``'s fetch of plotly.js sooner.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import flask
from dash import Dash

from dashboard.web.static_compression import IMMUTABLE

# One folder deep, as assets/ is: assets/plotly_early.js finds plotly.js relative to itself.
ROUTE = "_own/scripts.js"
IGNORED_BY_DASH = r"\.js$"  # Dash's ``assets_ignore``: Dash no longer adds them one by one


@dataclass(frozen=True)
class OwnScripts:
    """The scripts of one folder as one file: its ``body`` and a ``digest`` of it."""

    body: bytes
    digest: str
    names: tuple[str, ...]

    @classmethod
    def of(cls, folder: Path) -> OwnScripts:
        """Every ``*.js`` directly in ``folder``, in name order (as Dash orders its assets)."""
        paths = sorted(folder.glob("*.js"), key=lambda path: path.name)
        # Each file ends with a line break and a semicolon, so no file's last statement runs
        # into the next file's first.
        body = "".join(f"/* assets/{p.name} */\n{p.read_text(encoding='utf-8')}\n;\n" for p in paths)
        data = body.encode("utf-8")
        return cls(data, hashlib.sha256(data).hexdigest()[:12], tuple(p.name for p in paths))


def serve_own_scripts(app: Dash, folder: Path) -> OwnScripts:
    """Serve ``folder``'s scripts as one file and put it on every page in their place."""
    scripts = OwnScripts.of(folder)
    prefix = app.config.requests_pathname_prefix or "/"
    app.config.external_scripts = [*app.config.external_scripts, f"{prefix}{ROUTE}?v={scripts.digest}"]

    @app.server.route(f"{app.config.routes_pathname_prefix}{ROUTE}")
    def own_scripts() -> flask.Response:
        response = flask.Response(scripts.body, mimetype="application/javascript")
        if flask.request.args.get("v") == scripts.digest:
            response.headers["Cache-Control"] = IMMUTABLE
        return response

    return scripts

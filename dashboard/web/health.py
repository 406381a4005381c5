"""``/health``: a small JSON answer for a load balancer or a monitor.

200 when this worker serves data and its store (if one is configured) can be read; 503
otherwise, with the reason in the body. Cheap enough to ask every second: the store is read
at most once per ``data_check_seconds`` (by the same check that notices new imports).
"""

from __future__ import annotations

import os
from importlib import metadata
from typing import Any

import flask

from dashboard.web import runtime

HEALTH_ROUTE = "health"
DISTRIBUTION = "creative-map-south-serbia"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def status() -> tuple[dict[str, Any], bool]:
    """The body and whether this worker is healthy."""
    try:
        served = runtime.current()
    except RuntimeError:
        return {"status": "starting", "version": version()}, False
    settings = served.settings
    uses_store = runtime.serves_store(settings)
    if uses_store:
        runtime.WATCH.check(settings.data_check_seconds)
    rows = len(served.data.enterprises)
    reachable = not runtime.WATCH.error if uses_store else None
    unreadable = [p.code for p in served.data.problems if p.code == "file_unreadable" and uses_store]
    healthy = rows > 0 and reachable is not False and not unreadable
    body = {
        "status": "ok" if healthy else "unavailable",
        "version": version(),
        "worker": os.getpid(),  # which server process answered (each keeps its own data)
        "data": {"loaded": rows > 0, "rows": rows, "generation": served.generation},
        "store": {
            "kind": ("postgis" if settings.database_url else "geopackage") if uses_store else "none",
            "reachable": reachable,
            "generation": runtime.WATCH.seen if uses_store else "",
            "reloading": runtime.WATCH.loading,
        },
    }
    if unreadable:
        body["store"]["problem"] = "unreadable at load"
    return body, healthy


def register(server: flask.Flask, prefix: str = "/") -> None:
    """Add the route (before Dash's catch-all would answer it with the app's HTML)."""

    @server.route(f"{prefix}{HEALTH_ROUTE}", methods=["GET", "HEAD"])
    def health() -> flask.Response:
        body, healthy = status()
        response = flask.jsonify(body)
        response.status_code = 200 if healthy else 503
        response.headers["Cache-Control"] = "no-store"
        return response

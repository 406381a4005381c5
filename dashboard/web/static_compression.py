"""Files whose address names their version, compressed once per process, not once per visitor.

Dash's ``compress=True`` (Flask-Compress) compresses every answer as it leaves. For the files a
page loads -- Dash's and the component libraries' bundles (Dash's fingerprint in the path), the
partial plotly.js and the app's own scripts (a digest in ``?v=``) -- that meant compressing the
same bytes again for every visitor's cold page, on the cores that also answer the visitors'
clicks: the partial plotly.js alone took 20 ms with zstd (as Chromium asks for it), 110 ms with
gzip and 130 ms with brotli (timed with curl), and 5 ms once kept. Flask-Compress keeps
compressed answers when given a cache; this one keeps those files' only and lets every other
answer (pages, callbacks, downloads) pass through untouched, so nothing a visitor asked for is
kept, and it holds one entry per file the app has: a file is named without its version (Dash
serves a bundle under any fingerprint), so made-up versions cannot add entries.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import flask
from dash.fingerprint import check_fingerprint

COMPONENT_SUITES = "/_dash-component-suites/"
# The app's folders of files named by a version in their address: ?v= a digest of the content
# (dashboard/static, the app's own scripts), ?m= a file's time (Dash's assets).
VERSIONED_FOLDER = re.compile(r"/(_static|_own|assets)/[^?]+$")
VERSION_ARGUMENTS = ("v", "m")
# The Cache-Control of an answer whose address names its version: kept by the browser for good.
IMMUTABLE = "public, max-age=31536000, immutable"


def kept_address(request: flask.Request) -> str:
    """Flask-Compress's ``COMPRESS_CACHE_KEY``: a request's method and whole address."""
    return f"{request.method} {request.full_path}"


def versioned_file(address: str) -> str | None:
    """The file a ``kept_address`` (or Flask-Compress's key built from it, ``encoding;address``)
    names by its version -- so that the address always answers the same bytes -- as
    ``encoding;path`` (the path without Dash's fingerprint); None for any other address (a page,
    a callback, a file without version)."""
    head, _, url = address.partition(" ")
    encoding, _, method = head.rpartition(";")
    if method != "GET":
        return None
    parts = urlsplit(url)
    if COMPONENT_SUITES in parts.path:
        path, fingerprinted = check_fingerprint(parts.path)
        return f"{encoding};{path}" if fingerprinted else None
    arguments = parse_qs(parts.query)
    if VERSIONED_FOLDER.search(parts.path) and any(
        arguments.get(name, [""])[0] for name in VERSION_ARGUMENTS
    ):
        return f"{encoding};{parts.path}"
    return None


class VersionedFilesKept:
    """Flask-Compress's ``COMPRESS_CACHE_BACKEND`` (made with no arguments, once per app): the
    compressed bytes of versioned files, one version per file and encoding -- the latest asked
    for, so addresses made up with other versions cannot crowd out the page's own -- and nothing
    else. Only answers that succeeded reach it (Flask-Compress compresses no error), so only
    files that exist are kept: as many entries as the app has files, times encodings."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, bytes]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        file = versioned_file(key)
        entry = self._kept.get(file) if file else None
        return entry[1] if entry and entry[0] == key else None

    def set(self, key: str, value: bytes) -> None:
        file = versioned_file(key)
        if file:
            with self._lock:
                self._kept[file] = (key, value)


def compression_settings() -> dict[str, Any]:
    """Flask settings for Flask-Compress, read once when Dash enables it on the server."""
    return {"COMPRESS_CACHE_KEY": kept_address, "COMPRESS_CACHE_BACKEND": VersionedFilesKept}

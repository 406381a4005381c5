"""Versioned files are compressed once per process (dashboard/web/static_compression.py), and
nothing else is kept: no page, no callback answer, no file asked for without its version."""

from __future__ import annotations

import gzip as gzip_module
import re

import flask_compress.flask_compress as compress_module
import pytest

from dashboard.app import ASSETS_FOLDER, STATIC_FOLDER, create_app
from dashboard.config import Settings
from dashboard.web.static_compression import VersionedFilesKept, versioned_file

EARLY_SCRIPT = ASSETS_FOLDER / "plotly_early.js"
SUITE = "/_dash-component-suites/dash/deps/react@18.v4_4_1m1796121292.3.1.min.js"
SUITE_FILE = "/_dash-component-suites/dash/deps/react@18.3.1.min.js"


@pytest.mark.parametrize(
    ("key", "file"),
    [
        (f"gzip;GET {SUITE}?", f"gzip;{SUITE_FILE}"),
        (f"br;GET /cim{SUITE}?", f"br;/cim{SUITE_FILE}"),
        ("zstd;GET /_static/plotly-partial.min.js?v=f70cc510cfcf", "zstd;/_static/plotly-partial.min.js"),
        ("gzip;GET /_own/scripts.js?v=abc123", "gzip;/_own/scripts.js"),
        ("gzip;GET /assets/theme.css?m=1796121204.8", "gzip;/assets/theme.css"),
        (f"gzip;GET {SUITE.replace('v4_4_1m1796121292', 'v1m1')}?", f"gzip;{SUITE_FILE}"),  # any fingerprint
        ("gzip;GET /_dash-component-suites/dash/dcc/async-graph.js?", None),  # no version in it
        ("gzip;GET /_static/plotly-partial.min.js?", None),
        ("gzip;GET /_static/plotly-partial.min.js?v=", None),
        ("gzip;POST /_dash-update-component?", None),
        ("gzip;GET /?lang=en", None),
        ("gzip;GET /?v=1", None),  # a page whose address happens to carry a v
        ("gzip;GET /potential?v=1&x=/assets/a.css", None),
        ("gzip;HEAD /_own/scripts.js?v=abc123", None),
    ],
)
def test_only_files_named_by_their_version_are_kept(key, file):
    assert versioned_file(key) == file


def test_one_version_per_file_and_encoding_is_kept():
    kept = VersionedFilesKept()
    kept.set("gzip;POST /_dash-update-component?", b"answer")
    assert kept.get("gzip;POST /_dash-update-component?") is None
    kept.set("gzip;GET /_own/scripts.js?v=old", b"old")
    kept.set("gzip;GET /_own/scripts.js?v=new", b"new")
    kept.set("br;GET /_own/scripts.js?v=new", b"brotli")
    assert kept.get("gzip;GET /_own/scripts.js?v=new") == b"new"
    assert kept.get("gzip;GET /_own/scripts.js?v=old") is None  # the latest version asked for
    assert kept.get("br;GET /_own/scripts.js?v=new") == b"brotli"


def test_the_app_compresses_a_versioned_file_once_and_every_answer_as_before(monkeypatch):
    calls: list[int] = []
    compress = compress_module._compress_data

    def counted(app, data: bytes, algorithm: str) -> bytes:
        calls.append(len(data))
        return compress(app, data, algorithm)

    monkeypatch.setattr(compress_module, "_compress_data", counted)
    client = create_app(Settings()).server.test_client()
    gzip = {"Accept-Encoding": "gzip"}
    page = client.get("/?lang=en").get_data(as_text=True)
    plotly = re.search(r"_static/plotly-partial\.min\.js\?v=[0-9a-f]+", EARLY_SCRIPT.read_text()).group(0)
    own = re.search(r'src="(/_own/scripts\.js\?v=[0-9a-f]+)"', page).group(1)
    for address in (f"/{plotly}", own, f"/{plotly}&lang=x"):
        calls.clear()
        first = client.get(address, headers=gzip)
        second = client.get(address, headers=gzip)
        assert first.status_code == second.status_code == 200
        assert first.headers["Content-Encoding"] == second.headers["Content-Encoding"] == "gzip"
        assert first.data == second.data and len(calls) == 1, address
    assert gzip_module.decompress(first.data) == (STATIC_FOLDER / "plotly-partial.min.js").read_bytes()
    calls.clear()
    client.get("/?lang=en", headers=gzip)
    client.get("/?lang=en", headers=gzip)
    assert len(calls) == 2  # a page is compressed each time it is asked for, never kept


def test_made_up_fingerprints_add_no_entries():
    """Dash serves a bundle under any fingerprint; kept by the file, a stream of made-up ones
    (an attacker's, or old pages') cannot grow the process's memory."""
    server = create_app(Settings()).server
    kept = next(
        f.__self__.cache
        for f in server.after_request_funcs[None]
        if type(getattr(f, "__self__", None)).__name__ == "Compress"
    )
    client = server.test_client()
    for number in range(1, 6):
        made_up = SUITE.replace("v4_4_1m1796121292", f"v{number}m{number}")
        answer = client.get(made_up, headers={"Accept-Encoding": "gzip"})
        assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "gzip"
    assert list(kept._kept) == [f"gzip;{SUITE_FILE}"]

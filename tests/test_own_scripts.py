"""The app's own scripts reach the browser as one file (dashboard/web/own_scripts.py): every
script of assets/ in it, verbatim and in Dash's order, under the app's path prefix, kept by the
browser for good only at the address of its current content; and no page asks for them one by
one any more."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import flask
import pytest

from dashboard.app import ASSETS_FOLDER, create_app
from dashboard.config import Settings
from dashboard.web.own_scripts import ROUTE, OwnScripts, serve_own_scripts


def _fake_app(prefix: str) -> SimpleNamespace:
    # Only what serve_own_scripts reads of a Dash app: a second Dash would become dash's current app.
    config = SimpleNamespace(
        routes_pathname_prefix=prefix, requests_pathname_prefix=prefix, external_scripts=[]
    )
    return SimpleNamespace(server=flask.Flask(__name__), config=config)


@pytest.mark.parametrize("prefix", ["/", "/cim/"])
def test_every_own_script_is_in_one_file_under_the_apps_prefix(prefix):
    app = _fake_app(prefix)
    scripts = serve_own_scripts(app, ASSETS_FOLDER)
    names = sorted(path.name for path in ASSETS_FOLDER.glob("*.js"))
    assert list(scripts.names) == names and "map_fast.js" in names and "plotly_early.js" in names
    (address,) = app.config.external_scripts
    assert address == f"{prefix}{ROUTE}?v={scripts.digest}"
    client = app.server.test_client()
    kept = client.get(address)
    assert kept.status_code == 200 and kept.data == scripts.body
    assert kept.mimetype == "application/javascript" and "immutable" in kept.headers["Cache-Control"]
    stale = client.get(f"{prefix}{ROUTE}?v=000000000000")  # an old page's address: not kept for good
    assert stale.data == scripts.body and "immutable" not in stale.headers.get("Cache-Control", "")
    # Each script verbatim, in name order (as Dash put them on the page one by one).
    text = kept.data.decode("utf-8")
    starts = [text.index(Path(ASSETS_FOLDER, name).read_text(encoding="utf-8")) for name in names]
    assert starts == sorted(starts)
    # assets/plotly_early.js finds plotly.js relative to its own address: still under the prefix.
    plotly = urljoin(f"http://host{address}", "../_static/plotly-partial.min.js")
    assert plotly == f"http://host{prefix}_static/plotly-partial.min.js"


def test_a_changed_script_changes_the_address(tmp_path):
    (tmp_path / "a.js").write_text("var a = 1\n", encoding="utf-8")
    (tmp_path / "b.js").write_text("(function () {})()", encoding="utf-8")
    (tmp_path / "style.css").write_text("body {}", encoding="utf-8")
    first = OwnScripts.of(tmp_path)
    assert first.names == ("a.js", "b.js")
    # No file's last statement runs into the next one's first (a file without a final newline
    # or semicolon would otherwise call the next file's parenthesis).
    assert "var a = 1\n\n;\n/* assets/b.js */" in first.body.decode()
    (tmp_path / "b.js").write_text("(function () { return 2; })()", encoding="utf-8")
    assert OwnScripts.of(tmp_path).digest != first.digest


def test_pages_ask_for_the_one_file_and_no_script_of_assets_alone():
    app = create_app(Settings())
    client = app.server.test_client()
    for path in ("/", "/methodology", "/present"):
        html = client.get(path).get_data(as_text=True)
        sources = re.findall(r'<script src="([^"]+)"', html)
        assert [s for s in sources if ROUTE in s] == app.config.external_scripts[-1:], path
        assert not [s for s in sources if "/assets/" in s], path
        # React first (the scripts use none of it), then the own scripts, then the libraries.
        own = next(i for i, s in enumerate(sources) if ROUTE in s)
        assert "react-dom" in sources[own - 2] and "dash_bootstrap_components" in sources[own + 1]

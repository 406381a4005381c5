"""The partial plotly.js bundle (``dashboard/static/plotly-partial.min.js``) the pages load.

It is built by ``scripts/build_plotly_bundle.py`` and committed, so nothing rebuilds it by
itself: these tests fail when it falls out of step with what it must match, i.e. the
plotly.js of the installed Python ``plotly`` (an upgrade without a rebuild), the trace types
the app's figures use (a new ``go.Pie`` would draw nothing), and the address
``assets/plotly_early.js`` asks for (a rebuild that browsers would not fetch).
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import re
import time
import urllib.request
from pathlib import Path
from types import ModuleType, SimpleNamespace

import flask
import plotly.graph_objects as go
import pytest
from plotly.basedatatypes import BaseTraceType

from dashboard.app import STATIC_ROUTE, create_app, serve_static
from dashboard.config import PROJECT_ROOT, Settings

PORT = 8088  # the browser test's server


def _build_module() -> ModuleType:
    """``scripts/build_plotly_bundle.py`` (not a package), for its paths and header parsing."""
    path = PROJECT_ROOT / "scripts" / "build_plotly_bundle.py"
    spec = importlib.util.spec_from_file_location("build_plotly_bundle", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()
TRACE_TYPES = {
    cls.__name__.lower()
    for _, cls in inspect.getmembers(go, inspect.isclass)
    if issubclass(cls, BaseTraceType) and cls is not BaseTraceType
}


def _trace_named(node: ast.AST | None) -> str | None:
    """The trace type a literal names (``"bar"``), if it is a string that is one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in TRACE_TYPES:
        return node.value
    return None


def trace_types_in_the_app() -> set[str]:
    """Trace types the app's code builds: ``go.<Trace>(...)`` calls and ``{"type": "<trace>"}``
    or ``dict(type="<trace>")`` literals anywhere in ``dashboard/``."""
    found: set[str | None] = set()
    for path in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "go":
                found.add(node.attr.lower() if node.attr.lower() in TRACE_TYPES else None)
            elif isinstance(node, ast.Dict):
                found.update(
                    _trace_named(value)
                    for key, value in zip(node.keys, node.values, strict=True)
                    if isinstance(key, ast.Constant) and key.value == "type"
                )
            elif isinstance(node, ast.keyword) and node.arg == "type":
                found.add(_trace_named(node.value))
    return {name for name in found if name}


def test_the_bundle_is_the_plotly_js_of_the_installed_python_plotly():
    assert build.OUTPUT.exists(), "run python scripts/build_plotly_bundle.py"
    assert build.version_of(build.OUTPUT) == build.version_of(build.FULL_BUNDLE), (
        "plotly was upgraded: rebuild the partial bundle (python scripts/build_plotly_bundle.py)"
    )
    assert build.LICENSE_OUTPUT.exists() and "MIT" in build.LICENSE_OUTPUT.read_text(encoding="utf-8")


def test_the_bundle_registers_every_trace_type_the_app_draws():
    used = trace_types_in_the_app()
    assert {"choroplethmap", "scattermap", "bar"} <= used  # the scan itself works
    assert used <= set(build.TRACES), f"add {sorted(used - set(build.TRACES))} to TRACES and rebuild"
    assert set(build.traces_of(build.OUTPUT)) == set(build.TRACES), "rebuild the partial bundle"
    # ...and the code really registers them: each trace module's own declaration is in it
    text = build.OUTPUT.read_text(encoding="utf-8")
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', text))
    assert registered == set(build.TRACES)


def test_the_charts_bundle_is_the_same_plotly_js_without_the_map_traces():
    """The chart pages' bundle: the same plotly.js, exactly the chart traces, no MapLibre."""
    assert build.version_of(build.CHARTS_OUTPUT) == build.version_of(build.FULL_BUNDLE), (
        "plotly was upgraded: rebuild the bundles (python scripts/build_plotly_bundle.py)"
    )
    assert set(build.CHART_TRACES) == set(build.TRACES) - set(build.MAP_TRACES)
    assert {t for t in TRACE_TYPES if t.endswith("map") and t != "heatmap"} & set(build.TRACES) <= set(
        build.MAP_TRACES
    ), "a map trace the app draws is missing from MAP_TRACES"
    assert set(build.traces_of(build.CHARTS_OUTPUT)) == set(build.CHART_TRACES), "rebuild the bundles"
    text = build.CHARTS_OUTPUT.read_text(encoding="utf-8")
    assert set(re.findall(r'moduleType:"trace",name:"(\w+)"', text)) == set(build.CHART_TRACES)
    assert "maplibre-gl-worker" not in text  # MapLibre's code (its stylesheet comes with plotly's core)
    assert len(text) < build.OUTPUT.stat().st_size / 2
    early = build.EARLY_SCRIPT.read_text(encoding="utf-8")
    stamped = build.CHARTS_DIGEST_IN_EARLY_SCRIPT.findall(early)
    assert stamped and stamped[0][1] == build.digest(build.CHARTS_OUTPUT.read_bytes()), (
        "assets/plotly_early.js names another charts build: run python scripts/build_plotly_bundle.py"
    )


def test_the_early_script_asks_for_this_very_build():
    early = build.EARLY_SCRIPT.read_text(encoding="utf-8")
    stamped = build.DIGEST_IN_EARLY_SCRIPT.findall(early)
    assert stamped and stamped[0][1] == build.digest(build.OUTPUT.read_bytes()), (
        "assets/plotly_early.js names another build: run python scripts/build_plotly_bundle.py"
    )


@pytest.mark.parametrize("prefix", ["/", "/cim/"])
def test_the_bundle_is_served_under_the_apps_prefix_and_kept_for_good(prefix):
    # Only what serve_static reads of a Dash app: a second Dash here would become dash's "current app".
    app = SimpleNamespace(server=flask.Flask(__name__), config=SimpleNamespace(routes_pathname_prefix=prefix))
    serve_static(app)
    client = app.server.test_client()
    name = build.OUTPUT.name
    versioned = client.get(f"{prefix}{STATIC_ROUTE}/{name}?v={build.digest(build.OUTPUT.read_bytes())}")
    assert versioned.status_code == 200 and versioned.data == build.OUTPUT.read_bytes()
    assert "immutable" in versioned.headers["Cache-Control"]
    assert "immutable" not in client.get(f"{prefix}{STATIC_ROUTE}/{name}").headers.get("Cache-Control", "")
    assert client.get(f"{prefix}{STATIC_ROUTE}/../app.py").status_code == 404
    assert client.get(f"{prefix}{STATIC_ROUTE}/missing.js").status_code == 404


@pytest.mark.browser
def test_the_explore_page_draws_with_the_partial_bundle(dash_duo):
    """In Serbian Cyrillic, so the toolbar's texts come through the app's own locale."""
    dash_duo.start_server(create_app(Settings()), port=PORT)
    dash_duo.wait_for_page(f"http://127.0.0.1:{dash_duo.server.port}/?lang=sr-Cyrl")
    driver = dash_duo.driver
    deadline = time.time() + 30
    while not driver.execute_script(
        """const gd = document.querySelector('#region-map .js-plotly-plot');
        return !!(gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot
            && gd._fullLayout.map._subplot.map.loaded());"""
    ):
        assert time.time() < deadline, "the map was not drawn"
        time.sleep(0.2)
    scripts = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /plotly/.test(n))"
    )
    assert any(f"/{STATIC_ROUTE}/{build.OUTPUT.name}?v=" in url for url in scripts), scripts
    assert not any("package_data/plotly.min.js" in url for url in scripts), scripts
    registered = driver.execute_script("return Object.keys(Plotly.PlotSchema.get().traces)")
    assert set(registered) == set(build.TRACES)
    drawn = driver.execute_script(
        """return [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd =>
            gd._fullData.map(t => [t.type, !!t._module]));"""
    )
    assert drawn and all(has_module for _, has_module in drawn), drawn
    assert driver.execute_script("return document.querySelector('#region-map .colorbar') !== null")
    titles = driver.execute_script(
        "return [...document.querySelectorAll('#region-map .modebar-btn')].map(b => b.dataset.title)"
    )
    assert any("Преузми" in (title or "") for title in titles), titles  # the app's locale is used
    assert not [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"], (
        dash_duo.get_logs()
    )
    # The fallback assets/plotly_early.js turns to is still served where it looks for it.
    fallback = (
        f"http://127.0.0.1:{dash_duo.server.port}/_dash-component-suites/plotly/package_data/plotly.min.js"
    )
    with urllib.request.urlopen(fallback, timeout=30) as response:
        assert response.status == 200


@pytest.mark.browser
def test_the_compare_page_draws_its_chart_with_the_charts_bundle(dash_duo):
    """/compare is registered with maps=False: it fetches the charts-only bundle, neither the
    maps' one nor the full one, and its bar chart is drawn by it."""
    dash_duo.start_server(create_app(Settings()), port=PORT)
    dash_duo.wait_for_page(f"http://127.0.0.1:{dash_duo.server.port}/compare?lang=en")
    driver = dash_duo.driver
    deadline = time.time() + 30
    drawn = None
    while not drawn:
        assert time.time() < deadline, "the comparison chart was not drawn"
        time.sleep(0.2)
        drawn = driver.execute_script(
            """const gd = document.querySelector('.js-plotly-plot');
            return gd && gd._fullData && gd.querySelector('.barlayer .point')
                && gd._fullData.map(t => [t.type, !!t._module]);"""
        )
    assert drawn and all(kind == "bar" and module for kind, module in drawn), drawn
    scripts = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /plotly/.test(n))"
    )
    assert any(f"/{STATIC_ROUTE}/{build.CHARTS_OUTPUT.name}?v=" in url for url in scripts), scripts
    others = (build.OUTPUT.name, "package_data/plotly.min.js")
    assert not any(other in url for url in scripts for other in others), scripts
    registered = driver.execute_script("return Object.keys(Plotly.PlotSchema.get().traces)")
    assert set(registered) == set(build.CHART_TRACES)
    assert not [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"], (
        dash_duo.get_logs()
    )


def test_the_cache_folder_is_never_committed():
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "scripts/.cache/" in ignored
    assert Path(build.CACHE).is_relative_to(PROJECT_ROOT / "scripts" / ".cache")

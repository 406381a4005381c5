"""Shared fixtures: the project's real region, a tiny second region built from data
here, and the headless-Chromium options for the browser tests."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.web.runtime import Runtime

CHROMIUM = Path("/usr/bin/chromium")


def pytest_setup_options():
    """Options for dash[testing]'s browser: Debian's Chromium, headless, with no traffic of its own."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    if CHROMIUM.exists():
        options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--enable-unsafe-swiftshader",
    ):
        options.add_argument(flag)
    return options


WORKER_PORT_STRIDE = 1000  # each pytest-xdist worker serves on its own ports


def worker_port_offset() -> int:
    """How far this pytest-xdist worker's ports sit from the ones a test names (0 without
    xdist and on the first worker): two workers never serve on the same port."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return WORKER_PORT_STRIDE * int(worker.removeprefix("gw") or 0)


def pytest_configure(config):
    """dash[testing] numbers the ports of servers started without one from 58050 in each
    process: each worker counts from its own."""
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port += worker_port_offset()


def _on_worker_ports(runner):
    """A dash[testing] server runner whose named ports are moved to this worker's."""
    offset = worker_port_offset()
    if offset:
        start = runner.start

        def start_on_worker_port(app, *args, **kwargs):
            if "port" in kwargs:
                kwargs["port"] += offset
            return start(app, *args, **kwargs)

        runner.start = start_on_worker_port
    return runner


@pytest.fixture
def dash_thread_server(dash_thread_server):
    """dash[testing]'s ``dash_thread_server``, serving on this worker's ports (``dash_duo``
    serves through it)."""
    return _on_worker_ports(dash_thread_server)


@pytest.fixture(scope="module")
def runtime():
    """The runtime of an app created with the default settings, as ``python app.py`` serves it
    (module scope: a test module that changes the app's data gets its own)."""
    from dashboard.app import create_app
    from dashboard.web.runtime import current

    create_app(Settings())
    return current()


@pytest.fixture
def page_text(runtime):
    """The JSON text of the page at ``path`` as Dash renders it for ``params`` (the query)."""
    import dash
    from plotly.utils import PlotlyJSONEncoder

    def render(path: str, **params) -> str:
        page = next(p for p in dash.page_registry.values() if p["path"] == path)
        return json.dumps(
            page["layout"](**params).to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False
        )

    return render


@pytest.fixture(scope="session")
def project_runtime() -> Runtime:
    """The app's data as ``python app.py`` loads it, loaded once for the session."""
    return Runtime.load(Settings())


@pytest.fixture(scope="session")
def project_data(project_runtime):
    return project_runtime.data


def _square(x: float, y: float, size: float) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def write_tiny_region(folder: Path, *, enterprises_csv: str | None = None) -> Path:
    """A made-up two-municipality region far from Serbia: proves a region is data alone.

    Municipalities 'alpha' (district D-1) and 'beta' (district D-2) are adjacent
    0.1° squares at 10°E 50°N; the taxonomy is the project's own.
    """
    (folder / "geo").mkdir(parents=True, exist_ok=True)
    (folder / "reference").mkdir(exist_ok=True)
    (folder / "taxonomy").mkdir(exist_ok=True)
    (folder / "mapping").mkdir(exist_ok=True)
    for name in ("sectors.csv", "nace_creative.csv"):
        shutil.copy(DEFAULT_REGION_DIR / "taxonomy" / name, folder / "taxonomy" / name)
    features = [
        {
            "type": "Feature",
            "properties": {"code": "alpha", "name": "Alpha"},
            "geometry": _square(10.0, 50.0, 0.1),
        },
        {
            "type": "Feature",
            "properties": {"code": "beta", "name": "Beta"},
            "geometry": _square(10.1, 50.0, 0.1),
        },
    ]
    (folder / "geo" / "municipalities.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    (folder / "reference" / "municipalities.csv").write_text(
        "code,name_lat,name_cyr,name_en,district_code,status,seat_lon,seat_lat,area_km2,population_2022\n"
        "alpha,Alfa,Алфа,Alpha,D-1,city,10.05,50.05,80,20000\n"
        "beta,Beta,Бета,Beta,D-2,municipality,10.15,50.05,80,5000\n",
        encoding="utf-8",
    )
    (folder / "reference" / "districts.csv").write_text(
        "code,name_lat,name_cyr,name_en\nD-1,Prvi okrug,Први округ,First district\n"
        "D-2,Drugi okrug,Други округ,Second district\n",
        encoding="utf-8",
    )
    (folder / "mapping" / "enterprises.csv").write_text(
        enterprises_csv
        or (
            "registration_number,name,nace,municipality,settlement,lon,lat,employees,founding_year,synthetic\n"
            "T-1,Studio One,62.01,alpha,,10.02,50.02,3,2020,true\n"
            "T-2,Atelier Two,32.12,Alpha,,10.03,50.03,12,2015,true\n"
            "T-3,Print Three,58.11,Бета,,10.17,50.04,1,2010,true\n"
        ),
        encoding="utf-8",
    )
    (folder / "region.toml").write_text(
        """id = "tiny"
[name]
en = "Tiny test region"
sr-Latn = "Mali probni region"
[files]
municipalities = "geo/municipalities.geojson"
municipality_reference = "reference/municipalities.csv"
district_reference = "reference/districts.csv"
sectors = "taxonomy/sectors.csv"
nace = "taxonomy/nace_creative.csv"
enterprises = "mapping/enterprises.csv"
[attribution]
boundaries = "made up for the tests"
[demo]
seed = 7
enterprises = 200
""",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def tiny_region(tmp_path: Path) -> Path:
    return write_tiny_region(tmp_path / "tiny")


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium + chromium-driver. Elsewhere they skip with the
    reason printed; in CI (CI=true) a missing browser is a failure, never a silent skip."""
    import os
    import shutil as _shutil

    missing = [name for name in ("chromium", "chromedriver") if _shutil.which(name) is None]
    if not missing or os.environ.get("CI") == "true":
        return
    reason = f"needs {' and '.join(missing)} (apt-get install chromium chromium-driver)"
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))

"""The felt-latency benchmark's pieces that need no browser: its click table still finds every
control it clicks in both apps, the plotly-express baseline draws what its filters keep, and
the page of the map alone holds the map page's own first map (else the benchmark would time a
different map, or clicks that change nothing)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import dash
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.baseline_px_app import BaselineData, baseline_figure, build_app
from bench.bench_felt import CLICKS, ENTERPRISES, ENTERPRISES_VARIABLE, dom_id, enterprises_to_time
from bench.map_alone import ASSETS_KEPT, first_map, map_alone_app
from bench.map_alone import ROUTE as MAP_ALONE_ROUTE
from dashboard.analysis.indicators import Filters
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings


@pytest.fixture(scope="module")
def baseline(runtime) -> BaselineData:
    return BaselineData.from_runtime(runtime)


def _components(layout) -> dict[str, object]:
    """Every component of a layout with an id, by its DOM id."""
    found = [layout, *layout._traverse()]
    return {dom_id(c.id): c for c in found if getattr(c, "id", None) is not None}


def _values(component) -> set:
    return {o["value"] if isinstance(o, dict) else o for o in component.options}


def _check_controls(components: dict[str, object], where: str) -> None:
    for click in CLICKS:
        control = components.get(dom_id(click.control))
        assert control is not None, f"{where} has no control {click.control} for {click}"
        if click.how == "slider":
            assert isinstance(control, dash.dcc.RangeSlider), f"{where}: {click} is not a range slider"
        else:
            assert click.value in _values(control), f"{where}: {click.control} has no option {click.value}"


def test_every_click_finds_its_control_on_the_explore_page(runtime):
    layout = dash.page_registry["pages.explore"]["layout"](lang="en")
    _check_controls(_components(layout), "the explore page")


def test_every_click_finds_its_control_in_the_baseline(baseline):
    _check_controls(_components(build_app(baseline).layout), "the baseline")


def _points(figure: go.Figure) -> int:
    return sum(len(t.lat) for t in figure.data if isinstance(t, go.Scattermap))


def test_baseline_draws_every_enterprise_the_filters_keep_and_only_those(baseline):
    table = baseline.enterprises
    kept = table[(table["sector"] == "crafts-design") & (table["size_class"] == "micro")]
    assert 0 < len(kept) < len(table)
    filters = Filters(sectors=("crafts-design",), size_classes=("micro",))

    figure = baseline_figure(baseline, filters, "municipality", "enterprises")
    choropleth = next(t for t in figure.data if isinstance(t, go.Choroplethmap))
    assert sum(choropleth.z) == len(kept)
    counts = dict(zip(choropleth.locations, choropleth.z, strict=True))
    assert counts == kept.groupby("municipality").size().reindex(list(counts), fill_value=0).to_dict()
    assert _points(figure) == len(kept)
    assert {t.name for t in figure.data if isinstance(t, go.Scattermap)} == {"crafts-design"}

    hexagons = baseline_figure(baseline, filters, "hexagon", "employees")
    cells = next(t for t in hexagons.data if isinstance(t, go.Choroplethmap))
    assert sum(cells.z) == kept.loc[kept["hexagon"] != "", "employees"].sum()

    points_only = baseline_figure(baseline, filters, "enterprises", "enterprises")
    assert not any(isinstance(t, go.Choroplethmap) for t in points_only.data)
    assert _points(points_only) == len(kept)


def test_baseline_place_tier_and_year_filters_mean_what_the_app_means(baseline):
    table = baseline.enterprises
    high = baseline.tiers.index[baseline.tiers == "high"]
    years = pd.to_numeric(table["founding_year"], errors="coerce")
    kept = table[
        (table["district"] == "RS-22") & table["municipality"].isin(high) & years.between(2005, 2015)
    ]
    assert 0 < len(kept) < len(table)
    filters = Filters(districts=("RS-22",), tiers=("high",), years=(2005, 2015))
    figure = baseline_figure(baseline, filters, "district", "enterprises")
    assert _points(figure) == len(kept)
    districts = next(t for t in figure.data if isinstance(t, go.Choroplethmap))
    assert dict(zip(districts.locations, districts.z, strict=True))["RS-22"] == len(kept)


def test_baseline_draws_no_more_points_than_the_app_would(baseline):
    """Beyond the app's limit the baseline too shows values only, and the enterprises level
    their density per hexagon: both apps draw the same map, only the update differs."""
    everything = Filters()
    figure = baseline_figure(baseline, everything, "municipality", "enterprises", max_points=10)
    assert _points(figure) == 0
    density = baseline_figure(baseline, everything, "enterprises", "enterprises", max_points=10)
    cells = next(t for t in density.data if isinstance(t, go.Choroplethmap))
    assert sum(cells.z) == (baseline.enterprises["hexagon"] != "").sum()
    assert _points(density) == 0


def test_the_felt_bench_times_the_size_the_environment_asks_for_within_limits(monkeypatch):
    monkeypatch.delenv(ENTERPRISES_VARIABLE, raising=False)
    assert enterprises_to_time() == ENTERPRISES == 100_000  # the size unless asked
    monkeypatch.setenv(ENTERPRISES_VARIABLE, " 3000 ")
    assert enterprises_to_time() == 3000
    for wrong in ("0", "-5", "2000000", "many"):
        monkeypatch.setenv(ENTERPRISES_VARIABLE, wrong)
        with pytest.raises(ValueError):
            enterprises_to_time()


def test_the_map_alone_is_the_map_pages_own_first_map_and_nothing_else():
    """The floors' pages (bench/map_alone.py) must draw what ``/`` draws first, at the size
    asked for, or the floor would be that of another map; the Dash one must hold that graph
    alone and load none of the app's own scripts but its way of fetching plotly.js and of
    holding the first frame."""
    graph = first_map(None)
    paths = [page["path"] for page in dash.page_registry.values()]
    assert len(paths) == len(set(paths)), "a page registered twice"
    layout = dash.page_registry["pages.explore"]["layout"](lang="en")
    shown = next(c for c in layout._traverse() if isinstance(c, dash.dcc.Graph) and c.id == ids.MAP)
    assert graph.figure == shown.figure
    client = map_alone_app(graph, 900, 500).server.test_client()
    plain = client.get(MAP_ALONE_ROUTE).get_data(as_text=True)
    drawn = json.loads(re.search(r"^var figure = (.*);$", plain, re.MULTILINE).group(1))
    assert drawn == json.loads(plotly.io.to_json(shown.figure))
    assert f'id="{ids.MAP}" style="width:900px;height:500px"' in plain
    dash_layout = client.get("/_dash-layout").get_json()
    assert dash_layout["props"]["style"] == {"width": "900px", "height": "500px"}
    assert dash_layout["props"]["children"]["props"]["id"] == ids.MAP
    scripts = re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))
    own = sorted(src.split("?")[0].rsplit("/", 1)[1] for src in scripts if "/assets/" in src)
    assert own == sorted(ASSETS_KEPT)
    assert not [src for src in scripts if "ag_grid" in src or "bootstrap" in src or "dash_table" in src]
    # ... on its own pages only: the app's pages still load them (Dash's registry is global).
    app_page = create_app(Settings()).server.test_client().get("/").get_data(as_text=True)
    app_scripts = " ".join(re.findall(r'<script src="([^"]+)"', app_page))
    assert "/dash_bootstrap_components/" in app_scripts
    assert re.search(r'<meta name="cim-grid-script" content="[^"]*/dash_ag_grid/', app_page)  # on demand
    assert client.get(first_geometry_address(drawn)).status_code == 200  # its geometry is served


def first_geometry_address(figure: dict) -> str:
    """The address of the first geometry file a figure's traces name."""
    return "/" + next(t["geojson"] for t in figure["data"] if isinstance(t.get("geojson"), str)).lstrip("/")

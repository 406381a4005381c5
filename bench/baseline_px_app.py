"""The straightforward approach the explore page's felt latency is measured against (issue #11).

A small Dash app over the same enterprise table as the real app, with the same filters meaning
the same thing (sector, size, district, potential tier, founding years), the same level and
metric choices, and one callback that rebuilds the whole map with plotly express on every
change and sends it, geometry and all. It draws what the explore page draws, so the two
differ in how they update the map, not in what it shows: the level's units coloured by the
metric, and the enterprises the filters keep as points (coloured by sector) when there are no
more than the app draws one by one (``views.MAX_POINTS``); the enterprises level without
points shows their density per hexagon, as the app does. That is how a Dash map is usually
written; the explore page must be at least twice as fast as this to a person clicking
(``bench/bench_felt.py``).

Its controls carry the explore page's component ids (:mod:`dashboard.components.ids`) and are
the same kind of control, so one table of clicks drives both apps. It is offline like the app:
an empty "white-bg" map style, no tile server.

    python -m bench.baseline_px_app --port 8062 [--enterprises FILE.csv]
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import dash_bootstrap_components as dbc
import geopandas as gpd
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dash import Dash, Input, Output, dcc, html

from dashboard.analysis.geometry import hexagon_of
from dashboard.analysis.indicators import TIERS, Filters, aggregate, filter_mask
from dashboard.analysis.views import MAX_POINTS
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.web.runtime import Runtime

BASELINE_LEVELS = ("district", "municipality", "hexagon", "enterprises")
BASELINE_METRICS = ("enterprises", "employees", "enterprises_per_1000")
MAP_HEIGHT = 600


@dataclass(frozen=True)
class BaselineData:
    """What the baseline reads: the app's own loaded data, so both show the same enterprises."""

    enterprises: gpd.GeoDataFrame  # with a ``hexagon`` column (H3 cell of each point)
    municipalities: pd.DataFrame  # reference table with population
    districts: pd.DataFrame  # district reference with summed population
    tiers: pd.Series  # municipality code -> potential tier
    geojson: dict[str, dict | None]  # level -> GeoJSON of its units (feature id = unit code)
    sector_colors: dict[str, str]
    years: tuple[int, int]
    taxonomy: object

    @classmethod
    def from_runtime(cls, runtime: Runtime) -> BaselineData:
        data = runtime.data
        enterprises = data.enterprises.assign(
            hexagon=hexagon_of(data.enterprises["lon"], data.enterprises["lat"])
        )
        base = runtime.map_base
        return cls(
            enterprises=enterprises,
            municipalities=data.municipalities,
            districts=runtime.district_units,
            tiers=runtime.potential["tier"],
            geojson={
                "district": base.district_geojson,
                "municipality": base.municipality_geojson,
                "hexagon": base.hexagon_geojson,
            },
            sector_colors=data.taxonomy.colors(),
            years=runtime.columns.year_span(),
            taxonomy=data.taxonomy,
        )


def unit_values(data: BaselineData, shown: pd.DataFrame, level: str, metric: str) -> pd.Series:
    """The metric per unit of ``level`` over the enterprises ``shown`` (hexagons: counts only)."""
    if level == "hexagon":
        grouped = shown.groupby("hexagon")
        values = grouped["employees"].sum() if metric == "employees" else grouped.size()
        return values[values.index != ""].astype(float)
    units, key = (
        (data.districts, "district") if level == "district" else (data.municipalities, "municipality")
    )
    return aggregate(shown, units, key)[metric].astype(float)


def baseline_figure(
    data: BaselineData, filters: Filters, level: str, metric: str, max_points: int = MAX_POINTS
) -> go.Figure:
    """The whole map, built from scratch: units coloured by ``metric`` under one point per
    enterprise the filters keep, when they are at most ``max_points``."""
    shown = data.enterprises[filter_mask(data.enterprises, filters, data.tiers, data.taxonomy)]
    points_shown = len(shown) <= max_points
    center = {"lat": float(data.enterprises["lat"].mean()), "lon": float(data.enterprises["lon"].mean())}
    units = "hexagon" if level == "enterprises" and not points_shown else level
    geojson = data.geojson.get(units)
    if units != "enterprises" and geojson is not None:
        values = unit_values(data, shown, units, metric)
        figure = px.choropleth_map(
            locations=values.index,
            color=values.to_numpy(),
            geojson=geojson,
            color_continuous_scale="YlGnBu",
            opacity=0.7,
            map_style="white-bg",
        )
    else:
        figure = go.Figure()
    if points_shown:
        points = px.scatter_map(
            shown,
            lat="lat",
            lon="lon",
            color="sector",
            color_discrete_map=data.sector_colors,
            hover_name="name",
            hover_data={"employees": True, "lat": False, "lon": False, "sector": False},
        )
        figure.add_traces(points.data)
    figure.update_layout(
        map={"style": "white-bg", "center": center, "zoom": 7.5},
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={"x": 0, "xanchor": "left"},
        uirevision="baseline",
    )
    return figure


def _check(name: str, options: list[dict], inline: bool = False) -> dbc.Checklist:
    return dbc.Checklist(id=ids.filter_id(name), options=options, value=[], inline=inline)


def build_app(data: BaselineData) -> Dash:
    """The baseline page: the filters on the left, the level and metric above the map."""
    first, last = data.years
    districts = [{"label": str(name), "value": code} for code, name in data.districts["name_en"].items()]
    app = Dash(__name__, serve_locally=True, title="plotly express baseline")
    controls = html.Div(
        [
            _check("sectors", [{"label": c, "value": c} for c in data.sector_colors]),
            _check("size_classes", [{"label": n, "value": n} for n, _, _ in SIZE_CLASSES]),
            dcc.Dropdown(id=ids.filter_id("districts"), options=districts, value=[], multi=True),
            _check("tiers", [{"label": t, "value": t} for t in TIERS], inline=True),
            dcc.RangeSlider(id=ids.filter_id("years"), min=first, max=last, step=1, value=[first, last]),
        ],
        style={"width": "360px", "flex": "none", "padding": "8px"},
    )
    map_controls = html.Div(
        [
            dbc.RadioItems(
                id=ids.LEVEL,
                options=[{"label": lv, "value": lv} for lv in BASELINE_LEVELS],
                value="municipality",
                inline=True,
            ),
            dcc.Dropdown(
                id=ids.METRIC,
                options=[{"label": m, "value": m} for m in BASELINE_METRICS],
                value="enterprises_per_1000",
                clearable=False,
                searchable=False,
            ),
        ]
    )
    app.layout = html.Div(
        [controls, html.Div([map_controls, dcc.Graph(id=ids.MAP)], style={"flex": "1"})],
        style={"display": "flex"},
    )

    @app.callback(
        Output(ids.MAP, "figure"),
        Input(ids.filter_id("sectors"), "value"),
        Input(ids.filter_id("size_classes"), "value"),
        Input(ids.filter_id("districts"), "value"),
        Input(ids.filter_id("tiers"), "value"),
        Input(ids.filter_id("years"), "value"),
        Input(ids.LEVEL, "value"),
        Input(ids.METRIC, "value"),
    )
    def redraw(sectors, size_classes, districts, tiers, years, level, metric) -> go.Figure:
        full_span = list(years or []) == [first, last]
        filters = Filters.from_values(
            sectors=sectors,
            size_classes=size_classes,
            districts=districts,
            tiers=tiers,
            years=() if full_span else years,
        )
        return baseline_figure(data, filters, level, metric)

    return app


def baseline_command(port: int, enterprises: Path | None = None) -> list[str]:
    """The command serving the baseline (the demo data unless ``enterprises`` names a CSV)."""
    command = [sys.executable, "-m", "bench.baseline_px_app", "--port", str(port)]
    return command + (["--enterprises", str(enterprises)] if enterprises else [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8062)
    parser.add_argument("--enterprises", type=Path, help="enterprise CSV (default: the demo data)")
    args = parser.parse_args()
    settings = Settings(enterprises_file=args.enterprises) if args.enterprises else Settings()
    app = build_app(BaselineData.from_runtime(Runtime.load(settings)))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app.run(host="127.0.0.1", port=args.port, debug=False, threaded=True)


if __name__ == "__main__":
    main()

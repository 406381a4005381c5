"""The regional map: district and municipality choropleths, labels and enterprise points.

Geometry is static: :class:`MapBase` prepares it once, :func:`build_map_figure`
puts it in the figure once, and every later change of filters, metric or level
is a small :func:`map_patch` of values and visibility -- the polygons never
travel again. Both go through :func:`trace_updates`, so the first drawing and
every update agree by construction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import Patch
from shapely.ops import polylabel

from dashboard.figures.style import LABEL_FONT, LABEL_FONT_BOLD
from dashboard.i18n import format_number, translate

TRACE_DISTRICTS = 0
TRACE_MUNICIPALITIES = 1
TRACE_SEATS = 2
TRACE_DISTRICT_LABELS = 3
TRACE_MUNICIPALITY_LABELS = 4
TRACE_FIRST_SECTOR = 5
# The lighter two-thirds of ColorBrewer YlGnBu (sequential, colour-blind safe): dark enough to
# read differences, light enough that labels and sector points stay legible on top.
COLORSCALE = [
    [0.0, "#ffffd9"],
    [0.2, "#edf8b1"],
    [0.4, "#c7e9b4"],
    [0.6, "#7fcdbb"],
    [0.8, "#41b6c4"],
    [1.0, "#1d91c0"],
]
MAP_HEIGHT = 640
ASSUMED_MAP_WIDTH_PX = 900  # to fit the region on first draw; the user can zoom from there
METRIC_DECIMALS = {"enterprises": 0, "employees": 0, "enterprises_per_1000": 2}


def _label_points(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """A point well inside each polygon (pole of inaccessibility) for its label."""
    points = [
        polylabel(max(getattr(g, "geoms", [g]), key=lambda p: p.area), tolerance=0.001)
        for g in frame.geometry
    ]
    return pd.DataFrame({"lon": [p.x for p in points], "lat": [p.y for p in points]}, index=frame.index)


def _fit(bounds: tuple[float, float, float, float]) -> tuple[dict[str, float], float]:
    minx, miny, maxx, maxy = bounds
    center = {"lon": (minx + maxx) / 2, "lat": (miny + maxy) / 2}
    span = max(maxx - minx, (maxy - miny) / math.cos(math.radians(center["lat"])) * 1.4, 1e-6)
    zoom = math.log2(360 * ASSUMED_MAP_WIDTH_PX / 512 / span)
    return center, round(zoom, 2)


@dataclass(frozen=True)
class MapBase:
    """Everything about the map that does not change while the app runs."""

    district_geojson: dict[str, Any] | None
    municipality_geojson: dict[str, Any] | None
    district_codes: list[str]
    municipality_codes: list[str]
    district_labels: pd.DataFrame  # index code -> lon, lat
    municipality_labels: pd.DataFrame
    seats: pd.DataFrame  # index municipality code -> lon, lat
    center: dict[str, float]
    zoom: float

    @property
    def has_municipal_polygons(self) -> bool:
        return self.municipality_geojson is not None

    @classmethod
    def build(
        cls,
        municipalities: pd.DataFrame,
        districts: pd.DataFrame,
        municipal_polygons: gpd.GeoDataFrame | None,
        district_polygons: gpd.GeoDataFrame | None,
    ) -> MapBase:
        seats = municipalities[["seat_lon", "seat_lat"]].set_axis(["lon", "lat"], axis=1)
        if municipal_polygons is not None and not municipal_polygons.empty:
            municipality_labels = _label_points(municipal_polygons)
            municipality_geojson = municipal_polygons[["geometry"]].to_geo_dict(drop_id=False)
        else:
            municipality_labels, municipality_geojson = seats, None
        if district_polygons is not None and not district_polygons.empty:
            district_labels = _label_points(district_polygons)
            district_geojson = district_polygons[["geometry"]].to_geo_dict(drop_id=False)
            bounds = tuple(district_polygons.total_bounds)
        else:
            district_labels = seats.groupby(municipalities["district_code"]).mean()
            district_geojson = None
            bounds = (seats["lon"].min(), seats["lat"].min(), seats["lon"].max(), seats["lat"].max())
        center, zoom = _fit(bounds)  # type: ignore[arg-type]
        return cls(
            district_geojson,
            municipality_geojson,
            list(districts.index),
            list(municipalities.index),
            district_labels,
            municipality_labels,
            seats,
            center,
            zoom,
        )


@dataclass(frozen=True)
class MapView:
    """What the map should show now: the values behind one state of the filters."""

    level: str  # 'district' | 'municipality'
    metric: str
    district_values: pd.Series  # index district code
    municipality_values: pd.Series  # index municipality code
    district_names: pd.Series
    municipality_names: pd.Series
    points: dict[str, pd.DataFrame]  # sector code -> lon, lat, name, municipality, employees


def _hover_values(values: pd.Series, names: pd.Series, metric: str, language: str) -> list[list[str]]:
    decimals = METRIC_DECIMALS[metric]
    return [
        [str(names.get(code, code)), format_number(float(v), language, decimals)]
        for code, v in values.items()
    ]


def _symbol_sizes(values: pd.Series) -> list[float]:
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    return [round(6 + 34 * math.sqrt(max(float(v), 0.0) / top), 1) for v in values]


def trace_updates(view: MapView, base: MapBase, language: str) -> dict[int, dict[str, Any]]:
    """The data-dependent properties of every trace, keyed by trace index."""
    metric_label = translate(f"metric.{view.metric}", language)
    district_level = view.level == "district"
    polygons = base.has_municipal_polygons
    d_values = view.district_values.reindex(base.district_codes, fill_value=0)
    m_values = view.municipality_values.reindex(base.municipality_codes, fill_value=0)
    colorbar = {"title": {"text": metric_label}}
    updates: dict[int, dict[str, Any]] = {
        TRACE_DISTRICTS: {
            "z": d_values.to_list(),
            "zmax": max(float(d_values.max()), 1e-9),
            "customdata": _hover_values(d_values, view.district_names, view.metric, language),
            "visible": district_level and base.district_geojson is not None,
            "colorbar": colorbar,
        },
        TRACE_MUNICIPALITIES: {
            "z": m_values.to_list(),
            "zmax": max(float(m_values.max()), 1e-9),
            "customdata": _hover_values(m_values, view.municipality_names, view.metric, language),
            "visible": not district_level and polygons,
            "colorbar": colorbar,
        },
        TRACE_SEATS: {
            "marker": {"size": _symbol_sizes(m_values)},
            "customdata": _hover_values(m_values, view.municipality_names, view.metric, language),
            "visible": not district_level and not polygons,
        },
        TRACE_DISTRICT_LABELS: {"visible": district_level},
        TRACE_MUNICIPALITY_LABELS: {"visible": not district_level},
    }
    for offset, points in enumerate(view.points.values()):
        updates[TRACE_FIRST_SECTOR + offset] = {
            "lon": points["lon"].to_list(),
            "lat": points["lat"].to_list(),
            "customdata": np.column_stack(
                [
                    points["name"].astype(str),
                    points["municipality_name"].astype(str),
                    [format_number(v, language) for v in points["employees"]],
                ]
            ).tolist()
            if len(points)
            else [],
        }
    return updates


def build_map_figure(
    view: MapView,
    base: MapBase,
    language: str,
    style: dict[str, Any],
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
) -> go.Figure:
    """The whole map, geometry included: sent to the browser once per page load."""
    value_hover = "<b>%{customdata[0]}</b><br>" + "%{customdata[1]}<extra></extra>"
    choropleth = {
        "colorscale": COLORSCALE,
        "zmin": 0,
        "marker": {"opacity": 0.72, "line": {"width": 0.8, "color": "#ffffff"}},
        "hovertemplate": value_hover,
        "colorbar": {
            "thickness": 12,
            "len": 0.5,
            "x": 0.01,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
            "title": {"side": "top"},
        },
    }
    traces: list[go.BaseTraceType] = [
        go.Choroplethmap(
            geojson=base.district_geojson,
            locations=base.district_codes,
            name="districts",
            showlegend=False,
            **choropleth,
        ),
        go.Choroplethmap(
            geojson=base.municipality_geojson,
            locations=base.municipality_codes,
            name="municipalities",
            showlegend=False,
            **choropleth,
        ),
        go.Scattermap(
            lon=base.seats["lon"].to_list(),
            lat=base.seats["lat"].to_list(),
            mode="markers",
            name="seats",
            showlegend=False,
            hovertemplate=value_hover,
            marker={"color": "#2c7fb8", "opacity": 0.6},
        ),
        _labels(base.district_labels, view.district_names, LABEL_FONT_BOLD, 15, "districts"),
        _labels(base.municipality_labels, view.municipality_names, LABEL_FONT, 12, "municipalities"),
    ]
    municipality_label = translate("label.municipality", language)
    employees_label = translate("label.employees", language)
    for sector in view.points:
        hover = (
            f"<b>%{{customdata[0]}}</b><br>{sector_names[sector]}<br>{municipality_label}: "
            f"%{{customdata[1]}}<br>{employees_label}: %{{customdata[2]}}<extra></extra>"
        )
        traces.append(
            go.Scattermap(
                mode="markers",
                name=sector_names[sector],
                legendgroup=sector,
                uid=f"sector-{sector}",
                marker={"color": sector_colors[sector], "size": 6, "opacity": 0.9},
                hovertemplate=hover,
            )
        )
    figure = go.Figure(traces)
    for index, properties in trace_updates(view, base, language).items():
        figure.data[index].update(properties)
    figure.update_layout(
        map={"style": style, "center": base.center, "zoom": base.zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 80},
        height=MAP_HEIGHT,
        uirevision="keep-view",  # zoom and pan survive every filter change
        legend={
            "orientation": "h",
            "x": 0.005,
            "y": -0.01,
            "yanchor": "top",
            "font": {"size": 12},
            "itemsizing": "constant",
            "entrywidth": 0.25,
            "entrywidthmode": "fraction",
        },
        template="none",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return figure


def _labels(points: pd.DataFrame, names: pd.Series, font: str, size: int, name: str) -> go.Scattermap:
    return go.Scattermap(
        lon=points["lon"].to_list(),
        lat=points["lat"].to_list(),
        mode="text",
        name=name,
        text=[str(names.get(code, code)) for code in points.index],
        showlegend=False,
        hoverinfo="skip",
        textfont={"family": font, "size": size, "color": "#1b2a3a"},
    )


def map_patch(view: MapView, base: MapBase, language: str) -> Patch:
    """Only what changed: values, colours, visibility and points -- never geometry."""
    patch = Patch()
    for index, properties in trace_updates(view, base, language).items():
        _assign(patch["data"][index], properties)
    return patch


def _assign(target: Any, properties: dict[str, Any]) -> None:
    for key, value in properties.items():
        if isinstance(value, dict):
            _assign(target[key], value)
        else:
            target[key] = value

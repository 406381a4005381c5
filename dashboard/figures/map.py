"""The regional map: district and municipality choropleths, labels and enterprise points.

Geometry is static: :class:`MapBase` prepares it once, :func:`build_map_figure`
puts it in the figure once, and every later change of filters, metric or level
is a small :func:`map_patch` of values and visibility -- the polygons never
travel again. Both go through :func:`trace_updates`, so the first drawing and
every update agree by construction.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.analysis.mapmodel import METRIC_DECIMALS, MapBase, MapView
from dashboard.figures.style import LABEL_FONT, LABEL_FONT_BOLD, POINTS_TOP
from dashboard.i18n import format_number, translate

TRACE_DISTRICTS = 0
TRACE_MUNICIPALITIES = 1
TRACE_SEATS = 2
TRACE_HEXAGONS = 3
TRACE_DISTRICT_LABELS = 4
TRACE_MUNICIPALITY_LABELS = 5
TRACE_CLUSTERED = 6
TRACE_FIRST_SECTOR = 7
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
# ColorBrewer PuOr (diverging, colour-blind safe) for location quotients around 1.
LQ_COLORSCALE = [[0.0, "#5e3c99"], [0.25, "#b2abd2"], [0.5, "#f7f7f7"], [0.75, "#fdb863"], [1.0, "#e66101"]]
MAP_HEIGHT = 600
FILL_OPACITY = 0.72
OUTLINE_ONLY = [[0.0, "rgba(0,0,0,0)"], [1.0, "rgba(0,0,0,0)"]]  # municipalities as outlines under data


def _hover_values(values: pd.Series, names: pd.Series, metric: str, language: str) -> list[list[str]]:
    decimals = METRIC_DECIMALS[metric]
    return [
        [str(names.get(code, code)), format_number(float(v), language, decimals)]
        for code, v in values.items()
    ]


def _symbol_sizes(values: pd.Series) -> list[float]:
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    return [round(6 + 34 * math.sqrt(max(float(v), 0.0) / top), 1) for v in values]


def _scale(values: pd.Series, metric: str) -> dict[str, Any]:
    """Colour range: 0..max for counts and densities, symmetric around 1 for LQs."""
    if metric == "location_quotient":
        spread = max(float((values - 1).abs().max()), 0.25)
        return {"zmin": 1 - spread, "zmax": 1 + spread, "colorscale": LQ_COLORSCALE}
    return {"zmin": 0, "zmax": max(float(values.max()), 1e-9), "colorscale": COLORSCALE}


def trace_updates(view: MapView, base: MapBase, language: str) -> dict[int, dict[str, Any]]:
    """The data-dependent properties of every trace, keyed by trace index."""
    level = view.level
    title = translate(f"metric.{view.metric}", language)
    if view.metric_label:
        title = f"{title}: {view.metric_label}"
    polygons = base.has_municipal_polygons
    show_hexagons = level == "hexagon" or (level == "enterprises" and not view.points_shown)
    d_values = view.district_values.reindex(base.district_codes, fill_value=0)
    m_values = view.municipality_values.reindex(base.municipality_codes, fill_value=0)
    h_values = view.hexagon_values.reindex(base.hexagon_codes, fill_value=0)
    # Outside the two choropleth levels the municipalities stay as outlines under the data.
    municipal_fill = level == "municipality"
    updates: dict[int, dict[str, Any]] = {
        TRACE_DISTRICTS: {
            "z": d_values.to_list(),
            **_scale(d_values, view.metric),
            "customdata": _hover_values(d_values, view.district_names, view.metric, language),
            "visible": level == "district" and base.district_geojson is not None,
            "colorbar": {"title": {"text": title}},
        },
        TRACE_MUNICIPALITIES: {
            "z": m_values.to_list(),
            **_scale(m_values, view.metric),
            "customdata": _hover_values(m_values, view.municipality_names, view.metric, language),
            "visible": polygons and level != "district",
            **({} if municipal_fill else {"colorscale": OUTLINE_ONLY}),
            "marker": {"opacity": FILL_OPACITY if municipal_fill else 1.0},
            "hoverinfo": "all" if municipal_fill else "skip",
            "showscale": municipal_fill,
            "colorbar": {"title": {"text": title}},
        },
        TRACE_SEATS: {
            "marker": {"size": _symbol_sizes(m_values)},
            "customdata": _hover_values(m_values, view.municipality_names, view.metric, language),
            "visible": level == "municipality" and not polygons,
        },
        TRACE_HEXAGONS: {
            "z": h_values.to_list(),
            "zmax": max(float(h_values.max()), 1e-9),
            "customdata": [[format_number(v, language)] for v in h_values],
            "visible": show_hexagons and base.hexagon_geojson is not None,
            "colorbar": {"title": {"text": translate(f"metric.{view.hexagon_metric}", language)}},
        },
        # Labels and points are never hidden with ``visible``, only emptied: plotly places a
        # hidden map trace's layers without regard to its ``below`` and never moves them,
        # so text could end up under the areas once shown again.
        TRACE_DISTRICT_LABELS: {
            "text": _label_text(base.district_labels, view.district_names, level == "district")
        },
        TRACE_MUNICIPALITY_LABELS: {
            "text": _label_text(base.municipality_labels, view.municipality_names, level != "district")
        },
    }
    # Single enterprises belong to the municipal level (one trace per sector) and the
    # enterprise level (one trace, clustered when zoomed out); on the district and hexagon
    # levels they would hide the areas being compared (and catch their clicks).
    by_sector = view.points_shown and level == "municipality"
    clustered = view.points_shown and level == "enterprises"
    for offset, points in enumerate(view.points.values()):
        updates[TRACE_FIRST_SECTOR + offset] = _point_data(
            points if by_sector else points.iloc[0:0], language
        )
    every = (
        pd.concat([p.assign(sector=i) for i, p in enumerate(view.points.values())]) if view.points else None
    )
    if every is None or not clustered:
        updates[TRACE_CLUSTERED] = _point_data(pd.DataFrame(columns=[*POINT_COLUMNS, "sector"]), language)
        updates[TRACE_CLUSTERED]["marker"] = {"color": []}
    else:
        updates[TRACE_CLUSTERED] = _point_data(every, language)
        updates[TRACE_CLUSTERED]["marker"] = {"color": every["sector"].to_list()}
    return updates


POINT_COLUMNS = ("lon", "lat", "name", "municipality_name", "employees", "row")


def _label_text(points: pd.DataFrame, names: pd.Series, shown: bool) -> list[str]:
    return [str(names.get(code, code)) for code in points.index] if shown else []


def _point_data(points: pd.DataFrame, language: str) -> dict[str, Any]:
    return {
        "lon": points["lon"].astype(float).round(5).to_list(),
        "lat": points["lat"].astype(float).round(5).to_list(),
        "customdata": list(
            zip(
                points["name"].astype(str),
                points["municipality_name"].astype(str),
                [format_number(v, language) for v in points["employees"]],
                points["row"].astype(int).to_list(),
                strict=True,
            )
        ),
    }


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
    colorbar = {
        "orientation": "h",
        "thickness": 10,
        "len": 0.38,
        "x": 0.01,
        "xanchor": "left",
        "y": 0.99,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.85)",
        "title": {"side": "top", "font": {"size": 12}},
        "tickfont": {"size": 11},
    }
    choropleth = {
        "marker": {"opacity": FILL_OPACITY, "line": {"width": 0.8, "color": "#ffffff"}},
        "hovertemplate": value_hover,
        "colorbar": colorbar,
        "showlegend": False,
    }
    enterprises_label = translate("metric.enterprises", language)
    traces: list[go.BaseTraceType] = [
        go.Choroplethmap(
            geojson=base.geojson("districts"), locations=base.district_codes, name="districts", **choropleth
        ),
        go.Choroplethmap(
            geojson=base.geojson("municipalities"),
            locations=base.municipality_codes,
            name="municipalities",
            **choropleth | {"marker": {"opacity": FILL_OPACITY, "line": {"width": 0.8, "color": "#7b8794"}}},
        ),
        go.Scattermap(
            lon=base.seats["lon"].to_list(),
            lat=base.seats["lat"].to_list(),
            mode="markers",
            name="seats",
            below=POINTS_TOP,
            showlegend=False,
            hovertemplate=value_hover,
            marker={"color": "#2c7fb8", "opacity": 0.6},
        ),
        go.Choroplethmap(
            geojson=base.geojson("hexagons"),
            locations=base.hexagon_codes,
            name="hexagons",
            colorscale=COLORSCALE,
            zmin=0,
            marker={"opacity": 0.8, "line": {"width": 0.3, "color": "#ffffff"}},
            hovertemplate=f"{enterprises_label}: %{{customdata[0]}}<extra></extra>",
            colorbar=colorbar,
            showlegend=False,
        ),
        _labels(base.district_labels, LABEL_FONT_BOLD, 15, "districts"),
        _labels(base.municipality_labels, LABEL_FONT, 12, "municipalities"),
    ]
    municipality_label = translate("label.municipality", language)
    employees_label = translate("label.employees", language)
    sectors = list(view.points)
    traces.append(
        go.Scattermap(
            mode="markers",
            name="enterprises",
            below=POINTS_TOP,
            showlegend=False,
            marker={
                "size": 7,
                "opacity": 0.9,
                "colorscale": _discrete([sector_colors[s] for s in sectors]),
                "cmin": -0.5,
                "cmax": len(sectors) - 0.5,
            },
            hovertemplate=(
                f"<b>%{{customdata[0]}}</b><br>{municipality_label}: %{{customdata[1]}}"
                f"<br>{employees_label}: %{{customdata[2]}}<extra></extra>"
            ),
            cluster={
                "enabled": True,
                "maxzoom": 12,
                "step": [25, 100],
                "size": [16, 22, 30],
                "color": "#2c7fb8",
                "opacity": 0.8,
            },
        )
    )
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
                below=POINTS_TOP,  # under the labels, over the areas
                marker={"color": sector_colors[sector], "size": 6, "opacity": 0.9},
                showlegend=False,  # the filter panel and the sector chart carry the colour key
                hovertemplate=hover,
            )
        )
    figure = go.Figure(traces)
    for index, properties in trace_updates(view, base, language).items():
        figure.data[index].update(properties)
    figure.update_layout(
        map={"style": style, "center": base.center, "zoom": base.zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=MAP_HEIGHT,
        uirevision="keep-view",  # zoom and pan survive every filter change
        clickmode="event",
        dragmode="pan",
        template="none",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return figure


def _discrete(colors: list[str]) -> list[list]:
    """A stepped colour scale: integer i in [0, n) gets colors[i] exactly."""
    n = len(colors)
    scale: list[list] = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _labels(points: pd.DataFrame, font: str, size: int, name: str) -> go.Scattermap:
    return go.Scattermap(
        lon=points["lon"].to_list(),
        lat=points["lat"].to_list(),
        mode="text",
        name=name,
        showlegend=False,
        hoverinfo="skip",
        textfont={"family": font, "size": size, "color": "#1b2a3a"},
        below="",  # on top of every area and point
    )


def map_patch(
    view: MapView, base: MapBase, language: str, focus: tuple[dict[str, float], float] | None = None
) -> Patch:
    """Only what changed: values, colours, visibility and points -- never geometry.

    ``focus`` (centre, zoom) moves the view, e.g. after a click drills into a unit.
    """
    patch = Patch()
    for index, properties in trace_updates(view, base, language).items():
        assign_into(patch["data"][index], properties)
    if focus is not None:
        patch["layout"]["map"]["center"] = focus[0]
        patch["layout"]["map"]["zoom"] = focus[1]
    return patch


def assign_into(target: Any, properties: dict[str, Any]) -> None:
    """Write nested ``properties`` into a Patch path leaf by leaf, so a Patch of
    ``{"marker": {"color": ...}}`` replaces the colour and leaves the rest of the marker."""
    for key, value in properties.items():
        if isinstance(value, dict):
            assign_into(target[key], value)
        else:
            target[key] = value

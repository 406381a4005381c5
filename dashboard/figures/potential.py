"""Figures of the potential page: the potential choropleth, the breakdown by dimension and the
sector-specialisation heatmap. Pure functions of the analysis; no Dash callbacks here.

The choropleth follows the house rule for maps: :func:`potential_map` sends the geometry
once, and every later change (weights, normalisation, what the map shows) is a
:func:`potential_map_patch` of values and colours only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.analysis.geometry import FIT_WIDTH_PX, view_meta
from dashboard.analysis.mapmodel import MapBase
from dashboard.figures.map import COLORSCALE, FILL_OPACITY, LQ_COLORSCALE, assign_into
from dashboard.figures.style import LABEL_FONT
from dashboard.figures.text import plotly_text, plotly_texts
from dashboard.i18n import format_number

TRACE_CHOROPLETH = 0
TRACE_SEATS = 1  # proportional symbols, only when there are no municipal polygons
TRACE_LABELS = 2
MAP_HEIGHT = 520
MAP_WIDTH = 520  # typical width in the page layout, px
# Okabe-Ito colours (distinguishable with every common colour-vision deficiency), one per
# dimension in registry order.
DIMENSION_COLORS = ("#0072B2", "#56B4E9", "#E69F00", "#009E73", "#CC79A7")
LQ_LIMIT = 4.0  # the heatmap's colours saturate at LQ 4 (and 1/4); the numbers in the cells do not
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class PotentialMapView:
    """What the potential map shows now.

    ``values`` per municipality code; ``hover`` the lines under each name (already worded
    and formatted); ``diverging`` colours a ratio around 1 (location quotients, the national
    comparison) instead of from low to high.
    """

    values: pd.Series
    names: pd.Series
    hover: pd.Series  # code -> text (lines joined with <br>)
    title: str
    diverging: bool = False


def _scale(values: pd.Series, diverging: bool) -> dict[str, Any]:
    finite = values[np.isfinite(values.to_numpy(dtype=float))]
    if diverging:
        spread = max(float((finite - 1).abs().max()) if len(finite) else 0.0, 0.25)
        return {"zmin": 1 - spread, "zmax": 1 + spread, "colorscale": LQ_COLORSCALE}
    low = float(finite.min()) if len(finite) else 0.0
    high = float(finite.max()) if len(finite) else 1.0
    low = min(low, 0.0)  # a 0-100 score or a count starts at zero; z-scores go below it
    return {"zmin": low, "zmax": high if high > low else low + 1e-9, "colorscale": COLORSCALE}


def _seat_sizes(values: pd.Series) -> list[float]:
    array = values.to_numpy(dtype=float)
    low = float(np.nanmin(array)) if np.isfinite(array).any() else 0.0
    shifted = np.nan_to_num(array - low, nan=0.0)
    top = float(shifted.max()) or 1.0
    return [round(8 + 28 * math.sqrt(v / top), 1) for v in shifted]


def map_updates(view: PotentialMapView, base: MapBase) -> dict[int, dict[str, Any]]:
    """The data-dependent properties of every trace, keyed by trace index."""
    codes = base.municipality_codes
    values = view.values.reindex(codes)
    z = [None if not np.isfinite(v) else round(float(v), 4) for v in values.to_numpy(dtype=float)]
    # The name is data (escaped); the second line is the app's own, with its <br>s.
    customdata = [[plotly_text(view.names.get(c, c)), str(view.hover.get(c, ""))] for c in codes]
    scale = _scale(values.dropna(), view.diverging)
    return {
        TRACE_CHOROPLETH: {
            "z": z,
            **scale,
            "customdata": customdata,
            "colorbar": {"title": {"text": view.title}},
        },
        TRACE_SEATS: {
            "marker": {
                "color": [0.0 if v is None else v for v in z],
                "size": _seat_sizes(values),
                "cmin": scale["zmin"],
                "cmax": scale["zmax"],
                "colorscale": scale["colorscale"],
            },
            "customdata": customdata,
        },
    }


def potential_map(view: PotentialMapView, base: MapBase, style: dict[str, Any]) -> go.Figure:
    """The potential choropleth, geometry included: sent to the browser once per page load."""
    hover = "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"
    colorbar = {
        "orientation": "h",
        "thickness": 10,
        "len": 0.45,
        "x": 0.01,
        "xanchor": "left",
        "y": 0.99,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.85)",
        "title": {"side": "top", "font": {"size": 12}},
        "tickfont": {"size": 11},
    }
    polygons = base.has_municipal_polygons
    figure = go.Figure(
        [
            go.Choroplethmap(
                geojson=base.geojson("municipalities"),
                locations=base.municipality_codes,
                name="potential",
                marker={"opacity": FILL_OPACITY, "line": {"width": 0.8, "color": "#7b8794"}},
                hovertemplate=hover,
                colorbar=colorbar,
                showlegend=False,
                visible=polygons,
            ),
            go.Scattermap(
                lon=base.seats["lon"].to_list(),
                lat=base.seats["lat"].to_list(),
                mode="markers",
                name="seats",
                hovertemplate=hover,
                marker={"opacity": 0.85, "showscale": not polygons, "colorbar": colorbar},
                showlegend=False,
                visible=not polygons,
            ),
            go.Scattermap(
                lon=base.municipality_labels["lon"].to_list(),
                lat=base.municipality_labels["lat"].to_list(),
                mode="text",
                name="labels",
                text=[str(view.names.get(code, code)) for code in base.municipality_labels.index],
                textfont={"family": LABEL_FONT, "size": 12, "color": "#1b2a3a"},
                hoverinfo="skip",
                showlegend=False,
            ),
        ]
    )
    for index, properties in map_updates(view, base).items():
        figure.data[index].update(properties)
    figure.update_layout(
        # The base zoom frames the region in a FIT_WIDTH_PX wide map; this one shares its row
        # with the ranking, so it is narrower (about MAP_WIDTH): zoom out by the ratio's log.
        map={
            "style": style,
            "center": base.center,
            "zoom": round(base.zoom - math.log2(FIT_WIDTH_PX / MAP_WIDTH), 2),
        },
        meta=view_meta(MAP_WIDTH),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=MAP_HEIGHT,
        uirevision="potential-map",  # zoom and pan survive every re-weighting
        clickmode="event",
        dragmode="pan",
        template="none",
        font={"family": FONT},
    )
    return figure


def potential_map_patch(view: PotentialMapView, base: MapBase) -> Patch:
    """Values, colours and hover text only -- never the geometry."""
    patch = Patch()
    for index, properties in map_updates(view, base).items():
        assign_into(patch["data"][index], properties)
    return patch


def breakdown_chart(
    contributions: pd.DataFrame,
    score: pd.Series,
    names: pd.Series,
    dimension_names: dict[str, str],
    axis_title: str,
    language: str,
    decimals: int = 1,
) -> go.Figure:
    """One horizontal stacked bar per municipality, best on top: each segment is what one
    dimension adds to the index (weight × dimension score), so the bar's length is the index."""
    order = score.sort_values(ascending=True).index  # plotly draws the first category at the bottom
    labels = plotly_texts(names.get(code, code) for code in order)
    traces = []
    for color, dimension in zip(DIMENSION_COLORS, contributions.columns, strict=False):
        values = contributions.loc[order, dimension]
        traces.append(
            go.Bar(
                x=values.round(3).to_list(),
                y=labels,
                orientation="h",
                name=dimension_names[dimension],
                marker={"color": color, "line": {"width": 0.5, "color": "#ffffff"}},
                customdata=[format_number(float(v), language, decimals) for v in values],
                hovertemplate=f"%{{y}} · {dimension_names[dimension]}: %{{customdata}}<extra></extra>",
            )
        )
    figure = go.Figure(traces)
    figure.update_layout(
        barmode="relative",  # z-score contributions can be negative
        height=max(320, 26 * len(order) + 110),
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        xaxis={"title": {"text": axis_title}, "zeroline": True, "gridcolor": "#e3e7ec"},
        yaxis={"automargin": True},
        template="none",
        font={"family": FONT, "size": 12},
        uirevision="breakdown",
        separators=",." if language.startswith("sr") else ".,",
    )
    return figure


def lq_heatmap(lq: pd.DataFrame, names: pd.Series, sector_names: dict[str, str], language: str) -> go.Figure:
    """Municipality × sector location quotients, coloured on a log scale around 1 (ColorBrewer
    PuOr, colour-blind safe): purple below the region, orange above, white at parity."""
    values = lq.to_numpy(dtype=float)
    with np.errstate(divide="ignore"):
        logged = np.log2(np.clip(values, 1 / LQ_LIMIT, LQ_LIMIT))
    logged = np.where(np.isnan(values), np.nan, logged)
    text = [[format_number(v, language, 2) for v in row] for row in values]
    ticks = [1 / LQ_LIMIT, 0.5, 1, 2, LQ_LIMIT]
    figure = go.Figure(
        go.Heatmap(
            z=np.round(logged, 4).tolist(),
            x=plotly_texts(sector_names.get(s, s) for s in lq.columns),
            y=plotly_texts(names.get(code, code) for code in lq.index),
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11},
            colorscale=LQ_COLORSCALE,
            zmid=0,
            zmin=-math.log2(LQ_LIMIT),
            zmax=math.log2(LQ_LIMIT),
            xgap=1,
            ygap=1,
            hovertemplate="%{y} · %{x}<br>LQ %{text}<extra></extra>",
            colorbar={
                "title": {"text": "LQ", "side": "top"},
                "tickvals": [math.log2(t) for t in ticks],
                "ticktext": [format_number(t, language, 2 if t < 1 else 0) for t in ticks],
                "thickness": 12,
            },
        )
    )
    figure.update_layout(
        height=max(360, 28 * len(lq.index) + 150),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"side": "top", "tickangle": -30, "automargin": True},
        yaxis={"autorange": "reversed", "automargin": True},
        template="none",
        font={"family": FONT, "size": 12},
    )
    return figure

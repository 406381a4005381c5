"""Charts beside the map. Each one is also a filter: a click or a brush on it sets the
matching filter, and bars outside the current selection are shown faded.

Like the map, each chart is built once (``*_chart``) and later updated with a
small ``Patch`` of its bar values (``*_patch``); both take their data from the
same ``*_bars`` function, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.i18n import format_number, translate

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"}
FADED = "#c9d1da"
SIZE_COLOR = "#2c7fb8"


def _layout(figure: go.Figure, title: str, language: str, height: int) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        margin={"l": 8, "r": 12, "t": 40, "b": 8},
        height=height,
        bargap=0.25,
        template="none",
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        font=FONT,
        separators=",." if language.startswith("sr") else ".,",
        clickmode="event",
    )
    return figure


def _patch(bars: dict[str, Any]) -> Patch:
    patch = Patch()
    for key, value in bars.items():
        if key == "marker":
            patch["data"][0]["marker"]["color"] = value["color"]
        else:
            patch["data"][0][key] = value
    return patch


def wrap_label(text: str, width: int = 26) -> str:
    """Long category names on two lines: the side column is narrow, and plotly crops an
    axis label rather than squeeze the bars."""
    if len(text) <= width or " " not in text[:width]:
        return text
    cut = text.rindex(" ", 0, width)
    return f"{text[:cut]}<br>{text[cut + 1 :]}"


def sector_bars(
    counts: pd.Series,
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
    language: str,
    selected: Sequence[str] = (),
) -> dict[str, Any]:
    counts = counts.sort_values()
    return {
        "x": counts.to_list(),
        "y": [wrap_label(sector_names[c]) for c in counts.index],
        "customdata": list(counts.index),
        "text": [format_number(v, language) for v in counts],
        "marker": {
            "color": [sector_colors[c] if not selected or c in selected else FADED for c in counts.index]
        },
    }


def sector_bar_chart(
    counts, sector_names, sector_colors, language: str, selected: Sequence[str] = ()
) -> go.Figure:
    """Enterprises per sector, largest at the top, in the sectors' map colours."""
    bars = sector_bars(counts, sector_names, sector_colors, language, selected)
    figure = go.Figure(
        go.Bar(
            orientation="h",
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
            cliponaxis=False,
            **bars,
        )
    )
    figure.update_layout(
        xaxis={"rangemode": "tozero", "showgrid": False, "showticklabels": False, "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
    )
    return _layout(figure, translate("chart.sectors.title", language), language, 330)


def sector_bar_patch(
    counts, sector_names, sector_colors, language: str, selected: Sequence[str] = ()
) -> Patch:
    return _patch(sector_bars(counts, sector_names, sector_colors, language, selected))


def size_bars(counts: pd.Series, language: str, selected: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "x": [translate(f"size.{name}", language) for name in counts.index],
        "y": counts.to_list(),
        "customdata": list(counts.index),
        "text": [format_number(v, language) for v in counts],
        "marker": {"color": [SIZE_COLOR if not selected or c in selected else FADED for c in counts.index]},
    }


def size_class_chart(counts: pd.Series, language: str, selected: Sequence[str] = ()) -> go.Figure:
    """Enterprises per EU size class: the mostly-micro structure at a glance."""
    figure = go.Figure(
        go.Bar(
            textposition="auto",
            hovertemplate="%{x}: %{text}<extra></extra>",
            **size_bars(counts, language, selected),
        )
    )
    figure.update_layout(
        yaxis={"rangemode": "tozero", "gridcolor": "#e5e8ec", "fixedrange": True, "automargin": True},
        xaxis={"fixedrange": True, "automargin": True},
    )
    return _layout(figure, translate("chart.sizes.title", language), language, 260)


def size_class_patch(counts: pd.Series, language: str, selected: Sequence[str] = ()) -> Patch:
    return _patch(size_bars(counts, language, selected))


def year_labels(years: Sequence[int], language: str) -> list[str]:
    """The bars' names: the first says "1995 or earlier", since the data's earliest year may
    hold every earlier founding (a source or generator that clips at a year does so)."""
    return [
        translate("chart.timeline.or_earlier", language, year=year) if i == 0 else str(year)
        for i, year in enumerate(years)
    ]


def timeline_bars(counts: pd.Series, language: str, years: Sequence[int] = ()) -> dict[str, Any]:
    first, last = (years[0], years[1]) if years else (counts.index.min(), counts.index.max())
    return {
        "x": list(counts.index),
        "y": counts.to_list(),
        "text": [format_number(v, language) for v in counts],
        "marker": {"color": [SIZE_COLOR if first <= year <= last else FADED for year in counts.index]},
    }


def _year_axis(counts: pd.Series, language: str) -> dict[str, Any]:
    """Ticks every five years, the first one named as what it holds ("1995 or earlier")."""
    years = list(counts.index)
    if not years:
        return {}
    first = years[0]
    ticks = [first] + [y for y in years if y % 5 == 0 and y - first >= 4]
    return {"tickmode": "array", "tickvals": ticks, "ticktext": year_labels(ticks, language)}


def founding_timeline(counts: pd.Series, language: str, years: Sequence[int] = ()) -> go.Figure:
    """Enterprises by founding year; drag across it to filter a period."""
    figure = go.Figure(
        go.Bar(
            textposition="none",
            customdata=year_labels(list(counts.index), language),
            hovertemplate="%{customdata}: %{text}<extra></extra>",
            **timeline_bars(counts, language, years),
        )
    )
    figure.update_layout(
        dragmode="select",
        selectdirection="h",
        xaxis={
            "title": {"text": translate("chart.timeline.axis", language)},
            "automargin": True,
            **_year_axis(counts, language),
        },
        yaxis={"rangemode": "tozero", "gridcolor": "#e5e8ec", "fixedrange": True, "automargin": True},
    )
    return _layout(figure, translate("chart.timeline.title", language), language, 240)


def founding_timeline_patch(counts: pd.Series, language: str, years: Sequence[int] = ()) -> Patch:
    patch = _patch(timeline_bars(counts, language, years))
    if not years:  # "clear all": drop the brushed box too
        patch["layout"]["selections"] = []
    return patch

"""Charts beside the map. Each one is also a filter: a click or a brush on it sets the
matching filter, and bars outside the current selection are shown faded."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

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


def sector_bar_chart(
    counts: pd.Series,
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
    language: str,
    selected: Sequence[str] = (),
) -> go.Figure:
    """Enterprises per sector, largest at the top, in the sectors' map colours."""
    counts = counts.sort_values()
    colors = [sector_colors[c] if not selected or c in selected else FADED for c in counts.index]
    figure = go.Figure(
        go.Bar(
            x=counts.to_list(),
            y=[sector_names[c] for c in counts.index],
            orientation="h",
            marker={"color": colors},
            customdata=list(counts.index),
            text=[format_number(v, language) for v in counts],
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        xaxis={"rangemode": "tozero", "gridcolor": "#e5e8ec", "fixedrange": True, "automargin": True},
        yaxis={"automargin": True, "fixedrange": True},
    )
    return _layout(figure, translate("chart.sectors.title", language), language, 330)


def size_class_chart(counts: pd.Series, language: str, selected: Sequence[str] = ()) -> go.Figure:
    """Enterprises per EU size class: the mostly-micro structure at a glance."""
    labels = [translate(f"size.{name}", language) for name in counts.index]
    colors = [SIZE_COLOR if not selected or c in selected else FADED for c in counts.index]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=counts.to_list(),
            marker={"color": colors},
            customdata=list(counts.index),
            text=[format_number(v, language) for v in counts],
            textposition="auto",
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        yaxis={"rangemode": "tozero", "gridcolor": "#e5e8ec", "fixedrange": True, "automargin": True},
        xaxis={"fixedrange": True, "automargin": True},
    )
    return _layout(figure, translate("chart.sizes.title", language), language, 260)


def founding_timeline(counts: pd.Series, language: str, years: Sequence[int] = ()) -> go.Figure:
    """Enterprises by founding year; drag across it to filter a period."""
    first, last = (years[0], years[1]) if years else (counts.index.min(), counts.index.max())
    colors = [SIZE_COLOR if first <= year <= last else FADED for year in counts.index]
    figure = go.Figure(
        go.Bar(
            x=list(counts.index),
            y=counts.to_list(),
            marker={"color": colors},
            text=[format_number(v, language) for v in counts],
            textposition="none",
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        dragmode="select",
        selectdirection="h",
        xaxis={"title": {"text": translate("chart.timeline.axis", language)}, "dtick": 5, "automargin": True},
        yaxis={"rangemode": "tozero", "gridcolor": "#e5e8ec", "fixedrange": True, "automargin": True},
    )
    return _layout(figure, translate("chart.timeline.title", language), language, 240)

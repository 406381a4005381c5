"""A chart that needs more width than a phone has, in a box of its own that scrolls sideways.

Some charts cannot shrink with the screen: the sector-specialisation heatmap prints a number in
each of its 8 × 15 cells, and below ~40rem the numbers overlap into a smear. On a narrow screen
such a chart keeps its minimum width inside a box that scrolls sideways (the page itself never
does); the box can take the keyboard's focus and is named, so it can be scrolled without a mouse
(assets/theme.css, .wide-chart)."""

from __future__ import annotations

from dash import html


def wide_chart(graph, label: str) -> html.Div:
    """``graph`` in a sideways-scrolling box named ``label`` (e.g. the chart's title)."""
    return html.Div(
        html.Div(graph, className="wide-chart-inner"),
        className="wide-chart",
        tabIndex="0",
        role="region",
        **{"aria-label": label},
    )

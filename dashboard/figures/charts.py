"""Charts beside the map."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import format_number, translate


def sector_bar_chart(
    counts: pd.Series, sector_names: dict[str, str], sector_colors: dict[str, str], language: str
) -> go.Figure:
    """Enterprises per sector, largest at the top, in the sectors' map colours."""
    counts = counts.sort_values()
    figure = go.Figure(
        go.Bar(
            x=counts.to_list(),
            y=[sector_names[c] for c in counts.index],
            orientation="h",
            marker={"color": [sector_colors[c] for c in counts.index]},
            customdata=list(counts.index),
            text=[format_number(v, language) for v in counts],
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        title={"text": translate("chart.sectors.title", language), "x": 0.01, "font": {"size": 15}},
        margin={"l": 8, "r": 8, "t": 40, "b": 8},
        height=330,
        bargap=0.25,
        xaxis={
            "title": {"text": translate("metric.enterprises", language)},
            "rangemode": "tozero",
            "gridcolor": "#e5e8ec",
        },
        yaxis={"automargin": True},
        template="none",
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
        separators=",." if language.startswith("sr") else ".,",
    )
    return figure

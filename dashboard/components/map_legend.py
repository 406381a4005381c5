"""The key under the map: each sector's colour with how many of its enterprises are drawn, and
the look of units outside the selection. Plain HTML, so it costs the map nothing to update."""

from __future__ import annotations

from dash import html

from dashboard.figures.map import OUTSIDE_LINE
from dashboard.figures.style import BACKGROUND
from dashboard.i18n import format_number, translate

ITEM = {"display": "inline-flex", "alignItems": "center", "marginRight": "0.9rem", "whiteSpace": "nowrap"}


def map_legend(
    drawn: dict[str, int],
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
    any_outside: bool,
    language: str,
) -> list:
    """``drawn``: enterprises on the map per sector (empty when none are drawn one by one);
    ``any_outside``: whether some unit is drawn as outside the selection."""
    items = []
    if drawn:
        items.append(
            html.Span(
                translate("map.legend.sectors", language),
                className="legend-title",
                style=ITEM | {"fontWeight": 600},
            )
        )
        items += [
            html.Span(
                [
                    html.Span(className="swatch", style={"background": sector_colors[code]}),
                    f"{sector_names[code]} ({format_number(count, language)})",
                ],
                className="legend-item",
                style=ITEM,
            )
            for code, count in sorted(drawn.items(), key=lambda item: -item[1])
            if count
        ]
    if any_outside:
        items.append(
            html.Span(
                [
                    html.Span(
                        className="swatch",
                        style={"background": BACKGROUND, "border": f"1.5px solid {OUTSIDE_LINE}"},
                    ),
                    translate("map.outside", language),
                ],
                className="legend-item legend-outside",
                style=ITEM,
            )
        )
    return items

"""What the clusters page shows for one result: the sentence of counts (clusters, firms in
them, firms left out), a card per cluster, the map's hover lines. Pure builders (result,
names, language -> components and strings), tested without a browser."""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.analysis.clusters import ClusterResult
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, format_percent, translate

MAX_CARDS = 24  # the largest clusters get a card; the map and the GeoJSON have them all


def summary(result: ClusterResult, language: str) -> list:
    """The counts, the firms left out always stated (a reader must know the map is partial)."""
    settings = result.settings
    lines = [
        html.P(
            translate(
                "clusters.summary",
                language,
                clusters=format_number(len(result.clusters), language),
                radius=format_number(settings.radius_m, language),
                min_size=format_number(settings.min_size, language),
                clustered=format_number(result.clustered, language),
                considered=format_number(result.considered, language),
            ),
            className="mb-1",
        ),
        html.P(
            translate("clusters.left_out", language, left_out=format_number(result.left_out, language)),
            className="mb-1 cluster-left-out",
        ),
    ]
    if not len(result.clusters):
        lines.append(dbc.Alert(translate("clusters.none", language), color="info", className="py-2 mb-0"))
    return lines


def _year(value: float, language: str) -> str:
    """A year, never grouped like a number (2019, not 2,019); a half year keeps its decimal."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if language.startswith("sr") else text


def _years(row, language: str) -> str:
    if pd.isna(row.first_year) or pd.isna(row.last_year):
        return translate("clusters.card.years_unknown", language)
    return translate(
        "clusters.card.years_value",
        language,
        first=int(row.first_year),
        last=int(row.last_year),
        median=_year(float(row.median_year), language),
    )


def _mix_bar(mix: Mapping[str, int], colors: Mapping[str, str], names: Mapping[str, str]) -> html.Div:
    total = max(sum(mix.values()), 1)
    return html.Div(
        [
            html.Span(
                className="cluster-mix-part",
                style={"width": f"{100 * n / total:.1f}%", "background": colors.get(sector, "#999")},
                title=f"{names.get(sector, sector)}: {n}",
            )
            for sector, n in mix.items()
        ],
        className="cluster-mix-bar",
        **{"aria-hidden": "true"},
    )


def cards(
    result: ClusterResult,
    sector_names: Mapping[str, str],
    sector_colors: Mapping[str, str],
    unit_names: Mapping[str, str],
    language: str,
) -> list:
    """A card per cluster, largest first (at most :data:`MAX_CARDS`)."""
    table = result.clusters
    shown = table.head(MAX_CARDS)
    out = []
    for row in shown.itertuples(index=False):
        mix = dict(row.sector_mix)
        place = ", ".join(unit_names.get(m, m) for m in row.municipalities)
        facts = [
            ("clusters.card.firms", format_number(int(row.members), language)),
            ("clusters.card.employees", format_number(int(row.employees), language)),
            (
                "clusters.card.dominant",
                f"{sector_names.get(row.dominant_sector, row.dominant_sector)} "
                f"({format_percent(float(row.dominant_share), language, 0)})",
            ),
            ("clusters.card.municipalities", place),
            ("clusters.card.years", _years(row, language)),
        ]
        mix_text = ", ".join(f"{sector_names.get(s, s)} {n}" for s, n in mix.items())
        out.append(
            dbc.Col(
                html.Div(
                    dbc.CardBody(
                        [
                            html.H3(
                                [
                                    html.Span(
                                        className="swatch",
                                        style={"background": sector_colors.get(row.dominant_sector, "#999")},
                                    ),
                                    translate("clusters.card.title", language, cluster=int(row.cluster)),
                                    html.Span(f" · {place}", className="cluster-card-place"),
                                ],
                                className="cluster-card-title",
                            ),
                            html.Dl(
                                [
                                    part
                                    for key, value in facts
                                    for part in (html.Dt(translate(key, language)), html.Dd(value))
                                ],
                                className="cluster-facts",
                            ),
                            _mix_bar(mix, sector_colors, sector_names),
                            html.P(
                                [html.Strong(translate("clusters.card.mix", language) + ": "), mix_text],
                                className="cluster-mix-text",
                            ),
                        ]
                    ),
                    className="card cluster-card h-100",
                    **{"data-cluster": str(int(row.cluster))},
                ),
                md=6,
                xxl=4,
            )
        )
    notes = []
    if len(table) > len(shown):
        notes.append(
            html.P(
                translate(
                    "clusters.cards_more",
                    language,
                    shown=format_number(len(shown), language),
                    count=format_number(len(table), language),
                    format="GeoJSON",
                ),
                className="small text-muted",
            )
        )
    return [*notes, dbc.Row(out, className="g-3")] if out else notes


def hover_lines(result: ClusterResult, sector_names: Mapping[str, str], language: str) -> list[str]:
    """One hover text per cluster (title, then its figures), in the page's language."""
    lines = []
    for row in result.clusters.itertuples(index=False):
        title = translate("clusters.card.title", language, cluster=int(row.cluster))
        lines.append(
            f"<b>{title}</b><br>"
            + translate(
                "clusters.hover",
                language,
                members=format_number(int(row.members), language),
                employees=format_number(int(row.employees), language),
                sector=plotly_text(sector_names.get(row.dominant_sector, row.dominant_sector)),
                share=format_percent(float(row.dominant_share), language, 0),
            )
        )
    return lines

"""Where the user is in the region: a breadcrumb to go back up, and the side panel of a
municipality with its key figures against its district and the region."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.components import ids
from dashboard.i18n import format_number, localized_name, translate


def breadcrumb(districts: list[str], municipalities: list[str], data, language: str) -> html.Nav:
    """Region › District › Municipality; every level but the last is a button back up."""
    steps: list[tuple[str, str]] = [("region", data.region.name(language))]
    district = districts[0] if len(districts) == 1 else None
    if len(municipalities) == 1 and municipalities[0] in data.municipalities.index:
        district = district or str(data.municipalities.at[municipalities[0], "district_code"])
    if district and district in data.districts.index:
        steps.append((district, localized_name(data.districts.loc[district].to_dict(), language)))
    if len(municipalities) == 1 and municipalities[0] in data.municipalities.index:
        row = data.municipalities.loc[municipalities[0]].to_dict()
        steps.append((municipalities[0], localized_name(row, language)))
    elif len(municipalities) > 1:
        steps.append(("", translate("crumb.several", language, count=len(municipalities))))
    items = []
    for position, (target, label) in enumerate(steps):
        last = position == len(steps) - 1
        content = (
            html.Span(label, **{"aria-current": "page"})
            if last
            else html.Button(label, id=ids.crumb_id(target), className="crumb-button", n_clicks=0)
        )
        items.append(html.Li(content, className="crumb" + (" active" if last else "")))
    return html.Nav(html.Ol(items, className="crumbs"), **{"aria-label": translate("crumb.label", language)})


def _row(label: str, value: str, context: str = "") -> html.Tr:
    return html.Tr([html.Th(label, scope="row"), html.Td(value), html.Td(context, className="text-muted")])


def municipality_panel(
    code: str,
    figures: dict[str, float],
    district_figures: dict[str, float],
    region_figures: dict[str, float],
    sector_counts: pd.Series,
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
    potential: dict[str, object] | None,
    data,
    language: str,
) -> dbc.Card:
    """Key figures of one municipality, each with its district and region for comparison."""
    row = data.municipalities.loc[code].to_dict()
    name = localized_name(row, language)

    def versus(key: str, decimals: int) -> str:
        return translate(
            "profile.versus",
            language,
            district=format_number(district_figures[key], language, decimals),
            region=format_number(region_figures[key], language, decimals),
        )

    total = max(int(sector_counts.sum()), 1)
    bars = [
        html.Div(
            [
                html.Span(sector_names[s], className="mix-label"),
                html.Span(
                    html.Span(style={"width": f"{100 * n / total:.1f}%", "background": sector_colors[s]}),
                    className="mix-track",
                ),
                html.Span(format_number(n, language), className="mix-value"),
            ],
            className="mix-row",
        )
        for s, n in sector_counts.sort_values(ascending=False).items()
        if n > 0
    ]
    tier = ""
    if potential is not None:
        tier = translate(f"tier.{potential['tier']}", language)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(name, className="panel-title"),
                html.P(
                    translate(
                        "profile.population", language, population=format_number(row["population"], language)
                    ),
                    className="small text-muted mb-2",
                ),
                dbc.Table(
                    html.Tbody(
                        [
                            _row(
                                translate("kpi.enterprises", language),
                                format_number(figures["enterprises"], language),
                            ),
                            _row(
                                translate("kpi.employees", language),
                                format_number(figures["employees"], language),
                            ),
                            _row(
                                translate("metric.enterprises_per_1000", language),
                                format_number(figures["enterprises_per_1000"], language, 2),
                                versus("enterprises_per_1000", 2),
                            ),
                            _row(
                                translate("profile.average_size", language),
                                format_number(figures["average_size"], language, 1),
                                versus("average_size", 1),
                            ),
                            _row(translate("filters.tier", language), tier) if tier else None,
                        ]
                    ),
                    size="sm",
                    className="profile-table",
                ),
                html.H3(translate("profile.sector_mix", language), className="panel-subtitle"),
                html.Div(bars, className="sector-mix"),
            ]
        ),
        className="profile-panel mb-3",
    )

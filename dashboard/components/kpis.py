"""Key-figure cards above the map."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.i18n import format_number, translate

KPI_NAMES = ("enterprises", "employees", "sectors")


def kpi_cards(totals: dict[str, int], language: str) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.Div(translate(f"kpi.{name}", language), className="kpi-label"),
                            html.Div(
                                format_number(totals[name], language),
                                id=ids.kpi_id(name),
                                className=f"kpi-value kpi-{name}",
                            ),
                        ]
                    ),
                    className="kpi-card",
                ),
                xs=12,
                sm=4,
            )
            for name in KPI_NAMES
        ],
        className="g-3 mb-3",
    )


def kpi_values(totals: dict[str, int], language: str) -> list[str]:
    return [format_number(totals[name], language) for name in KPI_NAMES]

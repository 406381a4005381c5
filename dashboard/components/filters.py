"""The filter panel. Every filter has a pattern-matching id, so one callback reads
them all and one "clear all" resets them all."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.analysis.indicators import TIERS, Filters
from dashboard.components import ids
from dashboard.i18n import translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.sources.schema import SIZE_CLASSES


def _group(label: str, control, help_text: str | None = None) -> html.Div:
    children = [html.Label(label, className="filter-label"), control]
    if help_text:
        children.append(html.Small(help_text, className="filter-help"))
    return html.Div(children, className="filter-group")


def filter_panel(
    language: str,
    district_options: list[dict],
    municipality_options: list[dict],
    sector_options: list[dict],
    values: Filters | None = None,
    years: tuple[int, int] = (2000, 2025),
) -> dbc.Card:
    """``values`` are the filters to start from (e.g. read from the URL)."""
    values = values or Filters()
    first, last = years
    placeholder = translate("filters.all", language)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(translate("filters.title", language), className="panel-title"),
                _group(
                    translate("filters.district", language),
                    dcc.Dropdown(
                        labels=dropdown_labels(language),
                        id=ids.filter_id("districts"),
                        options=district_options,
                        value=list(values.districts),
                        multi=True,
                        placeholder=placeholder,
                    ),
                ),
                _group(
                    translate("filters.municipality", language),
                    dcc.Dropdown(
                        labels=dropdown_labels(language),
                        id=ids.filter_id("municipalities"),
                        options=municipality_options,
                        value=list(values.municipalities),
                        multi=True,
                        placeholder=placeholder,
                    ),
                ),
                _group(
                    translate("filters.sector", language),
                    dbc.Checklist(
                        id=ids.filter_id("sectors"),
                        options=sector_options,
                        value=list(values.sectors),
                        className="sector-checklist",
                    ),
                ),
                _group(
                    translate("filters.size", language),
                    dbc.Checklist(
                        id=ids.filter_id("size_classes"),
                        options=[
                            {"label": translate(f"size.{name}", language), "value": name}
                            for name, _, _ in SIZE_CLASSES
                        ],
                        value=list(values.size_classes),
                    ),
                ),
                _group(
                    translate("filters.tier", language),
                    dbc.Checklist(
                        id=ids.filter_id("tiers"),
                        options=[{"label": translate(f"tier.{t}", language), "value": t} for t in TIERS],
                        value=list(values.tiers),
                        inline=True,
                    ),
                    translate("potential.tier_help", language),
                ),
                _group(
                    translate("filters.years", language),
                    dcc.RangeSlider(
                        id=ids.filter_id("years"),
                        min=first,
                        max=last,
                        step=1,
                        value=list(values.years) or [first, last],
                        marks={y: str(y) for y in range(first - first % 5 + 5, last + 1, 10)},
                        tooltip={"placement": "bottom", "always_visible": False},
                        allowCross=False,
                    ),
                ),
                dbc.Button(
                    translate("filters.reset", language),
                    id=ids.RESET,
                    color="secondary",
                    outline=True,
                    size="sm",
                    className="w-100",
                ),
            ]
        ),
        className="filter-panel",
    )

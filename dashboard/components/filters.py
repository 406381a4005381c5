"""The filter panel. Every filter has a pattern-matching id, so one callback reads
them all and one "clear all" resets them all.

The first control chooses the definition of a creative enterprise (the region's taxonomy
names them); it is a filter like the others (``Filters.definition``), so the page's state,
URL and exports follow it without further wiring."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.analysis.indicators import TIERS, Filters
from dashboard.components import ids
from dashboard.i18n import translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.sources.taxonomy import Taxonomy
from dashboard.web.runtime import current


def _group(label: str, control, help_text: str | None = None) -> html.Div:
    children = [html.Label(label, className="filter-label"), control]
    if help_text:
        children.append(html.Small(help_text, className="filter-help"))
    return html.Div(children, className="filter-group")


def definition_options(taxonomy: Taxonomy, language: str) -> list[dict]:
    """The region's definitions as radio options, in the taxonomy's order, the default marked."""
    default = translate("definitions.default_mark", language)
    return [
        {
            "label": taxonomy.definition_name(d, language)
            + (f" ({default})" if d == taxonomy.default_definition else ""),
            "value": d,
        }
        for d in taxonomy.definition_ids
    ]


def definition_control(
    taxonomy: Taxonomy, language: str, chosen: str = "", control_id: str | dict = ""
) -> html.Div:
    """A switch between the region's definitions of a creative enterprise (``chosen``: an id,
    '' for the default). A region with only the one implicit definition gets it hidden, so
    callbacks that read it still find it."""
    group = _group(
        translate("definitions.control", language),
        dbc.RadioItems(
            id=control_id or ids.filter_id("definition"),
            options=definition_options(taxonomy, language),
            value=taxonomy.resolve(chosen),
            className="definition-switch",
        ),
        translate("definitions.control_help", language),
    )
    group.hidden = not taxonomy.has_definitions
    return group


def _current_taxonomy() -> Taxonomy | None:
    """The served region's taxonomy, for pages that do not pass one (the explore page)."""
    try:
        return current().data.taxonomy
    except RuntimeError:
        return None


def filter_panel(
    language: str,
    district_options: list[dict],
    municipality_options: list[dict],
    sector_options: list[dict],
    values: Filters | None = None,
    years: tuple[int, int] = (2000, 2025),
    taxonomy: Taxonomy | None = None,
) -> dbc.Card:
    """``values`` are the filters to start from (e.g. read from the URL); ``taxonomy`` names
    the definitions to choose from (default: the served region's)."""
    values = values or Filters()
    first, last = years
    placeholder = translate("filters.all", language)
    taxonomy = taxonomy or _current_taxonomy()
    switch = definition_control(taxonomy, language, values.definition) if taxonomy is not None else None
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(translate("filters.title", language), className="panel-title"),
                *([switch] if switch is not None else []),
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

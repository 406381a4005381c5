"""The filter panel. Every filter has a pattern-matching id, so one callback reads
them all and one "clear all" resets them all.

The first control chooses the definition of a creative enterprise (the region's taxonomy
names them); it is a filter like the others (``Filters.definition``), so the page's state,
URL and exports follow it without further wiring."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.analysis.indicators import TIERS, Filters
from dashboard.components import ids
from dashboard.components.fold import folding_panel
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


def dom_id(component_id: str | dict) -> str:
    """The id a component has in the page: Dash writes a pattern id as JSON, keys sorted."""
    if isinstance(component_id, str):
        return component_id
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


# The panel's fold below 992 px: its summary (the title row) and the filters it opens.
PANEL_BODY = "filter-panel-body"
PANEL_TOGGLE = "filter-panel-toggle"

# How long one founding year stays on screen while the years play, in milliseconds.
PLAY_SPEEDS = {"slow": 1400, "normal": 800, "fast": 400}


def search_control(language: str, value: str = "") -> html.Div:
    """Search as one types (300 ms after the last key): a filter like the others, so the map,
    key figures, charts and table follow it."""
    control_id = ids.filter_id("search")
    return html.Div(
        [
            html.Label(
                translate("search.label", language), htmlFor=dom_id(control_id), className="filter-label"
            ),
            dbc.Input(
                id=control_id,
                type="search",
                value=value,
                debounce=300,
                placeholder=translate("search.placeholder", language),
                autoComplete="off",
                size="sm",
                className="explore-search",
            ),
            html.Small(translate("search.help", language), className="filter-help"),
        ],
        className="filter-group",
    )


def employees_control(language: str, low: int | None = None, high: int | None = None) -> html.Div:
    """Employees as a number: at least / at most (either may stay empty)."""

    def bound(name: str, value: int | None) -> html.Div:
        control_id = ids.filter_id(f"{name}_employees")
        return html.Div(
            [
                html.Label(
                    translate(f"employees.{name}", language),
                    htmlFor=dom_id(control_id),
                    className="small text-muted mb-0",
                ),
                dbc.Input(
                    id=control_id,
                    type="number",
                    min=0,
                    step=1,
                    value=value,
                    debounce=500,
                    size="sm",
                    inputMode="numeric",
                ),
            ],
            className="employees-bound",
        )

    return _group(
        translate("employees.label", language),
        html.Div([bound("min", low), bound("max", high)], className="employees-range d-flex gap-2"),
        translate("employees.help", language),
    )


def play_control(language: str) -> html.Div:
    """Play the founding years: the year filter steps year by year ("founded up to Y") and
    every view follows; assets/year_play.js moves the slider, a timer sets the pace."""
    speed_id = ids.PLAY_SPEED
    return html.Div(
        [
            html.Div(
                [
                    dbc.Button(
                        translate("play.play", language),
                        id=ids.PLAY,
                        n_clicks=0,
                        size="sm",
                        color="primary",
                        outline=True,
                        className="year-play-button text-nowrap",
                    ),
                    html.Label(
                        translate("play.speed", language), htmlFor=speed_id, className="small mb-0 ms-2"
                    ),
                    dbc.Select(
                        id=speed_id,
                        options=[
                            {"label": translate(f"play.speed.{name}", language), "value": str(ms)}
                            for name, ms in PLAY_SPEEDS.items()
                        ],
                        value=str(PLAY_SPEEDS["normal"]),
                        size="sm",
                        className="year-play-speed",
                    ),
                ],
                className="d-flex align-items-center gap-1 mt-2",
            ),
            html.Small(translate("play.help", language), className="filter-help"),
            dcc.Interval(id=ids.PLAY_TIMER, interval=PLAY_SPEEDS["normal"], disabled=True),
            dcc.Store(
                id=ids.PLAY_LABELS,
                data={"play": translate("play.play", language), "pause": translate("play.pause", language)},
            ),
        ],
        className="year-play",
    )


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
    taxonomy = taxonomy or _current_taxonomy()
    title = translate("filters.title", language)
    return dbc.Card(
        dbc.CardBody(
            # Below 992 px the filters fold behind their title, so the key figures and the map
            # come first (components/fold.py).
            folding_panel(
                title,
                _panel_groups(
                    language,
                    values,
                    years,
                    taxonomy,
                    district_options,
                    municipality_options,
                    sector_options,
                ),
                toggle_id=PANEL_TOGGLE,
                body_id=PANEL_BODY,
            )
        ),
        className="filter-panel",
    )


def _panel_groups(
    language: str,
    values: Filters,
    years: tuple[int, int],
    taxonomy: Taxonomy | None,
    district_options: list[dict],
    municipality_options: list[dict],
    sector_options: list[dict],
) -> list:
    """The filters themselves, in the order a reader narrows a question down."""
    first, last = years
    switch = definition_control(taxonomy, language, values.definition) if taxonomy is not None else None
    return [
        search_control(language, values.search),
        *([switch] if switch is not None else []),
        _unit_filter(
            "districts", translate("filters.district", language), district_options, values.districts, language
        ),
        _unit_filter(
            "municipalities",
            translate("filters.municipality", language),
            municipality_options,
            values.municipalities,
            language,
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
        employees_control(language, values.min_employees, values.max_employees),
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
        play_control(language),
        dbc.Button(
            translate("filters.reset", language),
            id=ids.RESET,
            color="secondary",
            outline=True,
            size="sm",
            className="w-100",
        ),
    ]


def _unit_filter(name: str, label: str, options: list, chosen, language: str):
    """A district or municipality filter: a multi-select where nothing chosen means all."""
    return _group(
        label,
        dcc.Dropdown(
            labels=dropdown_labels(language),
            id=ids.filter_id(name),
            options=options,
            value=list(chosen),
            multi=True,
            placeholder=translate("filters.all", language),
        ),
    )

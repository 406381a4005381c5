"""The potential page: the development-potential index, re-weightable, with its parts.

Weight sliders (one pattern-matching id per dimension, one callback for all) write the
weights to a ``dcc.Store``; one callback recomputes the analysis from the store and the
settings and hands its parts to the views (``dashboard/components/potential_views.py``): the
potential choropleth (patched, geometry sent once), the ranking with rank ranges, the
breakdown by dimension, the municipality profile, the sector-specialisation heatmap and the
district/region table. The computation is in ``dashboard.valorization``; this module places
the views and wires them to the controls.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.views import sector_names, unit_names
from dashboard.components import beyond_ids as bid
from dashboard.components import ids
from dashboard.components.controls import labelled, sector_checklist, two_column_body
from dashboard.components.filters import definition_control
from dashboard.components.fold import folding_panel
from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.components.potential_views import (
    breakdown,
    heatmap,
    levels_table,
    map_view,
    notices,
    profile,
    ranking_table,
    run_analysis,
)
from dashboard.components.table_export import export_bar, table_filename
from dashboard.components.whatif_views import (
    changes_list,
    read_scenario,
    whatif_form,
    whatif_result,
)
from dashboard.components.whatif_views import edit_scenario as edit
from dashboard.components.wide import wide_chart
from dashboard.figures.config import graph_config
from dashboard.figures.potential import (
    DIMENSION_COLORS,
    potential_map,
    potential_map_patch,
)
from dashboard.i18n import (
    format_number,
    format_percent,
    normalise_language,
    translate,
)
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.exporting import export_frame
from dashboard.outputs.tables import indicator_frame, ranking_frame
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization.index import METHODS, normalise_weights
from dashboard.valorization.registry import DIMENSIONS, INDICATORS, default_weights
from dashboard.valorization.state import MAX_GROWTH_YEARS, PotentialState
from dashboard.valorization.whatif import MAX_CHANGES, MAX_FIRMS
from dashboard.web.runtime import Runtime, current
from dashboard.web.state import PotentialPageState

dash.register_page(
    __name__,
    path="/potential",
    title=page_title("nav.potential"),
    nav_key="nav.potential",
    order=10,
)

EXPORT_BUTTON = "potential-export"  # pattern-matching type: {"type", "table", "format"}
EXPORT_DOWNLOAD = "potential-export-download"
EXPORTED = ["ranking", "indicators"]
# ----------------------------------------------------------------------------- layout


def _metric_options(language: str) -> list[dict]:
    options = [{"label": translate("potential.index", language), "value": "index"}]
    options += [{"label": f"— {d.name(language)}", "value": f"dim:{d.key}"} for d in DIMENSIONS]
    options += [{"label": i.name(language), "value": f"ind:{i.key}"} for i in INDICATORS]
    return options


def _weight_controls(language: str, weights: dict[str, float]) -> list:
    shares = normalise_weights(weights)
    controls = []
    for color, dimension in zip(DIMENSION_COLORS, DIMENSIONS, strict=True):
        controls.append(
            html.Div(
                [
                    html.Div(
                        [
                            html.Label(
                                [
                                    html.Span(className="swatch", style={"background": color}),
                                    dimension.name(language),
                                ],
                                className="weight-label",
                                id=f"weight-label-{dimension.key}",
                            ),
                            html.Span(
                                format_percent(float(shares[dimension.key]), language, 0),
                                id=ids.weight_share_id(dimension.key),
                                className="weight-share",
                            ),
                        ],
                        className="weight-head",
                    ),
                    dcc.Slider(
                        id=ids.weight_id(dimension.key),
                        min=0,
                        max=100,
                        step=5,
                        value=round(weights[dimension.key] * 100),
                        marks=None,
                        allow_direct_input=False,
                        className="weight-slider",
                    ),
                    html.Small(dimension.definition(language), className="filter-help"),
                ],
                className="weight-group",
                title=translate("potential.weight_label", language, dimension=dimension.name(language)),
            )
        )
    return controls


def _controls(runtime: Runtime, language: str, state: PotentialState) -> dbc.Card:
    names = sector_names(runtime.data.taxonomy, language)
    colors = runtime.data.taxonomy.colors()
    panel = [
        html.H2(translate("potential.weights", language), className="panel-title"),
        html.P(translate("potential.weights_help", language), className="filter-help mt-0"),
        *_weight_controls(language, state.weights),
        dbc.Button(
            translate("potential.reset", language),
            id=ids.WEIGHTS_RESET,
            color="secondary",
            outline=True,
            size="sm",
            className="w-100 mb-3",
        ),
        html.H2(translate("potential.settings", language), className="panel-title"),
        definition_control(runtime.data.taxonomy, language, state.definition, ids.POTENTIAL_DEFINITION),
        html.Div(
            [
                html.Label(translate("potential.method", language), className="filter-label"),
                dbc.RadioItems(
                    id=ids.POTENTIAL_METHOD,
                    options=[{"label": translate(f"method.{m}", language), "value": m} for m in METHODS],
                    value=state.method,
                    inline=True,
                ),
            ],
            className="filter-group",
        ),
        labelled(
            translate("potential.growth_years", language),
            dbc.Input(
                id=ids.POTENTIAL_GROWTH_YEARS,
                type="number",
                min=1,
                max=MAX_GROWTH_YEARS,
                step=1,
                value=state.growth_years,
                debounce=True,
                size="sm",
            ),
            label_class="filter-label",
            className="filter-group",
        ),
        labelled(
            translate("potential.national", language),
            dbc.Input(
                id=ids.POTENTIAL_NATIONAL,
                type="number",
                min=0,
                step=0.1,
                value=state.national,
                placeholder=translate("potential.national_placeholder", language),
                debounce=True,
                size="sm",
            ),
            translate("potential.national_help", language),
            label_class="filter-label",
            className="filter-group",
        ),
        html.Div(
            [
                html.Label(translate("filters.sector", language), className="filter-label"),
                sector_checklist(ids.POTENTIAL_SECTORS, names, colors, state.sectors),
            ],
            className="filter-group",
        ),
        html.Div(
            [
                html.Label(translate("filters.size", language), className="filter-label"),
                dbc.Checklist(
                    id=ids.POTENTIAL_SIZES,
                    options=[
                        {"label": translate(f"size.{name}", language), "value": name}
                        for name, _, _ in SIZE_CLASSES
                    ],
                    value=list(state.sizes),
                ),
                html.Small(translate("potential.sectors_help", language), className="filter-help"),
            ],
            className="filter-group",
        ),
        html.A(
            translate("potential.methodology_link", language),
            href=f"/methodology?lang={language}",
            className="small",
        ),
    ]
    # Below 992 px the weights and settings fold behind one row, so the map, the ranking and the
    # what-if come first on a phone (components/fold.py); the panel opens with its own heading.
    return dbc.Card(
        dbc.CardBody(
            folding_panel(
                translate("potential.controls", language),
                panel,
                toggle_id=ids.POTENTIAL_CONTROLS_TOGGLE,
                body_id=ids.POTENTIAL_CONTROLS_BODY,
                heading=False,
            )
        ),
        className="filter-panel potential-controls",
    )


def _card(title: str, body, help_text: str | None = None, **kwargs) -> dbc.Card:
    children = [html.H2(title, className="panel-title")]
    if help_text:
        children.append(html.P(help_text, className="small text-muted"))
    children.append(body)
    return dbc.Card(dbc.CardBody(children), className="mb-3", **kwargs)


def layout(lang: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    page = PotentialPageState.from_query(query, runtime.data.taxonomy.sector_codes)
    settings = page.analysis
    analysis = run_analysis(runtime, settings)
    names = unit_names(runtime.data.municipalities, language)
    figure = potential_map(
        map_view(runtime, analysis, page.metric, settings.method, language),
        runtime.map_base,
        runtime.style_in(language),
    )
    best = analysis.index.score.idxmax() if len(analysis.index.score) else None
    if page.municipality not in names:  # an unknown code in the address is dropped from it
        page = replace(page, municipality="")
    top = page.municipality or best
    scenario = read_scenario(runtime, page.scenario)  # only this region's municipalities
    page = replace(page, scenario=scenario.to_query())
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    reference_year = analysis.indicators.reference_year
    return html.Div(
        [
            dcc.Store(id=ids.POTENTIAL_LANGUAGE, data=language),
            dcc.Store(id=ids.WEIGHTS, data=page.slider_weights()),
            dcc.Store(id=ids.POTENTIAL_QUERY, data=page.to_query()),
            dcc.Store(id=ids.POTENTIAL_ANALYSIS_KEY, data=_analysis_key(settings)),
            dcc.Store(id=ids.POTENTIAL_DATA_KEY, data=_data_key(settings)),
            dcc.Store(id=bid.WHATIF_SCENARIO, data=page.scenario),
            html.Div(id=ids.POTENTIAL_URL_SYNC, hidden=True),
            header(language, data.region.name(language), data.has_synthetic, "/potential", page.to_query()),
            two_column_body(
                _controls(runtime, language, settings),
                [
                    html.H2(translate("potential.title", language), className="page-title"),
                    html.P(
                        [
                            translate("potential.intro", language),
                            " ",
                            translate("potential.reference_year", language, year=reference_year)
                            if reference_year
                            else "",
                        ],
                        className="page-intro",
                    ),
                    html.Div(notices(analysis, language), id=ids.POTENTIAL_NOTICE),
                    dbc.Row(
                        [
                            dbc.Col(
                                dbc.Card(
                                    [
                                        dbc.CardHeader(
                                            labelled(
                                                translate("potential.map_shows", language),
                                                dcc.Dropdown(
                                                    labels=dropdown_labels(language),
                                                    id=ids.POTENTIAL_MAP_METRIC,
                                                    options=_metric_options(language),
                                                    value=page.metric,
                                                    clearable=False,
                                                    className="metric-dropdown",
                                                ),
                                                className="control control-grow",
                                            ),
                                            className="map-controls",
                                        ),
                                        dcc.Graph(
                                            id=ids.POTENTIAL_MAP,
                                            figure=figure,
                                            config=graph_config(language),
                                            className="potential-map",
                                        ),
                                    ],
                                    className="mb-3",
                                ),
                                xxl=6,
                            ),
                            dbc.Col(
                                _card(
                                    translate("potential.ranking", language),
                                    html.Div(
                                        [
                                            html.Div(
                                                ranking_table(runtime, analysis, settings, language),
                                                id=ids.RANKING,
                                            ),
                                            export_bar(
                                                EXPORT_BUTTON,
                                                EXPORT_DOWNLOAD,
                                                ["ranking", "indicators"],
                                                language,
                                            ),
                                        ]
                                    ),
                                ),
                                xxl=6,
                            ),
                        ],
                        className="g-3",
                    ),
                    _card(
                        translate("whatif.title", language),
                        html.Div(
                            [
                                whatif_form(runtime, language),
                                html.Div(id=bid.WHATIF_NOTICE, role="status"),
                                html.Div(changes_list(runtime, scenario, language), id=bid.WHATIF_CHANGES),
                                html.Div(
                                    whatif_result(runtime, analysis, settings, scenario, language),
                                    id=bid.WHATIF_RESULT,
                                ),
                            ]
                        ),
                        translate("whatif.intro", language),
                        id="whatif-card",
                    ),
                    dbc.Row(
                        [
                            dbc.Col(
                                _card(
                                    translate("potential.breakdown", language),
                                    dcc.Graph(
                                        id=ids.BREAKDOWN,
                                        figure=breakdown(runtime, analysis, settings, language),
                                        config=graph_config(language, "static"),
                                    ),
                                ),
                                xxl=6,
                            ),
                            dbc.Col(
                                _card(
                                    translate("potential.profile", language),
                                    html.Div(
                                        [
                                            dcc.Dropdown(
                                                labels=dropdown_labels(language),
                                                id=ids.POTENTIAL_PROFILE_PICK,
                                                options=sorted(
                                                    ({"label": n, "value": c} for c, n in names.items()),
                                                    key=lambda o: o["label"],
                                                ),
                                                value=top,
                                                clearable=False,
                                                placeholder=translate("potential.profile_pick", language),
                                                className="mb-2",
                                            ),
                                            html.Div(
                                                profile(runtime, analysis, top, settings, language),
                                                id=ids.POTENTIAL_PROFILE,
                                            ),
                                        ]
                                    ),
                                    translate("potential.profile_pick", language),
                                ),
                                xxl=6,
                            ),
                        ],
                        className="g-3",
                    ),
                    _card(
                        translate("potential.lq_title", language),
                        wide_chart(
                            dcc.Graph(
                                id=ids.LQ_HEATMAP,
                                figure=heatmap(runtime, analysis, language),
                                config=graph_config(language, "static"),
                            ),
                            translate("potential.lq_title", language),
                        ),
                        translate("potential.lq_help", language),
                    ),
                    _card(
                        translate("potential.levels", language),
                        html.Div(
                            levels_table(runtime, analysis, settings, language),
                            id=ids.POTENTIAL_LEVELS,
                            className="table-responsive",
                        ),
                    ),
                ],
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        lang=language,
    )


# ----------------------------------------------------------------------------- callbacks


@dash.callback(
    Output(ids.WEIGHTS, "data"),
    Output({"type": ids.WEIGHT_SHARE, "dimension": ALL}, "children"),
    Input({"type": ids.WEIGHT, "dimension": ALL}, "value"),
    State({"type": ids.WEIGHT, "dimension": ALL}, "id"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def store_weights(values, slider_ids, language):
    """Every weight slider, one callback: the raw values go to the store, each share beside
    its slider."""
    weights = {i["dimension"]: float(v or 0) for i, v in zip(slider_ids, values, strict=True)}
    shares = normalise_weights(weights)
    return weights, [format_percent(float(shares[i["dimension"]]), language, 0) for i in slider_ids]


@dash.callback(
    Output({"type": ids.WEIGHT, "dimension": ALL}, "value"),
    Input(ids.WEIGHTS_RESET, "n_clicks"),
    State({"type": ids.WEIGHT, "dimension": ALL}, "id"),
    prevent_initial_call=True,
)
def reset_weights(_clicks, slider_ids):
    defaults = default_weights()
    return [round(defaults[i["dimension"]] * 100) for i in slider_ids]


@dash.callback(
    Output(ids.POTENTIAL_PROFILE_PICK, "value"),
    Input(ids.POTENTIAL_MAP, "clickData"),
    prevent_initial_call=True,
)
def pick_from_map(click):
    point = (click or {}).get("points", [{}])[0]
    code = point.get("location")
    codes = current().map_base.municipality_codes
    if code is None and point.get("curveNumber") == 1 and 0 <= point.get("pointIndex", -1) < len(codes):
        code = codes[point["pointIndex"]]
    return code if code in codes else no_update


# ----------------------------------------------------------------------------- one state, small views
#
# The controls feed one callback that writes the page's state as query strings into three stores:
# the whole page (for the address), the analysis (what the index is computed from) and the data
# part of it (what the heatmap and the district table depend on). The two keys are rewritten only
# when they change, so each view below runs only when what it shows can have changed: a profile
# pick redraws the profile alone, a weight the index views, a sector choice everything.


def _analysis_key(state: PotentialState) -> str:
    return PotentialPageState(state).to_query()


def _data_key(state: PotentialState) -> str:
    """The part of the state the heatmap and district table depend on (not weights or method)."""
    return _analysis_key(
        PotentialState(
            growth_years=state.growth_years,
            national=state.national,
            sectors=state.sectors,
            sizes=state.sizes,
            definition=state.definition,
        )
    )


def _state_of(key: str | None) -> PotentialState:
    """The analysis a key (a query string written by :func:`derive_state`) stands for."""
    params = dict(parse_qsl((key or "").lstrip("?")))
    return PotentialPageState.from_query(params, current().data.taxonomy.sector_codes).analysis


@dash.callback(
    Output(ids.POTENTIAL_QUERY, "data"),
    Output(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    Output(ids.POTENTIAL_DATA_KEY, "data"),
    Input(ids.WEIGHTS, "data"),
    Input(ids.POTENTIAL_METHOD, "value"),
    Input(ids.POTENTIAL_GROWTH_YEARS, "value"),
    Input(ids.POTENTIAL_NATIONAL, "value"),
    Input(ids.POTENTIAL_SECTORS, "value"),
    Input(ids.POTENTIAL_SIZES, "value"),
    Input(ids.POTENTIAL_MAP_METRIC, "value"),
    Input(ids.POTENTIAL_PROFILE_PICK, "value"),
    Input(ids.POTENTIAL_DEFINITION, "value"),
    Input(bid.WHATIF_SCENARIO, "data"),
    State(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    State(ids.POTENTIAL_DATA_KEY, "data"),
    prevent_initial_call=True,
)
def derive_state(
    weights,
    method,
    growth_years,
    national,
    sectors,
    sizes,
    metric,
    picked,
    definition,
    scenario,
    analysis_key,
    data_key,
):
    """The page's one state, from its controls; a key is rewritten only when it changed."""
    # The store holds slider positions (0-100); the state holds them as 0-1, like the defaults
    # (the index rescales weights to sum to one, so only the URL sees the difference).
    fractions = {key: float(value or 0) / 100 for key, value in (weights or {}).items()} or None
    state = PotentialState.read(fractions, method, growth_years, national, sectors, sizes, definition)
    new_analysis, new_data = _analysis_key(state), _data_key(state)
    return (
        PotentialPageState(state, metric or "index", picked or "", scenario or "").to_query(),
        new_analysis if new_analysis != analysis_key else no_update,
        new_data if new_data != data_key else no_update,
    )


@dash.callback(
    Output(ids.POTENTIAL_MAP, "figure"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    Input(ids.POTENTIAL_MAP_METRIC, "value"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_map(key, metric, language):
    runtime, state = current(), _state_of(key)
    view = map_view(runtime, run_analysis(runtime, state), metric or "index", state.method, language)
    return potential_map_patch(view, runtime.map_base)


@dash.callback(
    Output(ids.RANKING, "children"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_ranking(key, language):
    runtime, state = current(), _state_of(key)
    return ranking_table(runtime, run_analysis(runtime, state), state, language)


@dash.callback(
    Output(EXPORT_DOWNLOAD, "data"),
    Input({"type": EXPORT_BUTTON, "table": ALL, "format": ALL}, "n_clicks"),
    State(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def export_tables(clicks, key, language):
    """The ranking (index, dimensions, rank ranges) or every indicator, as shown, as a file."""
    if not any(clicks or []):
        return no_update
    runtime, state = current(), _state_of(key)
    analysis = run_analysis(runtime, state)
    table, fmt = ctx.triggered_id["table"], ctx.triggered_id["format"]
    build = ranking_frame if table == "ranking" else indicator_frame
    frame = build(runtime, analysis, language)
    sheet = translate(f"export.{table}", language)
    return dcc.send_bytes(export_frame(frame, fmt, sheet), table_filename(table, fmt, language))


@dash.callback(
    Output(ids.BREAKDOWN, "figure"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_breakdown(key, language):
    runtime, state = current(), _state_of(key)
    return breakdown(runtime, run_analysis(runtime, state), state, language)


@dash.callback(
    Output(ids.POTENTIAL_PROFILE, "children"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    Input(ids.POTENTIAL_PROFILE_PICK, "value"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_profile(key, picked, language):
    runtime, state = current(), _state_of(key)
    return profile(runtime, run_analysis(runtime, state), picked, state, language)


@dash.callback(
    Output(ids.POTENTIAL_NOTICE, "children"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_notices(key, language):
    runtime = current()
    return notices(run_analysis(runtime, _state_of(key)), language)


@dash.callback(
    Output(ids.LQ_HEATMAP, "figure"),
    Input(ids.POTENTIAL_DATA_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_heatmap(key, language):
    runtime = current()
    return heatmap(runtime, run_analysis(runtime, _state_of(key)), language)


@dash.callback(
    Output(ids.POTENTIAL_LEVELS, "children"),
    Input(ids.POTENTIAL_DATA_KEY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_levels(key, language):
    runtime, state = current(), _state_of(key)
    return levels_table(runtime, run_analysis(runtime, state), state, language)


# ----------------------------------------------------------------------------- what-if
#
# The form edits the scenario (a store holding its URL form); derive_state puts it in the address,
# and the side-by-side view follows the scenario and the analysis. Nothing is ever stored.


@dash.callback(
    Output(bid.WHATIF_SCENARIO, "data"),
    Output(bid.WHATIF_NOTICE, "children"),
    Input(bid.WHATIF_ADD, "n_clicks"),
    Input(bid.WHATIF_CLEAR, "n_clicks"),
    Input({"type": bid.WHATIF_REMOVE, "index": ALL}, "n_clicks"),
    State(bid.WHATIF_MUNICIPALITY, "value"),
    State(bid.WHATIF_SECTOR, "value"),
    State(bid.WHATIF_FIRMS, "value"),
    State(bid.WHATIF_EMPLOYEES, "value"),
    State(bid.WHATIF_YEAR, "value"),
    State(bid.WHATIF_SCENARIO, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def edit_scenario(_add, _clear, _removed, municipality, sector, firms, employees, year, text, language):
    """Add a change, remove one, or clear them all (the logic: ``whatif_views.edit_scenario``)."""
    runtime = current()
    before = read_scenario(runtime, text)
    after = edit(
        before,
        dash.ctx.triggered_id,
        bool((dash.ctx.triggered or [{}])[0].get("value")),
        (municipality, sector, firms, employees, year),
        set(runtime.data.municipalities.index),
        set(runtime.data.taxonomy.sector_codes),
    )
    if after is None:
        message = translate(
            "whatif.invalid", language, max=format_number(MAX_FIRMS, language), changes=MAX_CHANGES
        )
        return no_update, dbc.Alert(message, color="warning", className="py-2 my-2")
    return (after.to_query() if after != before else no_update), []


@dash.callback(
    Output(bid.WHATIF_CHANGES, "children"),
    Input(bid.WHATIF_SCENARIO, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_changes(text, language):
    runtime = current()
    return changes_list(runtime, read_scenario(runtime, text), language)


@dash.callback(
    Output(bid.WHATIF_RESULT, "children"),
    Input(ids.POTENTIAL_ANALYSIS_KEY, "data"),
    Input(bid.WHATIF_SCENARIO, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_whatif(key, text, language):
    runtime, state = current(), _state_of(key)
    return whatif_result(runtime, run_analysis(runtime, state), state, read_scenario(runtime, text), language)


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncQuery"),  # assets/url_state.js
    Output(ids.POTENTIAL_URL_SYNC, "children"),
    Input(ids.POTENTIAL_QUERY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
)

dash.clientside_callback(
    ClientsideFunction(namespace="creativeMapLinks", function_name="languageLinks"),  # language_links.js
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(ids.POTENTIAL_QUERY, "data"),
    prevent_initial_call=True,
)


def views(runtime: Runtime, state: PotentialState, metric: str, picked: str | None, language: str) -> tuple:
    """What the page's views show for one state, in their order on the page: map patch,
    ranking, breakdown, profile, heatmap, district table, notices (the bench and tests use
    this; the callbacks above each compute their own part)."""
    analysis = run_analysis(runtime, state)
    view = map_view(runtime, analysis, metric, state.method, language)
    return (
        potential_map_patch(view, runtime.map_base),
        ranking_table(runtime, analysis, state, language),
        breakdown(runtime, analysis, state, language),
        profile(runtime, analysis, picked, state, language),
        heatmap(runtime, analysis, language),
        levels_table(runtime, analysis, state, language),
        notices(analysis, language),
    )

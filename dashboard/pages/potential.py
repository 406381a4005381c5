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

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.views import sector_names, unit_names
from dashboard.components import ids
from dashboard.components.controls import labelled, two_column_body
from dashboard.components.footer import footer
from dashboard.components.header import header, language_href
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
from dashboard.figures.potential import (
    DIMENSION_COLORS,
    potential_map,
    potential_map_patch,
)
from dashboard.i18n import (
    LANGUAGES,
    format_percent,
    normalise_language,
    translate,
)
from dashboard.i18n.widgets import dropdown_labels
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization.index import METHODS, normalise_weights
from dashboard.valorization.registry import DIMENSIONS, INDICATORS, default_weights
from dashboard.valorization.state import MAX_GROWTH_YEARS, PotentialState
from dashboard.web.runtime import Runtime, current
from dashboard.web.state import PotentialPageState

dash.register_page(
    __name__,
    path="/potential",
    title=page_title("nav.potential"),
    nav_key="nav.potential",
    order=10,
)

MAP_CONFIG = {"displaylogo": False, "scrollZoom": True}
CHART_CONFIG = {"displayModeBar": False}
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
    return dbc.Card(
        dbc.CardBody(
            [
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
                html.Div(
                    [
                        html.Label(translate("potential.method", language), className="filter-label"),
                        dbc.RadioItems(
                            id=ids.POTENTIAL_METHOD,
                            options=[
                                {"label": translate(f"method.{m}", language), "value": m} for m in METHODS
                            ],
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
                        dbc.Checklist(
                            id=ids.POTENTIAL_SECTORS,
                            options=[
                                {
                                    "label": html.Span(
                                        [html.Span(className="swatch", style={"background": colors[c]}), n]
                                    ),
                                    "value": c,
                                }
                                for c, n in names.items()
                            ],
                            value=list(state.sectors),
                            className="sector-checklist",
                        ),
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
        map_view(runtime, analysis, page.metric, settings.method, language), runtime.map_base, runtime.style
    )
    best = analysis.index.score.idxmax() if len(analysis.index.score) else None
    if page.municipality not in names:  # an unknown code in the address is dropped from it
        page = replace(page, municipality="")
    top = page.municipality or best
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    reference_year = analysis.indicators.reference_year
    return html.Div(
        [
            dcc.Store(id=ids.POTENTIAL_LANGUAGE, data=language),
            dcc.Store(id=ids.WEIGHTS, data=page.slider_weights()),
            dcc.Store(id=ids.POTENTIAL_QUERY, data=page.to_query()),
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
                                            config=MAP_CONFIG,
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
                                        ranking_table(runtime, analysis, settings, language),
                                        id=ids.RANKING,
                                    ),
                                ),
                                xxl=6,
                            ),
                        ],
                        className="g-3",
                    ),
                    dbc.Row(
                        [
                            dbc.Col(
                                _card(
                                    translate("potential.breakdown", language),
                                    dcc.Graph(
                                        id=ids.BREAKDOWN,
                                        figure=breakdown(runtime, analysis, settings, language),
                                        config=CHART_CONFIG,
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
                        dcc.Graph(
                            id=ids.LQ_HEATMAP,
                            figure=heatmap(runtime, analysis, language),
                            config=CHART_CONFIG,
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
            footer(data.region.attribution, data_file, data.problems, language),
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


WEIGHT_ONLY = {ids.WEIGHTS, ids.POTENTIAL_METHOD, ids.POTENTIAL_MAP_METRIC, ids.POTENTIAL_PROFILE_PICK}


@dash.callback(
    Output(ids.POTENTIAL_MAP, "figure"),
    Output(ids.RANKING, "children"),
    Output(ids.BREAKDOWN, "figure"),
    Output(ids.POTENTIAL_PROFILE, "children"),
    Output(ids.LQ_HEATMAP, "figure"),
    Output(ids.POTENTIAL_LEVELS, "children"),
    Output(ids.POTENTIAL_NOTICE, "children"),
    Output(ids.POTENTIAL_QUERY, "data"),
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(ids.WEIGHTS, "data"),
    Input(ids.POTENTIAL_METHOD, "value"),
    Input(ids.POTENTIAL_GROWTH_YEARS, "value"),
    Input(ids.POTENTIAL_NATIONAL, "value"),
    Input(ids.POTENTIAL_SECTORS, "value"),
    Input(ids.POTENTIAL_SIZES, "value"),
    Input(ids.POTENTIAL_MAP_METRIC, "value"),
    Input(ids.POTENTIAL_PROFILE_PICK, "value"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_views(weights, method, growth_years, national, sectors, sizes, metric, picked, language):
    """Recompute the analysis and every view of it. The heatmap and the district table do not
    depend on the weights, the normalisation, the map metric or the profile, so changing
    only those leaves them alone."""
    triggered = {prop.rsplit(".", 1)[0] for prop in ctx.triggered_prop_ids or {}}
    data_changed = not triggered or not triggered <= WEIGHT_ONLY
    # The store holds slider positions (0-100); the state holds them as 0-1, like the defaults
    # (the index rescales weights to sum to one, so only the URL sees the difference).
    fractions = {key: float(value or 0) / 100 for key, value in (weights or {}).items()} or None
    state = PotentialState.read(fractions, method, growth_years, national, sectors, sizes)
    query = PotentialPageState(state, metric or "index", picked or "").to_query()
    return (
        *views(current(), state, metric or "index", picked, language, data_changed=data_changed),
        query,
        [language_href(code, query) for code in LANGUAGES],
    )


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncQuery"),  # assets/url_state.js
    Output(ids.POTENTIAL_URL_SYNC, "children"),
    Input(ids.POTENTIAL_QUERY, "data"),
    State(ids.POTENTIAL_LANGUAGE, "data"),
)


def views(
    runtime: Runtime,
    state: PotentialState,
    metric: str,
    picked: str | None,
    language: str,
    *,
    data_changed=True,
) -> tuple:
    """Every output of :func:`update_views` for one state (``no_update`` where nothing changed)."""
    analysis = run_analysis(runtime, state)
    view = map_view(runtime, analysis, metric, state.method, language)
    return (
        potential_map_patch(view, runtime.map_base),
        ranking_table(runtime, analysis, state, language),
        breakdown(runtime, analysis, state, language),
        profile(runtime, analysis, picked, state, language),
        heatmap(runtime, analysis, language) if data_changed else no_update,
        levels_table(runtime, analysis, state, language) if data_changed else no_update,
        notices(analysis, language),
    )

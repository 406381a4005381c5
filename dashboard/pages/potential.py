"""The potential page: the development-potential index, re-weightable, with its parts.

Weight sliders (one pattern-matching id per dimension, one callback for all) write the
weights to a ``dcc.Store``; one callback recomputes the analysis from the store and the
settings and hands its parts to the views: the potential choropleth (patched, geometry sent
once), the ranking with rank ranges, the breakdown by dimension, the municipality profile,
the sector-specialisation heatmap and the district/region table. The computation is in
``dashboard.valorization``; this module only wires it to the controls.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.components import ids
from dashboard.components.footer import footer
from dashboard.components.header import header, language_href
from dashboard.components.page_title import page_title
from dashboard.figures.potential import (
    DIMENSION_COLORS,
    PotentialMapView,
    breakdown_chart,
    lq_heatmap,
    potential_map,
    potential_map_patch,
)
from dashboard.i18n import (
    LANGUAGES,
    format_number,
    format_percent,
    normalise_language,
    translate,
)
from dashboard.i18n.widgets import dropdown_labels
from dashboard.runtime import Runtime, current
from dashboard.sources.enterprises import SIZE_CLASSES
from dashboard.state import PotentialPageState
from dashboard.valorization import Analysis
from dashboard.valorization.index import METHODS, normalise_weights
from dashboard.valorization.registry import BY_KEY, DIMENSIONS, INDICATORS, Indicator, default_weights
from dashboard.valorization.robustness import COVERAGE, DRAWS
from dashboard.valorization.state import PotentialState, analyse_state
from dashboard.views import sector_names, unit_names

dash.register_page(
    __name__,
    path="/potential",
    title=page_title("nav.potential"),
    nav_key="nav.potential",
    order=10,
)

MAP_CONFIG = {"displaylogo": False, "scrollZoom": True}
CHART_CONFIG = {"displayModeBar": False}
RATIO_UNITS = {"ratio"}  # indicators coloured around 1 on the map
TIER_STYLE = {
    "high": {"background": "#1d6f9f", "color": "#ffffff"},
    "medium": {"background": "#7fcdbb", "color": "#1b2a3a"},
    "low": {"background": "#edf8b1", "color": "#1b2a3a"},
}


def run_analysis(runtime: Runtime, state: PotentialState) -> Analysis:
    return analyse_state(
        runtime.columns,
        runtime.data.municipalities,
        runtime.potential["tier"],
        state,
        list(runtime.data.districts.index),
    )


# ----------------------------------------------------------------------------- formatting


def format_value(indicator: Indicator, value: float, language: str) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    if indicator.percent:
        return format_percent(float(value), language, indicator.decimals)
    return format_number(float(value), language, indicator.decimals)


def _score_text(value: float, method: str, language: str) -> str:
    return format_number(float(value), language, 2 if method == "zscore" else 1)


# ----------------------------------------------------------------------------- views


def map_view(
    runtime: Runtime, analysis: Analysis, metric: str, method: str, language: str
) -> PotentialMapView:
    """What the choropleth shows for ``metric``: "index", "dim:<key>" or "ind:<key>"."""
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    index_title = translate("potential.index_z" if method == "zscore" else "potential.index", language)
    diverging = False
    if metric.startswith("dim:") and metric[4:] in index.dimensions:
        key = metric[4:]
        values = index.dimensions[key]
        title = next(d for d in DIMENSIONS if d.key == key).name(language)
        shown = values.map(lambda v: _score_text(v, method, language))
    elif metric.startswith("ind:") and metric[4:] in analysis.indicators.municipalities:
        indicator = BY_KEY[metric[4:]]
        raw = analysis.indicators.municipalities[indicator.key]
        values = raw * 100 if indicator.percent else raw
        title = f"{indicator.name(language)} ({indicator.unit_label(language)})"
        diverging = indicator.unit in RATIO_UNITS
        shown = raw.map(lambda v: format_value(indicator, v, language))
    else:
        values, title = index.score, index_title
        shown = None
    lines = {}
    for code in index.score.index:
        parts = []
        if shown is not None:
            parts.append(f"{title}: {shown[code]}")
        parts.append(f"{index_title}: {_score_text(index.score[code], method, language)}")
        parts.append(
            f"{translate('potential.col.rank', language)} {index.rank[code]} "
            f"({robustness.best[code]}–{robustness.worst[code]}) · "
            f"{translate(f'tier.{index.tier[code]}', language)}"
        )
        lines[code] = "<br>".join(parts)
    return PotentialMapView(
        values=values.astype(float),
        names=names,
        hover=pd.Series(lines),
        title=title,
        diverging=diverging,
    )


def _tier_badge(tier: str, language: str) -> html.Span:
    return html.Span(translate(f"tier.{tier}", language), className="tier-badge", style=TIER_STYLE[tier])


def _range_bar(best: int, worst: int, rank: int, count: int) -> html.Span:
    """A track from rank 1 to the last, with the range shaded and the rank marked."""
    span = max(count - 1, 1)

    def at(r: int) -> float:
        return 100 * (r - 1) / span

    return html.Span(
        [
            html.Span(
                className="range-fill",
                style={"left": f"{at(best):.1f}%", "width": f"{max(at(worst) - at(best), 1.5):.1f}%"},
            ),
            html.Span(className="range-dot", style={"left": f"{at(rank):.1f}%"}),
        ],
        className="range-track",
        **{"aria-hidden": "true"},
    )


def ranking_table(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str) -> html.Div:
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    national = settings.national is not None
    count = len(index.score)
    order = index.score.sort_values(ascending=False, kind="stable").index
    head = [
        translate("potential.col.rank", language),
        translate("label.municipality", language),
        translate("potential.col.score", language),
        translate("potential.col.tier", language),
        translate("potential.col.range", language),
    ]
    if national:
        head.append(translate("potential.col.national", language))
    ratio = analysis.indicators.municipalities["national_ratio"]
    rows = []
    for code in order:
        best, worst = int(robustness.best[code]), int(robustness.worst[code])
        cells = [
            html.Td(str(index.rank[code]), className="num"),
            html.Td(names[code]),
            html.Td(_score_text(index.score[code], settings.method, language), className="num score"),
            html.Td(_tier_badge(index.tier[code], language)),
            html.Td(
                [
                    html.Span(f"{best}–{worst}" if best != worst else str(best), className="range-text"),
                    _range_bar(best, worst, int(index.rank[code]), count),
                ],
                className="range-cell",
            ),
        ]
        if national:
            cells.append(html.Td(format_number(float(ratio[code]), language, 2), className="num"))
        rows.append(html.Tr(cells, **{"data-code": code}))
    return html.Div(
        [
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(rows)],
                size="sm",
                hover=True,
                responsive=True,
                className="ranking-table mb-1",
            ),
            html.P(
                translate(
                    "potential.robustness_help",
                    language,
                    coverage=format_percent(COVERAGE, language, 0),
                    draws=format_number(DRAWS, language),
                ),
                className="small text-muted mb-0",
            ),
        ]
    )


def profile(runtime: Runtime, analysis: Analysis, code: str | None, settings: PotentialState, language: str):
    """One municipality: index, rank range, dimension scores, and every indicator beside its
    district's and the region's value."""
    index = analysis.index
    if code not in index.score.index:
        return None
    indicators = analysis.indicators
    district = runtime.data.municipalities.at[code, "district_code"]
    district_row = indicators.districts.loc[district] if district in indicators.districts.index else None
    summary = translate(
        "potential.profile_summary",
        language,
        score=_score_text(index.score[code], settings.method, language),
        rank=index.rank[code],
        count=len(index.score),
        best=analysis.robustness.best[code],
        worst=analysis.robustness.worst[code],
    )
    dimension_rows = [
        html.Tr(
            [
                html.Th(
                    [html.Span(className="swatch", style={"background": color}), d.name(language)],
                    scope="row",
                ),
                html.Td(_score_text(index.dimensions.at[code, d.key], settings.method, language)),
                html.Td(format_percent(float(index.weights[d.key]), language, 0), className="text-muted"),
            ]
        )
        for color, d in zip(DIMENSION_COLORS, DIMENSIONS, strict=True)
    ]
    indicator_rows = []
    for indicator in INDICATORS:
        if indicator.key == "national_ratio" and settings.national is None:
            continue
        own = indicators.municipalities.at[code, indicator.key]
        score = (
            _score_text(index.normalised.at[code, indicator.key], settings.method, language)
            if indicator.key in index.normalised
            else ""
        )
        indicator_rows.append(
            html.Tr(
                [
                    html.Th(indicator.name(language), scope="row", title=indicator.definition(language)),
                    html.Td(format_value(indicator, own, language), className="num"),
                    html.Td(score, className="num text-muted"),
                    html.Td(
                        format_value(indicator, district_row[indicator.key], language)
                        if district_row is not None
                        else "–",
                        className="num",
                    ),
                    html.Td(
                        format_value(indicator, indicators.region[indicator.key], language), className="num"
                    ),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("potential.col.indicator", language), scope="col"),
                html.Th(translate("potential.col.value", language), scope="col"),
                html.Th(translate("potential.col.points", language), scope="col"),
                html.Th(translate("potential.col.district", language), scope="col"),
                html.Th(translate("potential.col.region", language), scope="col"),
            ]
        )
    )
    return html.Div(
        [
            html.P(
                [html.Strong(summary), " ", _tier_badge(index.tier[code], language)],
                className="mb-2",
            ),
            dbc.Table(html.Tbody(dimension_rows), size="sm", className="dimension-table mb-2"),
            dbc.Table([head, html.Tbody(indicator_rows)], size="sm", className="profile-indicators mb-0"),
        ]
    )


def levels_table(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str) -> dbc.Table:
    """Every indicator for each district and the whole region (the municipalities' sums)."""
    indicators = analysis.indicators
    districts = unit_names(runtime.data.districts, language)
    columns = [c for c in indicators.districts.index if c in districts.index]
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("potential.col.indicator", language), scope="col"),
                html.Th(translate("potential.col.unit", language), scope="col"),
                *[html.Th(districts[c], scope="col") for c in columns],
                html.Th(translate("potential.col.region", language), scope="col"),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Th(indicator.name(language), scope="row", title=indicator.definition(language)),
                html.Td(indicator.unit_label(language), className="text-muted"),
                *[
                    html.Td(
                        format_value(indicator, indicators.districts.at[c, indicator.key], language),
                        className="num",
                    )
                    for c in columns
                ],
                html.Td(format_value(indicator, indicators.region[indicator.key], language), className="num"),
            ]
        )
        for indicator in INDICATORS
        if not (indicator.key == "national_ratio" and settings.national is None)
    ]
    return dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, className="levels-table mb-0")


def breakdown(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str):
    names = unit_names(runtime.data.municipalities, language)
    return breakdown_chart(
        analysis.index.contributions,
        analysis.index.score,
        names,
        {d.key: d.name(language) for d in DIMENSIONS},
        translate("potential.breakdown_axis", language),
        language,
        2 if settings.method == "zscore" else 1,
    )


def heatmap(runtime: Runtime, analysis: Analysis, language: str):
    """In the reference table's order (municipalities grouped by district): it does not move
    when the weights change, so the eye can follow a sector down the column."""
    return lq_heatmap(
        analysis.indicators.lq,
        unit_names(runtime.data.municipalities, language),
        sector_names(runtime.data.taxonomy, language),
        language,
    )


def notices(analysis: Analysis, language: str) -> list:
    found = []
    if analysis.indicators.region["enterprises"] == 0:
        found.append(
            dbc.Alert(translate("potential.no_enterprises", language), color="warning", className="py-2")
        )
    return found


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
                html.Div(
                    [
                        html.Label(
                            translate("potential.growth_years", language),
                            htmlFor=ids.POTENTIAL_GROWTH_YEARS,
                            className="filter-label",
                        ),
                        dbc.Input(
                            id=ids.POTENTIAL_GROWTH_YEARS,
                            type="number",
                            min=1,
                            max=30,
                            step=1,
                            value=state.growth_years,
                            debounce=True,
                            size="sm",
                        ),
                    ],
                    className="filter-group",
                ),
                html.Div(
                    [
                        html.Label(
                            translate("potential.national", language),
                            htmlFor=ids.POTENTIAL_NATIONAL,
                            className="filter-label",
                        ),
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
                        html.Small(translate("potential.national_help", language), className="filter-help"),
                    ],
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
    page = PotentialPageState.from_query(query)
    settings = page.analysis
    analysis = run_analysis(runtime, settings)
    names = unit_names(runtime.data.municipalities, language)
    figure = potential_map(
        map_view(runtime, analysis, page.metric, settings.method, language), runtime.map_base, runtime.style
    )
    best = analysis.index.score.idxmax() if len(analysis.index.score) else None
    top = page.municipality if page.municipality in names else best
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    reference_year = analysis.indicators.reference_year
    return html.Div(
        [
            dcc.Store(id=ids.POTENTIAL_LANGUAGE, data=language),
            dcc.Store(id=ids.WEIGHTS, data=page.slider_weights()),
            dcc.Store(id=ids.POTENTIAL_QUERY, data=page.to_query()),
            html.Div(id=ids.POTENTIAL_URL_SYNC, hidden=True),
            header(language, data.region.name(language), data.has_synthetic, "/potential", page.to_query()),
            dbc.Container(
                dbc.Row(
                    [
                        dbc.Col(_controls(runtime, language, settings), lg=3),
                        dbc.Col(
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
                                                        html.Div(
                                                            [
                                                                html.Label(
                                                                    translate(
                                                                        "potential.map_shows", language
                                                                    ),
                                                                    htmlFor=ids.POTENTIAL_MAP_METRIC,
                                                                    className="control-label",
                                                                ),
                                                                dcc.Dropdown(
                                                                    labels=dropdown_labels(language),
                                                                    id=ids.POTENTIAL_MAP_METRIC,
                                                                    options=_metric_options(language),
                                                                    value=page.metric,
                                                                    clearable=False,
                                                                    className="metric-dropdown",
                                                                ),
                                                            ],
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
                                                                (
                                                                    {"label": n, "value": c}
                                                                    for c, n in names.items()
                                                                ),
                                                                key=lambda o: o["label"],
                                                            ),
                                                            value=top,
                                                            clearable=False,
                                                            placeholder=translate(
                                                                "potential.profile_pick", language
                                                            ),
                                                            className="mb-2",
                                                        ),
                                                        html.Div(
                                                            profile(
                                                                runtime, analysis, top, settings, language
                                                            ),
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
                            lg=9,
                            id="main",
                        ),
                    ],
                    className="g-3",
                ),
                fluid=True,
                className="app-body",
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

"""The main page: filters, map, key figures and sector chart, all linked."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, dcc, html

from dashboard.components import ids
from dashboard.components.filters import filter_panel
from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.kpis import kpi_cards, kpi_values
from dashboard.figures.charts import sector_bar_chart
from dashboard.figures.map import build_map_figure, map_patch
from dashboard.i18n import localized_name, normalise_language, translate
from dashboard.indicators import LEVELS, METRICS, Filters
from dashboard.runtime import current
from dashboard.views import explore_view

dash.register_page(
    __name__, path="/", title="Creative Industries Map of South Serbia", nav_key="nav.explore", order=0
)

DEFAULT_LEVEL = "municipality"
DEFAULT_METRIC = "enterprises_per_1000"
MAP_CONFIG = {"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def _sector_names(language: str) -> dict[str, str]:
    taxonomy = current().data.taxonomy
    return {code: taxonomy.sector_name(code, language) for code in taxonomy.sector_codes}


def _unit_options(table, language: str, district: list[str] | None = None) -> list[dict]:
    rows = table if not district else table[table["district_code"].isin(district)]
    options = [{"label": localized_name(r, language), "value": code} for code, r in rows.iterrows()]
    return sorted(options, key=lambda o: o["label"])


def layout(lang: str | None = None, **_query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    colors = data.taxonomy.colors()
    names = _sector_names(language)
    view = explore_view(runtime, Filters(), DEFAULT_LEVEL, DEFAULT_METRIC, language)
    sector_options = [
        {
            "label": html.Span([html.Span(className="swatch", style={"background": colors[c]}), names[c]]),
            "value": c,
        }
        for c in data.taxonomy.sector_codes
    ]
    notices = []
    if not runtime.map_base.has_municipal_polygons:
        notices.append(dbc.Alert(translate("map.no_municipal_boundaries", language), color="info"))
    if runtime.map_base.district_geojson is None:
        notices.append(dbc.Alert(translate("map.no_district_boundaries", language), color="info"))
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    return html.Div(
        [
            dcc.Store(id=ids.LANGUAGE, data=language),
            header(language, data.region.name(language), view.synthetic_shown),
            dbc.Container(
                dbc.Row(
                    [
                        dbc.Col(
                            filter_panel(
                                language,
                                _unit_options(
                                    data.districts.assign(district_code=data.districts.index), language
                                ),
                                _unit_options(data.municipalities, language),
                                sector_options,
                            ),
                            lg=3,
                        ),
                        dbc.Col(
                            [
                                kpi_cards(view.totals, language),
                                *notices,
                                dbc.Card(
                                    [
                                        dbc.CardHeader(_map_controls(language), className="map-controls"),
                                        dcc.Graph(
                                            id=ids.MAP,
                                            figure=build_map_figure(
                                                view.map,
                                                runtime.map_base,
                                                language,
                                                runtime.style,
                                                names,
                                                colors,
                                            ),
                                            config=MAP_CONFIG,
                                            className="region-map",
                                        ),
                                    ],
                                    className="mb-3",
                                ),
                                dbc.Card(
                                    dcc.Graph(
                                        id=ids.SECTOR_CHART,
                                        figure=sector_bar_chart(view.sector_counts, names, colors, language),
                                        config={"displaylogo": False},
                                    ),
                                    className="mb-3",
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


def _map_controls(language: str) -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Label(
                        translate("map.level", language), htmlFor=ids.LEVEL, className="control-label"
                    ),
                    dbc.RadioItems(
                        id=ids.LEVEL,
                        options=[{"label": translate(f"level.{lv}", language), "value": lv} for lv in LEVELS],
                        value=DEFAULT_LEVEL,
                        inline=True,
                        className="btn-group",
                        inputClassName="btn-check",
                        labelClassName="btn btn-outline-primary btn-sm",
                        labelCheckedClassName="active",
                    ),
                ],
                className="control",
            ),
            html.Div(
                [
                    html.Label(
                        translate("map.metric", language), htmlFor=ids.METRIC, className="control-label"
                    ),
                    dcc.Dropdown(
                        id=ids.METRIC,
                        options=[{"label": translate(f"metric.{m}", language), "value": m} for m in METRICS],
                        value=DEFAULT_METRIC,
                        clearable=False,
                        searchable=False,
                        className="metric-dropdown",
                    ),
                ],
                className="control control-grow",
            ),
        ],
        className="map-controls-row",
    )


@dash.callback(
    Output(ids.MAP, "figure"),
    Output({"type": ids.KPI, "name": ALL}, "children"),
    Output(ids.SECTOR_CHART, "figure"),
    Output(ids.DEMO_BADGE, "hidden"),
    Input({"type": ids.FILTER, "name": ALL}, "value"),
    Input(ids.LEVEL, "value"),
    Input(ids.METRIC, "value"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_views(values, level, metric, filter_ids, language):
    runtime = current()
    filters = Filters.from_values(**{i["name"]: v for i, v in zip(filter_ids, values, strict=True)})
    view = explore_view(runtime, filters, level, metric, language)
    colors = runtime.data.taxonomy.colors()
    return (
        map_patch(view.map, runtime.map_base, language),
        kpi_values(view.totals, language),
        sector_bar_chart(view.sector_counts, _sector_names(language), colors, language),
        not view.synthetic_shown,
    )


@dash.callback(
    Output(ids.filter_id("municipalities"), "options"),
    Input(ids.filter_id("districts"), "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def municipality_options(districts, language):
    return _unit_options(current().data.municipalities, language, districts)


@dash.callback(
    Output({"type": ids.FILTER, "name": ALL}, "value"),
    Input(ids.RESET, "n_clicks"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    prevent_initial_call=True,
)
def clear_filters(_clicks, filter_ids):
    return [[] for _ in filter_ids]

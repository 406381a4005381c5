"""The main page: filters, map, key figures and linked charts and table.

Every view filters every other: the filter panel, a click on the map (drill into a
district or municipality), a click on a sector or size bar, a brush on the
founding-year timeline and a lasso on the map all set the same filter
components, and one callback recomputes every view from them. The whole state
lives in the URL, so links and the back button restore it.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.indicators import LEVELS, METRICS, Filters
from dashboard.analysis.summaries import map_summary
from dashboard.analysis.views import (
    ExploreView,
    explore_view,
    sector_names,
    shown_rows,
    unit_figures,
    unit_names,
    units_in_scope,
)
from dashboard.components import ids
from dashboard.components.controls import labelled, two_column_body
from dashboard.components.drilldown import breadcrumb, municipality_panel
from dashboard.components.filters import filter_panel
from dashboard.components.footer import footer
from dashboard.components.header import header, language_href
from dashboard.components.kpis import kpi_cards, kpi_values
from dashboard.components.page_title import page_title
from dashboard.components.story_saver import save_view_control
from dashboard.components.table import (
    enterprise_grid,
    enterprise_table,
    matching_rows,
    table_count,
    table_rows,
)
from dashboard.figures.charts import (
    founding_timeline,
    founding_timeline_patch,
    sector_bar_chart,
    sector_bar_patch,
    size_class_chart,
    size_class_patch,
)
from dashboard.figures.map import build_map_figure, map_patch
from dashboard.i18n import LANGUAGES, format_number, localized_name, normalise_language, translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.exporting import export_filename, export_table
from dashboard.web.runtime import Runtime, current
from dashboard.web.state import ExploreState

dash.register_page(__name__, path="/", title=page_title(), nav_key="nav.explore", order=0)

MAP_CONFIG = {"displaylogo": False, "scrollZoom": True}
GEOGRAPHIC = {"districts", "municipalities"}


def _unit_options(table, language: str, district: list[str] | None = None) -> list[dict]:
    rows = table if not district else table[table["district_code"].isin(district)]
    options = [{"label": localized_name(r, language), "value": code} for code, r in rows.iterrows()]
    return sorted(options, key=lambda o: o["label"])


def _notice(runtime: Runtime, view: ExploreView, level: str, language: str):
    notices = []
    if not runtime.map_base.has_municipal_polygons:
        notices.append(translate("map.no_municipal_boundaries", language))
    if runtime.map_base.district_geojson is None:
        notices.append(translate("map.no_district_boundaries", language))
    if not view.map.points_shown and level != "hexagon":
        count = format_number(view.totals["enterprises"], language)
        notices.append(translate("map.too_many_points", language, count=count))
    hexagons_shown = level == "hexagon" or (level == "enterprises" and not view.map.points_shown)
    if hexagons_shown and view.map.metric != view.map.hexagon_metric:
        # Hexagons have no population or area of their own: they count what is in them.
        chosen = translate(f"metric.{view.map.metric}", language)
        counted = translate(f"metric.{view.map.hexagon_metric}", language)
        notices.append(translate("map.hexagon_counts", language, counted=counted, metric=chosen))
    return [dbc.Alert(text, color="info", className="py-2 mb-2") for text in notices]


def _profile(runtime: Runtime, filters: Filters, language: str):
    if len(filters.municipalities) != 1 or filters.municipalities[0] not in runtime.data.municipalities.index:
        return None
    code = filters.municipalities[0]
    own, district, region, sectors = unit_figures(runtime, filters, code)
    potential = runtime.potential.loc[code].to_dict() if code in runtime.potential.index else None
    return municipality_panel(
        code,
        own,
        district,
        region,
        sectors,
        sector_names(current().data.taxonomy, language),
        runtime.data.taxonomy.colors(),
        potential,
        runtime.data,
        language,
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    state = ExploreState.from_query(query)
    data = runtime.data
    colors = data.taxonomy.colors()
    names = sector_names(current().data.taxonomy, language)
    first_year, last_year = runtime.columns.year_span()
    filters = state.filters
    view = explore_view(
        runtime,
        filters,
        state.level,
        state.metric,
        language,
        lq_sector=state.lq_sector or None,
        approximate=state.approximate,
    )
    figure = build_map_figure(view.map, runtime.map_base, language, runtime.style, names, colors)
    if state.view:
        figure.update_layout(
            map={"center": {"lat": state.view[0], "lon": state.view[1]}, "zoom": state.view[2]}
        )
    elif filters.municipalities or filters.districts:
        center, zoom = runtime.map_base.focus(list(filters.municipalities or filters.districts))
        figure.update_layout(map={"center": center, "zoom": zoom})
    rows, total = table_rows(data.enterprises, view.rows, names, unit_names(data.municipalities, language))
    sector_options = [
        {
            "label": html.Span([html.Span(className="swatch", style={"background": colors[c]}), names[c]]),
            "value": c,
        }
        for c in data.taxonomy.sector_codes
    ]
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    return html.Div(
        [
            dcc.Store(id=ids.LANGUAGE, data=language),
            dcc.Store(id=ids.SELECTION, data=[]),
            dcc.Store(id=ids.QUERY, data=state.to_query()),
            html.Div(id=ids.URL_SYNC, hidden=True),
            header(language, data.region.name(language), view.synthetic_shown, "/", state.to_query()),
            two_column_body(
                filter_panel(
                    language,
                    _unit_options(data.districts.assign(district_code=data.districts.index), language),
                    _unit_options(data.municipalities, language, list(filters.districts)),
                    sector_options,
                    values=filters,
                    years=(first_year, last_year),
                ),
                [
                    html.Div(
                        breadcrumb(list(filters.districts), list(filters.municipalities), data, language),
                        id=ids.BREADCRUMB,
                    ),
                    kpi_cards(view.totals, language),
                    dbc.Row(
                        [
                            dbc.Col(_map_card(runtime, view, state, figure, names, language), xl=8),
                            dbc.Col(
                                _side_column(runtime, view, filters, names, colors, language),
                                xl=4,
                            ),
                        ],
                        className="g-3",
                    ),
                    dbc.Card(
                        dcc.Graph(
                            id=ids.TIMELINE,
                            figure=founding_timeline(view.year_counts, language, filters.years),
                            config={"displayModeBar": False},
                        ),
                        className="mb-3",
                    ),
                    enterprise_table(language, rows, total),
                ],
            ),
            footer(data.region.attribution, data_file, data.problems, language),
        ],
        lang=language,
    )


def _map_card(
    runtime: Runtime, view: ExploreView, state: ExploreState, figure, names, language: str
) -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader(_map_controls(language, state, names), className="map-controls"),
            html.Div(_notice(runtime, view, state.level, language), id=ids.MAP_NOTICE),
            dcc.Graph(id=ids.MAP, figure=figure, config=MAP_CONFIG, className="region-map"),
            html.P(
                map_summary(
                    view.map, view.totals["enterprises"], language, units_in_scope(runtime, state.filters)
                ),
                id=ids.MAP_SUMMARY,
                className="map-summary",
                role="status",
            ),
            save_view_control(language, runtime.settings),  # presenter stories (issue 6)
        ],
        className="mb-3",
    )


def _side_column(runtime: Runtime, view: ExploreView, filters: Filters, names, colors, language: str) -> list:
    chart_config = {"displayModeBar": False}
    return [
        html.Div(_profile(runtime, filters, language), id=ids.PROFILE),
        dbc.Card(
            dcc.Graph(
                id=ids.SECTOR_CHART,
                figure=sector_bar_chart(view.sector_counts, names, colors, language, filters.sectors),
                config=chart_config,
            ),
            className="mb-3",
        ),
        dbc.Card(
            dcc.Graph(
                id=ids.SIZE_CHART,
                figure=size_class_chart(view.size_counts, language, filters.size_classes),
                config=chart_config,
            ),
            className="mb-3",
        ),
    ]


def _map_controls(language: str, state: ExploreState, sector_names: dict[str, str]) -> html.Div:
    return html.Div(
        [
            labelled(
                translate("map.level", language),
                dbc.RadioItems(
                    id=ids.LEVEL,
                    options=[{"label": translate(f"level.{lv}", language), "value": lv} for lv in LEVELS],
                    value=state.level,
                    inline=True,
                    className="btn-group",
                    inputClassName="btn-check",
                    labelClassName="btn btn-outline-primary btn-sm",
                    labelCheckedClassName="active",
                ),
                className="control",
            ),
            labelled(
                translate("map.metric", language),
                dcc.Dropdown(
                    labels=dropdown_labels(language),
                    id=ids.METRIC,
                    options=[{"label": translate(f"metric.{m}", language), "value": m} for m in METRICS],
                    value=state.metric,
                    clearable=False,
                    searchable=False,
                    className="metric-dropdown",
                ),
                className="control control-grow",
            ),
            dbc.Switch(
                id=ids.MAP_APPROXIMATE,
                label=translate("map.approximate", language),
                value=state.approximate,
                className="control approximate-switch",
            ),
            labelled(
                translate("map.lq_sector", language),
                dcc.Dropdown(
                    labels=dropdown_labels(language),
                    id=ids.LQ_SECTOR,
                    options=[{"label": name, "value": code} for code, name in sector_names.items()],
                    value=state.lq_sector or next(iter(sector_names)),
                    clearable=False,
                    className="metric-dropdown",
                ),
                id=ids.LQ_SECTOR_GROUP,
                className="control control-grow",
                hidden=state.metric != "location_quotient",
            ),
        ],
        className="map-controls-row",
    )


def _filters_from(values, filter_ids) -> Filters:
    raw = {i["name"]: v for i, v in zip(filter_ids, values, strict=True)}
    years = raw.get("years") or ()
    first, last = current().columns.year_span()
    if years and (years[0] <= first and years[1] >= last):
        years = ()
    return Filters.from_values(**(raw | {"years": years}))


@dash.callback(
    Output(ids.MAP, "figure"),
    Output({"type": ids.KPI, "name": ALL}, "children"),
    Output(ids.SECTOR_CHART, "figure"),
    Output(ids.SIZE_CHART, "figure"),
    Output(ids.TIMELINE, "figure"),
    Output(ids.DEMO_BADGE, "hidden"),
    Output(ids.MAP_NOTICE, "children"),
    Output(ids.MAP_SUMMARY, "children"),
    Output(ids.BREADCRUMB, "children"),
    Output(ids.PROFILE, "children"),
    Output(ids.TABLE_ROWS, "data"),
    Output(ids.TABLE_COUNT, "children"),
    Output(ids.QUERY, "data"),
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Output(ids.LQ_SECTOR_GROUP, "hidden"),
    Input({"type": ids.FILTER, "name": ALL}, "value"),
    Input(ids.LEVEL, "value"),
    Input(ids.METRIC, "value"),
    Input(ids.LQ_SECTOR, "value"),
    Input(ids.SELECTION, "data"),
    Input(ids.TABLE_SEARCH, "value"),
    Input(ids.MAP_APPROXIMATE, "value"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_views(values, level, metric, lq_sector, selection, search, approximate, filter_ids, language):
    runtime = current()
    data = runtime.data
    filters = _filters_from(values, filter_ids)
    view = explore_view(
        runtime,
        filters,
        level,
        metric,
        language,
        lq_sector=lq_sector,
        selection=selection,
        approximate=approximate,
    )
    names = sector_names(current().data.taxonomy, language)
    colors = data.taxonomy.colors()
    geographic_change = any(
        isinstance(t, dict) and t.get("name") in GEOGRAPHIC for t in (ctx.triggered_prop_ids or {}).values()
    )
    focus = (
        runtime.map_base.focus(list(filters.municipalities or filters.districts))
        if geographic_change
        else None
    )
    rows, total = table_rows(
        data.enterprises, view.rows, names, unit_names(data.municipalities, language), search or ""
    )
    query = ExploreState(
        filters=filters, level=level, metric=metric, lq_sector=lq_sector, approximate=approximate
    ).to_query()
    return (
        map_patch(view.map, runtime.map_base, language, focus),
        kpi_values(view.totals, language),
        sector_bar_patch(view.sector_counts, names, colors, language, filters.sectors),
        size_class_patch(view.size_counts, language, filters.size_classes),
        founding_timeline_patch(view.year_counts, language, filters.years),
        not view.synthetic_shown,
        _notice(runtime, view, level, language),
        map_summary(view.map, view.totals["enterprises"], language, units_in_scope(runtime, filters)),
        breadcrumb(list(filters.districts), list(filters.municipalities), data, language),
        _profile(runtime, filters, language),
        rows,
        table_count(len(rows), total, language),
        query,
        [language_href(code, query) for code in LANGUAGES],
        metric != "location_quotient",
    )


@dash.callback(
    Output(ids.filter_id("districts"), "value", allow_duplicate=True),
    Output(ids.filter_id("municipalities"), "value", allow_duplicate=True),
    Output(ids.LEVEL, "value"),
    Input(ids.MAP, "clickData"),
    State(ids.LEVEL, "value"),
    prevent_initial_call=True,
)
def drill_down(click, level):
    """A click on a district zooms into its municipalities; on a municipality, opens it."""
    point = (click or {}).get("points", [{}])[0]
    code = point.get("location")
    data = current().data
    if code in data.districts.index:
        return [code], [], "municipality"
    if code is None and point.get("curveNumber") == 2:  # proportional symbol at a seat
        code = data.municipalities.index[point.get("pointIndex", 0)]
    if code in data.municipalities.index:
        return [str(data.municipalities.at[code, "district_code"])], [code], level
    return no_update, no_update, no_update


def _toggle(current_values: list | None, value: str) -> list:
    chosen = list(current_values or [])
    return [v for v in chosen if v != value] if value in chosen else [*chosen, value]


@dash.callback(
    Output(ids.filter_id("sectors"), "value", allow_duplicate=True),
    Input(ids.SECTOR_CHART, "clickData"),
    State(ids.filter_id("sectors"), "value"),
    prevent_initial_call=True,
)
def pick_sector(click, chosen):
    return _toggle(chosen, click["points"][0]["customdata"]) if click else no_update


@dash.callback(
    Output(ids.filter_id("size_classes"), "value", allow_duplicate=True),
    Input(ids.SIZE_CHART, "clickData"),
    State(ids.filter_id("size_classes"), "value"),
    prevent_initial_call=True,
)
def pick_size(click, chosen):
    return _toggle(chosen, click["points"][0]["customdata"]) if click else no_update


@dash.callback(
    Output(ids.filter_id("years"), "value", allow_duplicate=True),
    Input(ids.TIMELINE, "selectedData"),
    prevent_initial_call=True,
)
def brush_years(selection):
    """Dragging across the timeline selects a period of founding years."""
    if not selection or "range" not in selection:
        return no_update
    start, end = selection["range"]["x"]
    first, last = current().columns.year_span()
    return [max(first, round(start + 0.5)), min(last, round(end - 0.5))]


@dash.callback(
    Output(ids.filter_id("districts"), "value", allow_duplicate=True),
    Output(ids.filter_id("municipalities"), "value", allow_duplicate=True),
    Input({"type": ids.CRUMB, "target": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def climb(clicks):
    """The breadcrumb goes back up: to the region, or to a district."""
    if not any(clicks or []):
        return no_update, no_update
    target = ctx.triggered_id["target"]
    return ([], []) if target == "region" else ([target], [])


@dash.callback(
    Output(ids.SELECTION, "data"),
    Input(ids.MAP, "selectedData"),
    prevent_initial_call=True,
)
def select_points(selection):
    """Enterprises caught by a lasso or box on the map narrow the table to them."""
    points = (selection or {}).get("points", [])
    return [
        p["customdata"][3]
        for p in points
        if isinstance(p.get("customdata"), list) and len(p["customdata"]) > 3
    ]


@dash.callback(
    Output(ids.filter_id("municipalities"), "options"),
    Input(ids.filter_id("districts"), "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def municipality_options(districts, language):
    return _unit_options(current().data.municipalities, language, districts)


@dash.callback(
    Output(ids.DOWNLOAD, "data"),
    Input({"type": ids.EXPORT, "format": ALL}, "n_clicks"),
    State({"type": ids.FILTER, "name": ALL}, "value"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    State(ids.SELECTION, "data"),
    State(ids.TABLE_SEARCH, "value"),
    prevent_initial_call=True,
)
def export(clicks, values, filter_ids, selection, search):
    """The filtered (and searched, and lasso-selected) enterprises, all of them, as a file."""
    if not any(clicks or []):
        return no_update
    fmt = ctx.triggered_id["format"]
    runtime = current()
    rows = matching_rows(
        runtime.data.enterprises,
        shown_rows(runtime, _filters_from(values, filter_ids), selection),
        search or "",
    )
    table = runtime.data.enterprises.iloc[rows]
    return dcc.send_bytes(export_table(table, fmt), export_filename(fmt))


@dash.callback(
    Output(ids.TABLE_SLOT, "children"),
    Input(ids.TABLE_REVEAL, "n_clicks"),
    Input(ids.TABLE_ROWS, "data"),
    Input(ids.TABLE_COLUMNS, "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_table(revealed, rows, columns, language):
    """Draw the grid once it is in view, then keep it in step with the filters and columns
    (Dash updates the same grid's properties; it is not rebuilt)."""
    if not revealed:
        return no_update
    return enterprise_grid(rows or [], columns or [], language)


@dash.callback(
    Output({"type": ids.FILTER, "name": ALL}, "value"),
    Output(ids.SELECTION, "data", allow_duplicate=True),
    Output(ids.TABLE_SEARCH, "value"),
    Input(ids.RESET, "n_clicks"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    prevent_initial_call=True,
)
def clear_filters(_clicks, filter_ids):
    first, last = current().columns.year_span()
    return [[first, last] if i["name"] == "years" else [] for i in filter_ids], [], ""


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncUrl"),
    Output(ids.URL_SYNC, "children"),
    Input(ids.QUERY, "data"),
    Input(ids.MAP, "relayoutData"),
    State(ids.LANGUAGE, "data"),
)


def parse_query(search: str) -> dict[str, str]:
    """``?a=1&b=2`` -> {'a': '1', 'b': '2'} (used by tests and the layout alike)."""
    return dict(parse_qsl(search.lstrip("?")))

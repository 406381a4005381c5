"""The main page: filters, map, key figures and linked charts and table.

Every view filters every other: the filter panel, a click on the map (drill into a
district or municipality), a click on a sector or size bar, a brush on the
founding-year timeline and a lasso on the map all set the same filter
components. The map reads the controls first (:func:`update_map`); once it shows their
state, one callback derives the page's state from it and writes what each view beside
the map depends on to its own ``dcc.Store`` (the filters', the table's), leaving
unchanged ones alone; small callbacks read those stores, each returning only its own
output. So the map never waits for the table or the charts, and a change reaches only
the views it affects (a lasso on the map, or a sort in the table, does not touch the
charts). The search, employees as a number and the founding
years played as an animation are filters like the others. The table holds every match:
its rows come from the server block by block as it scrolls (:func:`table_block`). The
whole state lives in the URL, so links and the back button restore it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.analysis.definition_potential import potential_under
from dashboard.analysis.indicators import LEVELS, METRICS, Filters
from dashboard.analysis.mapmodel import MapView
from dashboard.analysis.summaries import map_summary
from dashboard.analysis.views import (
    Counts,
    ExploreView,
    counts_view,
    explore_view,
    map_view_of_state,
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
from dashboard.components.header import header
from dashboard.components.kpis import kpi_cards, kpi_values
from dashboard.components.map_export import map_export
from dashboard.components.map_legend import map_legend
from dashboard.components.page_title import page_title
from dashboard.components.story_saver import save_view_control
from dashboard.components.table import (
    enterprise_grid,
    enterprise_table,
    grid_block,
    grid_order,
    table_count,
    table_frame,
)
from dashboard.figures.charts import (
    founding_timeline,
    founding_timeline_patch,
    sector_bar_chart,
    sector_bar_patch,
    size_class_chart,
    size_class_patch,
)
from dashboard.figures.config import graph_config
from dashboard.figures.map import (
    TRACE_POINTS,
    TRACE_SEATS,
    build_map_figure,
    changes_between,
    map_leaves,
    map_patch,
    map_update_in_place,
    point_field,
    sector_legend,
)
from dashboard.i18n import format_number, localized_name, normalise_language, translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.exporting import export_filename, export_table
from dashboard.web.runtime import Runtime, current
from dashboard.web.state import ExploreState


def synthetic_in_view(args: dict[str, str]) -> bool:
    """Whether the page at an address (its arguments) shows synthetic enterprises: the first
    HTML's top bar (dashboard/web/shell.py) carries the notice exactly when the page's own bar
    will, not for a filter that leaves them all out."""
    return counts_view(current(), ExploreState.from_query(args).filters).synthetic_shown


dash.register_page(
    __name__,
    path="/",
    title=page_title(),
    nav_key="nav.explore",
    order=0,
    demo_notice=synthetic_in_view,
)


def _unit_options(table, language: str, district: list[str] | None = None) -> list[dict]:
    rows = table if not district else table[table["district_code"].isin(district)]
    options = [{"label": localized_name(r, language), "value": code} for code, r in rows.iterrows()]
    return sorted(options, key=lambda o: o["label"])


def _notice(runtime: Runtime, view: MapView, level: str, language: str, shown: int) -> list:
    notices = []
    if not runtime.map_base.has_municipal_polygons:
        notices.append(translate("map.no_municipal_boundaries", language))
    if runtime.map_base.district_geojson is None:
        notices.append(translate("map.no_district_boundaries", language))
    if not view.points_shown and level != "hexagon":
        notices.append(translate("map.too_many_points", language, count=format_number(shown, language)))
    hexagons_shown = level == "hexagon" or (level == "enterprises" and not view.points_shown)
    if hexagons_shown and view.metric != view.hexagon_metric:
        # Hexagons have no population or area of their own: they count what is in them.
        chosen = translate(f"metric.{view.metric}", language)
        counted = translate(f"metric.{view.hexagon_metric}", language)
        notices.append(translate("map.hexagon_counts", language, counted=counted, metric=chosen))
    return [dbc.Alert(text, color="info", className="py-2 mb-2") for text in notices]


def _profile(runtime: Runtime, filters: Filters, language: str):
    if len(filters.municipalities) != 1 or filters.municipalities[0] not in runtime.data.municipalities.index:
        return None
    code = filters.municipalities[0]
    own, district, region, sectors = unit_figures(runtime, filters, code)
    index = potential_under(runtime, filters.definition)  # the tier under the chosen definition
    potential = index.loc[code].to_dict() if code in index.index else None
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
    state = replace(state, lq_sector=_valid_lq(state.lq_sector))
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
    figure = build_map_figure(view.map, runtime.map_base, language, runtime.style_in(language), names, colors)
    if state.view:
        figure.update_layout(
            map={"center": {"lat": state.view[0], "lon": state.view[1]}, "zoom": state.view[2]}
        )
    elif filters.municipalities or filters.districts:
        center, zoom = runtime.map_base.focus(list(filters.municipalities or filters.districts))
        figure.update_layout(map={"center": center, "zoom": zoom})
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
            # What the map shows now (answered; on screen), then what each view beside it shows:
            # derive_state replaces only those a change affects.
            dcc.Store(id=ids.MAP_DRAWN, data=state.to_query()),
            dcc.Store(id=ids.MAP_SETTLED, data=state.to_query()),
            dcc.Store(id=ids.MAP_ANSWER),
            dcc.Store(id=ids.FILTER_STATE, data=_filter_slice(state)),
            dcc.Store(id=ids.TABLE_STATE, data=_table_slice(state, [])),
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
                            # Beside each other only where the map stays wide enough for the
                            # region's fit (assets/theme.css, .explore-map-col).
                            dbc.Col(
                                _map_card(runtime, view, state, figure, names, language),
                                xs=12,
                                className="explore-map-col",
                            ),
                            dbc.Col(
                                _side_column(runtime, view, filters, names, colors, language),
                                xs=12,
                                className="explore-side-col",
                            ),
                        ],
                        className="g-3",
                    ),
                    dbc.Card(
                        _chart(
                            ids.TIMELINE,
                            founding_timeline(view.year_counts, language, filters.years),
                            graph_config(language, "static"),
                        ),
                        className="mb-3",
                    ),
                    enterprise_table(language, len(view.rows)),
                ],
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        lang=language,
    )


def _map_card(
    runtime: Runtime, view: ExploreView, state: ExploreState, figure, names, language: str
) -> dbc.Card:
    shown = view.totals["enterprises"]
    return dbc.Card(
        [
            dbc.CardHeader(_map_controls(language, state, names), className="map-controls"),
            html.Div(_notice(runtime, view.map, state.level, language, shown), id=ids.MAP_NOTICE),
            dcc.Graph(
                id=ids.MAP,
                figure=figure,
                config=graph_config(language, "selectable-map"),
                className="region-map",
                # As high as the window leaves room for (assets/theme.css, --cim-map-height):
                # responsive drops the figure's fixed height and follows this box.
                responsive=True,
                style={"height": "var(--cim-map-height)"},
            ),
            html.Div(
                _legend(runtime, view.map, language),
                id=ids.MAP_LEGEND,
                className="map-legend small px-2 pt-1",
                style={"display": "flex", "flexWrap": "wrap", "rowGap": "0.2rem"},
            ),
            html.P(
                _summary(runtime, view.map, state.filters, language),
                id=ids.MAP_SUMMARY,
                className="map-summary",
                role="status",
            ),
            save_view_control(language, runtime.settings),
            map_export(
                language
            ),  # the map as a print-ready PDF/PNG (pages/map_print.py)  # presenter stories (issue 6)
        ],
        className="mb-3",
    )


def _side_column(runtime: Runtime, view: ExploreView, filters: Filters, names, colors, language: str) -> list:
    chart_config = graph_config(language, "static")
    return [
        html.Div(_profile(runtime, filters, language), id=ids.PROFILE),
        dbc.Card(
            _chart(
                ids.SECTOR_CHART,
                sector_bar_chart(view.sector_counts, names, colors, language, filters.sectors),
                chart_config,
            ),
            className="mb-3",
        ),
        dbc.Card(
            _chart(
                ids.SIZE_CHART,
                size_class_chart(view.size_counts, language, filters.size_classes),
                chart_config,
            ),
            className="mb-3",
        ),
    ]


def _chart(graph_id: str, figure, config: dict) -> dcc.Graph:
    """A chart whose box has its figure's height before plotly draws it: the charts are drawn
    only once the map is (assets/plotly_early.js), and the page must not move when they are."""
    return dcc.Graph(
        id=graph_id, figure=figure, config=config, style={"minHeight": f"{figure.layout.height}px"}
    )


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
                # With sectors ticked the quotient is theirs (views.lq_sectors): no second choice.
                hidden=state.metric != "location_quotient" or bool(state.filters.sectors),
            ),
        ],
        className="map-controls-row",
    )


def _filters_from(values, filter_ids) -> Filters:
    """Filters from the pattern-matched filter controls, whatever filters the panel has."""
    raw = {i["name"]: v for i, v in zip(filter_ids, values, strict=True)}
    years = raw.get("years") or ()
    first, last = current().columns.year_span()
    if years and (years[0] <= first and years[1] >= last):
        years = ()
    return Filters.from_values(**(raw | {"years": years}))


def _valid_lq(lq_sector: str | None) -> str:
    """The LQ sector when the taxonomy has it, else "" (an address may say anything)."""
    return lq_sector if lq_sector in current().data.taxonomy.sector_codes else ""


def _state(query: str) -> ExploreState:
    """The page state a derived query string stands for (see :func:`derive_state`)."""
    state = ExploreState.from_query(parse_query(query))
    return replace(state, lq_sector=_valid_lq(state.lq_sector))


def _filter_slice(state: ExploreState) -> dict:
    return {"query": ExploreState(filters=state.filters).to_query()}


def _table_slice(state: ExploreState, selection: list | None) -> dict:
    """The table's rows: the filters' (the search among them) and a lasso on the map."""
    return {"query": _filter_slice(state)["query"], "selection": list(selection or [])}


def _changed(new: dict, old: dict | None, *keys: str):
    """``new`` when it differs from ``old`` in ``keys``, else no_update: a store left alone
    does not wake the views that read it."""
    return new if old is None or any(new.get(k) != old.get(k) for k in keys) else no_update


def _controls_state(
    values: list,
    level: str,
    metric: str,
    lq_sector: str | None,
    approximate: bool | None,
    filter_ids: list[dict],
) -> ExploreState:
    """The page state the controls stand for, as the map reads it (update_map): the map derives
    it itself, so a click's first round trip is the map's."""
    return ExploreState(
        filters=_filters_from(values, filter_ids),
        level=level,
        metric=metric,
        lq_sector=_valid_lq(lq_sector),
        approximate=bool(approximate),
    )


# The controls that make the page's state, in the order _controls_state takes them.
_CONTROLS = (
    Input({"type": ids.FILTER, "name": ALL}, "value"),
    Input(ids.LEVEL, "value"),
    Input(ids.METRIC, "value"),
    Input(ids.LQ_SECTOR, "value"),
    Input(ids.MAP_APPROXIMATE, "value"),
)


@dash.callback(
    Output(ids.QUERY, "data"),
    Output(ids.FILTER_STATE, "data"),
    Output(ids.TABLE_STATE, "data"),
    Input(ids.MAP_SETTLED, "data"),
    Input(ids.SELECTION, "data"),
    State(ids.QUERY, "data"),
    State(ids.FILTER_STATE, "data"),
    State(ids.TABLE_STATE, "data"),
    prevent_initial_call=True,
)
def derive_state(settled, selection, query, filter_state, table_state):
    """The page's state, once the map shows it (``settled``, see update_map), split into what
    each view beside the map reads: the address and the views' stores. Derived after the map's
    drawing rather than beside it, a click's work in the browser (its requests, their answers,
    the views they wake) leaves the main thread to the map until the map is on screen."""
    if not isinstance(settled, str):
        raise PreventUpdate
    state = _state(settled)
    new_query = state.to_query()
    return (
        new_query if new_query != query else no_update,
        _changed(_filter_slice(state), filter_state, "query"),
        _changed(_table_slice(state, selection), table_state, "query", "selection"),
    )


@dash.callback(
    Output(ids.MAP, "figure"),
    Output(ids.MAP_DRAWN, "data"),
    Output(ids.MAP_ANSWER, "data"),
    *_CONTROLS,
    State({"type": ids.FILTER, "name": ALL}, "id"),
    State(ids.MAP_DRAWN, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_map(values, level, metric, lq_sector, approximate, filter_ids, drawn, language):
    """The map: only what differs from the view on screen (``drawn``) -- redrawn in place in
    the browser when it is values, colours and points (map_update_in_place), else a figure
    patch; either way the answer names the state it is for (MAP_ANSWER), which the page's
    state follows once the map shows it (assets/map_first.js). It reads the controls
    directly: a click's one round trip is the map's. A view moved to another district or
    municipality is framed anew (the focus)."""
    runtime = current()
    state = _controls_state(values, level, metric, lq_sector, approximate, filter_ids)
    query = state.to_query()
    if query == drawn:
        raise PreventUpdate  # the map already shows this state
    view = map_view_of_state(runtime, state, language)
    before = _state(drawn) if drawn is not None else None
    previous = map_view_of_state(runtime, before, language) if before is not None else None
    geography = (state.filters.districts, state.filters.municipalities)
    moved = before is None or (before.filters.districts, before.filters.municipalities) != geography
    focus = runtime.map_base.focus(list(state.filters.municipalities or state.filters.districts))
    focus = focus if moved else None
    changes = changes_between(
        _map_leaves(runtime, query, language),
        _map_leaves(runtime, drawn, language) if drawn is not None else {},
    )
    in_place = map_update_in_place(view, runtime.map_base, language, focus, previous, changes)
    if in_place is None:
        patch = map_patch(view, runtime.map_base, language, focus, previous, changes)
        return patch, query, {"query": query}
    return no_update, query, {**in_place, "query": query}


@dash.callback(
    Output(ids.MAP_NOTICE, "children"),
    Output(ids.MAP_SUMMARY, "children"),
    Output(ids.MAP_LEGEND, "children"),
    Input(ids.MAP_SETTLED, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def describe_map(drawn, language):
    """The map's notice, text alternative and legend, for the state it has drawn: asked for
    once the map shows it (assets/map_first.js), so the map never waits for them."""
    if not isinstance(drawn, str):
        raise PreventUpdate
    runtime = current()
    state = _state(drawn)
    view = map_view_of_state(runtime, state, language)
    shown = counts_view(runtime, state.filters).totals["enterprises"]
    return (
        _notice(runtime, view, state.level, language, shown),
        _summary(runtime, view, state.filters, language),
        _legend(runtime, view, language),
    )


def _map_leaves(runtime: Runtime, query: str, language: str) -> dict:
    """The map's leaves for one state, kept: the next change compares against them again."""
    return runtime.memo.get(
        "map-leaves",
        (query, language),
        lambda: map_leaves(map_view_of_state(runtime, _state(query), language), runtime.map_base, language),
        kept=16,
    )


@dash.callback(
    Output({"type": ids.KPI, "name": ALL}, "children"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_kpis(filter_state, language):
    return kpi_values(_counts(filter_state).totals, language)


@dash.callback(
    Output(ids.SECTOR_CHART, "figure"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_sector_chart(filter_state, language):
    data = current().data
    names = sector_names(data.taxonomy, language)
    filters = _state(filter_state["query"]).filters
    counts = _counts(filter_state).sector_counts
    return sector_bar_patch(counts, names, data.taxonomy.colors(), language, filters.sectors)


@dash.callback(
    Output(ids.SIZE_CHART, "figure"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_size_chart(filter_state, language):
    filters = _state(filter_state["query"]).filters
    return size_class_patch(_counts(filter_state).size_counts, language, filters.size_classes)


@dash.callback(
    Output(ids.TIMELINE, "figure"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_timeline(filter_state, language):
    filters = _state(filter_state["query"]).filters
    return founding_timeline_patch(_counts(filter_state).year_counts, language, filters.years)


@dash.callback(
    Output(ids.DEMO_BADGE, "hidden"),
    Input(ids.FILTER_STATE, "data"),
    prevent_initial_call=True,
)
def update_demo_badge(filter_state):
    return not _counts(filter_state).synthetic_shown


@dash.callback(
    Output(ids.BREADCRUMB, "children"),
    Output(ids.PROFILE, "children"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_context(filter_state, language):
    """Where the reader is: the breadcrumb, and the side panel of a single municipality."""
    runtime = current()
    filters = _state(filter_state["query"]).filters
    return (
        breadcrumb(list(filters.districts), list(filters.municipalities), runtime.data, language),
        _profile(runtime, filters, language),
    )


def _table_rows(table_state: dict):
    """Positions of the enterprises the table holds: the filters' and a lasso's."""
    filters = _state(table_state["query"]).filters
    return shown_rows(current(), filters, table_state.get("selection"))


@dash.callback(
    Output(ids.TABLE_COUNT, "children"),
    Input(ids.TABLE_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def update_table_count(table_state, language):
    """How many enterprises the table holds (all of them can be scrolled to)."""
    return table_count(len(_table_rows(table_state)), language)


# New rows for the table: the grid forgets the blocks it has and asks again (see table_block).
dash.clientside_callback(
    ClientsideFunction(namespace="enterpriseTable", function_name="refresh"),
    Output(ids.TABLE_SLOT, "title"),  # never written: the grid is refreshed in place
    Input(ids.TABLE_STATE, "data"),
    prevent_initial_call=True,
)


@dash.callback(
    Output(ids.TABLE, "getRowsResponse"),
    Output(ids.TABLE_COUNT, "children", allow_duplicate=True),
    Input(ids.TABLE, "getRowsRequest"),
    State(ids.TABLE_STATE, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def table_block(request, table_state, language):
    """One block of the table's rows, in the grid's order and through its column filters, and
    how many rows there are (the count then says how many the column filters leave)."""
    if not request:
        return no_update, no_update
    runtime = current()
    frame = runtime.memo.get("table-frame", language, lambda: _table_frame(runtime, language), kept=3)
    sort_model = [s for s in request.get("sortModel") or [] if isinstance(s, dict)]
    filter_model = request.get("filterModel") or {}
    key = (
        table_state["query"],
        tuple(table_state.get("selection") or ()),
        repr(sort_model),
        repr(sorted(filter_model.items())) if isinstance(filter_model, dict) else "",
        language,
    )
    order = runtime.memo.get(
        "table-order",
        key,
        lambda: grid_order(frame, _table_rows(table_state), sort_model, filter_model),
        kept=6,
    )
    rows = grid_block(frame, order, request.get("startRow"), request.get("endRow"))
    return {"rowData": rows, "rowCount": len(order)}, table_count(len(order), language)


def _table_frame(runtime: Runtime, language: str):
    data = runtime.data
    return table_frame(
        data.enterprises, sector_names(data.taxonomy, language), unit_names(data.municipalities, language)
    )


def _counts(filter_state: dict) -> Counts:
    return counts_view(current(), _state(filter_state["query"]).filters)


def _summary(runtime: Runtime, view: MapView, filters: Filters, language: str) -> str:
    shown = counts_view(runtime, filters).totals["enterprises"]
    return map_summary(view, shown, language, units_in_scope(runtime, filters))


def _legend(runtime: Runtime, view: MapView, language: str) -> list:
    taxonomy = runtime.data.taxonomy
    level = "district" if view.level == "district" else "municipality"
    any_outside = view.level in ("district", "municipality") and not bool(view.inside(level).all())
    return map_legend(
        sector_legend(view, taxonomy.sector_codes),
        sector_names(taxonomy, language),
        taxonomy.colors(),
        any_outside,
        language,
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
    if code is None and point.get("curveNumber") == TRACE_SEATS:  # proportional symbol at a seat
        code = data.municipalities.index[point.get("pointIndex", 0)]
    if code is None and point.get("curveNumber") == TRACE_POINTS:  # an enterprise: its municipality
        code = point_field(point, "municipality")
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
    rows = (point_field(p, "row") for p in points if p.get("curveNumber") == TRACE_POINTS)
    return [row for row in rows if isinstance(row, int)]


@dash.callback(
    Output(ids.filter_id("municipalities"), "options"),
    Input(ids.FILTER_STATE, "data"),
    State(ids.filter_id("municipalities"), "options"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def municipality_options(filter_state, shown, language):
    """The municipalities of the districts chosen, once the map shows them (a district chosen
    asks the map alone first, see assets/map_first.js)."""
    districts = _state(filter_state["query"]).filters.districts
    options = _unit_options(current().data.municipalities, language, list(districts or []))
    return no_update if options == shown else options


@dash.callback(
    Output(ids.DOWNLOAD, "data"),
    Input({"type": ids.EXPORT, "format": ALL}, "n_clicks"),
    State({"type": ids.FILTER, "name": ALL}, "value"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    State(ids.SELECTION, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def export(clicks, values, filter_ids, selection, language):
    """The filtered (searched, by definition and employees, lasso-selected) enterprises, all
    of them, as a file in the reader's language."""
    if not any(clicks or []):
        return no_update
    fmt = ctx.triggered_id["format"]
    runtime = current()
    rows = shown_rows(runtime, _filters_from(values, filter_ids), selection)
    table = runtime.data.enterprises.iloc[rows]
    return dcc.send_bytes(export_table(table, fmt, language=language), export_filename(fmt))


@dash.callback(
    Output(ids.TABLE_SLOT, "children"),
    Input(ids.TABLE_REVEAL, "n_clicks"),
    Input(ids.TABLE_COLUMNS, "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_table(revealed, columns, language):
    """Draw the grid once it is in view, then keep its columns in step with the choice (Dash
    updates the same grid's properties; it is not rebuilt). Its rows come block by block
    from :func:`table_block`."""
    if not revealed:
        return no_update
    return enterprise_grid(columns or [], language)


@dash.callback(
    Output({"type": ids.FILTER, "name": ALL}, "value"),
    Output(ids.SELECTION, "data", allow_duplicate=True),
    Input(ids.RESET, "n_clicks"),
    State({"type": ids.FILTER, "name": ALL}, "id"),
    prevent_initial_call=True,
)
def clear_filters(_clicks, filter_ids):
    first, last = current().columns.year_span()
    reset = {  # defaults; the lists' default is []
        "years": [first, last],
        "definition": current().columns.default_definition,
        "search": "",
        "min_employees": None,
        "max_employees": None,
    }
    return [reset.get(i["name"], []) for i in filter_ids], []


# The founding years played year by year (assets/year_play.js): the button starts and pauses,
# each tick of the timer moves the year filter on, and every view follows the filter.
dash.clientside_callback(
    ClientsideFunction(namespace="yearPlay", function_name="step"),
    Output(ids.filter_id("years"), "value", allow_duplicate=True),
    Output(ids.PLAY_TIMER, "disabled"),
    Output(ids.PLAY, "children"),
    Input(ids.PLAY, "n_clicks"),
    Input(ids.PLAY_TIMER, "n_intervals"),
    State(ids.filter_id("years"), "value"),
    State(ids.filter_id("years"), "min"),
    State(ids.filter_id("years"), "max"),
    State(ids.PLAY_TIMER, "disabled"),
    State(ids.PLAY_LABELS, "data"),
    State(ids.QUERY, "data"),  # the play waits for the page to show a year (assets/year_play.js)
    prevent_initial_call=True,
)
dash.clientside_callback(
    "function (speed) { return parseInt(speed, 10) || 800; }",
    Output(ids.PLAY_TIMER, "interval"),
    Input(ids.PLAY_SPEED, "value"),
    prevent_initial_call=True,
)


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncUrl"),
    Output(ids.URL_SYNC, "children"),
    Input(ids.QUERY, "data"),
    Input(ids.MAP, "relayoutData"),
    State(ids.LANGUAGE, "data"),
)
# The map's answer taken in (redrawn in place when it says so, assets/map_fast.js) and its
# state passed on once the map shows it (assets/map_first.js): the page's state and the views
# beside the map follow (derive_state, describe_map). One callback, so a click's answer wakes
# one in the browser.
dash.clientside_callback(
    ClientsideFunction(namespace="creativeMapFirst", function_name="settled"),
    Output(ids.MAP_SETTLED, "data"),
    Input(ids.MAP_ANSWER, "data"),
    State(ids.MAP_SETTLED, "data"),
    State(ids.MAP, "id"),
    State(ids.MAP, "figure"),  # the object Dash keeps: a view moved in place is written into it
    prevent_initial_call=True,
)
dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="languageLinks"),
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(ids.QUERY, "data"),
    prevent_initial_call=True,
)
# The LQ sector dropdown only when the quotient is shown and no sector is ticked (then it is
# theirs): the sectors as the page's state has them, so a sector ticked asks the map alone first.
dash.clientside_callback(
    """function (metric, query) {
        return metric !== 'location_quotient' || Boolean(new URLSearchParams(query || '').get('sector'));
    }""",
    Output(ids.LQ_SECTOR_GROUP, "hidden"),
    Input(ids.METRIC, "value"),
    Input(ids.QUERY, "data"),
    prevent_initial_call=True,
)


def parse_query(search: str) -> dict[str, str]:
    """``?a=1&b=2`` -> {'a': '1', 'b': '2'} (used by tests and the layout alike)."""
    return dict(parse_qsl(search.lstrip("?")))

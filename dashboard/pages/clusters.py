"""The clusters page: creative microclusters on a map and a card per cluster.

``/clusters?sector=crafts-design&radius=300&min=5&lang=en``. The controls (sectors, the
definition of "creative", radius, fewest firms) feed one callback that writes the page's state
as a query string; the map (a patch of the cluster traces), the counts and the cards each
follow that state in a callback of their own. The clustering is
:func:`dashboard.analysis.clusters.find_clusters`, remembered per state on the runtime
(:func:`dashboard.outputs.beyond.cluster_result`).
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html

from dashboard.analysis.clusters import ClusterResult, clusters_geojson
from dashboard.analysis.views import sector_names, unit_names
from dashboard.components import beyond_ids as bid
from dashboard.components import ids
from dashboard.components.cluster_views import cards, hover_lines, summary
from dashboard.components.controls import labelled, sector_checklist, two_column_body
from dashboard.components.filters import definition_control
from dashboard.components.fold import folding_panel
from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.figures.clusters import cluster_updates, clusters_map, clusters_patch
from dashboard.figures.config import graph_config
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, normalise_language, translate
from dashboard.outputs.beyond import cluster_result
from dashboard.web.beyond_state import MIN_SIZE_RANGE, RADIUS_RANGE, RADIUS_STEP, ClustersPageState
from dashboard.web.runtime import Runtime, current

dash.register_page(
    __name__,
    path="/clusters",
    title=page_title("nav.clusters"),
    nav_key="nav.clusters",
    order=20,
)


def _defaults(runtime: Runtime) -> ClustersPageState:
    return ClustersPageState.defaults(runtime.cluster_settings)


def state_of(runtime: Runtime, query: str | None) -> ClustersPageState:
    """The state a query string (written by :func:`derive_state` or typed in the address) means."""
    params = dict(parse_qsl((query or "").lstrip("?")))
    return ClustersPageState.from_query(params, _defaults(runtime), runtime.data.taxonomy.sector_codes)


def _updates(runtime: Runtime, result: ClusterResult, language: str) -> dict:
    names = sector_names(runtime.data.taxonomy, language)
    return cluster_updates(
        result.clusters, runtime.data.taxonomy.colors(), hover_lines(result, names, language)
    )


def _place_hover(runtime: Runtime, language: str) -> list[str]:
    places = runtime.data.cultural_places
    if places is None:
        return []
    return [
        f"<b>{plotly_text(name)}</b><br>{translate(f'culture.kind.{kind}', language)}"
        for name, kind in zip(places["name"], places["kind"], strict=True)
    ]


def _controls(runtime: Runtime, state: ClustersPageState, language: str) -> dbc.Card:
    taxonomy = runtime.data.taxonomy
    names, colors = sector_names(taxonomy, language), taxonomy.colors()
    defaults = _defaults(runtime)
    settings = translate("clusters.settings", language)
    panel = [
        definition_control(taxonomy, language, state.definition, bid.CLUSTERS_DEFINITION),
        labelled(
            translate("clusters.control.sectors", language),
            sector_checklist(bid.CLUSTERS_SECTORS, names, colors, state.sectors),
            translate("clusters.control.sectors_help", language),
            label_class="filter-label",
            className="filter-group",
        ),
        labelled(
            translate("clusters.control.radius", language),
            dbc.Input(
                id=bid.CLUSTERS_RADIUS,
                type="number",
                min=RADIUS_RANGE[0],
                max=RADIUS_RANGE[1],
                step=RADIUS_STEP,
                value=state.radius_m,
                debounce=True,
                size="sm",
            ),
            translate(
                "clusters.control.radius_help",
                language,
                low=format_number(RADIUS_RANGE[0], language),
                high=format_number(RADIUS_RANGE[1], language),
                default=format_number(defaults.radius_m, language),
                file="region.toml",
            ),
            label_class="filter-label",
            className="filter-group",
        ),
        labelled(
            translate("clusters.control.min_size", language),
            dbc.Input(
                id=bid.CLUSTERS_MIN_SIZE,
                type="number",
                min=MIN_SIZE_RANGE[0],
                max=MIN_SIZE_RANGE[1],
                step=1,
                value=state.min_size,
                debounce=True,
                size="sm",
            ),
            translate(
                "clusters.control.min_size_help",
                language,
                low=MIN_SIZE_RANGE[0],
                high=MIN_SIZE_RANGE[1],
                default=defaults.min_size,
                file="region.toml",
            ),
            label_class="filter-label",
            className="filter-group",
        ),
        dbc.Button(
            translate("clusters.reset", language),
            id=bid.CLUSTERS_RESET,
            color="secondary",
            outline=True,
            size="sm",
            className="w-100 mb-2",
        ),
        dbc.Button(
            translate("clusters.download", language, format="GeoJSON"),
            id=bid.CLUSTERS_EXPORT,
            color="primary",
            outline=True,
            size="sm",
            className="w-100 mb-3",
        ),
        html.A(
            translate("clusters.method_link", language),
            href=f"/methodology?lang={language}#beyond",
            className="small",
        ),
    ]
    # Below 992 px the settings fold behind their title, so the map and the clusters come first
    # on a phone (components/fold.py).
    return dbc.Card(
        dbc.CardBody(
            folding_panel(
                settings, panel, toggle_id=bid.CLUSTERS_SETTINGS_TOGGLE, body_id=bid.CLUSTERS_SETTINGS_BODY
            )
        ),
        className="filter-panel potential-controls",
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    defaults = _defaults(runtime)
    state = ClustersPageState.from_query(query, defaults, data.taxonomy.sector_codes)
    result = cluster_result(runtime, state)
    taxonomy = data.taxonomy
    places = data.cultural_places
    figure = clusters_map(
        runtime.map_base,
        runtime.style_in(language),
        taxonomy.colors(),
        _updates(runtime, result, language),
        unit_names(data.municipalities, language),
        places,
        _place_hover(runtime, language),
    )
    places_note = (
        html.P(
            translate(
                "clusters.places",
                language,
                count=format_number(len(places), language),
                file=data.region.files["cultural_places"].name,
            ),
            className="small text-muted mb-0 mt-2 clusters-places-note",
        )
        if places is not None and len(places)
        else None
    )
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    page_query = state.to_query(defaults)
    return html.Div(
        [
            dcc.Store(id=bid.CLUSTERS_LANGUAGE, data=language),
            dcc.Store(id=bid.CLUSTERS_QUERY, data=page_query),
            dcc.Download(id=bid.CLUSTERS_DOWNLOAD),
            html.Div(id=bid.CLUSTERS_URL_SYNC, hidden=True),
            header(language, data.region.name(language), data.has_synthetic, "/clusters", page_query),
            two_column_body(
                _controls(runtime, state, language),
                [
                    html.H2(translate("clusters.page.title", language), className="page-title"),
                    html.P(translate("clusters.page.intro", language), className="page-intro"),
                    html.Div(
                        summary(result, language),
                        id=bid.CLUSTERS_SUMMARY,
                        className="clusters-summary",
                        role="status",
                    ),
                    dbc.Card(
                        dbc.CardBody(
                            [
                                dcc.Graph(
                                    id=bid.CLUSTERS_MAP,
                                    figure=figure,
                                    config=graph_config(language),
                                    className="clusters-map",
                                ),
                                html.P(
                                    translate("clusters.map_label", language),
                                    className="small text-muted mb-0 mt-2",
                                ),
                                places_note,
                            ]
                        ),
                        className="mb-3",
                    ),
                    html.H2(translate("clusters.cards", language), className="panel-title"),
                    html.Div(
                        cards(
                            result,
                            sector_names(taxonomy, language),
                            taxonomy.colors(),
                            unit_names(data.municipalities, language),
                            language,
                        ),
                        id=bid.CLUSTERS_CARDS,
                        className="cluster-cards mb-3",
                    ),
                ],
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        lang=language,
    )


# ----------------------------------------------------------------------------- one state, small views


@dash.callback(
    Output(bid.CLUSTERS_QUERY, "data"),
    Input(bid.CLUSTERS_SECTORS, "value"),
    Input(bid.CLUSTERS_DEFINITION, "value"),
    Input(bid.CLUSTERS_RADIUS, "value"),
    Input(bid.CLUSTERS_MIN_SIZE, "value"),
    prevent_initial_call=True,
)
def derive_state(sectors, definition, radius, min_size):
    """The page's one state from its controls (out-of-range numbers brought into range)."""
    runtime = current()
    taxonomy = runtime.data.taxonomy
    chosen = definition if definition != taxonomy.default_definition else ""
    state = ClustersPageState.read(
        sectors, chosen, radius, min_size, _defaults(runtime), taxonomy.sector_codes
    )
    return state.to_query(_defaults(runtime))


@dash.callback(
    Output(bid.CLUSTERS_MAP, "figure"),
    Input(bid.CLUSTERS_QUERY, "data"),
    State(bid.CLUSTERS_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_map(query, language):
    runtime = current()
    return clusters_patch(_updates(runtime, cluster_result(runtime, state_of(runtime, query)), language))


@dash.callback(
    Output(bid.CLUSTERS_SUMMARY, "children"),
    Input(bid.CLUSTERS_QUERY, "data"),
    State(bid.CLUSTERS_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_summary(query, language):
    runtime = current()
    return summary(cluster_result(runtime, state_of(runtime, query)), language)


@dash.callback(
    Output(bid.CLUSTERS_CARDS, "children"),
    Input(bid.CLUSTERS_QUERY, "data"),
    State(bid.CLUSTERS_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_cards(query, language):
    runtime = current()
    data = runtime.data
    return cards(
        cluster_result(runtime, state_of(runtime, query)),
        sector_names(data.taxonomy, language),
        data.taxonomy.colors(),
        unit_names(data.municipalities, language),
        language,
    )


@dash.callback(
    Output(bid.CLUSTERS_RADIUS, "value"),
    Output(bid.CLUSTERS_MIN_SIZE, "value"),
    Output(bid.CLUSTERS_SECTORS, "value"),
    Output(bid.CLUSTERS_DEFINITION, "value"),
    Input(bid.CLUSTERS_RESET, "n_clicks"),
    prevent_initial_call=True,
)
def reset(_clicks):
    runtime = current()
    defaults = _defaults(runtime)
    return defaults.radius_m, defaults.min_size, [], runtime.data.taxonomy.default_definition


@dash.callback(
    Output(bid.CLUSTERS_DOWNLOAD, "data"),
    Input(bid.CLUSTERS_EXPORT, "n_clicks"),
    State(bid.CLUSTERS_QUERY, "data"),
    State(bid.CLUSTERS_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def export(_clicks, query, language):
    """The clusters on screen as GeoJSON (the same file as ``python -m dashboard clusters``)."""
    runtime = current()
    result = cluster_result(runtime, state_of(runtime, query))
    collection = clusters_geojson(result, sector_names(runtime.data.taxonomy, language))
    return dcc.send_string(json.dumps(collection, ensure_ascii=False), "clusters.geojson")


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncQuery"),  # assets/url_state.js
    Output(bid.CLUSTERS_URL_SYNC, "children"),
    Input(bid.CLUSTERS_QUERY, "data"),
    State(bid.CLUSTERS_LANGUAGE, "data"),
)

dash.clientside_callback(
    ClientsideFunction(namespace="creativeMapLinks", function_name="languageLinks"),  # language_links.js
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(bid.CLUSTERS_QUERY, "data"),
    prevent_initial_call=True,
)

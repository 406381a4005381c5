"""Comparison: two to four municipalities side by side on every indicator, the region beside them.

``/compare?municipality=pirot,nis,dimitrovgrad&lang=en``. One table -- population and area,
the development-potential index with its rank range, tier and dimension scores, every
indicator of the registry, the sector mix -- and a chart of the dimension scores. Intensive
figures (per 1,000 inhabitants, shares, averages) carry their ratio to the region's value.
The rows come from :func:`dashboard.outputs.profiles.comparison_rows`; this module only lays them out.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.summaries import dimensions_summary
from dashboard.analysis.views import unit_names
from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.components.controls import labelled
from dashboard.components.definition_counts import counted_under_text, known_definition
from dashboard.components.filters import definition_control
from dashboard.components.footer import footer
from dashboard.components.header import header, language_href
from dashboard.components.page_title import page_title
from dashboard.components.peer_views import compare_peers
from dashboard.components.table_export import export_bar, table_filename
from dashboard.figures.config import graph_config
from dashboard.figures.text import plotly_text
from dashboard.i18n import (
    LANGUAGES,
    format_number,
    format_percent,
    normalise_language,
    translate,
)
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.exporting import export_frame
from dashboard.outputs.profiles import (
    MAX_COMPARED,
    MIN_COMPARED,
    CompareRow,
    chosen_units,
    compare_to_region,
    comparison_rows,
    default_comparison,
    format_indicator,
    potential_analysis,
)
from dashboard.outputs.tables import comparison_frame
from dashboard.valorization.registry import BY_KEY, DIMENSIONS
from dashboard.web.runtime import Runtime, current

dash.register_page(
    __name__,
    path="/compare",
    title=page_title("nav.compare"),
    nav_key="nav.compare",
    order=40,
    maps=False,  # its graph is a bar chart: plotly.js without MapLibre (assets/plotly_early.js)
)

# Okabe-Ito (safe for every common colour-vision deficiency), one per compared municipality.
UNIT_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
EXPORT_BUTTON = "compare-export"  # pattern-matching type: {"type", "table", "format"}
EXPORT_DOWNLOAD = "compare-export-download"
GROUPS = ("reference", "definitions", "potential", "indicators", "sectors")


def _query(codes: list[str], definition: str = "") -> str:
    """The page's state without the language: the units and, when chosen, the definition."""
    query = f"?municipality={','.join(codes)}" if codes else ""
    if definition:
        query += ("&" if query else "?") + f"definition={definition}"
    return query


# ----------------------------------------------------------------------------- table


def label_text(runtime: Runtime, row: CompareRow, language: str) -> tuple[str, str]:
    """A line's name and unit in words (the table shows them; the exported file has them)."""
    if row.kind == "indicator":
        indicator = BY_KEY[row.key]
        return indicator.name(language), indicator.unit_label(language)
    if row.kind == "dimension":
        dimension = next(d for d in DIMENSIONS if d.key == row.key)
        return dimension.name(language), translate("compare.unit.score", language)
    if row.kind == "definition":  # creative enterprises under one definition (issue 10)
        return runtime.data.taxonomy.definition_name(row.key, language), ""
    if row.kind == "sector":
        return runtime.data.taxonomy.sector_name(row.key, language), ""
    return translate(f"compare.row.{row.kind}", language), ""


def _label(runtime: Runtime, row: CompareRow, language: str) -> list:
    name, unit = label_text(runtime, row, language)
    if row.kind == "sector":
        color = runtime.data.taxonomy.colors().get(row.key)
        return [html.Span(className="swatch", style={"background": color}), name]
    return [name, html.Span(unit, className="unit")] if unit else [name]


def _value(row: CompareRow, value, language: str) -> str:
    if value is None:
        return "–"
    if row.kind == "indicator":
        return format_indicator(BY_KEY[row.key], value, language)
    if row.kind in ("score", "dimension"):
        return format_number(value, language, 1)
    if row.kind == "rank":
        return str(value)
    if row.kind == "range":
        best, worst = value
        return f"{best}–{worst}" if best != worst else str(best)
    if row.kind == "tier":
        return translate(f"tier.{value}", language)
    if row.kind in ("population", "definition"):
        return format_number(value, language)
    if row.kind == "area":
        return f"{format_number(value, language)} km²"
    if row.kind == "sector":
        return format_percent(value, language)
    return str(value)


def _cell(row: CompareRow, code: str, language: str) -> html.Td:
    text = _value(row, row.values.get(code), language)
    ratio = compare_to_region(row, code)
    if ratio is None:
        return html.Td(text, className="num")
    return html.Td(
        [text, html.Span(f"×{format_number(ratio, language, 2)}", className="ratio")],
        className="num",
        title=translate("compare.ratio_title", language, ratio=format_number(ratio, language, 2)),
    )


def comparison_table(runtime: Runtime, codes: list[str], language: str, definition: str = "") -> html.Div:
    names = unit_names(runtime.data.municipalities, language)
    rows = comparison_rows(runtime, codes, definition)
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("compare.col.indicator", language), scope="col"),
                *[
                    html.Th(
                        [html.Span(className="unit-key", style={"background": color}), names[code]],
                        scope="col",
                        className="num",
                    )
                    for color, code in zip(UNIT_COLORS, codes, strict=False)
                ],
                html.Th(translate("compare.col.region", language), scope="col", className="num region"),
            ]
        )
    )
    body = []
    for group in GROUPS:
        members = [row for row in rows if row.group == group]
        if not members:
            continue
        body.append(
            html.Tr(
                html.Th(
                    translate(f"compare.group.{group}", language), colSpan=len(codes) + 2, scope="colgroup"
                ),
                className="group-row",
            )
        )
        for row in members:
            body.append(
                html.Tr(
                    [
                        html.Th(_label(runtime, row, language), scope="row"),
                        *[_cell(row, code, language) for code in codes],
                        html.Td(_value(row, row.region, language), className="num region"),
                    ],
                    **{"data-kind": row.kind, "data-key": row.key},
                )
            )
    return html.Div(
        dbc.Table([head, html.Tbody(body)], size="sm", hover=True, className="compare-table mb-0"),
        className="table-responsive",
    )


# ----------------------------------------------------------------------------- chart


def dimension_chart(
    runtime: Runtime, codes: list[str], language: str, definition: str = ""
) -> tuple[go.Figure, str]:
    """Grouped bars of the dimension scores (0-100) under ``definition``, one colour per
    municipality; and the sentence that says the same in words."""
    index = potential_analysis(runtime, definition=definition).index
    names = unit_names(runtime.data.municipalities, language)
    dimension_names = {d.key: d.name(language) for d in DIMENSIONS if d.key in index.dimensions.columns}
    figure = go.Figure(
        [
            go.Bar(
                x=list(dimension_names.values()),
                y=[round(float(index.dimensions.at[code, key]), 2) for key in dimension_names],
                name=plotly_text(names[code]),
                marker={"color": color},
                text=[
                    format_number(float(index.dimensions.at[code, key]), language, 1)
                    for key in dimension_names
                ],
                textposition="outside",
                hovertemplate="%{x} · " + plotly_text(names[code]) + ": %{text}<extra></extra>",
            )
            for color, code in zip(UNIT_COLORS, codes, strict=False)
        ]
    )
    figure.update_layout(
        barmode="group",
        height=360,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        yaxis={
            "range": [0, 110],
            "title": {"text": translate("compare.chart_axis", language)},
            "gridcolor": "#e3e7ec",
            "fixedrange": True,
            "automargin": True,
        },
        xaxis={"fixedrange": True, "automargin": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        # A score that fits above its bar only below 10 px (four units on a phone) is left to
        # the hover and the summary under the chart, not shrunk past reading.
        uniformtext={"minsize": 10, "mode": "hide"},
        template="none",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13},
        separators=",." if language.startswith("sr") else ".,",
    )
    scores = {code: {key: float(index.dimensions.at[code, key]) for key in dimension_names} for code in codes}
    return figure, dimensions_summary(scores, names, dimension_names, language)


# ----------------------------------------------------------------------------- layout


def _notice(requested: list[str], codes: list[str], language: str) -> list:
    notes = []
    if len(requested) > MAX_COMPARED:
        notes.append(translate("compare.too_many", language, count=MAX_COMPARED))
    if len(codes) < MIN_COMPARED:
        notes.append(translate("compare.too_few", language, count=MIN_COMPARED))
    return [dbc.Alert(text, color="info", className="py-2 mb-2") for text in notes]


def _content(runtime: Runtime, codes: list[str], language: str, definition: str = "") -> list:
    if not codes:
        return []
    figure, summary = dimension_chart(runtime, codes, language, definition)
    return [
        dbc.Card(
            dbc.CardBody(
                [
                    html.H2(translate("compare.table_title", language), className="panel-title"),
                    html.P(
                        counted_under_text(runtime.data.taxonomy, definition, language),
                        className="small text-muted mb-2 compare-definition-note",
                    ),
                    comparison_table(runtime, codes, language, definition),
                    html.P(translate("compare.table_help", language), className="small text-muted mt-2 mb-0"),
                    export_bar(EXPORT_BUTTON, EXPORT_DOWNLOAD, ["comparison"], language),
                ]
            ),
            className="mb-3",
        ),
        dbc.Card(
            dbc.CardBody(
                [
                    html.H2(translate("compare.chart_title", language), className="panel-title"),
                    dcc.Graph(id=pid.COMPARE_CHART, figure=figure, config=graph_config(language, "static")),
                    html.P(summary, id=pid.COMPARE_CHART_SUMMARY, className="map-summary", role="status"),
                ]
            ),
            className="mb-3",
        ),
        compare_peers(runtime, codes, unit_names(runtime.data.municipalities, language), language),
    ]


def layout(
    lang: str | None = None, municipality: str | None = None, definition: str | None = None, **_params: str
) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    definition = known_definition(data.taxonomy, definition)
    requested = [c for c in (municipality or "").split(",") if c]
    codes = chosen_units(runtime, requested) if requested else default_comparison(runtime, definition)
    names = unit_names(runtime.data.municipalities, language)
    options = sorted(({"label": n, "value": c} for c, n in names.items()), key=lambda o: o["label"])
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    return html.Div(
        [
            dcc.Store(id=pid.COMPARE_LANGUAGE, data=language),
            html.Div(id=pid.COMPARE_URL_SYNC, hidden=True),
            header(
                language,
                data.region.name(language),
                data.has_synthetic,
                "/compare",
                _query(codes, definition),
            ),
            dbc.Container(
                html.Main(
                    [
                        html.H2(translate("compare.title", language), className="page-title"),
                        html.P(translate("compare.intro", language), className="page-intro"),
                        labelled(
                            translate("compare.pick", language),
                            dcc.Dropdown(
                                id=pid.COMPARE_PICK,
                                options=options,
                                value=codes,
                                multi=True,
                                labels=dropdown_labels(language),
                                placeholder=translate("compare.pick_placeholder", language),
                                className="compare-pick",
                            ),
                            className="compare-controls",
                        ),
                        definition_control(data.taxonomy, language, definition, ids.COMPARE_DEFINITION),
                        html.Div(_notice(requested, codes, language), id=pid.COMPARE_NOTICE),
                        html.Div(
                            _content(runtime, codes, language, definition)
                            if len(codes) >= MIN_COMPARED
                            else [],
                            id=pid.COMPARE_TABLE,
                        ),
                    ],
                    id="main",
                ),
                fluid=True,
                className="app-body compare-body",
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        className="compare-page",
        lang=language,
    )


@dash.callback(
    Output(pid.COMPARE_TABLE, "children"),
    Output(pid.COMPARE_NOTICE, "children"),
    Output(pid.COMPARE_PICK, "value"),
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(pid.COMPARE_PICK, "value"),
    Input(ids.COMPARE_DEFINITION, "value"),
    State(pid.COMPARE_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def choose(picked, definition, language):
    runtime = current()
    requested = list(picked or [])
    codes = chosen_units(runtime, requested)
    definition = known_definition(runtime.data.taxonomy, definition)
    content = _content(runtime, codes, language, definition) if len(codes) >= MIN_COMPARED else []
    return (
        content,
        _notice(requested, codes, language),
        codes if codes != requested else no_update,
        [language_href(lang, _query(codes, definition)) for lang in LANGUAGES],
    )


dash.clientside_callback(
    ClientsideFunction(namespace="comparePage", function_name="syncUrl"),
    Output(pid.COMPARE_URL_SYNC, "children"),
    Input(pid.COMPARE_PICK, "value"),
    Input(ids.COMPARE_DEFINITION, "value"),
    State(pid.COMPARE_LANGUAGE, "data"),
)


@dash.callback(
    Output(EXPORT_DOWNLOAD, "data"),
    Input({"type": EXPORT_BUTTON, "table": ALL, "format": ALL}, "n_clicks"),
    State(pid.COMPARE_PICK, "value"),
    State(pid.COMPARE_LANGUAGE, "data"),
    State(ids.COMPARE_DEFINITION, "value"),
    prevent_initial_call=True,
)
def export_comparison(clicks, picked, language, definition=None):
    """The comparison table, numbers as numbers, as CSV or XLSX."""
    if not any(clicks or []):
        return no_update
    runtime = current()
    codes = chosen_units(runtime, picked)
    definition = known_definition(runtime.data.taxonomy, definition)  # the table as shown
    rows = [
        row for group in GROUPS for row in comparison_rows(runtime, codes, definition) if row.group == group
    ]
    frame = comparison_frame(runtime, rows, codes, language, lambda row: label_text(runtime, row, language))
    fmt = ctx.triggered_id["format"]
    sheet = translate("export.comparison", language)
    return dcc.send_bytes(export_frame(frame, fmt, sheet), table_filename("comparison", fmt, language))

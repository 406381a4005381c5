"""The agenda page: a draft creative-industries agenda for one municipality.

``/agenda?municipality=pirot&lang=en``. Strengths, weaknesses, the clusters in it and its
comparison with the district, the region and its peers, each statement with its figure and
the rule that produced it (``dashboard/valorization/agenda.py``, thresholds in the region's
``agenda.toml``); downloads as Markdown and Word in the page's language, for the agency to
rewrite.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.views import unit_names
from dashboard.components import beyond_ids as bid
from dashboard.components import ids
from dashboard.components.controls import labelled
from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.i18n import normalise_language, translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.beyond import agenda_of, labels, peer_standing
from dashboard.valorization.agenda import (
    KINDS,
    RULE_FILE,
    agenda_docx,
    agenda_markdown,
    rule_text,
    statement_text,
)
from dashboard.web.beyond_state import agenda_query
from dashboard.web.runtime import Runtime, current

dash.register_page(
    __name__,
    path="/agenda",
    title=page_title("nav.agenda"),
    nav_key="nav.agenda",
    graphs=False,  # no Plotly graph: the page does not load plotly.js (assets/plotly_early.js)
    order=45,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _code(runtime: Runtime, municipality: str | None) -> str | None:
    """The municipality asked for, else the first of the region's (None without any)."""
    table = runtime.data.municipalities
    if municipality in table.index:
        return municipality
    return str(table.index[0]) if len(table.index) else None


def draft(runtime: Runtime, code: str, language: str) -> list:
    """The draft on screen: the same sections and sentences as the downloads."""
    agenda = agenda_of(runtime, code)
    names = labels(runtime)
    rules = runtime.agenda_rules
    parts: list = [
        html.H2(translate("agenda.title", language, municipality=names.unit(code, language)), className="h4"),
        html.P(
            translate("agenda.note", language, year=agenda.reference_year or "–", file=RULE_FILE),
            className="agenda-note",
        ),
    ]
    standing = peer_standing(runtime, code, language, keys=())
    if standing is not None:
        parts.append(
            html.P(
                translate("agenda.page.peers", language, group=standing.group, members=standing.members),
                className="agenda-note",
            )
        )
    for kind in KINDS:
        statements = agenda.of_kind(kind)
        parts.append(html.H3(translate(f"agenda.section.{kind}", language)))
        if not statements:
            parts.append(html.P(translate(f"agenda.none.{kind}", language), className="agenda-none"))
            continue
        parts.append(
            html.Ul(
                [
                    html.Li(
                        [
                            html.Span(
                                statement_text(s, names, language, rules), className="agenda-statement"
                            ),
                            html.Span(rule_text(s, language), className="agenda-rule"),
                        ],
                        **{"data-rule": s.rule},
                    )
                    for s in statements
                ],
                className="agenda-statements",
                **{"data-kind": kind},
            )
        )
    return parts


def markdown_file(runtime: Runtime, code: str, language: str) -> tuple[str, str]:
    """The draft as Markdown text and its file name."""
    text = agenda_markdown(agenda_of(runtime, code), labels(runtime), language, runtime.agenda_rules)
    return text, f"agenda-{code}-{language}.md"


def docx_file(runtime: Runtime, code: str, language: str) -> tuple[bytes, str]:
    """The draft as a Word document and its file name."""
    content = agenda_docx(agenda_of(runtime, code), labels(runtime), language, runtime.agenda_rules)
    return content, f"agenda-{code}-{language}.docx"


def layout(lang: str | None = None, municipality: str | None = None, **_query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    code = _code(runtime, municipality)
    names = unit_names(data.municipalities, language)
    options = sorted(({"label": n, "value": c} for c, n in names.items()), key=lambda o: o["label"])
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    query = agenda_query(code)
    toolbar = html.Div(
        [
            labelled(
                translate("agenda.page.pick", language),
                dcc.Dropdown(
                    id=bid.AGENDA_PICK,
                    options=options,
                    value=code,
                    clearable=False,
                    labels=dropdown_labels(language),
                ),
                className="control control-grow",
            ),
            html.Div(
                [
                    dbc.Button(
                        translate("agenda.page.markdown", language, format="Markdown"),
                        id=bid.AGENDA_MARKDOWN,
                        color="primary",
                        outline=True,
                        size="sm",
                    ),
                    dbc.Button(
                        translate("agenda.page.docx", language, format="Word (.docx)"),
                        id=bid.AGENDA_DOCX,
                        color="primary",
                        size="sm",
                    ),
                ],
                className="agenda-actions",
            ),
        ],
        className="agenda-toolbar",
    )
    content = (
        draft(runtime, code, language) if code else [html.P(translate("agenda.page.no_units", language))]
    )
    return html.Div(
        [
            dcc.Store(id=bid.AGENDA_LANGUAGE, data=language),
            dcc.Store(id=bid.AGENDA_QUERY, data=query),
            dcc.Download(id=bid.AGENDA_DOWNLOAD),
            html.Div(id=bid.AGENDA_URL_SYNC, hidden=True),
            header(language, data.region.name(language), data.has_synthetic, "/agenda", query),
            dbc.Container(
                html.Main(
                    [
                        html.H2(translate("agenda.page.title", language), className="page-title"),
                        html.P(
                            translate("agenda.page.intro", language, markdown="Markdown", word="Word"),
                            className="page-intro",
                        ),
                        toolbar if code else None,
                        dbc.Card(
                            dbc.CardBody(html.Article(content, id=bid.AGENDA_CONTENT, lang=language)),
                            className="agenda-draft mb-3",
                        ),
                    ],
                    id="main",
                ),
                fluid=True,
                className="app-body agenda-body",
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        className="agenda-page",
        lang=language,
    )


@dash.callback(
    Output(bid.AGENDA_QUERY, "data"),
    Input(bid.AGENDA_PICK, "value"),
    prevent_initial_call=True,
)
def pick(code):
    """The page's state: the municipality picked (an unknown one changes nothing)."""
    return agenda_query(code) if code in current().data.municipalities.index else no_update


@dash.callback(
    Output(bid.AGENDA_CONTENT, "children"),
    Input(bid.AGENDA_PICK, "value"),
    State(bid.AGENDA_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def show_draft(code, language):
    runtime = current()
    if code not in runtime.data.municipalities.index:
        return no_update
    return draft(runtime, code, language)


@dash.callback(
    Output(bid.AGENDA_DOWNLOAD, "data"),
    Input(bid.AGENDA_MARKDOWN, "n_clicks"),
    Input(bid.AGENDA_DOCX, "n_clicks"),
    State(bid.AGENDA_PICK, "value"),
    State(bid.AGENDA_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def download(_markdown, _docx, code, language):
    """The draft as a file in the page's language: Markdown or Word, as the button says."""
    runtime = current()
    if code not in runtime.data.municipalities.index:
        return no_update
    if ctx.triggered_id == bid.AGENDA_DOCX:
        content, name = docx_file(runtime, code, language)
        return dcc.send_bytes(content, name, type=DOCX_TYPE)
    text, name = markdown_file(runtime, code, language)
    return dcc.send_string(text, name, type="text/markdown")


dash.clientside_callback(
    ClientsideFunction(namespace="creativeMap", function_name="syncQuery"),  # assets/url_state.js
    Output(bid.AGENDA_URL_SYNC, "children"),
    Input(bid.AGENDA_QUERY, "data"),
    State(bid.AGENDA_LANGUAGE, "data"),
)

dash.clientside_callback(
    ClientsideFunction(namespace="creativeMapLinks", function_name="languageLinks"),  # language_links.js
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(bid.AGENDA_QUERY, "data"),
    prevent_initial_call=True,
)

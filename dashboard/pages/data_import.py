"""The import page: upload a file, see what is wrong and what would be added, then store it.

Checking is open to everyone; storing needs the editor credential from the
configuration (``CIM_EDITOR_TOKEN``): without one the page only checks. The same
:func:`dashboard.importing.pipeline.run_import` runs here as on the command line.
After a commit the app reloads its data, so the map shows the stored enterprises.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import Input, Output, State, dcc, html, no_update

from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.components.problems import problems_table
from dashboard.figures.config import graph_config
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, normalise_language, translate
from dashboard.importing.limits import ImportLimits
from dashboard.importing.mapping import Mapping, parse_mapping
from dashboard.importing.pipeline import ImportResult, run_import
from dashboard.importing.readers import Source
from dashboard.importing.report import describe, outcome_text, precision_text, report_csv
from dashboard.sources.enterprises import ValidationContext
from dashboard.sources.problems import DataFileError, Problem
from dashboard.store import open_store
from dashboard.web import runtime as runtime_module
from dashboard.web.runtime import Runtime, current

# graphs=False: the preview map appears only after a file is checked, and dcc.Graph fetches
# plotly.js then; the page itself does not wait for it (assets/plotly_early.js).
dash.register_page(
    __name__,
    path="/import",
    title=page_title("nav.import"),
    nav_key="nav.import",
    order=50,
    graphs=False,
    demo_notice=False,  # the page shows no enterprises: no synthetic-data notice
)

UPLOAD = "import-upload"
MAPPING_UPLOAD = "import-mapping-upload"
SKIP_INVALID = "import-skip-invalid"
TOKEN = "import-token"
COMMIT = "import-commit"
RESULT = "import-result"
COMMIT_RESULT = "import-commit-result"
REPORT_BUTTON = "import-report-button"
REPORT_DOWNLOAD = "import-report-download"
HISTORY = "import-history"
LANGUAGE = "import-language"
PREVIEW_POINTS = 5_000
PROBLEMS_SHOWN = 200
OUTCOME_COLORS = {"committed": "success", "checked": "info", "rejected": "danger", "empty": "warning"}

LOG = logging.getLogger(__name__)


def _context(runtime: Runtime) -> ValidationContext:
    data = runtime.data
    return data.validation_context()


def check_limits(runtime: Runtime, token: str | None) -> ImportLimits:
    """Anyone may check a file, so a visitor without the editor credential gets a CPU budget
    (issue 12: no anonymous request may occupy a worker); an editor's check is bounded only by
    the size, row and column limits."""
    expected = runtime.settings.editor_token
    editor = bool(expected) and hmac.compare_digest((token or "").encode(), expected.encode())
    return ImportLimits.from_settings(runtime.settings, anonymous=not editor)


def _limit_bytes(runtime: Runtime) -> int:
    return int(runtime.settings.max_upload_mb * 1024 * 1024)


def _limit_text(runtime: Runtime, language: str) -> str:
    return format_number(
        runtime.settings.max_upload_mb, language, 0 if runtime.settings.max_upload_mb % 1 == 0 else 1
    )


def decode_upload(contents: str | None, filename: str | None, max_mb: float) -> Source | Problem | None:
    """dcc.Upload's data URL -> Source; a Problem when it is too large or not decodable."""
    if not contents or not filename:
        return None
    limit = int(max_mb * 1024 * 1024)
    too_large = Problem(file=filename, code="file_too_large", details={"limit": f"{max_mb:g}"})
    _, _, encoded = contents.partition(",")
    if len(encoded) * 3 // 4 > limit + 3:
        return too_large
    try:
        data = base64.b64decode(encoded, validate=False)
    except (binascii.Error, ValueError):
        return Problem(file=filename, code="file_unreadable", details={"error": "upload damaged"})
    if len(data) > limit:
        return too_large
    return Source(filename, data)


def decode_uploads(
    contents: str | list[str] | None, filenames: str | list[str] | None, max_mb: float
) -> list[Source] | Problem | None:
    """One or several uploaded files (dcc.Upload with ``multiple``) -> Sources imported together;
    the first Problem when a file is damaged or the files exceed the limit together (the
    server refuses larger requests anyway)."""
    contents = [contents] if isinstance(contents, str) else list(contents or [])
    filenames = [filenames] if isinstance(filenames, str) else list(filenames or [])
    sources: list[Source] = []
    for content, filename in zip(contents, filenames, strict=False):
        source = decode_upload(content, filename, max_mb)
        if isinstance(source, Problem):
            return source
        if source is not None:
            sources.append(source)
    if sum(len(source.data) for source in sources) > int(max_mb * 1024 * 1024):
        names = ", ".join(source.name for source in sources)
        return Problem(file=names, code="file_too_large", details={"limit": f"{max_mb:g}"})
    return sources or None


def decode_mapping(contents: str | None, filename: str | None) -> Mapping | Problem | None:
    """The optional mapping file (TOML or CSV) uploaded beside the data file."""
    if not contents or not filename:
        return None
    try:
        data = base64.b64decode(contents.split(",", 1)[1], validate=True)
        return parse_mapping(data, filename)
    except (IndexError, binascii.Error):
        return Problem(file=filename, code="mapping_invalid", value="not a readable file")
    except DataFileError as error:
        return error.problem


def preview_figure(result: ImportResult, runtime: Runtime, existing: set[str], language: str) -> go.Figure:
    """The valid rows on the region map: new ones and updates of stored ones, by colour."""
    table = result.enterprises.head(PREVIEW_POINTS)
    figure = go.Figure()
    base = runtime.map_base
    if base.municipality_geojson is not None:
        codes = base.municipality_codes
        figure.add_trace(
            go.Choroplethmap(
                geojson=base.geojson("municipalities"),
                locations=codes,
                z=[0] * len(codes),
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"color": "#5b6770", "width": 0.8}},
                hoverinfo="skip",
            )
        )
    updates = table["registration_number"].isin(existing)
    precision = {
        p: translate("column.location_precision", language) + f": {p}"
        for p in table["location_precision"].unique()
    }
    for key, mask, color in (("import.new", ~updates, "#1b7837"), ("import.update", updates, "#b35806")):
        part = table[mask]
        figure.add_trace(
            go.Scattermap(
                lon=part["lon"],
                lat=part["lat"],
                mode="markers",
                name=translate(key, language),
                marker={"size": 8, "color": color, "opacity": 0.85},
                # Names come from the uploaded file: escaped, so markup in them is shown, not applied.
                text=part["name"].map(plotly_text)
                + "<br>"
                + part["location_precision"].map(precision).fillna(""),
                hovertemplate="%{text}<extra></extra>",
            )
        )
    figure.update_layout(
        map={
            "style": runtime.style_in(language),
            "center": base.center,
            "zoom": base.zoom - 0.35,
        },  # a lower, wider map
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=420,
        legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)"},
        uirevision="import-preview",
    )
    return figure


def _summary(result: ImportResult, language: str, skip_invalid: bool) -> list:
    parts = [
        dbc.Alert(
            outcome_text(result, language, skip_invalid), color=OUTCOME_COLORS.get(result.status, "info")
        ),
    ]
    if len(result.enterprises):
        parts.append(html.P(precision_text(result, language), className="small"))
    return parts


def check_file(
    contents: str | list[str] | None,
    filename: str | list[str] | None,
    skip_invalid: bool,
    language: str,
    mapping: Mapping | Problem | None = None,
    token: str | None = None,
) -> tuple[list, bool, bool]:
    """(result area, commit disabled, report button hidden) for the uploaded file or files."""
    runtime = current()
    sources = decode_uploads(contents, filename, runtime.settings.max_upload_mb)
    if sources is None:
        return [html.P(translate("import.no_file", language), className="text-muted")], True, True
    for problem in (sources, mapping):
        if isinstance(problem, Problem):
            return [dbc.Alert(describe(problem, language), color="danger")], True, True
    store = open_store(runtime.settings)
    result = run_import(
        sources,
        store,
        _context(runtime),
        mapping=mapping,
        skip_invalid=skip_invalid,
        dry_run=True,
        limits=check_limits(runtime, token),
    )
    existing = store.registration_numbers() if store is not None and len(result.enterprises) else set()
    names = ", ".join(source.name for source in sources)
    children = [
        html.P(translate("import.checked_file", language, file=names), className="fw-semibold mb-2"),
        *_summary(result, language, skip_invalid),
        html.H3(translate("import.problems_title", language, count=len(result.problems)), className="h6")
        if result.problems
        else None,
        problems_table(result.problems, language, PROBLEMS_SHOWN),
    ]
    if len(result.enterprises):
        shown = min(len(result.enterprises), PREVIEW_POINTS)
        children += [
            html.H3(translate("import.preview_title", language), className="h6 mt-3"),
            html.P(
                translate(
                    "import.preview_shown",
                    language,
                    shown=format_number(shown, language),
                    total=format_number(len(result.enterprises), language),
                ),
                className="small text-muted",
            ),
            dcc.Graph(
                figure=preview_figure(result, runtime, existing, language),
                config=graph_config(language),
                className="import-preview-map",
            ),
        ]
    can_commit = (
        bool(runtime.settings.editor_token)
        and store is not None
        and result.status == "checked"
        and len(result.enterprises) > 0
    )
    return children, not can_commit, False


def commit_file(
    contents: str | list[str] | None,
    filename: str | list[str] | None,
    skip_invalid: bool,
    token: str | None,
    language: str,
    mapping: Mapping | Problem | None = None,
) -> tuple[list, bool]:
    """(message, commit disabled): store the file or files if the credential is right."""
    runtime = current()
    expected = runtime.settings.editor_token
    if not expected:
        return [dbc.Alert(translate("security.import_read_only", language), color="secondary")], True
    if not hmac.compare_digest((token or "").encode(), expected.encode()):
        return [dbc.Alert(translate("import.wrong_token", language), color="danger")], False
    sources = decode_uploads(contents, filename, runtime.settings.max_upload_mb)
    if isinstance(sources, Problem):
        return [dbc.Alert(describe(sources, language), color="danger")], True
    if sources is None:
        return [dbc.Alert(translate("import.no_file", language), color="warning")], True
    if isinstance(mapping, Problem):
        return [dbc.Alert(describe(mapping, language), color="danger")], True
    store = open_store(runtime.settings)
    if store is None:
        return [dbc.Alert(translate("security.no_store", language), color="danger")], True
    try:
        result = run_import(
            sources,
            store,
            _context(runtime),
            mapping=mapping,
            skip_invalid=skip_invalid,
            limits=ImportLimits.from_settings(runtime.settings),
        )
    except Exception:  # the store is atomic: a failed write changed nothing
        # The error may name server paths or the database: the log has it, the visitor is told less.
        LOG.exception("storing an import failed")
        return [dbc.Alert(translate("security.store_failed", language), color="danger")], False
    messages = _summary(result, language, skip_invalid)
    if result.committed:
        runtime_module.install(Runtime.load(runtime.settings))
        messages.append(html.P(translate("import.stored_reload", language), className="small"))
    return messages, True


def history_table(language: str) -> html.Div:
    store = open_store(current().settings)
    try:
        history = store.history() if store is not None else None
    except Exception:  # a damaged store: the page still draws; the log has the details
        LOG.exception("the import history cannot be read")
        return html.P(translate("security.store_unreadable", language), className="text-danger small")
    if history is None or history.empty:
        return html.P(translate("import.history.empty", language), className="text-muted small")
    history = history.iloc[::-1]
    columns = list(history.columns)
    return html.Div(
        dbc.Table(
            [
                html.Thead(html.Tr([html.Th(translate(f"import.history.{c}", language)) for c in columns])),
                html.Tbody(
                    [
                        html.Tr(
                            [
                                html.Td(
                                    str(row[c])[:12] + "…" if c == "sha256" else str(row[c]),
                                    title=str(row[c]),
                                )
                                for c in columns
                            ]
                        )
                        for _, row in history.head(50).iterrows()
                    ]
                ),
            ],
            size="sm",
            striped=True,
        ),
        className="table-responsive",
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    editable = bool(runtime.settings.editor_token)
    store = open_store(runtime.settings)
    upload = dcc.Upload(
        id=UPLOAD,
        children=html.Div(
            [
                html.Strong(translate("import.upload", language)),
                html.Div("CSV · XLSX · GeoJSON · GeoPackage", className="small text-muted"),
            ]
        ),
        max_size=_limit_bytes(runtime),
        multiple=True,  # several files are checked and imported together, as by the CLI
        accept=".csv,.txt,.tsv,.xlsx,.xlsm,.geojson,.json,.gpkg",
        className="import-upload",
        style={
            "border": "2px dashed #8a96a3",
            "borderRadius": "8px",
            "padding": "28px",
            "textAlign": "center",
            "cursor": "pointer",
            "background": "#f8fafc",
        },
        style_reject={"borderColor": "#c0392b", "background": "#fdecea"},
    )
    controls = [
        dbc.Checkbox(id=SKIP_INVALID, label=translate("import.skip_invalid", language), value=False),
        html.Div(
            [
                dbc.Label(translate("import.token", language), html_for=TOKEN, className="mb-1 small"),
                dbc.Input(id=TOKEN, type="password", autoComplete="off", disabled=not editable, size="sm"),
            ],
            className="mt-2",
            hidden=not editable,
        ),
        dbc.Button(
            translate("import.commit", language), id=COMMIT, color="primary", disabled=True, className="mt-2"
        ),
    ]
    notice = (
        None
        if editable
        else dbc.Alert(translate("security.import_read_only", language), color="secondary", className="py-2")
    )
    # The file name only: the page does not tell visitors where the server keeps its files.
    store_label = (
        getattr(store, "path", Path(store.label)).name
        if store is not None and hasattr(store, "path")
        else None
    ) or (translate("security.store_database" if store is not None else "security.no_store", language))
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    return html.Div(
        [
            dcc.Store(id=LANGUAGE, data=language),
            header(language, data.region.name(language), False, "/import"),
            dbc.Container(
                [
                    html.H2(translate("import.title", language), className="h4 mt-3"),
                    html.P(translate("import.intro", language)),
                    html.P(translate("import.format_help", language), className="small text-muted"),
                    dbc.Row(
                        [
                            dbc.Col(
                                dbc.Card(
                                    dbc.CardBody(
                                        [
                                            upload,
                                            dcc.Upload(
                                                id=MAPPING_UPLOAD,
                                                children=html.Span(
                                                    translate("import.mapping_upload", language),
                                                    className="small",
                                                ),
                                                accept=".toml,.csv",
                                                className="import-mapping-upload",
                                            ),
                                            html.P(
                                                translate(
                                                    "import.limit",
                                                    language,
                                                    size=_limit_text(runtime, language),
                                                ),
                                                className="small mt-2 mb-1",
                                                id="import-limit",
                                            ),
                                            html.P(
                                                translate("import.store_label", language, store=store_label),
                                                className="small text-muted mb-2",
                                            ),
                                            notice,
                                            *controls,
                                            html.Div(id=COMMIT_RESULT, className="mt-3", role="status"),
                                        ]
                                    ),
                                    className="mb-3",
                                ),
                                lg=4,
                            ),
                            dbc.Col(
                                dbc.Card(
                                    dbc.CardBody(
                                        [
                                            dcc.Loading(
                                                html.Div(
                                                    html.P(
                                                        translate("import.no_file", language),
                                                        className="text-muted",
                                                    ),
                                                    id=RESULT,
                                                    role="status",
                                                )
                                            ),
                                            dbc.Button(
                                                translate("import.download_report", language),
                                                id=REPORT_BUTTON,
                                                color="secondary",
                                                outline=True,
                                                size="sm",
                                                className="mt-2",
                                                style={"display": "none"},
                                            ),
                                            dcc.Download(id=REPORT_DOWNLOAD),
                                        ]
                                    ),
                                    className="mb-3",
                                ),
                                lg=8,
                            ),
                        ],
                        className="g-3",
                    ),
                    dbc.Card(
                        dbc.CardBody(
                            [
                                html.H2(translate("import.history", language), className="h6"),
                                html.Div(history_table(language), id=HISTORY),
                            ]
                        ),
                        className="mb-3",
                    ),
                ],
                fluid=True,
                className="app-body",
                id="main",
                tag="main",  # the page's main landmark
            ),
            footer(data.region.credits(language), data_file, [], language),
        ],
        lang=language,
    )


@dash.callback(
    Output(RESULT, "children"),
    Output(COMMIT, "disabled"),
    Output(REPORT_BUTTON, "style"),
    Output(COMMIT_RESULT, "children", allow_duplicate=True),
    Input(UPLOAD, "contents"),
    Input(SKIP_INVALID, "value"),
    Input(MAPPING_UPLOAD, "contents"),
    State(UPLOAD, "filename"),
    State(MAPPING_UPLOAD, "filename"),
    State(LANGUAGE, "data"),
    State(TOKEN, "value"),
    prevent_initial_call=True,
)
def on_upload(contents, skip_invalid, mapping_contents, filename, mapping_name, language, token):
    mapping = decode_mapping(mapping_contents, mapping_name)
    children, disabled, hide_report = check_file(
        contents, filename, bool(skip_invalid), language, mapping, token
    )
    return children, disabled, ({"display": "none"} if hide_report else {}), None


@dash.callback(
    Output(COMMIT_RESULT, "children"),
    Output(COMMIT, "disabled", allow_duplicate=True),
    Output(HISTORY, "children"),
    Input(COMMIT, "n_clicks"),
    State(UPLOAD, "contents"),
    State(UPLOAD, "filename"),
    State(SKIP_INVALID, "value"),
    State(TOKEN, "value"),
    State(MAPPING_UPLOAD, "contents"),
    State(MAPPING_UPLOAD, "filename"),
    State(LANGUAGE, "data"),
    prevent_initial_call=True,
)
def on_commit(clicks, contents, filename, skip_invalid, token, mapping_contents, mapping_name, language):
    if not clicks:
        return no_update, no_update, no_update
    mapping = decode_mapping(mapping_contents, mapping_name)
    message, disabled = commit_file(contents, filename, bool(skip_invalid), token, language, mapping)
    return message, disabled, history_table(language)


@dash.callback(
    Output(REPORT_DOWNLOAD, "data"),
    Input(REPORT_BUTTON, "n_clicks"),
    State(UPLOAD, "contents"),
    State(UPLOAD, "filename"),
    State(SKIP_INVALID, "value"),
    State(MAPPING_UPLOAD, "contents"),
    State(MAPPING_UPLOAD, "filename"),
    State(LANGUAGE, "data"),
    State(TOKEN, "value"),
    prevent_initial_call=True,
)
def on_report(clicks, contents, filename, skip_invalid, mapping_contents, mapping_name, language, token):
    runtime = current()
    sources = decode_uploads(contents, filename, runtime.settings.max_upload_mb)
    mapping = decode_mapping(mapping_contents, mapping_name)
    if not clicks or not isinstance(sources, list) or isinstance(mapping, Problem):
        return no_update
    store = open_store(runtime.settings)
    result = run_import(
        sources,
        store,
        _context(runtime),
        mapping=mapping,
        skip_invalid=bool(skip_invalid),
        dry_run=True,
        limits=check_limits(runtime, token),
    )
    stem = sources[0].name.rsplit(".", 1)[0] if len(sources) == 1 else "import"
    return dcc.send_bytes(report_csv(result.problems, language), f"{stem}-report.csv")

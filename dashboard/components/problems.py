"""Data problems on screen: one table for the import report and the page footer.

Every row a validator rejected or doubted is listed with file, row, column, value and reason.
A screen shows the first rows only; the whole list is always one click away as CSV, so a
register with thousands of problems does not make every page slow to draw.

What the server knows about itself stays on the server: a problem about a file (a damaged store,
say) names the file, never the folder it is kept in (:func:`without_paths`); the log keeps the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import MATCH, Dash, Input, Output, ctx, dcc, html

from dashboard.i18n import format_number, translate
from dashboard.importing.report import counts_by_reason, describe, report_csv
from dashboard.sources.problems import Problem
from dashboard.web.runtime import current

FOOTER_EXAMPLES = 10
REPORT_BUTTON = "problems-report-button"  # pattern-matching type: {"type": ..., "lang": code}
REPORT_DOWNLOAD = "problems-report-download"  # same keys as the button
COLUMNS = ("file", "row", "column", "value", "severity", "reason")
# An absolute path (POSIX or Windows) not inside a URL; group 1 is its last part, the file's name.
_ABSOLUTE_PATH = re.compile(
    r"""(?<![\w:/.~])(?:[A-Za-z]:[\\/]|/)(?:[^\s'"<>|:*?\\/]+[\\/])+([^\s'"<>|:*?\\/]*)"""
)


def without_paths(text: str) -> str:
    """``text`` with every absolute path cut to the file's name (``/srv/cim/store.gpkg`` ->
    ``store.gpkg``): visitors need to know which file, not where the server keeps it."""
    return _ABSOLUTE_PATH.sub(lambda match: match.group(1) or "…", text)


def public_problem(problem: Problem) -> Problem:
    """The problem as a visitor may read it (:func:`without_paths` on its texts)."""
    details = {k: without_paths(v) if isinstance(v, str) else v for k, v in problem.details.items()}
    return replace(
        problem,
        file=without_paths(problem.file),
        value=without_paths(problem.value) if problem.value else problem.value,
        details=details,
    )


def problems_table(problems: list[Problem], language: str, limit: int) -> html.Div:
    """The first ``limit`` problems as a table, with a line saying how many more there are."""
    if not problems:
        return html.P(translate("import.no_problems", language), className="text-success")
    head = html.Thead(html.Tr([html.Th(translate(f"import.report.{c}", language)) for c in COLUMNS]))
    rows = [
        html.Tr(
            [
                html.Td(p.file),
                html.Td(p.row if p.row is not None else ""),
                html.Td(p.column or ""),
                html.Td((p.value or "")[:80]),
                html.Td(translate(f"import.severity.{p.severity}", language)),
                html.Td(describe(p, language)),
            ],
            className="table-danger" if p.severity == "error" else "table-warning",
        )
        for p in map(public_problem, problems[:limit])
    ]
    more = len(problems) - limit
    return html.Div(
        [
            html.Div(
                dbc.Table(
                    [head, html.Tbody(rows)], size="sm", bordered=True, className="problems-table mb-1"
                ),
                className="table-responsive",
                style={"maxHeight": "320px", "overflowY": "auto"},
            ),
            html.P(translate("problems.more", language, count=more), className="small") if more > 0 else None,
        ]
    )


def reason_summary(problems: list[Problem], language: str) -> html.Ul:
    """How many problems of each kind: what an analyst reads first."""
    return html.Ul(
        [
            html.Li([html.Strong(format_number(count, language)), " · ", without_paths(reason)])
            for reason, count in counts_by_reason(problems, language)
        ],
        className="problem-reasons",
    )


def problems_panel(problems: list[Problem], language: str) -> html.Details | None:
    """The footer's collapsible account of the loaded data's problems (open when a file is
    missing or unreadable, because then the map is incomplete)."""
    if not problems:
        return None
    return html.Details(
        [
            html.Summary(translate("problems.summary", language, count=len(problems))),
            reason_summary(problems, language),
            problems_table(problems, language, FOOTER_EXAMPLES),
            dbc.Button(
                translate("problems.download", language, count=format_number(len(problems), language)),
                id={"type": REPORT_BUTTON, "lang": language},
                size="sm",
                color="secondary",
                outline=True,
            ),
            dcc.Download(id={"type": REPORT_DOWNLOAD, "lang": language}),
        ],
        className="problems-panel",
        open=any(p.severity == "error" and p.row is None for p in problems),
    )


def register_report_download(app: Dash) -> None:
    """Wire the footer's "download all problems" button, which every page shows.

    Registered on each app by ``create_app`` rather than with ``dash.callback`` at import: a
    component module is imported once, and its callbacks would join only the first app.
    """

    @app.callback(
        Output({"type": REPORT_DOWNLOAD, "lang": MATCH}, "data"),
        Input({"type": REPORT_BUTTON, "lang": MATCH}, "n_clicks"),
        prevent_initial_call=True,
    )
    def download_report(_clicks):
        language = ctx.triggered_id["lang"]
        problems = [public_problem(p) for p in current().data.problems]
        return dcc.send_bytes(report_csv(problems, language), "data-problems.csv")

"""Sources, licences and data problems: what a careful reader needs under the map."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import translate
from dashboard.sources.problems import Problem

MAX_PROBLEMS_SHOWN = 200


def describe(problem: Problem, language: str) -> str:
    return translate(f"problem.{problem.code}", language, **problem.details)


def problems_panel(problems: list[Problem], language: str) -> html.Details | None:
    """A collapsible table of every problem; invalid rows are listed, never silently dropped."""
    if not problems:
        return None
    columns = ("file", "row", "column", "value", "reason")
    head = html.Thead(html.Tr([html.Th(translate(f"problems.{c}", language)) for c in columns]))
    rows = [
        html.Tr(
            [
                html.Td(p.file),
                html.Td(p.row if p.row is not None else ""),
                html.Td(p.column or ""),
                html.Td(p.value or ""),
                html.Td(describe(p, language)),
            ]
        )
        for p in problems[:MAX_PROBLEMS_SHOWN]
    ]
    extra = len(problems) - MAX_PROBLEMS_SHOWN
    return html.Details(
        [
            html.Summary(translate("problems.summary", language, count=len(problems))),
            dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, className="problems-table"),
            html.P(translate("problems.more", language, count=extra)) if extra > 0 else None,
        ],
        className="problems-panel",
        open=any(p.severity == "error" and p.row is None for p in problems),
    )


def footer(
    attribution: dict[str, str], data_file: str, problems: list[Problem], language: str
) -> html.Footer:
    credits = []
    for key, text in attribution.items():
        label_key = f"footer.{key}"
        label = translate(label_key, language) if label_key in _known_keys() else key
        credits.append(html.Li([html.Strong(f"{label}: "), text]))
    return html.Footer(
        [
            problems_panel(problems, language),
            html.Ul(credits, className="credits"),
            html.P(translate("footer.data_file", language, file=data_file), className="small"),
            html.P(translate("footer.offline", language), className="small text-muted"),
        ],
        className="app-footer",
    )


def _known_keys() -> set[str]:
    from dashboard.i18n.catalogue import MESSAGES

    return set(MESSAGES)

"""Sources, licences and data problems: what a careful reader needs under the map."""

from __future__ import annotations

from dash import html

from dashboard.components.problems import problems_panel, without_paths
from dashboard.i18n import translate
from dashboard.sources.problems import Problem


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
            html.P(translate("footer.data_file", language, file=without_paths(data_file)), className="small"),
            html.P(translate("footer.offline", language), className="small text-muted"),
        ],
        className="app-footer",
    )


def _known_keys() -> set[str]:
    from dashboard.i18n.catalogue import MESSAGES

    return set(MESSAGES)

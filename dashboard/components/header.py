"""The top bar: title, demonstration-data badge and language switch."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.i18n import LANGUAGE_LABELS, LANGUAGES, translate


def header(language: str, region_name: str, show_demo_badge: bool) -> html.Header:
    languages = html.Nav(
        [
            html.A(
                LANGUAGE_LABELS[code],
                href=f"?lang={code}",
                lang=code,
                className="lang-link" + (" active" if code == language else ""),
                **({"aria-current": "true"} if code == language else {}),
            )
            for code in LANGUAGES
        ],
        className="lang-switch",
        **{"aria-label": translate("app.language", language)},
    )
    badge = html.Span(
        [
            dbc.Badge(translate("demo.badge", language), color="warning", className="demo-badge"),
            html.Span(translate("demo.explanation", language), className="demo-text"),
        ],
        id=ids.DEMO_BADGE,
        className="demo-notice",
        hidden=not show_demo_badge,
        role="status",
    )
    return html.Header(
        [
            html.A(translate("app.skip_to_map", language), href="#main", className="skip-link"),
            html.Div(
                [
                    html.H1(translate("app.title", language), className="app-title"),
                    html.P([region_name, " · ", translate("app.tagline", language)], className="app-tagline"),
                ],
                className="app-heading",
            ),
            badge,
            languages,
        ],
        className="app-header",
    )

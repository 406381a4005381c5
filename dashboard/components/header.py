"""The top bar: title, demonstration-data badge and language switch."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.i18n import LANGUAGE_LABELS, LANGUAGES, translate


def language_href(language: str, query: str) -> str:
    extra = query.lstrip("?")
    return f"?lang={language}" + (f"&{extra}" if extra else "")


def page_links(language: str, current_path: str) -> html.Nav:
    """One link per registered page that declares a ``nav_key`` (its title's message key).

    Pages join the navigation by registering with ``nav_key=...`` and ``order=...``;
    the header never needs editing for a new page. Links keep the language.
    """
    pages = sorted(
        (p for p in dash.page_registry.values() if p.get("nav_key")), key=lambda p: p.get("order") or 0
    )
    return html.Nav(
        [
            html.A(
                translate(page["nav_key"], language),
                href=f"{page['path']}?lang={language}",
                className="nav-link-page" + (" active" if page["path"] == current_path else ""),
                **({"aria-current": "page"} if page["path"] == current_path else {}),
            )
            for page in pages
        ],
        className="page-nav",
        **{"aria-label": translate("app.pages", language)},
    )


def header(
    language: str, region_name: str, show_demo_badge: bool, current_path: str = "/", query: str = ""
) -> html.Header:
    """``query`` is the page's state without the language; the language links keep it."""
    languages = html.Nav(
        [
            html.A(
                LANGUAGE_LABELS[code],
                id={"type": ids.LANGUAGE_LINK, "lang": code},
                href=language_href(code, query),
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
    # The demonstration notice is a strip of its own under the bar: always legible, and
    # the bar keeps one line for title, pages and languages.
    return html.Header(
        [
            html.Div(
                [
                    html.A(translate("app.skip_to_map", language), href="#main", className="skip-link"),
                    html.Div(
                        [
                            html.H1(translate("app.title", language), className="app-title"),
                            html.P(
                                [region_name, " · ", translate("app.tagline", language)],
                                className="app-tagline",
                            ),
                        ],
                        className="app-heading",
                    ),
                    page_links(language, current_path),
                    languages,
                ],
                className="app-header",
            ),
            badge,
        ],
        className="app-top",
    )

"""The top bar: title, demonstration-data badge and language switch.

One row on a laptop from 1280 px, in every language (the map below it must fit a 1280×720 screen
whole), with the demonstration notice one line under it; narrower (small laptops, tablets,
phones) the pages and languages fold into a menu behind a button, opened in the browser (a
clientside callback: no request, works offline).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, html

from dashboard.components import ids
from dashboard.components.page_title import app_title
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGE_SHORT, LANGUAGES, translate

MENU = "app-menu"
MENU_TOGGLE = "app-menu-toggle"
MAPLIBRE_TEXTS = "maplibre-texts"


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
                # Short, so the bar keeps one row on a laptop; the accessible name starts with
                # the visible text and says it in full, as does the tooltip.
                LANGUAGE_SHORT[code],
                title=LANGUAGE_NAMES[code],
                **{"aria-label": f"{LANGUAGE_SHORT[code]} – {LANGUAGE_NAMES[code]}"},
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
            # One line on a laptop (assets/theme.css): the tooltip holds it whole where it is cut.
            html.Span(
                translate("demo.explanation", language),
                title=translate("demo.explanation", language),
                className="demo-text",
            ),
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
                            html.H1(app_title(language), className="app-title"),
                            html.P(
                                [region_name, " · ", translate("app.tagline", language)],
                                className="app-tagline",
                            ),
                        ],
                        className="app-heading",
                    ),
                    html.Button(
                        [
                            html.Span(className="navbar-toggler-icon", **{"aria-hidden": "true"}),
                            " ",
                            translate("app.menu", language),
                        ],
                        id=MENU_TOGGLE,
                        type="button",
                        className="app-menu-toggle",
                        n_clicks=0,
                        **{"aria-controls": MENU, "aria-expanded": "false"},
                    ),
                    html.Div([page_links(language, current_path), languages], id=MENU, className="app-menu"),
                ],
                className="app-header",
            ),
            badge,
            maplibre_texts(language),
        ],
        className="app-top",
    )


def maplibre_texts(language: str) -> html.Span:
    """Labels that widgets draw themselves, in the page's language: the map's, for
    ``assets/maplibre_texts.js``, and a range slider's handles, for ``assets/a11y_fixes.js``."""
    return html.Span(
        id=MAPLIBRE_TEXTS,
        hidden=True,
        **{
            "data-map": translate("maplibre.map", language),
            "data-attribution": translate("maplibre.attribution", language),
            # The two handles of a range slider (assets/a11y_fixes.js).
            "data-range-from": translate("slider.range_from", language),
            "data-range-to": translate("slider.range_to", language),
        },
    )


# Opening and closing the phone menu: a class and aria-expanded, set in the browser.
dash.clientside_callback(
    """function (clicks, className) {
        const open = clicks % 2 === 1;
        const base = (className || "").replace(/ ?open/g, "");
        return [open ? base + " open" : base, open ? "true" : "false"];
    }""",
    Output(MENU, "className"),
    Output(MENU_TOGGLE, "aria-expanded"),
    Input(MENU_TOGGLE, "n_clicks"),
    State(MENU, "className"),
    prevent_initial_call=True,
)

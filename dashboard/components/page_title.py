"""Browser-tab titles in the language of the address (``?lang=``).

Dash sets ``document.title`` from a page's ``title`` after every navigation, calling it with
the path's variables only; the language is in the query string, so it is read from the
routing callback's own input (or, while the first HTML is served, from the request).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import dash
import flask

from dashboard.i18n import normalise_language, translate
from dashboard.i18n.script import to_cyrillic
from dashboard.web.runtime import current

PAGES_SEARCH_INPUT = "_pages_location.search"  # Dash's routing callback: the URL's query string


def _language_in_address() -> str | None:
    if not flask.has_request_context():
        return None
    if flask.request.path.endswith("_dash-layout"):  # its Referer is the address (first_layout.py)
        referer = urlsplit(flask.request.headers.get("Referer", ""))
        return (parse_qs(referer.query).get("lang") or [None])[0]
    if not flask.request.path.endswith("_dash-update-component"):
        return flask.request.args.get("lang")  # the page's first HTML
    search = dash.callback_context.inputs.get(PAGES_SEARCH_INPUT) or ""
    return (parse_qs(str(search).lstrip("?")).get("lang") or [None])[0]


def app_title(language: str) -> str:
    """The app's title in ``language``: the region's own (``[title]`` in region.toml), else a
    title that names no place, so a second region never calls itself South Serbia."""
    region = current().data.region
    own = region.title(language)
    if own is None and language == "sr-Cyrl" and region.title("sr-Latn"):
        own = to_cyrillic(region.title("sr-Latn") or "")
    return own or translate("app.title", language)


def page_title(nav_key: str | None = None) -> Callable[..., str]:
    """A page ``title`` for ``dash.register_page``: "<page> · <app>" in the reader's language."""

    def title(**_path_variables: str) -> str:
        language = normalise_language(_language_in_address(), current().settings.default_language)
        app = app_title(language)
        return f"{translate(nav_key, language)} · {app}" if nav_key else app

    return title


def first_html_title(path: str) -> str:
    """The ``<title>`` of the page at ``path`` for the HTML Dash serves first (Dash writes its
    app-wide title there; the routing callback replaces it only once the page has loaded)."""
    wanted = "/" + path.strip("/")
    for page in dash.page_registry.values():
        if page["path"] == wanted:
            title = page["title"]
            return title() if callable(title) else str(title)
    return page_title()()

"""The app's first layout carries the page being opened.

With Dash Pages a cold page costs two round trips before its own components exist: the app's
layout (``dash.page_container``: a ``dcc.Location`` and an empty content box) and then the page
router's answer, which the ``Location`` asks for once it has mounted and read the address. The
page's components, and the map, wait for both.

The renderer asks for the layout from the page itself, so the request's ``Referer`` names the
address being opened (the first HTML asks browsers to send it: ``<meta name="referrer"
content="same-origin">``, see ``dashboard/app.py``). The layout answered here holds that page,
built exactly as the router builds it (Dash's own path and query parsing), and a ``Location``
whose ``pathname``, ``search`` and ``href`` already are the browser's: a ``Location`` that finds
its properties equal to the address sets none of them on mount, so the router is never asked.
Any other request (no ``Referer``, another host, an address that is no page) gets Dash's plain
container and the router's round trip, as before.

The answer depends on the ``Referer``, so it says so (``Vary``); its JSON is kept per address on
the runtime, as the router's answers are (``dashboard/web/pagecache.py``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import dash
import flask
from dash import dcc, html
from dash._pages import _parse_query_string, _path_to_page
from dash._utils import to_json

from dashboard.web import pagecache
from dashboard.web.runtime import current

# Dash's page_container, by its ids (dash/dash.py): the router's outputs and the title's store.
LOCATION_ID = "_pages_location"
CONTENT_ID = "_pages_content"
STORE_ID = "_pages_store"
DUMMY_ID = "_pages_dummy"
REFERRER_META = '<meta name="referrer" content="same-origin">'
MEMO_NAME = "first-layout"
KEPT = pagecache.KEPT
MAX_REFERER_CHARS = 4096  # a longer address is no page's (the query guard refuses far less)


def opened_address(referer: str | None, host: str | None) -> tuple[str, str, str] | None:
    """(pathname, search, href) of the page whose renderer asks for the layout, from the
    request's ``Referer`` and ``Host``; None when it names no address of this server."""
    if not referer or len(referer) > MAX_REFERER_CHARS or not host:
        return None
    try:
        parts = urlsplit(referer)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.netloc != host or parts.fragment:
        return None
    search = f"?{parts.query}" if parts.query else ""
    return parts.path or "/", search, referer


def page_layout(app: dash.Dash, pathname: str, search: str) -> tuple[Any, str] | None:
    """The page and its title as the router would answer them for ``pathname`` and
    ``search`` (None for no page)."""
    page, path_variables = _path_to_page(app.strip_relative_path(pathname))
    if not page:
        return None
    layout, title = page.get("layout", ""), page["title"]
    if callable(layout):
        layout = layout(**{**(path_variables or {}), **_parse_query_string(search)})
    if callable(title):
        title = title(**(path_variables or {}))
    return layout, title


def container(
    pathname: str | None = None,
    search: str = "",
    href: str | None = None,
    content: Any = None,
    title: str | None = None,
):
    """Dash's page container; with an address, the page at that address already in it (and
    its title in the store Dash's title callback reads, which runs as the layout arrives)."""
    location = (
        dcc.Location(id=LOCATION_ID, refresh="callback-nav")
        if pathname is None
        else dcc.Location(
            id=LOCATION_ID, refresh="callback-nav", pathname=pathname, search=search, href=href, hash=""
        )
    )
    return html.Div(
        [
            location,
            html.Div(content, id=CONTENT_ID, disable_n_clicks=True),
            dcc.Store(id=STORE_ID) if title is None else dcc.Store(id=STORE_ID, data={"title": title}),
            html.Div(id=DUMMY_ID, disable_n_clicks=True),
        ]
    )


def first_layout(app: dash.Dash) -> Any:
    """The app's layout for the request being answered (see the module's docstring)."""
    if not flask.has_request_context():
        return container()  # Dash checks the layout at start-up, outside any request
    address = opened_address(flask.request.headers.get("Referer"), flask.request.host)
    if address is None:
        return container()
    pathname, search, href = address
    page = page_layout(app, pathname, search)
    if page is None:
        return container()
    content, title = page
    return container(pathname, search, href, content, title)


def kept_paths(paths) -> frozenset[str]:
    """The pages whose first layouts are kept, as ``paths`` names them."""
    return frozenset("/" + str(path).strip("/") for path in paths)


def serve(app: dash.Dash, kept_paths: frozenset[str]) -> flask.Response:
    """The layout's answer for this request, its JSON kept per address on the runtime for the
    pages in ``kept_paths`` (those whose router answers are kept), varying by ``Referer``."""
    address = opened_address(flask.request.headers.get("Referer"), flask.request.host)
    key = None if address is None else pagecache.address_key(address[0], address[1], kept_paths)

    def build() -> str:
        return to_json(app.get_layout())

    body = build() if key is None else current().memo.get(MEMO_NAME, (key, address), build, kept=KEPT)
    response = flask.Response(body, mimetype="application/json")
    response.headers["Vary"] = "Referer"
    return response

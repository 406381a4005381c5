"""What reaches a page or a callback from outside, made safe before the app's code sees it.

Two guards, installed on every app by ``create_app``:

* **Query strings.** Dash hands a page's ``layout(lang=None, **query)`` a *list* when a key
  is repeated (``?sector=arts&sector=publishing``), and a string otherwise. Every page
  parses strings, so :func:`normalise_query` turns each value into one bounded string first:
  a repeated key means its values together, as the comma-separated form the app writes
  itself (``sector=arts,publishing``; the same value twice counts once). :func:`guard_pages`
  wraps every registered page's layout with it, so no page has to remember.
* **Callback requests.** A body the app's callbacks cannot use (wrong types, missing fields,
  junk) must be answered with a 4xx, not with a 500 and a traceback:
  :func:`guard_callbacks` installs an error handler that answers such requests with a small
  JSON body and logs the details for the operator.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

import flask
from dash import Dash
from dash.exceptions import DashException
from werkzeug.exceptions import HTTPException

LOG = logging.getLogger(__name__)

MAX_VALUE_CHARS = 2000  # longer than any address the app writes (every municipality listed)
MAX_KEYS = 64  # the app's pages read fewer than 15 keys
CALLBACK_ROUTE = "_dash-update-component"
GUARDED = "__query_guarded__"  # marks a layout already wrapped (pages register once per app)

# Exceptions that a malformed or wrongly typed callback body raises in Dash's dispatch or in
# a callback: the request is at fault (400). Anything else is the server's (500), also
# without a traceback in the answer.
BAD_INPUT = (LookupError, TypeError, ValueError, AttributeError, DashException, UnicodeError)


def _clean(text: str) -> str:
    """Control characters (NUL, line breaks, escapes) removed and the length bounded: a value in
    the app's addresses is a code, a number or a short list of them."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    return text[:MAX_VALUE_CHARS]


def _one(value: object) -> str:
    if isinstance(value, list | tuple):
        parts: list[str] = []
        for item in value:
            text = _one(item)
            if text and text not in parts:
                parts.append(text)
        return _clean(",".join(parts))
    if value is None:
        return ""
    return _clean(value if isinstance(value, str) else str(value))


def normalise_query(query: Mapping[Any, object]) -> dict[str, str]:
    """Every value a bounded string (lists joined with commas, duplicates dropped); keys that
    are not strings, and keys past the first :data:`MAX_KEYS`, ignored."""
    clean: dict[str, str] = {}
    for key, value in query.items():
        if not isinstance(key, str) or len(clean) >= MAX_KEYS:
            continue
        clean[_clean(key)[:100]] = _one(value)
    return clean


def guarded_layout(layout: Callable[..., Any], path: str) -> Callable[..., Any]:
    """``layout`` called with a normalised query. Should the page still fail on what the
    address says, it is drawn as if the address said nothing (and the failure logged as an
    error, which the fuzz test checks never happens): a visitor never gets a blank page."""
    if getattr(layout, GUARDED, False):
        return layout

    @functools.wraps(layout)
    def guarded(**query: object) -> Any:
        clean = normalise_query(query)
        try:
            return layout(**clean)
        except Exception:
            LOG.exception("page %s could not be drawn for the query %r; drawn without it", path, clean)
            language = clean.get("lang")
            return layout(lang=language) if language else layout()

    setattr(guarded, GUARDED, True)
    return guarded


def guard_pages(registry: Mapping[str, dict]) -> None:
    """Wrap every registered page's layout (Dash's router reads ``page["layout"]`` on each
    request, and the tests reach layouts through ``dash.page_registry``)."""
    for page in registry.values():
        layout = page.get("layout")
        if callable(layout):
            page["layout"] = guarded_layout(layout, page.get("path", "?"))


def _bad_callback(error: Exception) -> tuple[flask.Response, int] | Exception:
    if isinstance(error, HTTPException):
        return error
    route = flask.request.path.endswith(CALLBACK_ROUTE)
    bad_input = route and isinstance(error, BAD_INPUT)
    # A client's junk is a warning (it must not page the operator); the server's own failure an error.
    LOG.log(
        logging.WARNING if bad_input else logging.ERROR,
        "%s %s failed (%s)",
        flask.request.method,
        flask.request.path,
        "bad input" if bad_input else "server error",
        exc_info=error,
    )
    if bad_input:
        return flask.jsonify(error="bad_request", message="The request could not be used."), 400
    return flask.jsonify(error="server_error", message="The request could not be answered."), 500


def guard_callbacks(app: Dash) -> None:
    """Answer exceptions with a small JSON body: 400 when a callback request's content was at
    fault, 500 otherwise; never a traceback (the log has it)."""
    app.server.register_error_handler(Exception, _bad_callback)

"""Answers of Dash's page router, kept per (page, query) on the runtime.

Opening a page costs its layout (tens of milliseconds of Python building components) and the
JSON of that layout (as much again): under many visitors that, not the data, is what limits a
server (``bench/bench_load.py``). The same address always gives the same page for the same data
and day, so the router's finished JSON answer is kept in a small LRU on the runtime
(``Runtime.memo``): an import installs a new runtime, and its cache starts empty.

Only pages whose layout depends on nothing but the data, the address and the date are kept;
pages that read files that change while the app runs (stories, the import history) are not.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from dash import Dash

from dashboard.web import query
from dashboard.web.runtime import current

PAGES_CONTENT = "_pages_content.children"  # the output of Dash's page router
KEPT = 64  # addresses kept per runtime (a layout's JSON is 10-250 KB)


def router_key(app: Dash) -> str | None:
    """The callback-map key of Dash's page router (registered with the first request)."""
    return next((key for key in app.callback_map if PAGES_CONTENT in key), None)


def _stamp(folder: Any) -> int:
    """A folder's modification time: changes when a file in it is added or replaced."""
    try:
        return folder.stat().st_mtime_ns
    except (OSError, AttributeError):
        return 0


def address_key(pathname: object, search: object, kept_paths: frozenset[str]) -> tuple | None:
    """What one router answer depends on, or None when the page is not kept."""
    if not isinstance(pathname, str) or not isinstance(search, str | None):
        return None
    path = "/" + pathname.strip("/")
    if path not in kept_paths:
        return None
    pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=True)
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    clean = query.normalise_query(grouped)
    settings = current().settings
    return (path, tuple(sorted(clean.items())), dt.date.today(), _stamp(settings.stories_folder))


def cache_router(app: Dash, paths: Iterable[str]) -> bool:
    """Keep the router's answers for ``paths``; False when the router is not registered yet."""
    key = router_key(app)
    if key is None:
        return False
    entry = app.callback_map[key]
    original: Callable[..., Any] = entry["callback"]
    if getattr(original, "__cim_cached__", False):
        return True
    kept_paths = frozenset("/" + p.strip("/") for p in paths)

    @functools.wraps(original)
    def cached(*args: Any, **kwargs: Any) -> Any:
        address = address_key(args[0], args[1], kept_paths) if len(args) >= 2 else None
        if address is None:
            return original(*args, **kwargs)
        return current().memo.get("page-router", address, lambda: original(*args, **kwargs), kept=KEPT)

    cached.__cim_cached__ = True  # type: ignore[attr-defined]
    entry["callback"] = cached
    return True

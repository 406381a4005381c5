"""Finished answers of the pure view callbacks, shared by every visitor, kept per runtime.

A filter change on the map page is about ten callback requests (the page state, then the map,
key figures, charts, badge, breadcrumb, table); under many visitors their Python -- analysis,
figure building and the JSON of the answer -- is what limits a server (``bench/bench_load.py``).
Visitors ask the same questions: a handful of sectors, three languages. So the finished JSON
answer of the callbacks in :data:`SHARED` is kept in a small LRU and served again to anyone
who sends the same request.

Why a kept answer is the right answer:

* **Only pure callbacks.** Each callback in :data:`SHARED` computes its answer from the
  request's input and state values and from the loaded data, nothing else: no files read or
  written, no clock, no cookie or header, no ``ctx.triggered_id`` (which ``changedPropIds``
  decides, and which the key leaves out). Everything with a side effect or a reader of changing
  files -- imports, story saving, exports and background jobs, the presentation (stories) --
  is absent and always runs; so does any callback not listed. The page router is shared only
  for the pages, and under the key, that :mod:`dashboard.web.pagecache` keeps their layouts by
  (address with its query normalised, day, stories folder's modification time).
* **Keyed by what the answer depends on.** The key is a hash of the body's ``output``,
  ``outputs``, ``inputs`` and ``state`` exactly as sent (only ``changedPropIds`` is left out),
  so two requests share an answer only when the callback receives the same arguments. For the
  router, the inputs (address and query) count as pagecache's key of them.
* **Per runtime.** The cache lives in the runtime's memo (``Runtime.memo``): an import, or
  another worker's import noticed by ``runtime.WATCH``, installs a new runtime whose cache
  starts empty, so no answer outlives the data it was computed from.
* **Only clean answers.** Only a 200 answer with a JSON body and no header of the callback's
  own (no cookie) is kept; a request that is not JSON, is large (over
  :data:`MAX_BODY_BYTES`), has a query string (background-callback polling) or an odd shape is
  never looked up and goes to Dash, whose errors are answered as always
  (``query.guard_callbacks``).
* **Bounded.** At most :data:`KEPT_ANSWERS` answers and :data:`KEPT_BYTES` bytes per worker;
  no single answer over :data:`MAX_ANSWER_BYTES`. An unseen request costs what it did before
  (plus a hash of its small body).

The answer is taken before Dash parses the request, by wrapping Dash's view of the callback
route, so Flask's hooks run as before: ``runtime.WATCH`` still checks for new data first. A kept
answer is compressed by Flask-Compress's own hook, as Dash's answers are (same encoding, same
headers), and the compressed body is kept beside it per ``Accept-Encoding``: compressing the map
page's layout costs more than everything else in serving it again. Identical requests arriving
together compute once; the others wait for that answer.

:func:`warm` builds the pages' answers before the first visitor (for a production server that
loads the app once and forks its workers, ``--preload``): a page's first layout costs 50-250 ms
of Python, and the first minute after a start would otherwise build them all at once.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import flask
from dash import Dash

from dashboard.components import beyond_ids as bid
from dashboard.components import ids
from dashboard.i18n import LANGUAGES
from dashboard.web import pagecache, runtime

CALLBACK_ROUTE = "_dash-update-component"
MEMO_NAME = "shared-answers"  # the runtime memo's cache that holds this runtime's answers
MAX_BODY_BYTES = 64 * 1024  # the map page's largest view request is ~3 KB
MAX_ANSWER_BYTES = 2 * 1024 * 1024  # larger answers are not worth the memory
KEPT_ANSWERS = 2000
KEPT_BYTES = 48 * 1024 * 1024  # per worker and runtime
BROWSER_ENCODING = "gzip, deflate, br"  # what Chromium and Firefox accept
PROFILE_PATH = "/profile"  # one page per municipality: the map and the comparison link to each
MAX_ACCEPT = 200  # longer Accept-Encoding headers get no compressed answer of their own
OWN_HEADERS = frozenset({"content-type", "content-length"})  # what Dash's answer carries itself


def _all(kind: str, key: str) -> str:
    """A pattern-matching id with ALL, as Dash spells it in a callback's output."""
    return json.dumps({key: ["ALL"], "type": kind}, sort_keys=True, separators=(",", ":"))


def _filter(name: str) -> str:
    """A filter's id, as Dash spells it in a callback's output."""
    return json.dumps(ids.filter_id(name), sort_keys=True, separators=(",", ":"))


# The callbacks whose answers are shared, each named by its outputs ("id.property"). Each is a
# function of its inputs, its states and the loaded data only (see the module's docstring).
SHARED: tuple[frozenset[str], ...] = tuple(
    frozenset(outputs)
    for outputs in (
        # The map page (dashboard/pages/explore.py): its state from the controls...
        (f"{ids.QUERY}.data", f"{ids.FILTER_STATE}.data", f"{ids.TABLE_STATE}.data"),
        # ...the map (a patch against the drawn view, which is a state of the request), its texts...
        (f"{ids.MAP}.figure", f"{ids.MAP_DRAWN}.data", f"{ids.MAP_ANSWER}.data"),
        (f"{ids.MAP_NOTICE}.children", f"{ids.MAP_SUMMARY}.children", f"{ids.MAP_LEGEND}.children"),
        # ...and the views beside it: key figures, charts, badge, breadcrumb and profile, table.
        (f"{_all(ids.KPI, 'name')}.children",),
        (f"{ids.SECTOR_CHART}.figure",),
        (f"{ids.SIZE_CHART}.figure",),
        (f"{ids.TIMELINE}.figure",),
        (f"{ids.DEMO_BADGE}.hidden",),
        (f"{ids.BREADCRUMB}.children", f"{ids.PROFILE}.children"),
        (f"{ids.TABLE_COUNT}.children",),
        (f"{ids.TABLE}.getRowsResponse", f"{ids.TABLE_COUNT}.children"),
        (f"{_filter('municipalities')}.options",),
        # The potential page (dashboard/pages/potential.py): weights, state and its views.
        (f"{ids.WEIGHTS}.data", f"{_all(ids.WEIGHT_SHARE, 'dimension')}.children"),
        (
            f"{ids.POTENTIAL_QUERY}.data",
            f"{ids.POTENTIAL_ANALYSIS_KEY}.data",
            f"{ids.POTENTIAL_DATA_KEY}.data",
        ),
        (f"{ids.POTENTIAL_MAP}.figure",),
        (f"{ids.RANKING}.children",),
        (f"{ids.BREAKDOWN}.figure",),
        (f"{ids.POTENTIAL_PROFILE}.children",),
        (f"{ids.POTENTIAL_NOTICE}.children",),
        (f"{ids.LQ_HEATMAP}.figure",),
        (f"{ids.POTENTIAL_LEVELS}.children",),
        (f"{bid.WHATIF_CHANGES}.children",),
        (f"{bid.WHATIF_RESULT}.children",),
    )
)


def outputs_of(callback_key: str) -> frozenset[str]:
    """``..a.b...c.d@hash..`` (or ``a.b``), a key of Dash's callback map -> {"a.b", "c.d"}."""
    parts = callback_key[2:-2].split("...") if callback_key.startswith("..") else [callback_key]
    return frozenset(part.split("@", 1)[0] for part in parts)


@dataclass(frozen=True)
class Rule:
    """How one shared callback's requests are keyed. By default the input values as sent; with
    ``inputs``, what that function makes of them instead (everything the answer depends on, as
    :func:`pagecache.address_key` for the router), and None from it means "do not keep"."""

    inputs: Callable[[list], Hashable | None] | None = None


Kept = tuple[str | None, bytes]  # an answer: its Content-Encoding (None: as Dash wrote it), its body


class Answers:
    """A least-recently-used map of request keys to answers, bounded in count and bytes."""

    def __init__(self, kept: int = KEPT_ANSWERS, kept_bytes: int = KEPT_BYTES) -> None:
        self._kept, self._kept_bytes = kept, kept_bytes
        self._table: OrderedDict[str, Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._table)

    @property
    def size(self) -> int:
        """Bytes of the kept answers."""
        return self._bytes

    def get(self, key: str, count: bool = True) -> Kept | None:
        with self._lock:
            found = self._table.get(key)
            if found is None:
                self.misses += count
                return None
            self._table.move_to_end(key)
            self.hits += count
            return found

    def put(self, key: str, answer: Kept) -> None:
        size = len(answer[1])
        if size > min(MAX_ANSWER_BYTES, self._kept_bytes):
            return
        with self._lock:
            old = self._table.pop(key, None)
            self._bytes -= len(old[1]) if old is not None else 0
            self._table[key] = answer
            self._bytes += size
            while len(self._table) > self._kept or self._bytes > self._kept_bytes:
                _, dropped = self._table.popitem(last=False)
                self._bytes -= len(dropped[1])

    @contextlib.contextmanager
    def computing(self, key: str) -> Iterator[None]:
        """Held while ``key``'s answer is computed: identical requests wait for it."""
        with self._lock:
            guard = self._computing.setdefault(key, threading.Lock())
        try:
            with guard:
                yield
        finally:
            with self._lock:
                if not guard.locked():
                    self._computing.pop(key, None)


def answers() -> Answers:
    """The current runtime's kept answers (a new runtime starts with none)."""
    return runtime.current().memo.get(MEMO_NAME, "answers", Answers, kept=1)


def _router_rule(paths: Iterable[str]) -> Rule:
    kept_paths = frozenset("/" + p.strip("/") for p in paths)

    def address(inputs: list) -> Hashable | None:
        values = {
            item.get("property"): item.get("value")
            for item in inputs
            if isinstance(item, dict) and item.get("id") == "_pages_location"
        }
        if set(values) != {"pathname", "search"} or len(inputs) != 2:
            return None
        return pagecache.address_key(values["pathname"], values["search"], kept_paths)

    return Rule(inputs=address)


def request_key(body: object, rule: Rule) -> str | None:
    """The key of a callback request's answer, or None when it is not to be kept."""
    if not isinstance(body, dict):
        return None
    output, outputs, inputs, state = (body.get(k) for k in ("output", "outputs", "inputs", "state"))
    if not (isinstance(output, str) and isinstance(outputs, dict | list) and isinstance(inputs, list)):
        return None
    if not isinstance(state, list | None):
        return None
    if rule.inputs is not None:
        inputs = rule.inputs(inputs)  # type: ignore[assignment]
        if inputs is None:
            return None
        inputs = repr(inputs)  # type: ignore[assignment]
    try:  # ASCII escapes: a lone surrogate from the JSON cannot break the encoding
        text = json.dumps([output, outputs, inputs, state or []], separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(text.encode("ascii"), digest_size=20).hexdigest()


def _keepable(response: object) -> bytes | None:
    """The body of Dash's answer when it may be served again, else None."""
    if not isinstance(response, flask.Response) or response.status_code != 200:
        return None
    if response.is_streamed or response.mimetype != "application/json":
        return None
    if any(name.lower() not in OWN_HEADERS for name, _ in response.headers.items()):
        return None  # a cookie or header of the callback's own belongs to one visitor
    return response.get_data()


def _answer(answer: Kept) -> flask.Response:
    """A kept answer, as Dash's dispatch returns it (then Flask-Compress) or already compressed."""
    encoding, body = answer
    response = flask.Response(body, status=200, content_type="application/json")
    if encoding is not None:
        response.headers["Content-Encoding"] = encoding  # Flask-Compress leaves it as it is
    return response


def _compressor(server: flask.Flask) -> Callable[[flask.Response], flask.Response] | None:
    """Flask-Compress's hook on ``server`` (Dash's ``compress=True``), if it has one."""
    for hook in server.after_request_funcs.get(None, []):
        if type(getattr(hook, "__self__", None)).__module__.startswith("flask_compress"):
            return hook
    return None


def _served(
    kept: Answers, key: str, compress: Callable[[flask.Response], flask.Response] | None, count: bool = True
) -> Any:
    """The kept answer to ``key`` for this request, or None. Compressing a large answer costs more
    than finding it (the map page's layout: ~30 ms for 270 KB), so the compressed body is kept
    too, per ``Accept-Encoding`` (browsers send the same one every time)."""
    accept = flask.request.headers.get("Accept-Encoding", "")
    variant = f"{key} {accept}" if compress is not None and accept and len(accept) <= MAX_ACCEPT else None
    if variant is not None:
        found = kept.get(variant, count=False)
        if found is not None:
            kept.hits += count
            return _answer(found)
    found = kept.get(key, count)
    if found is None:
        return None
    if variant is None or compress is None:
        return _answer(found)
    response = compress(_answer(found))
    encoding = response.headers.get("Content-Encoding")
    if encoding is not None:
        kept.put(variant, (encoding, response.get_data()))
    return response


def shared_rules(app: Dash, pages: Iterable[str] = ()) -> dict[str, Rule]:
    """The callbacks of ``app`` (by the ``output`` their requests name) whose answers are shared."""
    wanted = set(SHARED)
    rules = {key: Rule() for key in app.callback_map if outputs_of(key) in wanted}
    router = pagecache.router_key(app)
    if router is not None and pages:
        rules[router] = _router_rule(pages)
    return rules


def install(app: Dash, pages: Iterable[str] = ()) -> dict[str, Rule]:
    """Share the answers of :data:`SHARED` (and of the page router for ``pages``); the rules in
    force, by output. Call after Dash's first-request set-up (the callbacks are in place)."""
    rules = shared_rules(app, pages)
    compress = _compressor(app.server)
    endpoint = f"{app.config.routes_pathname_prefix}{CALLBACK_ROUTE}"
    view: Callable[..., Any] = app.server.view_functions[endpoint]
    if getattr(view, "__cim_shared__", False):
        view = view.__wrapped__  # type: ignore[attr-defined]

    @functools.wraps(view)
    def dispatch(*args: Any, **kwargs: Any) -> Any:
        request = flask.request
        length = request.content_length
        if request.args or length is None or length > MAX_BODY_BYTES:
            return view(*args, **kwargs)
        body = request.get_json(silent=True)  # kept on the request: Dash does not parse it again
        output = body.get("output") if isinstance(body, dict) else None
        rule = rules.get(output) if isinstance(output, str) else None
        key = request_key(body, rule) if rule is not None else None
        if key is None:
            return view(*args, **kwargs)
        kept = answers()
        found = _served(kept, key, compress)
        if found is not None:
            return found
        with kept.computing(key):
            found = _served(kept, key, compress, count=False)  # computed meanwhile by an identical request
            if found is not None:
                return found
            response = view(*args, **kwargs)
            data = _keepable(response)
            if data is not None:
                kept.put(key, (None, data))
            return response

    dispatch.__cim_shared__ = True  # type: ignore[attr-defined]
    app.server.view_functions[endpoint] = dispatch
    return rules


def router_body(pathname: str, search: str) -> dict:
    """The page router's request for an address, as Dash's renderer sends it."""
    return {
        "output": f"..{pagecache.PAGES_CONTENT}..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
        "state": [],
    }


def warm(app: Dash, pages: Iterable[str], encodings: Iterable[str] = (BROWSER_ENCODING,)) -> int:
    """Keep the answers of ``pages`` at their plain address, without a language and in each (the
    profile: of every municipality), also compressed for ``encodings``; how many were built.

    For the production entry (``dashboard.web.wsgi``): with ``gunicorn --preload`` the workers
    are forked from the process that built them, so every worker starts with them. Not for
    ``create_app`` itself: tests create many apps and open few pages."""
    client = app.server.test_client()
    route = f"{app.config.routes_pathname_prefix}{CALLBACK_ROUTE}"
    codes = [str(code) for code in runtime.current().data.municipalities.index]
    built = 0
    for path in pages:
        queries: list[dict[str, str]] = [{}]
        if "/" + path.strip("/") == PROFILE_PATH:
            queries = [{"municipality": code} for code in codes]
        for language in (None, *LANGUAGES):
            for query in queries:
                search = urlencode({"lang": language, **query} if language else query)
                body = router_body(path, f"?{search}" if search else "")
                for encoding in ("", *encodings):  # the answer, then its compressed forms
                    client.post(route, json=body, headers={"Accept-Encoding": encoding})
                built += 1
    return built

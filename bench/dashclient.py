"""A small HTTP client that talks to the app as Dash's renderer in a browser does.

Used by ``bench/bench_load.py`` and ``tests/test_service.py``. It reads the app's own callback
list (``/_dash-dependencies``) and a page's layout (the page router's answer), keeps the
properties of every component, and runs a server callback chain: a changed property, then every
callback fed by what the previous ones returned. So a load test follows the pages as they are
today, without hard-coded callback ids or payloads.
"""

from __future__ import annotations

import gzip
import http.client
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

CALLBACK = "/_dash-update-component"
ROUTER_OUTPUT = "_pages_content.children"
try:  # what Chromium accepts, so the server compresses as it would for a browser
    import brotli

    ACCEPT_ENCODING = "gzip, deflate, br"
except ImportError:  # pragma: no cover - brotli comes with the app's dependencies
    brotli = None
    ACCEPT_ENCODING = "gzip, deflate"
ALL = ["ALL"]
# Clientside callbacks that hand on the state of their first input (the map page's views
# follow the map's answer through these once it is drawn, assets/map_first.js): the client
# does the same at once, so a chain reaches every server view as the browser's does. Any other
# clientside callback is left out.
PASS_ON = frozenset({"creativeMapFirst"})


@dataclass
class Timed:
    """One HTTP request: what was asked, how it ended, how long it took."""

    kind: str
    status: int
    seconds: float
    error: str = ""


class Connection:
    """One keep-alive HTTP/1.1 connection (a browser tab's), reconnecting when the server closed it."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self._connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        headers = {"Accept-Encoding": ACCEPT_ENCODING, "Connection": "keep-alive"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self._connection.request(method, path, body=data, headers=headers)
                response = self._connection.getresponse()
                payload = response.read()
                encoding = response.getheader("Content-Encoding")
                if encoding == "gzip":
                    payload = gzip.decompress(payload)
                elif encoding == "br" and brotli is not None:
                    payload = brotli.decompress(payload)
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, payload
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt:
                    raise
        raise RuntimeError("unreachable")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _id_key(component_id: Any) -> str:
    return (
        json.dumps(component_id, sort_keys=True, separators=(",", ":"))
        if isinstance(component_id, dict)
        else str(component_id)
    )


def _parse_id(text: str) -> Any:
    return json.loads(text) if text.startswith("{") else text


def _matches(pattern: dict, component_id: Any) -> bool:
    if not isinstance(component_id, dict) or set(pattern) != set(component_id):
        return False
    return all(
        value == ALL or value == component_id[key] for key, value in pattern.items() if value != ["MATCH"]
    )


def split_outputs(output: str) -> list[tuple[str, str]]:
    """``..a.b...c.d..`` (or ``a.b``) -> [(id text, property)], ``@hash`` suffixes dropped."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    pairs = []
    for part in parts:
        component, prop = part.rsplit(".", 1)
        pairs.append((component, prop.split("@", 1)[0]))
    return pairs


@dataclass
class Page:
    """The components of one page (id -> properties), as the layout delivered them."""

    props: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_layout(cls, layout: Any) -> Page:
        page = cls()
        for component in _components(layout):
            props = component.get("props", {})
            if "id" in props:
                key = _id_key(props["id"])
                page.ids[key] = props["id"]
                page.props[key] = {k: v for k, v in props.items() if k != "children"}
        return page

    def matching(self, id_text: str) -> list[Any]:
        wanted = _parse_id(id_text)
        if isinstance(wanted, dict) and any(v in (ALL, ["MATCH"]) for v in wanted.values()):
            return [i for i in self.ids.values() if _matches(wanted, i)]
        return [wanted] if _id_key(wanted) in self.props else []

    def value(self, component_id: Any, prop: str) -> Any:
        return self.props.get(_id_key(component_id), {}).get(prop)

    def set(self, component_id: Any, prop: str, value: Any) -> None:
        self.props.setdefault(_id_key(component_id), {})[prop] = value
        self.ids.setdefault(_id_key(component_id), component_id)


def _components(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        if "props" in node and "type" in node:
            yield node
            for value in node["props"].values():
                yield from _components(value)
        else:
            for value in node.values():
                yield from _components(value)
    elif isinstance(node, list):
        for item in node:
            yield from _components(item)


class App:
    """The app's callbacks, read once from ``/_dash-dependencies``."""

    def __init__(self, dependencies: list[dict]) -> None:
        self.callbacks = [d for d in dependencies if not d.get("clientside_function")]
        self.passes = [
            d for d in dependencies if (d.get("clientside_function") or {}).get("namespace") in PASS_ON
        ]
        router = [d for d in self.callbacks if ROUTER_OUTPUT in d["output"]]
        if not router:
            raise RuntimeError("no page router among the callbacks (is this a Dash pages app?)")
        self.router = router[0]

    @classmethod
    def fetch(cls, connection: Connection) -> App:
        status, body = connection.request("GET", "/_dash-dependencies")
        if status != 200:
            raise RuntimeError(f"/_dash-dependencies answered {status}")
        return cls(json.loads(body))

    def router_body(self, pathname: str, search: str) -> dict:
        outputs = [{"id": c, "property": p} for c, p in split_outputs(self.router["output"])]
        return {
            "output": self.router["output"],
            "outputs": outputs,
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": pathname},
                {"id": "_pages_location", "property": "search", "value": search},
            ],
            "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
            "state": [],
        }

    def body(self, callback: dict, page: Page, changed: list[str]) -> dict:
        """The request Dash's renderer would send for ``callback`` with ``page``'s values."""

        def specs(items: list[dict], with_values: bool) -> list:
            out = []
            for item in items:
                found = page.matching(item["id"])
                entries = [
                    {"id": i, "property": item["property"]}
                    | ({"value": page.value(i, item["property"])} if with_values else {})
                    for i in found
                ]
                pattern = item["id"].startswith("{") and "[" in item["id"]
                out.append(entries if pattern else (entries[0] if entries else None))
            return out

        outputs = [{"id": c, "property": p} for c, p in split_outputs(callback["output"])]
        output_specs = specs(outputs, with_values=False)
        body = {
            "output": callback["output"],
            "outputs": output_specs if len(output_specs) > 1 else output_specs[0],
            "inputs": specs(callback["inputs"], with_values=True),
            "changedPropIds": changed,
            "state": specs(callback.get("state", []), with_values=True),
        }
        return body

    def pass_on(self, changed: set[str], page: Page) -> set[str]:
        """Run the pass-on callbacks fed by ``changed`` in ``page``: what they changed."""
        passed: set[str] = set()
        for callback in self.fed_by(changed, page, self.passes):
            source = callback["inputs"][0]
            target_id, target_prop = split_outputs(callback["output"])[0]
            found = page.matching(source["id"])
            targets = page.matching(target_id)
            if found and targets:
                value = page.value(found[0], source["property"])
                if isinstance(value, dict) and "query" in value:
                    value = value["query"]  # the map's answer: the state it is for
                page.set(targets[0], target_prop, value)
                passed.add(f"{_id_key(targets[0])}.{target_prop}")
        return passed

    def fed_by(self, changed: set[str], page: Page, among: list[dict] | None = None) -> list[dict]:
        """Server callbacks (or those ``among``) with an input among ``changed`` whose components
        are on ``page``."""
        found = []
        for callback in self.callbacks if among is None else among:
            if callback is self.router:
                continue
            for item in callback["inputs"]:
                ids = page.matching(item["id"])
                if any(f"{_id_key(i)}.{item['property']}" in changed for i in ids):
                    found.append(callback)
                    break
        return found

    def complete(self, callback: dict, page: Page) -> bool:
        """Are all the callback's non-pattern inputs, states and outputs on the page?"""
        items = [*callback["inputs"], *callback.get("state", [])]
        items += [{"id": c, "property": p} for c, p in split_outputs(callback["output"])]
        return all(page.matching(i["id"]) or i["id"].startswith("{") for i in items)


def apply(page: Page, answer: dict) -> set[str]:
    """Put a callback's answer into ``page``; the changed ``id.prop`` names (Patch answers,
    which only a browser can apply, count as changed without a value)."""
    changed: set[str] = set()
    for id_text, props in (answer.get("response") or {}).items():
        component_id = _parse_id(id_text)
        for prop, value in props.items():
            if not (isinstance(value, dict) and "__dash_patch_update" in value):
                page.set(component_id, prop, value)
            changed.add(f"{_id_key(component_id)}.{prop}")
    return changed


def timed(connection: Connection, kind: str, method: str, path: str, body: Any = None) -> tuple[Timed, bytes]:
    started = time.perf_counter()
    try:
        status, payload = connection.request(method, path, body)
        error = "" if status == 200 else payload[:200].decode("utf-8", "replace")
    except Exception as exc:  # a refused or reset connection is an error of the run, not a crash
        status, payload, error = 0, b"", f"{type(exc).__name__}: {exc}"
    return Timed(kind, status, time.perf_counter() - started, error), payload


def open_page(connection: Connection, app: App, path: str, search: str) -> tuple[list[Timed], Page | None]:
    """The page's HTML, then its layout from the router (what a browser asks for on each visit
    once it holds the scripts)."""
    html, _ = timed(connection, "page", "GET", path + search)
    layout, payload = timed(connection, "page", "POST", CALLBACK, app.router_body(path, search))
    page = None
    if layout.status == 200:
        answer = json.loads(payload)
        page = Page.from_layout(answer["response"]["_pages_content"]["children"])
    return [html, layout], page


def run_chain(
    connection: Connection, app: App, page: Page, changed: set[str], kind: str = "filter", limit: int = 20
) -> list[Timed]:
    """Every server callback fed by ``changed``, then by what those returned, once each, in
    the order Dash's renderer reaches them."""
    results: list[Timed] = []
    done: set[int] = set()
    wave = changed
    while wave and len(done) < limit:
        wave = wave | app.pass_on(wave, page)
        callbacks = [c for c in app.fed_by(wave, page) if id(c) not in done and app.complete(c, page)]
        trigger, wave = sorted(wave), set()
        for callback in callbacks:
            done.add(id(callback))
            request, payload = timed(connection, kind, "POST", CALLBACK, app.body(callback, page, trigger))
            results.append(request)
            if request.status == 200 and payload:
                wave |= apply(page, json.loads(payload))
    return results


def end_id(index_html: bytes) -> str:
    """The page load's token from the HTML's ``_dash-config`` (background callbacks need it)."""
    text = index_html.decode("utf-8", "replace")
    start = text.index('id="_dash-config"')
    start = text.index(">", start) + 1
    config = json.loads(text[start : text.index("</script>", start)])
    return config.get("end_id", "")


def run_background(
    connection: Connection, body: dict, token: str, timeout: float = 180.0, interval: float = 0.5
) -> dict:
    """Start a background callback and poll for its answer as the renderer does: the same
    request again with the job's handles in the address and the input values left out."""
    from urllib.parse import urlencode

    status, payload = connection.request("POST", f"{CALLBACK}?{urlencode({'endId': token})}", body)
    if status != 200:
        raise RuntimeError(f"starting the job answered {status}: {payload[:200]!r}")
    handles = json.loads(payload)
    if "response" in handles:  # answered at once (e.g. from a cache)
        return handles
    polled = json.loads(json.dumps(body))
    for group in ("inputs", "state"):
        for item in polled.get(group, []):
            for entry in item if isinstance(item, list) else [item]:
                if isinstance(entry, dict):
                    entry["value"] = None
    address = f"{CALLBACK}?" + urlencode(
        {"endId": token, "cacheKey": handles["cacheKey"], "job": handles["job"]}
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(interval)
        status, payload = connection.request("POST", address, polled)
        if status == 200 and payload:
            answer = json.loads(payload)
            if "response" in answer:
                return answer
        elif status not in (200, 204):
            raise RuntimeError(f"polling the job answered {status}: {payload[:200]!r}")
    raise TimeoutError("the background job gave no answer in time")

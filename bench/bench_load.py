"""Issue 12 load target: many visitors at once, against the documented production command.

The server is started exactly as the README says (:data:`PRODUCTION`, gunicorn with two
workers of four threads) on the demo data, on loopback. Then :data:`USERS` simulated visitors
act for :data:`SECONDS` (15 with ``--quick``), each about every 3 s (uniformly 2-4 s apart),
half of the actions opening a page and half changing a filter on the map page:

* **page open**: the page's HTML and its layout from Dash's page router (what a browser asks
  for on every visit once it holds the scripts), for the map, potential, profile (any of the
  municipalities), comparison and methodology pages, in any of the three languages;
* **filter change**: the map page's sector filter set to one or two random sectors, then every
  server callback that change feeds, in the order Dash's renderer sends them (the state
  callback, then the map, key figures, charts, table...). The callbacks and their payloads are
  read from the running app (``/_dash-dependencies`` and the page's layout, see
  ``bench/dashclient.py``), so the load follows the map page as it is.

Reported: p50 and p95 of the requests of each kind (target p95 <= 300 ms), the errors (target
0; any status but 200, or a refused connection), and the request and action rates reached.

    python bench/run.py --only load [--quick]
    python bench/bench_load.py [--quick] [--users N] [--seconds S] [--port P]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import Figure  # noqa: E402
from bench.dashclient import App, Connection, Page, Timed, open_page, run_chain  # noqa: E402

# The production command of the README, without its address (the bench picks a free port).
PRODUCTION = ["gunicorn", "-w", "2", "--threads", "4", "--preload", "dashboard.web.wsgi:server"]
USERS = 100
SECONDS = 60
QUICK_SECONDS = 15
PERIOD_S = (2.0, 4.0)  # time between one visitor's actions
TARGET_P95_MS = 300.0
PAGES = ("/", "/potential", "/profile", "/compare", "/methodology")
LANGUAGES = ("sr-Latn", "sr-Cyrl", "en")
FILTER_TYPE = "filter"  # dashboard.components.ids.FILTER
FILTERED = "sectors"  # the filter a visitor changes


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _municipalities() -> list[str]:
    lines = (ROOT / "data" / "reference" / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    return [line.split(",", 1)[0] for line in lines[1:] if line]


@contextlib.contextmanager
def production_server(port: int, command: list[str] = PRODUCTION, env: dict | None = None) -> Iterator[str]:
    """The production command on ``port`` with the demo data (no store); stopped at the end."""
    with tempfile.TemporaryDirectory(prefix="cim-load-") as folder:
        environment = {
            **os.environ,
            "CIM_STORE": str(Path(folder) / "none.gpkg"),  # no store: the demo data
            "CIM_JOBS_DIR": str(Path(folder) / "jobs"),
            **(env or {}),
        }
        environment.pop("DATABASE_URL", None)
        executable = [sys.executable, "-m", command[0]]
        process = subprocess.Popen(
            [*executable, *command[1:], "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(folder) / "server.log", "wb"),  # noqa: SIM115 - closed with the folder
        )
        try:
            _wait_healthy(port, process, Path(folder) / "server.log")
            yield f"http://127.0.0.1:{port}"
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_healthy(port: int, process: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    connection = Connection("127.0.0.1", port, timeout=5)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _ = connection.request("GET", "/health")
            if status == 200:
                connection.close()
                return
        connection.close()
        time.sleep(0.3)
    raise RuntimeError("the server did not become healthy in time")


class Visitor(threading.Thread):
    """One simulated visitor: an action every 2-4 s until ``until``."""

    def __init__(self, number: int, port: int, app: App, until: float, codes: list[str]) -> None:
        super().__init__(name=f"visitor-{number}", daemon=True)
        self.random = random.Random(number)
        self.connection = Connection("127.0.0.1", port)
        self.app, self.until, self.codes = app, until, codes
        self.results: list[Timed] = []
        self.actions = 0
        self.explore: Page | None = None

    def run(self) -> None:
        wake = time.monotonic() + self.random.uniform(0, PERIOD_S[1])  # arrivals spread out
        while True:
            time.sleep(max(0.0, wake - time.monotonic()))
            if time.monotonic() >= self.until:
                break
            if self.random.random() < 0.5:
                self.open_a_page()
            else:
                self.change_a_filter()
            self.actions += 1
            wake += self.random.uniform(*PERIOD_S)
        self.connection.close()

    def open_a_page(self) -> None:
        path = self.random.choice(PAGES)
        query = [f"lang={self.random.choice(LANGUAGES)}"]
        if path == "/profile":
            query.append(f"municipality={self.random.choice(self.codes)}")
        timings, _ = open_page(self.connection, self.app, path, "?" + "&".join(query))
        self.results += timings

    def change_a_filter(self) -> None:
        if self.explore is None:  # the first time, the visitor opens the map page
            timings, self.explore = open_page(self.connection, self.app, "/", "")
            self.results += timings
            if self.explore is None:
                return
        target = {"name": FILTERED, "type": FILTER_TYPE}
        options = self.explore.value(target, "options") or []
        values = [o["value"] if isinstance(o, dict) else o for o in options]
        if not values:
            raise RuntimeError("the map page has no sector filter with options: update FILTERED")
        chosen = self.random.sample(values, k=min(len(values), self.random.choice((1, 2))))
        self.explore.set(target, "value", chosen)
        changed = {json.dumps(target, sort_keys=True, separators=(",", ":")) + ".value"}
        self.results += run_chain(self.connection, self.app, self.explore, changed)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(port: int, users: int, seconds: float) -> dict:
    """Run the visitors against the server on ``port``; the raw results by kind."""
    connection = Connection("127.0.0.1", port)
    app = App.fetch(connection)
    connection.close()
    codes = _municipalities()
    started = time.monotonic()
    visitors = [Visitor(n, port, app, started + seconds, codes) for n in range(users)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join(timeout=seconds + 120)
    elapsed = time.monotonic() - started
    results = [r for v in visitors for r in v.results]
    summary: dict = {
        "elapsed_s": elapsed,
        "actions": sum(v.actions for v in visitors),
        "requests": len(results),
    }
    for kind in ("page", "filter"):
        ok = [r.seconds * 1000 for r in results if r.kind == kind and r.status == 200]
        failed = [r for r in results if r.kind == kind and r.status != 200]
        summary[kind] = {
            "requests": len(ok) + len(failed),
            "p50_ms": statistics.median(ok) if ok else float("nan"),
            "p95_ms": _percentile(ok, 0.95),
            "errors": len(failed),
            "examples": sorted({f"{r.status} {r.error[:120]}" for r in failed})[:5],
        }
    return summary


def figures(summary: dict, users: int, seconds: float) -> list[Figure]:
    label = f"{users} users, an action every ~3 s, {seconds:g} s, gunicorn -w 2 --threads 4"
    out = []
    for kind, name in (("page", "page opens"), ("filter", "filter changes")):
        part = summary[kind]
        out += [
            Figure(f"load: {name} p50 ({label})", part["p50_ms"], "ms", None),
            Figure(f"load: {name} p95 ({label})", part["p95_ms"], "ms", TARGET_P95_MS),
            Figure(f"load: {name} errors ({label})", part["errors"], "requests", 0),
        ]
    out += [
        Figure(
            f"load: requests answered per second ({label})",
            summary["requests"] / summary["elapsed_s"],
            "1/s",
            None,
            lower_is_better=False,
        ),
        Figure(
            f"load: visitor actions per second ({label})",
            summary["actions"] / summary["elapsed_s"],
            "1/s",
            None,
            lower_is_better=False,
        ),
    ]
    return out


def run(
    quick: bool = False, users: int = USERS, seconds: float | None = None, port: int | None = None
) -> list[Figure]:
    seconds = seconds or (QUICK_SECONDS if quick else SECONDS)
    port = port or _free_port()
    with production_server(port):
        summary = measure(port, users, seconds)
    for kind in ("page", "filter"):
        for example in summary[kind]["examples"]:
            print(f"# {kind} error: {example}", file=sys.stderr)
    return figures(summary, users, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SECONDS} s instead of {SECONDS} s")
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--port", type=int, help="port for the server (default: a free one)")
    args = parser.parse_args()
    for figure in run(args.quick, args.users, args.seconds, args.port):
        print(figure.as_json(), flush=True)


if __name__ == "__main__":
    main()

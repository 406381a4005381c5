"""Serving many users (issue 12), with the real production command: gunicorn with two workers,
started as the README says, a real GeoPackage or PostGIS store, a real Redis and Celery worker.

* ``/health`` answers JSON (200 or 503); an address that is no page answers 404.
* The very first requests, arriving together, all succeed.
* An import committed anywhere reaches every worker within about two seconds.
* Profile exports run as background jobs: one render at a time ("busy" answer), and through
  Celery + Redis when ``REDIS_URL`` is set.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from test_store import postgis_url, postgres_server  # noqa: F401 - the PostGIS fixtures

from bench.bench_load import PRODUCTION
from bench.dashclient import App, Connection, end_id, run_background, split_outputs
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.config import PROJECT_ROOT, Settings
from dashboard.i18n import translate
from dashboard.outputs.rendering import render_slot

HEADER = "Matični broj,Poslovno ime,Šifra delatnosti,Opština,Mesto,Broj zaposlenih,Godina osnivanja\n"
ROWS = "92000001,Prvi studio,5911,Niš,,4,2015\n92000002,Drugi atelje,3212,Pirot,Pirot,2,2018\n"
MORE = "92000003,Treći biro,7111,Blace,,1,2020\n"
AGREE_WITHIN_S = 2.5  # the issue: "within a second or two" (checks at most once a second + reload)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn_missing() -> str | None:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return "needs gunicorn (pip install -e '.[test]')"
    return None


@pytest.fixture
def needs_gunicorn():
    missing = _gunicorn_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)


@contextlib.contextmanager
def production(env: dict[str, str], folder: Path, wait: bool = True):
    """The README's production command on a free port, with ``env``; stopped at the end."""
    port = _free_port()
    environment = {**os.environ, "CIM_JOBS_DIR": str(folder / "jobs"), **env}
    if "DATABASE_URL" not in env:
        environment.pop("DATABASE_URL", None)
    log = open(folder / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", *PRODUCTION, "-b", f"127.0.0.1:{port}"],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        if wait:
            _wait_for(port, process, folder / f"gunicorn-{port}.log")
        yield port, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for(port: int, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")[-3000:]
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise AssertionError(f"the server did not listen in time: {log.read_text(errors='replace')[-3000:]}")


def _health(port: int) -> tuple[int, dict]:
    """One /health on a new connection (so the two workers take turns answering)."""
    connection = Connection("127.0.0.1", port, timeout=10)
    try:
        status, body = connection.request("GET", "/health")
    finally:
        connection.close()
    return status, json.loads(body)


def _wait_healthy(port: int, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            status, body = _health(port)
            if status == 200:
                return body
        time.sleep(0.3)
    raise AssertionError("the server did not become healthy")


# ----------------------------------------------------------------------------- in process


def test_health_answers_json_and_unknown_addresses_are_404(tmp_path):
    app = create_app(Settings(store_path=tmp_path / "store.gpkg"))
    client = app.server.test_client()
    response = client.get("/health")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["data"]["loaded"] is True and body["data"]["rows"] > 0
    assert body["store"] == {"kind": "geopackage", "reachable": True, "generation": "", "reloading": False}
    assert body["version"] and body["version"] != "unknown"
    for path in ("/nope", "/health/", "/profile/extra", "/wp-login.php"):
        assert client.get(path).status_code == 404, path
    for path in ("/", "/potential", "/profile?municipality=pirot", "/methodology", "/import"):
        assert client.get(path).status_code == 200, path


def test_health_is_503_when_the_store_cannot_be_reached():
    port = _free_port()  # nothing listens there
    app = create_app(Settings(database_url=f"postgresql://nobody@127.0.0.1:{port}/none"))
    response = app.server.test_client().get("/health")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["store"]["kind"] == "postgis" and body["store"]["reachable"] is False
    assert "nobody" not in response.get_data(as_text=True)  # no credentials or addresses


def test_a_render_slot_is_refused_while_another_process_holds_it(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from dashboard.outputs.rendering import "
            "render_slot\nwith render_slot(Path(sys.argv[1]), 1) as free:\n print(free, flush=True)\n"
            " time.sleep(60)",
            str(tmp_path),
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "True"
        with render_slot(tmp_path, 1) as free:
            assert free is False
        with render_slot(tmp_path, 2) as free:  # a second slot is free
            assert free is True
    finally:
        holder.kill()
        holder.wait()
    with render_slot(tmp_path, 1) as free:  # the kernel released the dead holder's lock
        assert free is True


# ----------------------------------------------------------------------------- gunicorn


def test_the_first_requests_arriving_together_all_succeed(tmp_path, needs_gunicorn):
    """Twenty requests as the very first ones (page HTML, layout, the page router's callback):
    Dash finishes an app on its first request, and used to answer some of these with
    "Callback function not found"."""
    router = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/methodology"},
            {"id": "_pages_location", "property": "search", "value": "?lang=en"},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    requests = [("POST", "/_dash-update-component", router)] * 12 + [
        ("GET", "/_dash-layout", None),
        ("GET", "/_dash-dependencies", None),
        ("GET", "/profile?municipality=pirot", None),
        ("GET", "/", None),
    ] * 2
    env = {"CIM_STORE": str(tmp_path / "none.gpkg")}
    with production(env, tmp_path) as (port, _process):

        def send(request) -> tuple[int, bytes]:
            method, path, body = request
            connection = Connection("127.0.0.1", port, timeout=120)
            try:
                return connection.request(method, path, body)
            finally:
                connection.close()

        with concurrent.futures.ThreadPoolExecutor(len(requests)) as pool:
            answers = list(pool.map(send, requests))
    failed = [(status, body[:200]) for status, body in answers if status != 200]
    assert not failed
    for (method, _, _), (_, body) in zip(requests, answers, strict=True):
        if method == "POST":
            assert json.loads(body)["response"]["_pages_content"]["children"]


def _import(store_args: list[str], rows: str, folder: Path) -> None:
    source = folder / f"import-{time.monotonic_ns()}.csv"
    source.write_text(HEADER + rows, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "import",
            str(source),
            *store_args,
            "--report",
            str(folder / "r.csv"),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _workers(port: int, count: int = 2, timeout: float = 30) -> set[int]:
    """The server's worker processes, seen answering /health on new connections."""
    seen: set[int] = set()
    deadline = time.monotonic() + timeout
    while len(seen) < count and time.monotonic() < deadline:
        seen.add(_health(port)[1]["worker"])
    assert len(seen) == count, f"only workers {seen} answered"
    return seen


def _all_workers_show(port: int, workers: set[int], rows: int, timeout: float) -> float:
    """Seconds until the latest answer of every worker shows ``rows`` enterprises (then 48
    more answers must all show them)."""
    started = time.monotonic()
    latest: dict[int, int] = {}
    while time.monotonic() - started < timeout:
        body = _health(port)[1]
        latest[body["worker"]] = body["data"]["rows"]
        if set(latest) == workers and all(r == rows for r in latest.values()):
            elapsed = time.monotonic() - started
            assert all(_health(port)[1]["data"]["rows"] == rows for _ in range(48))
            return elapsed
    raise AssertionError(f"not every worker showed {rows} enterprises within {timeout} s: {latest}")


@pytest.mark.parametrize("kind", ["geopackage", "postgis"])
def test_every_worker_sees_a_committed_import(kind, tmp_path, request, needs_gunicorn):
    if kind == "geopackage":
        store = tmp_path / "store" / "enterprises.gpkg"
        env, store_args = {"CIM_STORE": str(store)}, ["--store", str(store)]
    else:
        url = request.getfixturevalue("postgis_url")
        env, store_args = {"DATABASE_URL": url}, ["--database-url", url]
    _import(store_args, ROWS, tmp_path)  # the store holds 2 before the server starts
    with production(env, tmp_path) as (port, _process):
        first = _wait_healthy(port)
        assert first["data"]["rows"] == 2
        before = first["data"]["generation"]
        assert before
        workers = _workers(port)
        _import(store_args, MORE, tmp_path)  # a third, committed by another process
        elapsed = _all_workers_show(port, workers, 3, timeout=20)
        print(f"{kind}: every worker showed the import after {elapsed:.2f} s")
        assert elapsed <= AGREE_WITHIN_S
        assert _health(port)[1]["data"]["generation"] != before


# ----------------------------------------------------------------------------- exports


def _export(port: int, municipality: str = "pirot", language: str = "en") -> dict:
    """Click "Download PDF" on the profile page as the browser does; the callback's answer."""
    connection = Connection("127.0.0.1", port, timeout=60)
    try:
        status, html = connection.request("GET", f"/profile?municipality={municipality}&lang={language}")
        assert status == 200
        status, dependencies = connection.request("GET", "/_dash-dependencies")
        callback = next(
            c for c in App(json.loads(dependencies)).callbacks if pid.PROFILE_DOWNLOAD in c["output"]
        )
        body = {
            "output": callback["output"],
            "outputs": [{"id": i, "property": p} for i, p in split_outputs(callback["output"])],
            "inputs": [
                {"id": pid.PROFILE_PDF, "property": "n_clicks", "value": 1},
                {"id": pid.PROFILE_PNG, "property": "n_clicks", "value": 0},
            ],
            "changedPropIds": [f"{pid.PROFILE_PDF}.n_clicks"],
            "state": [
                {"id": pid.PROFILE_PICK, "property": "value", "value": municipality},
                {"id": pid.PROFILE_LANGUAGE, "property": "data", "value": language},
                {"id": ids.PROFILE_DEFINITION, "property": "value", "value": None},
            ],
        }
        return run_background(connection, body, end_id(html), timeout=240)
    finally:
        connection.close()


def _download(answer: dict) -> dict | None:
    return answer["response"].get(pid.PROFILE_DOWNLOAD, {}).get("data")


def _status_text(answer: dict) -> str:
    return json.dumps(answer["response"], ensure_ascii=False)


def test_an_export_while_another_renders_is_answered_busy(tmp_path, needs_gunicorn):
    """The embedded background jobs (diskcache): with the machine's one render slot taken, a
    click is told, in the reader's language, to try again; nothing is rendered."""
    env = {"CIM_STORE": str(tmp_path / "none.gpkg"), "CIM_EXPORT_SLOTS": "1"}
    with production(env, tmp_path) as (port, _process):
        _wait_healthy(port)
        with render_slot(tmp_path / "jobs", 1) as free:  # another render holds the slot
            assert free
            answer = _export(port, language="en")
        assert translate("profile_page.export.busy", "en") in _status_text(answer)
        assert _download(answer) is None  # nothing rendered


def _redis_missing() -> str | None:
    if shutil.which("redis-server") is None:
        return "needs redis-server (apt-get install redis-server)"
    try:
        import celery  # noqa: F401
        import redis  # noqa: F401
    except ImportError:
        return "needs celery and redis (pip install -e '.[test]')"
    return None


@pytest.fixture
def redis_url(tmp_path):
    """A throw-away redis-server on a free port, without persistence; stopped at the end."""
    missing = _redis_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Celery test cannot run in CI: {missing}")
        pytest.skip(missing)
    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="cim-redis-"))
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, server, folder / "none.log", timeout=30)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists() and os.environ.get("CI") != "true", reason="needs chromium"
)
def test_an_export_runs_on_a_celery_worker_through_redis(tmp_path, redis_url, needs_gunicorn):
    """With REDIS_URL, the export is a Celery task: the web server only queues it, a worker
    started with the README's command renders the PDF and the browser collects it."""
    env = {"CIM_STORE": str(tmp_path / "none.gpkg"), "REDIS_URL": redis_url}
    environment = {**os.environ, "CIM_JOBS_DIR": str(tmp_path / "jobs"), **env}
    environment.pop("DATABASE_URL", None)
    log = open(tmp_path / "celery.log", "wb")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "dashboard.web.wsgi:celery_app",
            "worker",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        with production(env, tmp_path) as (port, _process):
            _wait_healthy(port)
            answer = _export(port, language="en")
        text = _status_text(answer)
        download = _download(answer)
        assert download, text[:500]
        content = base64.b64decode(download["content"])
        assert content.startswith(b"%PDF"), text[:500]
        assert download["filename"] == "profile-pirot-en.pdf"
        assert "succeeded" in (tmp_path / "celery.log").read_text(errors="replace")  # the worker rendered it
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        log.close()

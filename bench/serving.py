"""Serving an app to a browser benchmark: each in its own process, so its memory, its GIL and
its global runtime are its own, and stopping it frees everything.

    python -m bench.serving --port 8061 [--enterprises FILE.csv]   # the real app
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 300  # loading 100,000 enterprises on a busy 2-core machine


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def served(command: list[str], port: int, cwd: Path = PROJECT) -> Iterator[str]:
    """Run ``command`` (a server listening on ``port``) in ``cwd`` (this project, or another
    checkout of it) until it answers; yield its URL and stop it afterwards, whatever happens
    in between."""
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _answers(url):
                if process.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"{command} stopped: {log.read().decode()[-2000:]}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{command} did not answer on port {port} within {START_TIMEOUT_S} s")
                time.sleep(0.5)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def app_command(port: int, enterprises: Path | None = None) -> list[str]:
    """The command serving the real app (the demo data unless ``enterprises`` names a CSV)."""
    command = [sys.executable, "-m", "bench.serving", "--port", str(port)]
    return command + (["--enterprises", str(enterprises)] if enterprises else [])


def serve_app(port: int, enterprises: Path | None) -> None:
    """The real app on werkzeug's threaded server, as ``python app.py`` runs it."""
    from dashboard.app import create_app
    from dashboard.config import Settings

    app = create_app(Settings(enterprises_file=enterprises) if enterprises else Settings())
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app.run(host="127.0.0.1", port=port, debug=False, threaded=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the app for a browser benchmark.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--enterprises", type=Path, help="enterprise CSV (default: the demo data)")
    arguments = parser.parse_args()
    serve_app(arguments.port, arguments.enterprises)

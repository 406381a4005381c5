"""Issue #11 targets: Lighthouse performance ≥ 90 and accessibility 100 on every page.

Runs Google's Lighthouse (the npm package, desktop preset: no network or CPU throttling) with
Debian's Chromium against every page the app registers, served on the demo data, and prints
each page's performance and accessibility score (×100) with its total blocking time, the
figure that tells how long plotly.js parsing keeps the page from answering a click.

Lighthouse is taken from PATH, else from ``bench/.cache/lighthouse`` where it is installed with
npm on first use. When neither works (no Node, no registry), the reason goes to stderr and
the benchmark yields nothing: a missing tool is not a missed target.

    python bench/run.py --only lighthouse [--quick]   # --quick: / and /methodology only
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.common import Figure
from bench.serving import app_command, served

PORT = 8063
CACHE = Path(__file__).resolve().parent / ".cache" / "lighthouse"
LIGHTHOUSE_VERSION = "13"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
QUICK_PAGES = ("/", "/methodology")
PAGE_TIMEOUT_S = 240
TARGET_PERFORMANCE = 90
TARGET_ACCESSIBILITY = 100


class Unavailable(Exception):
    """Lighthouse cannot be run here; the message says why."""


def lighthouse_command() -> list[str]:
    """How to start Lighthouse: from PATH, from the cache, or installed into the cache now."""
    if found := shutil.which("lighthouse"):
        return [found]
    cached = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not cached.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise Unavailable("npm is not installed, so Lighthouse cannot be installed")
        CACHE.mkdir(parents=True, exist_ok=True)
        (CACHE.parent / ".gitignore").write_text("*\n")  # the cache is never committed
        try:
            subprocess.run(
                [
                    npm,
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--loglevel=error",
                    f"lighthouse@{LIGHTHOUSE_VERSION}",
                ],
                cwd=CACHE,
                check=True,
                capture_output=True,
                text=True,
                timeout=600,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            output = getattr(exc, "stderr", "") or ""
            raise Unavailable(f"npm install lighthouse failed: {str(output).strip()[-500:] or exc}") from exc
        if not cached.exists():
            raise Unavailable(f"npm installed no lighthouse command into {cached.parent}")
    return [str(cached)]


def audit(command: list[str], url: str) -> dict:
    """One Lighthouse run of ``url``: its JSON report (categories, audits)."""
    completed = subprocess.run(
        [
            *command,
            url,
            "--preset=desktop",
            "--only-categories=performance,accessibility",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=PAGE_TIMEOUT_S,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"lighthouse {url} failed: {completed.stderr.strip()[-1000:]}")
    return json.loads(completed.stdout)


def page_figures(path: str, report: dict) -> Iterator[Figure]:
    """A page's scores (×100, as Lighthouse shows them) and its total blocking time."""
    categories = report["categories"]
    for key, target in (("performance", TARGET_PERFORMANCE), ("accessibility", TARGET_ACCESSIBILITY)):
        score = categories[key]["score"]
        yield Figure(f"lighthouse {key} {path}", (score or 0) * 100, "score", target, lower_is_better=False)
    blocking = report["audits"]["total-blocking-time"]["numericValue"]
    yield Figure(f"lighthouse total blocking time {path}", blocking, "ms", None)


def app_pages() -> list[str]:
    """Every page the app registers, in its navigation order."""
    import dash

    from dashboard.app import create_app
    from dashboard.config import Settings

    create_app(Settings())
    pages = sorted(dash.page_registry.values(), key=lambda page: page.get("order") or 0)
    return [page["path"] for page in pages]


def run(quick: bool) -> Iterator[Figure]:
    try:
        command = lighthouse_command()
    except Unavailable as reason:
        print(f"bench_lighthouse skipped: {reason}", file=sys.stderr)
        return
    pages = list(QUICK_PAGES) if quick else app_pages()
    with served(app_command(PORT), PORT) as url:
        audit(command, url)  # warm the server once; the runs below start cold in the browser
        failed = 0
        for path in pages:
            try:
                report = audit(command, f"{url.rstrip('/')}{path}")
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
                print(f"bench_lighthouse: {path}: {exc}", file=sys.stderr)
                failed += 1
                continue
            yield from page_figures(path, report)
        yield Figure("lighthouse pages that could not be audited", failed, "pages", 0)

"""Issue #11 and #13 targets: Lighthouse performance ≥ 90 and accessibility 100 on every page,
in every language.

Runs Google's Lighthouse (the npm package, desktop preset: no network or CPU throttling) with
Debian's Chromium against every page the app registers, served on the demo data. Each page is
audited for accessibility in each interface language (``?lang=``: a Cyrillic page has other
words, other lengths and so other wrapping and contrast than the English one), and in English
also for performance, with its total blocking time, the figure that tells how long plotly.js
parsing keeps the page from answering a click; performance hardly depends on the language, so
one run a page keeps the benchmark short. A score under its target prints the failing audits
and the elements they name to stderr, so a miss says what to fix.

The full run also audits the map page's first map on pages of its own, drawn by plotly and by
MapLibre GL JS without plotly, in Dash and without it (the felt bench's floors): what a page
showing this map at all can score on this machine, printed without a target.

Lighthouse is taken from PATH, else from ``bench/.cache/lighthouse`` where it is installed with
npm on first use. When neither works (no Node, no registry), the reason goes to stderr and
the benchmark yields nothing: a missing tool is not a missed target.

    python bench/run.py --only lighthouse [--quick]   # --quick: / and /methodology only
    python -m bench.bench_lighthouse --pages / /potential --languages sr-Cyrl --port 8091
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urljoin

from bench.common import Figure
from bench.map_alone import ROUTE as MAP_ALONE_ROUTE
from bench.map_alone import map_alone_command
from bench.map_native import DASH_PREFIX as NATIVE_DASH_PREFIX
from bench.map_native import PLAIN_ROUTE as NATIVE_PLAIN_ROUTE
from bench.npm_cache import Unavailable, installed
from bench.serving import app_command, served

PORT = int(os.environ.get("BENCH_LIGHTHOUSE_PORT", "8063"))
LANGUAGES = ("en", "sr-Latn", "sr-Cyrl")
PERFORMANCE_LANGUAGE = "en"
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
FLOOR_PORT = int(os.environ.get("BENCH_LIGHTHOUSE_FLOOR_PORT", "8064"))
FLOOR_MAP_SIZE = (920, 610)  # about the map page's map in Lighthouse's desktop window
# The map page's first map on a page of its own, four ways (bench/map_alone.py, map_native.py).
FLOORS = {
    "of the map alone in Dash": "/",
    "of the map alone, no Dash": MAP_ALONE_ROUTE,
    "of the map alone in Dash, MapLibre without plotly": NATIVE_DASH_PREFIX,
    "of the map alone, MapLibre without plotly or Dash": NATIVE_PLAIN_ROUTE,
}


def lighthouse_command() -> list[str]:
    """How to start Lighthouse: from PATH, else from the bench's npm cache (installed now if
    missing)."""
    if found := shutil.which("lighthouse"):
        return [found]
    return [str(installed("lighthouse", f"lighthouse@{LIGHTHOUSE_VERSION}", "node_modules/.bin/lighthouse"))]


def audit(
    command: list[str], url: str, categories: tuple[str, ...] = ("performance", "accessibility")
) -> dict:
    """One Lighthouse run of ``url`` for ``categories``: its JSON report (categories, audits)."""
    completed = subprocess.run(
        [
            *command,
            url,
            "--preset=desktop",
            f"--only-categories={','.join(categories)}",
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


def page_url(base: str, path: str, language: str) -> str:
    return f"{base.rstrip('/')}{path}?lang={language}"


def page_figures(path: str, language: str, report: dict) -> Iterator[Figure]:
    """A page's scores (×100, as Lighthouse shows them) and, where measured, its total blocking
    time and largest contentful paint. English figures keep their old names (``lighthouse
    performance /``), so earlier results stay comparable; the other languages' carry the
    language."""
    name = path if language == PERFORMANCE_LANGUAGE else f"{path} {language}"
    categories = report["categories"]
    for key, target in (("performance", TARGET_PERFORMANCE), ("accessibility", TARGET_ACCESSIBILITY)):
        if key in categories:
            score = categories[key]["score"]
            yield Figure(
                f"lighthouse {key} {name}", (score or 0) * 100, "score", target, lower_is_better=False
            )
    if "performance" in categories:
        blocking = report["audits"]["total-blocking-time"]["numericValue"]
        yield Figure(f"lighthouse total blocking time {name}", blocking, "ms", None)
        painted = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
        yield Figure(f"lighthouse largest contentful paint {name}", painted, "s", None)


def accessibility_failures(report: dict) -> list[str]:
    """The accessibility audits a page failed, each with a few of the elements it names."""
    category = report["categories"].get("accessibility")
    if not category:
        return []
    failures = []
    for ref in category["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref.get("weight", 0) and result.get("score") is not None and result["score"] < 1:
            items = (result.get("details") or {}).get("items") or []
            nodes = [
                (item.get("node") or {}).get("snippet") or (item.get("node") or {}).get("selector") or ""
                for item in items[:4]
            ]
            failures.append(f"{ref['id']}: {result.get('title', '')} {nodes}")
    return failures


def app_pages() -> list[str]:
    """Every page the app registers, in its navigation order."""
    import dash

    from dashboard.app import create_app
    from dashboard.config import Settings

    create_app(Settings())
    pages = sorted(dash.page_registry.values(), key=lambda page: page.get("order") or 0)
    return [page["path"] for page in pages]


def audits(pages: list[str], languages: tuple[str, ...] = LANGUAGES, port: int = PORT) -> Iterator[Figure]:
    """Every page in every language: accessibility everywhere, performance in English.
    One Lighthouse at a time (each starts its own Chromium)."""
    try:
        command = lighthouse_command()
    except Unavailable as reason:
        print(f"bench_lighthouse skipped: {reason}", file=sys.stderr)
        return
    with served(app_command(port), port) as url:
        audit(command, url, ("accessibility",))  # warm the server once; each run starts cold in the browser
        failed = 0
        for path in pages:
            for language in languages:
                wanted = (
                    ("performance", "accessibility")
                    if language == PERFORMANCE_LANGUAGE
                    else ("accessibility",)
                )
                try:
                    report = audit(command, page_url(url, path, language), wanted)
                except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
                    print(f"bench_lighthouse: {path} {language}: {exc}", file=sys.stderr)
                    failed += 1
                    continue
                for failure in accessibility_failures(report):
                    print(f"bench_lighthouse: {path} {language}: {failure}", file=sys.stderr)
                yield from page_figures(path, language, report)
        yield Figure("lighthouse pages that could not be audited", failed, "pages", 0)


def floor_audits(port: int = FLOOR_PORT) -> Iterator[Figure]:
    """Performance of the map page's first map on pages of its own (``bench/map_alone.py``,
    ``bench/map_native.py``), drawn by plotly or by MapLibre GL JS alone, in Dash or not: what
    any page showing this map can score here, whatever the rest of the page does. No target."""
    try:
        command = lighthouse_command()
    except Unavailable as reason:
        print(f"bench_lighthouse floors skipped: {reason}", file=sys.stderr)
        return
    with served(map_alone_command(port, *FLOOR_MAP_SIZE), port) as url:
        for name, path in FLOORS.items():
            try:
                report = audit(command, urljoin(url, path), ("performance",))
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
                print(f"bench_lighthouse: floor {name}: {exc}", file=sys.stderr)
                continue
            score = report["categories"]["performance"]["score"] or 0
            yield Figure(
                f"lighthouse performance {name} (a floor)", score * 100, "score", None, lower_is_better=False
            )
            blocking = report["audits"]["total-blocking-time"]["numericValue"]
            yield Figure(f"lighthouse total blocking time {name} (a floor)", blocking, "ms", None)


def run(quick: bool) -> Iterator[Figure]:
    yield from audits(list(QUICK_PAGES) if quick else app_pages())
    if not quick:
        yield from floor_audits()


def main() -> None:
    """Audit chosen pages and languages on a chosen port (a quick check while fixing)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="paths (default: every page)")
    parser.add_argument("--languages", nargs="*", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    for figure in audits(args.pages or app_pages(), tuple(args.languages), args.port):
        print(figure.as_json(), flush=True)


if __name__ == "__main__":
    main()

"""Build ``dashboard/static/plotly-partial.min.js``: plotly.js with only the traces the app draws
(and ``plotly-charts.min.js``, the same without the map traces and MapLibre, for chart pages).

Why this exists: the full plotly.js bundle the Python ``plotly`` package ships (4.8 MB) holds
every trace type, WebGL and 3-D included, and compiling it was most of a cold page's wait for
its map and of Lighthouse's total blocking time (issue #11). The app draws five trace types
(:data:`TRACES`); the partial bundle has plotly.js's core (layout, axes, colorbars, legends,
annotations, shapes, hover, the modebar, the English locale), those traces and MapLibre, and
compiles in about a quarter of the time. ``assets/plotly_early.js`` loads it, and falls back
to the full bundle if it is missing or fails.

The plotly.js source is the npm package of exactly the version the Python ``plotly`` package
ships (read from its ``plotly.min.js`` header), so both bundles run the same code; a test
(``tests/test_plotly_bundle.py``) fails when an upgrade of ``plotly`` is not followed by a
rebuild. Serbian toolbar texts need no plotly.js locale: the app passes its own
(``config.locales``, ``dashboard/figures/config.py``).

This is a build-time tool; the app never imports it. It needs Node.js and npm, and the npm
registry the first time: plotly.js and esbuild are installed into ``scripts/.cache/`` (not
committed), pinned by ``scripts/plotly_bundle/package-lock.json`` so a rebuild gives the same
bytes. It also writes the bundle's digest into ``assets/plotly_early.js`` (the ``?v=`` of the
bundle's address, so browsers can keep it for a year) and plotly.js's licence beside the
bundle.

    python scripts/build_plotly_bundle.py              # install if needed, build, print the size
    python scripts/build_plotly_bundle.py --traces bar scatter   # another selection (testing)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import plotly

PROJECT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "plotly_bundle"
CACHE = Path(__file__).resolve().parent / ".cache" / "plotly_bundle"
LOCKFILE = HERE / "package-lock.json"
BUILD_SCRIPT = HERE / "build.mjs"
OUTPUT = PROJECT / "dashboard" / "static" / "plotly-partial.min.js"
LICENSE_OUTPUT = OUTPUT.with_name("plotly.js-LICENSE.txt")
EARLY_SCRIPT = PROJECT / "assets" / "plotly_early.js"
FULL_BUNDLE = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"

#: Every trace type the app's figures use (``go.<Trace>`` in dashboard/); the test checks it.
TRACES = ("bar", "choroplethmap", "heatmap", "scatter", "scattermap")
#: The charts-only bundle, for pages whose graphs are charts (registered with ``maps=False``):
#: no map traces, so no MapLibre -- 1.3 MB instead of 3.1 MB, and Lighthouse's total blocking
#: time on /compare about halved (README, Performance).
MAP_TRACES = ("choroplethmap", "scattermap")
CHART_TRACES = tuple(t for t in TRACES if t not in MAP_TRACES)
CHARTS_OUTPUT = PROJECT / "dashboard" / "static" / "plotly-charts.min.js"
ESBUILD_VERSION = "0.28.2"
NPM_TIMEOUT_S = 900

VERSION_IN_HEADER = re.compile(r"plotly\.js v(\d+\.\d+\.\d+\S*)")
TRACES_IN_HEADER = re.compile(r"partial bundle: traces ([a-z0-9, ]+)\)")
DIGEST_IN_EARLY_SCRIPT = re.compile(r"(plotly-partial\.min\.js\?v=)([0-9a-f]+)")
CHARTS_DIGEST_IN_EARLY_SCRIPT = re.compile(r"(plotly-charts\.min\.js\?v=)([0-9a-f]+)")


def version_of(script: Path) -> str:
    """The plotly.js version a bundle names in its first lines ("plotly.js v4.1.1")."""
    with script.open(encoding="utf-8") as handle:
        head = handle.read(1000)
    found = VERSION_IN_HEADER.search(head)
    if found is None:
        raise ValueError(f"{script} names no plotly.js version in its header")
    return found.group(1)


def traces_of(script: Path) -> tuple[str, ...]:
    """The trace types a partial bundle's header lists."""
    with script.open(encoding="utf-8") as handle:
        found = TRACES_IN_HEADER.search(handle.read(1000))
    if found is None:
        raise ValueError(f"{script} lists no traces in its header")
    return tuple(name.strip() for name in found.group(1).split(","))


def digest(content: bytes) -> str:
    """The bundle's version in its address: 12 hex digits of its SHA-256."""
    return hashlib.sha256(content).hexdigest()[:12]


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is not installed: install Node.js (with npm) to build the plotly.js bundle")
    return npm


def install(version: str) -> Path:
    """plotly.js ``version`` and esbuild in :data:`CACHE`, from the lockfile when it pins that
    version (``npm ci``: the same packages as last time), else resolved anew and locked."""
    CACHE.mkdir(parents=True, exist_ok=True)
    manifest = {
        "private": True,
        "description": "plotly.js source for scripts/build_plotly_bundle.py (a cache, never committed)",
        "dependencies": {"esbuild": ESBUILD_VERSION, "plotly.js": version},
    }
    (CACHE / "package.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    installed = CACHE / "node_modules" / "plotly.js" / "package.json"
    lock = CACHE / "package-lock.json"
    locked = LOCKFILE.exists() and _locked_version(LOCKFILE) == version
    up_to_date = (
        locked
        and installed.exists()
        and json.loads(installed.read_text(encoding="utf-8"))["version"] == version
        and lock.exists()
        and lock.read_bytes() == LOCKFILE.read_bytes()
    )
    if up_to_date:
        return CACHE  # already there, as locked
    # --ignore-scripts: no package's install script runs; esbuild's binary comes as an optional
    # dependency of its platform, so it needs none.
    options = ["--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
    if locked:
        shutil.copyfile(LOCKFILE, lock)
        command = [_npm(), "ci", *options]
    else:
        lock.unlink(missing_ok=True)
        command = [_npm(), "install", *options]
    print(f"installing plotly.js {version} and esbuild {ESBUILD_VERSION} into {CACHE} ...")
    subprocess.run(command, cwd=CACHE, check=True, timeout=NPM_TIMEOUT_S)
    if not locked:
        shutil.copyfile(lock, LOCKFILE)
        print(f"locked the resolved packages in {LOCKFILE.relative_to(PROJECT)}")
    return CACHE


def _locked_version(lockfile: Path) -> str | None:
    packages = json.loads(lockfile.read_text(encoding="utf-8")).get("packages", {})
    return packages.get("node_modules/plotly.js", {}).get("version")


def banner(version: str, traces: tuple[str, ...]) -> str:
    """The bundle's first lines: what it is, its licence, and how it was made."""
    dependencies = "MapLibre GL JS, d3..." if set(traces) & set(MAP_TRACES) else "d3..."
    return (
        f"/*! plotly.js v{version} (partial bundle: traces {', '.join(traces)})\n"
        " * Copyright 2012-2026, Plotly, Inc. Licensed under the MIT license (plotly.js-LICENSE.txt).\n"
        f" * Generated by scripts/build_plotly_bundle.py with esbuild {ESBUILD_VERSION}; do not edit,\n"
        f" * rebuild. The licences of the bundled dependencies ({dependencies}) are at the end.\n"
        " */\n"
    )


def build(cache: Path, version: str, traces: tuple[str, ...]) -> bytes:
    """Run esbuild (:data:`BUILD_SCRIPT`) and return the minified bundle."""
    node = shutil.which("node")
    if node is None:
        sys.exit("node is not installed: install Node.js to build the plotly.js bundle")
    with tempfile.TemporaryDirectory() as folder:
        banner_file = Path(folder) / "banner.txt"
        banner_file.write_text(banner(version, traces), encoding="utf-8")
        out = Path(folder) / OUTPUT.name
        subprocess.run(
            [node, str(BUILD_SCRIPT), str(cache), str(out), str(banner_file), *traces],
            check=True,
            timeout=NPM_TIMEOUT_S,
        )
        return out.read_bytes()


def stamp_early_script(version_digest: str, pattern: re.Pattern[str] = DIGEST_IN_EARLY_SCRIPT) -> None:
    """Point ``assets/plotly_early.js`` at this build (its ``?v=``, found by ``pattern``), so no
    browser keeps the old one."""
    text = EARLY_SCRIPT.read_text(encoding="utf-8")
    stamped, count = pattern.subn(rf"\g<1>{version_digest}", text)
    if count != 1:
        sys.exit(f"{EARLY_SCRIPT} has no single '{pattern.pattern}' to stamp ({count} found)")
    if stamped != text:
        EARLY_SCRIPT.write_text(stamped, encoding="utf-8")


def report(output: Path, version: str, traces: tuple[str, ...], bundle: bytes) -> None:
    full = FULL_BUNDLE.stat().st_size
    print(
        f"{output.relative_to(PROJECT)}: plotly.js {version}, traces {', '.join(traces)}: "
        f"{len(bundle) / 1e6:.2f} MB ({len(bundle) / full:.0%} of the full bundle's {full / 1e6:.2f} MB); "
        f"address ?v={digest(bundle)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--traces", nargs="+", default=list(TRACES), help="trace types (default: the app's)")
    arguments = parser.parse_args()
    traces = tuple(sorted(set(arguments.traces)))
    version = version_of(FULL_BUNDLE)
    cache = install(version)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache / "node_modules" / "plotly.js" / "LICENSE", LICENSE_OUTPUT)
    builds = [(OUTPUT, traces, DIGEST_IN_EARLY_SCRIPT)]
    if traces == TRACES:  # the app's own selection: its charts-only bundle too
        builds.append((CHARTS_OUTPUT, CHART_TRACES, CHARTS_DIGEST_IN_EARLY_SCRIPT))
    for output, selection, pattern in builds:
        bundle = build(cache, version, selection)
        output.write_bytes(bundle)
        stamp_early_script(digest(bundle), pattern)
        report(output, version, selection, bundle)


if __name__ == "__main__":
    main()

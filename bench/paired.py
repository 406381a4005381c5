"""Two versions of the app clicked side by side: is a change faster as a person feels it?

    python bench/paired.py REF [--rounds 4] [--loads 6] [--enterprises 100000] [--latency 0]

Serves the app from a checkout of ``REF`` (a commit, branch or tag; a git worktree in a
temporary folder) and from this working tree at once, opens each in its own page of one
headless Chromium, and clicks :data:`bench.bench_felt.CLICKS` round by round, taking turns
(the order alternating each round): this machine's speed drifts by a third between runs made
one after the other, and taking turns lets the drift fall on both alike. Prints one JSON line
per kind of change and version (the median from click to drawn map, as bench_felt times it),
and the overall medians' ratio; then the same for cold first loads (a fresh browser context
each, taking turns too; with ``--latency MS`` every request of those loads waits that long, as
over a network rather than from this machine). Not part of ``bench/run.py``: it compares, it has
no target.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_felt import (
    APP_PORT,
    CHROMIUM,
    CHROMIUM_ARGS,
    click_round,
    first_load,
    opened,
    write_enterprises,
)
from bench.common import Figure
from bench.serving import PROJECT, app_command, served

OTHER_PORT = 8063


def compare(ref: str, rounds: int, enterprises: int, loads: int = 0, latency_ms: float = 0) -> list[Figure]:
    """Median click → drawn map per kind of change, and median cold first load to drawn map,
    for ``ref`` and for the working tree."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        checkout = Path(folder) / "checkout"
        subprocess.run(["git", "worktree", "add", "--detach", str(checkout), ref], cwd=PROJECT, check=True)
        try:
            csv = write_enterprises(enterprises, Path(folder))
            with (
                served(app_command(OTHER_PORT, csv), OTHER_PORT, cwd=checkout) as ref_url,
                served(app_command(APP_PORT, csv), APP_PORT) as here_url,
                sync_playwright() as playwright,
            ):
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                urls = {ref: f"{ref_url}?lang=en", "working tree": f"{here_url}?lang=en"}
                pages = {name: opened(browser, url)[1] for name, url in urls.items()}
                for page in pages.values():
                    click_round(page)  # warm both servers' caches
                timed: dict[str, list] = defaultdict(list)
                for turn in range(rounds):
                    order = list(pages.items()) if turn % 2 == 0 else list(reversed(pages.items()))
                    for name, page in order:
                        timed[name].extend(click_round(page))
                cold: dict[str, list[float]] = defaultdict(list)
                for turn in range(loads):
                    order = list(urls.items()) if turn % 2 == 0 else list(reversed(urls.items()))
                    for name, url in order:
                        cold[name].append(first_load(browser, url, latency_ms).drawn_ms)
                browser.close()
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=PROJECT, check=False)
    figures = []
    medians = {}
    for name, timings in timed.items():
        kinds: dict[str, list[float]] = defaultdict(list)
        for timing in timings:
            kinds[timing.kind].append(timing.drawn_ms)
        for kind, values in kinds.items():
            label = f"paired: {name}, {kind} change → drawn map (median of {len(values)})"
            figures.append(Figure(label, statistics.median(values), "ms", None))
        medians[name] = statistics.median(t.drawn_ms for t in timings)
        label = f"paired: {name}, any change → drawn map (median of {len(timings)})"
        figures.append(Figure(label, medians[name], "ms", None))
    if medians:  # --rounds 0: cold loads alone
        ratio = medians[ref] / medians["working tree"]
        figures.append(Figure(f"paired: {ref} median / working tree median", ratio, "×", None))
    for name, values in cold.items():
        network = f", {latency_ms:g} ms a request" if latency_ms else ""
        label = f"paired: {name}, first load to drawn map, cold page{network} (median of {len(values)})"
        figures.append(Figure(label, statistics.median(values) / 1000, "s", None))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="Click two versions of the app side by side.")
    parser.add_argument("ref", help="the version to compare the working tree with (e.g. HEAD~1)")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of clicks per version")
    parser.add_argument("--loads", type=int, default=0, help="cold first loads per version")
    parser.add_argument("--enterprises", type=int, default=100_000, help="enterprises served to both")
    parser.add_argument("--latency", type=float, default=0, help="ms each request of a cold load waits")
    args = parser.parse_args()
    for figure in compare(args.ref, args.rounds, args.enterprises, args.loads, args.latency):
        print(figure.as_json(), flush=True)


if __name__ == "__main__":
    main()

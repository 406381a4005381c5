"""Run every benchmark and print one JSON object per line.

    python bench/run.py          # full run (a few minutes on 2 cores)
    python bench/run.py --quick  # short run, smaller sizes and fewer repeats

Each ``bench/bench_*.py`` module has ``run(quick: bool) -> Iterable[Figure]``;
every target an issue names is one figure with ``ok`` true or false. The exit
status is 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks of the creative-industries map.")
    parser.add_argument("--quick", action="store_true", help="short run")
    parser.add_argument("--only", help="run only bench_<ONLY>.py")
    args = parser.parse_args()
    all_ok = True
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only and path.stem != f"bench_{args.only}":
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        for figure in module.run(quick=args.quick):
            print(figure.as_json(), flush=True)
            all_ok &= figure.ok
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())

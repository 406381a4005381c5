"""Write the region's synthetic demonstration enterprises (data/mapping/demo_enterprises.csv).

Reproducible: the seed and every setting come from the ``[demo]`` table of the
region manifest, so running this again gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.sources.bundle import load_region_data
from dashboard.sources.demo import generate_demo_enterprises


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--region",
        type=Path,
        default=DEFAULT_REGION_DIR,
        help="folder with region.toml (default: the project's data/)",
    )
    args = parser.parse_args()
    data = load_region_data(Settings(region_dir=args.region), with_enterprises=False)
    if data.errors:
        raise SystemExit("region data has errors: " + "; ".join(p.code for p in data.errors[:5]))
    table = generate_demo_enterprises(
        data.region.demo, data.municipalities, data.taxonomy, data.boundaries.municipalities, data.settlements
    )
    target = data.region.files["enterprises"]
    if target is None:
        raise SystemExit("the manifest names no enterprises file to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(target, index=False, lineterminator="\n")
    print(f"wrote {len(table)} synthetic enterprises to {target}")


if __name__ == "__main__":
    main()

"""Issue #4 target: recomputing every indicator and the potential index for 15 municipalities
and 100,000 enterprises takes under 100 ms, so the weight sliders feel instant.

Measured on the demo data resampled to 100,000 enterprises (``bench/common.py``):

* the whole analysis -- indicators per municipality, district and region, location
  quotients, the index and the rank ranges over 1,000 random weightings -- for all
  enterprises and for a sector choice (target 100 ms each);
* for information, the potential page's whole callback on the same data: the analysis plus
  every view it returns (map patch, ranking, breakdown chart, profile, heatmap, tables).
"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import sys
from collections.abc import Iterator

from bench.common import Figure, median_ms, project_runtime, scaled_enterprises
from dashboard.analysis.columns import EnterpriseColumns
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization import Enterprises, analyse
from dashboard.valorization.registry import default_weights
from dashboard.valorization.state import PotentialState, analyse_state

SIZE = 100_000
TARGET_MS = 100


def run(quick: bool) -> Iterator[Figure]:
    runtime = project_runtime()
    data = runtime.data
    scaled = scaled_enterprises(data.enterprises, SIZE)
    columns = EnterpriseColumns.build(
        scaled,
        districts=list(data.districts.index),
        municipalities=list(data.municipalities.index),
        sectors=data.taxonomy.sector_codes,
        size_classes=[name for name, _, _ in SIZE_CLASSES],
        hexagons=[],
    )
    enterprises = Enterprises.from_columns(columns)
    repeat = 5 if quick else 30
    tiers = runtime.potential["tier"]
    districts = list(data.districts.index)
    weights = default_weights() | {"specialisation": 0.6}

    yield Figure(
        figure=f"potential: all indicators + index + rank ranges, {len(data.municipalities)} "
        f"municipalities × {SIZE:,} enterprises",
        value=median_ms(
            lambda: analyse(enterprises, data.municipalities, weights=weights, district_order=districts),
            repeat,
        ),
        unit="ms",
        target=TARGET_MS,
    )
    chosen = PotentialState(weights=weights, sectors=("crafts-design", "heritage"), sizes=("micro",))
    yield Figure(
        figure=f"potential: the same for two sectors and micro firms only, {SIZE:,} enterprises",
        value=median_ms(
            lambda: analyse_state(columns, data.municipalities, tiers, chosen, districts), repeat
        ),
        unit="ms",
        target=TARGET_MS,
    )

    # The page's callback end to end (without HTTP): analysis plus every view it returns. It
    # needs the app's pages imported; if another page cannot be imported, say so and skip it.
    from dashboard.app import create_app
    from dashboard.web import runtime as runtime_module

    try:
        create_app(runtime.settings)
        page = sys.modules.get("pages.potential") or importlib.import_module("pages.potential")
    except Exception as error:  # an unrelated page under construction must not hide the targets
        print(f"bench_potential: page callback not measured ({error!r})", file=sys.stderr)
        return
    big = dataclasses.replace(runtime_module.current(), columns=columns)
    # A new weight on every call, as a moving slider sends: the page keeps recent analyses, and
    # asking again for the same one would time the lookup, not the work.
    moves = itertools.count(1)

    def moved_slider():
        state = PotentialState(weights=weights | {"diversity": next(moves) / 1000})
        return page.views(big, state, "index", "nis", "en")

    yield Figure(
        figure=f"potential page views (analysis + every view), {SIZE:,} enterprises",
        value=median_ms(moved_slider, repeat),
        unit="ms",
        target=None,
    )
    yield Figure(
        figure="potential page views, map indicator or profile changed (analysis kept)",
        value=median_ms(
            lambda: page.views(big, PotentialState(weights=weights), "dim:size", "pirot", "en"), repeat
        ),
        unit="ms",
        target=None,
    )

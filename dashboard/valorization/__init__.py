"""Valorization of creative-industry development potential: indicators, index, robustness.

- :mod:`~dashboard.valorization.registry` -- the one list of indicators and dimensions
  (definition, formula, unit, source, direction) that the UI and the methodology page read;
- :mod:`~dashboard.valorization.compute` -- indicators per municipality, district and region;
- :mod:`~dashboard.valorization.index` -- winsorising, normalising, weighting, tiers;
- :mod:`~dashboard.valorization.robustness` -- rank ranges under random weightings.

:func:`analyse` runs them all for one state of the controls; :func:`default_potential` is
the index with default weights on all enterprises, which the dashboard's potential filter
uses. Everything here is a pure function of pandas/numpy data: no Dash, no figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.valorization.compute import Enterprises, IndicatorSet, Parameters, compute_indicators
from dashboard.valorization.index import IndexResult, potential_index
from dashboard.valorization.robustness import RankRange, rank_ranges


@dataclass(frozen=True)
class Analysis:
    indicators: IndicatorSet
    index: IndexResult
    robustness: RankRange


def analyse(
    enterprises: Enterprises,
    reference: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    method: str = "minmax",
    parameters: Parameters | None = None,
    mask: np.ndarray | None = None,
    base_mask: np.ndarray | None = None,
    sectors: Sequence[str] = (),
    district_order: Sequence[str] | None = None,
) -> Analysis:
    """Indicators, the index and its rank ranges for the enterprises in ``mask``."""
    indicators = compute_indicators(
        enterprises,
        reference,
        parameters,
        mask=mask,
        base_mask=base_mask,
        sectors=sectors,
        district_order=district_order,
    )
    index = potential_index(indicators.municipalities, weights, method)
    return Analysis(indicators, index, rank_ranges(index.dimensions, index.weights))


def default_potential(
    enterprises: Enterprises, reference: pd.DataFrame, mask: np.ndarray | None = None
) -> pd.DataFrame:
    """Score, rank and tier per municipality: the default index on all enterprises.

    This is what the explore page's "development potential" filter filters on. It uses
    every mapped enterprise (not the filtered ones) so that choosing a tier never moves a
    municipality to another tier; ``mask`` keeps those the region's default definition of
    "creative" counts (the runtime passes it), so the tiers describe what the pages show first.
    """
    indicators = compute_indicators(enterprises, reference, mask=mask)
    return potential_index(indicators.municipalities).table()


__all__ = [
    "Analysis",
    "Enterprises",
    "IndexResult",
    "IndicatorSet",
    "Parameters",
    "RankRange",
    "analyse",
    "compute_indicators",
    "default_potential",
    "potential_index",
    "rank_ranges",
]

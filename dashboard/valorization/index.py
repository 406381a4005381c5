"""The development-potential index: from indicators to one score, a rank and a tier.

The steps follow the OECD/JRC handbook on composite indicators, as the JRC Cultural and
Creative Cities Monitor applies them, and each is a small pure function so the
methodology page can describe exactly what runs:

1. **orient** -- indicators where lower is better are negated, so higher is always better;
2. **winsorise** -- every scored indicator is clipped to its 5th and 95th percentile across
   the municipalities (linear interpolation), so one outlier -- typically the regional
   centre -- cannot squeeze everyone else into the bottom of the scale. Clipping to
   percentiles is also what keeps the index monotone (a better value never lowers a
   score), which a rule that switches on and off with the skewness would not;
3. **fill** -- a value that cannot be computed (no enterprises to average over) counts as
   the lowest observed value of that indicator;
4. **normalise** -- min-max to 0-100 (default) or z-scores; both are unchanged when an
   indicator is expressed in another unit (per 1,000 or per 100,000 inhabitants);
5. **dimensions** -- the mean of the normalised indicators of each dimension;
6. **aggregate** -- the weighted mean of the dimension scores, weights summing to one;
7. **tiers** -- thirds of the range between the lowest and the highest index value.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.indicators import TIERS  # noqa: F401  (the tier names the filter offers)
from dashboard.valorization.registry import BY_KEY, DIMENSIONS, SCORED, default_weights

METHODS = ("minmax", "zscore")
WINSOR_QUANTILES = (0.05, 0.95)
TIER_CUTS = (1 / 3, 2 / 3)  # of the index's range: below the first is low, from the second up high
CONSTANT_MINMAX = 50.0  # an indicator equal everywhere places every unit in the middle


def orient(frame: pd.DataFrame) -> pd.DataFrame:
    """Multiply each indicator by its registry direction, so that higher is always better."""
    return frame * pd.Series({c: BY_KEY[c].direction for c in frame.columns}, dtype=float)


def winsorise(frame: pd.DataFrame, quantiles: tuple[float, float] = WINSOR_QUANTILES) -> pd.DataFrame:
    """Clip every column to its lower and upper quantile (linear interpolation, NaN ignored)."""
    values = frame.to_numpy(np.float64)
    if not len(values) or np.isnan(values).all():
        return frame.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN column has no quantiles
        low, high = np.nanquantile(values, quantiles, axis=0)
    clipped = np.where(np.isnan(values), np.nan, np.clip(values, low, high))
    return pd.DataFrame(clipped, index=frame.index, columns=frame.columns)


def fill_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """A value that cannot be computed counts as the lowest observed value of its indicator."""
    return frame.fillna(frame.min())


def normalise(frame: pd.DataFrame, method: str = "minmax") -> pd.DataFrame:
    """Min-max to 0-100 (``"minmax"``) or z-scores (``"zscore"``, population SD), per column.

    A constant column carries no information: it becomes 50 (min-max) or 0 (z-score) for
    everyone, and a column with no value at all does the same.
    """
    if method not in METHODS:
        raise ValueError(f"unknown normalisation {method!r}; use one of {METHODS}")
    low, high = frame.min(), frame.max()
    if method == "minmax":
        span = (high - low).where(lambda s: s > 0)
        scaled = (frame - low) / span * 100
        return scaled.fillna(CONSTANT_MINMAX)
    spread = frame.std(ddof=0).where(lambda s: s > 0)
    return ((frame - frame.mean()) / spread).fillna(0.0)


def dimension_scores(normalised: pd.DataFrame) -> pd.DataFrame:
    """Each dimension's score: the mean of its normalised indicators (equal weights inside)."""
    return pd.DataFrame(
        {d.key: normalised[list(d.indicators)].mean(axis=1) for d in DIMENSIONS}, index=normalised.index
    )


def normalise_weights(weights: Mapping[str, float] | None) -> pd.Series:
    """Non-negative weights per dimension scaled to sum to one.

    Missing dimensions weigh nothing; negative or non-numeric values count as zero; if
    nothing is left (every slider at zero) every dimension weighs the same, since an
    index of nothing has no meaning.
    """
    raw = pd.Series(default_weights() if weights is None else dict(weights), dtype=object)
    raw = pd.to_numeric(raw.reindex([d.key for d in DIMENSIONS]), errors="coerce").fillna(0.0)
    raw = raw.clip(lower=0.0).astype(float)
    total = float(raw.sum())
    if not np.isfinite(total) or total <= 0:
        return pd.Series(1.0 / len(raw), index=raw.index)
    return raw / total


def assign_tiers(score: pd.Series) -> pd.Series:
    """High / medium / low by thirds of the range between the lowest and highest index value.

    Thirds of the *range*, not of the ranking: three municipalities close together share a
    tier, and one far ahead stands alone. When every score is equal (or there is one
    municipality) all are medium.
    """
    low, high = score.min(), score.max()
    if not np.isfinite(high - low) or high - low <= 0:
        return pd.Series("medium", index=score.index)
    position = (score - low) / (high - low)
    tiers = np.select([position >= TIER_CUTS[1], position >= TIER_CUTS[0]], ["high", "medium"], "low")
    return pd.Series(tiers, index=score.index)


def ranks(score: pd.Series) -> pd.Series:
    """1 for the highest score; ties share the better rank."""
    return score.rank(ascending=False, method="min").astype(int)


@dataclass(frozen=True)
class IndexResult:
    """The index and everything it is made of, so every view can show its parts."""

    indicators: pd.DataFrame  # scored indicators as computed (unit's own units)
    treated: pd.DataFrame  # oriented, winsorised and filled
    normalised: pd.DataFrame
    dimensions: pd.DataFrame  # unit × dimension scores
    weights: pd.Series  # sums to one
    contributions: pd.DataFrame  # weight × dimension score; rows sum to the score
    score: pd.Series
    rank: pd.Series
    tier: pd.Series
    method: str

    def table(self) -> pd.DataFrame:
        return pd.DataFrame({"score": self.score, "rank": self.rank, "tier": self.tier})


def prepare(
    indicators: pd.DataFrame, method: str = "minmax"
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Steps 1-5, which do not depend on the weights: treated and normalised indicators, and
    the dimension scores. The robustness analysis reuses them for every random weighting."""
    scored = indicators[list(SCORED)].astype(float)
    treated = fill_missing(winsorise(orient(scored)))
    normalised = normalise(treated, method)
    return treated, normalised, dimension_scores(normalised)


def aggregate(dimensions: pd.DataFrame, weights: pd.Series) -> pd.Series:
    return (dimensions[weights.index] * weights).sum(axis=1)


def potential_index(
    indicators: pd.DataFrame, weights: Mapping[str, float] | None = None, method: str = "minmax"
) -> IndexResult:
    """The index of every municipality in ``indicators`` (one row each, registry columns)."""
    treated, normalised, dimensions = prepare(indicators, method)
    weight = normalise_weights(weights)
    contributions = dimensions[weight.index] * weight
    score = contributions.sum(axis=1)
    return IndexResult(
        indicators=indicators[list(SCORED)],
        treated=treated,
        normalised=normalised,
        dimensions=dimensions,
        weights=weight,
        contributions=contributions,
        score=score,
        rank=ranks(score),
        tier=assign_tiers(score),
        method=method,
    )

"""How much a municipality's rank depends on the weights.

A ranking is only as solid as its weights are uncontroversial. Following the uncertainty
analysis of the JRC Cultural and Creative Cities Monitor, the index is recomputed under
1,000 random weightings of the dimensions and each municipality's rank range is reported:
the ranks it takes in the middle 90% of the weightings (5th to 95th percentile, as the
Monitor's rank intervals) and its median rank. A narrow range is a position that holds
whatever the exact weights; a wide one depends on them.

The weightings are drawn from a Dirichlet distribution centred on the chosen weights
(parameters ``CONCENTRATION × weight``): on average they equal the chosen weights, and a
typical draw moves each weight by about a third to a half of its value -- the kind of
disagreement two reasonable experts would have. A dimension weighted zero stays at zero (the
user left it out on purpose). Without chosen weights the draws are a flat Dirichlet, every
weighting equally likely. The seed is fixed, so the same data and weights always give the
same ranges, and all draws are scored at once as one matrix product.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DRAWS = 1000
COVERAGE = 0.90  # share of the weightings a rank range covers (5th to 95th percentile)
SEED = 20_150_404  # fixed, so the ranges are reproducible
CONCENTRATION = 20.0


def dirichlet_weights(
    centre: np.ndarray | None, dimensions: int, draws: int = DRAWS, seed: int = SEED
) -> np.ndarray:
    """``draws`` × ``dimensions`` random weightings, each row non-negative and summing to one.

    ``centre`` (summing to one) is the mean of the draws; ``None`` draws from the flat
    Dirichlet. Dimensions with zero weight in ``centre`` get zero in every draw.
    """
    rng = np.random.default_rng(seed)
    if centre is None:
        return rng.dirichlet(np.ones(dimensions), size=draws)
    centre = np.asarray(centre, dtype=np.float64)
    active = centre > 0
    weights = np.zeros((draws, dimensions))
    if active.sum() == 1:
        weights[:, active] = 1.0
    elif active.any():
        weights[:, active] = rng.dirichlet(CONCENTRATION * centre[active], size=draws)
    return weights


def rank_matrix(dimensions: pd.DataFrame, weights: np.ndarray) -> np.ndarray:
    """Ranks (1 = best, ties share the better rank) of every unit under every weighting:
    an array of shape units × draws."""
    scores = dimensions.to_numpy(np.float64) @ weights.T  # units × draws
    better = scores[None, :, :] > scores[:, None, :]  # [i, j, d]: j beats i in draw d
    return 1 + better.sum(axis=1)


@dataclass(frozen=True)
class RankRange:
    best: pd.Series
    worst: pd.Series
    median: pd.Series
    draws: int

    def table(self) -> pd.DataFrame:
        return pd.DataFrame({"best": self.best, "worst": self.worst, "median": self.median})


def rank_ranges(
    dimensions: pd.DataFrame, weights: pd.Series | None = None, draws: int = DRAWS, seed: int = SEED
) -> RankRange:
    """Rank range (best and worst rank in the middle ``COVERAGE`` of the draws) and median
    rank of each unit across ``draws`` random weightings around ``weights`` (a Series over
    the columns of ``dimensions``; flat when ``None``)."""
    index = dimensions.index
    if dimensions.empty:
        empty = pd.Series(dtype=int, index=index)
        return RankRange(empty, empty, empty, draws)
    centre = None if weights is None else weights.reindex(dimensions.columns).fillna(0).to_numpy()
    ranking = rank_matrix(dimensions, dirichlet_weights(centre, dimensions.shape[1], draws, seed))
    tail = (1 - COVERAGE) / 2
    return RankRange(
        best=pd.Series(np.quantile(ranking, tail, axis=1, method="lower").astype(int), index=index),
        worst=pd.Series(np.quantile(ranking, 1 - tail, axis=1, method="higher").astype(int), index=index),
        median=pd.Series(np.median(ranking, axis=1), index=index),
        draws=draws,
    )

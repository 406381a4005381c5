"""One state of the potential page's controls, and the analysis it asks for.

Kept out of the page module so that it can be a dataclass (Dash executes page modules
before registering them) and be tested without Dash.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from dashboard.analysis.columns import EnterpriseColumns
from dashboard.analysis.indicators import Filters
from dashboard.valorization import Analysis, Enterprises, Parameters, analyse
from dashboard.valorization.index import METHODS
from dashboard.valorization.registry import default_weights

DEFAULT_GROWTH_YEARS = Parameters().growth_years
MAX_GROWTH_YEARS = 30  # the longest growth window the page offers


@dataclass(frozen=True)
class PotentialState:
    """Weights (any non-negative numbers; they are rescaled to sum to one), normalisation,
    growth window, national reference value, and the sectors and sizes analysed."""

    weights: dict[str, float] = field(default_factory=default_weights)
    method: str = "minmax"
    growth_years: int = DEFAULT_GROWTH_YEARS
    national: float | None = None
    sectors: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    definition: str = ""  # the definition of "creative" analysed; '' = the region's default

    @classmethod
    def read(cls, weights, method, growth_years, national, sectors, sizes, definition=None) -> PotentialState:
        """From raw control values, tolerating whatever a cleared or half-typed input sends."""
        try:
            years = int(growth_years)
        except (TypeError, ValueError):
            years = DEFAULT_GROWTH_YEARS
        try:
            reference = float(national) if national not in (None, "") else None
        except (TypeError, ValueError):
            reference = None
        return cls(
            weights=dict(weights or default_weights()),
            method=method if method in METHODS else "minmax",
            growth_years=min(max(1, years), MAX_GROWTH_YEARS),
            national=reference if reference and math.isfinite(reference) and reference > 0 else None,
            sectors=tuple(sectors or ()),
            sizes=tuple(sizes or ()),
            definition=definition if isinstance(definition, str) else "",
        )


def analyse_state(
    columns: EnterpriseColumns,
    reference: pd.DataFrame,
    tiers: pd.Series,
    state: PotentialState,
    district_order: Sequence[str] | None = None,
) -> Analysis:
    """The analysis for one state: the chosen sectors and sizes, under the chosen definition of
    "creative", are the enterprises analysed; location quotients are measured against the
    chosen sizes in all sectors (under the same definition)."""
    filters = Filters(sectors=state.sectors, size_classes=state.sizes, definition=state.definition)
    return analyse(
        Enterprises.from_columns(columns),
        reference,
        weights=state.weights,
        method=state.method,
        parameters=Parameters(growth_years=state.growth_years, national_per_1000=state.national),
        mask=columns.mask(filters, tiers),
        base_mask=columns.mask(filters.without("sectors"), tiers),
        sectors=state.sectors,
        district_order=district_order,
    )

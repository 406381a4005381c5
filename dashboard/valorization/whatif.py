"""What-if: planned or hypothetical new firms, and how the indicators, index, tier and rank
range would move.

A scenario is a short list of changes -- "+20 crafts firms with 60 employees in Pirot",
"+15 IT firms in Prokuplje founded 2026". It is applied to the integer-coded enterprise
arrays the analysis already works on (:class:`~dashboard.valorization.compute.Enterprises`),
in memory only: the scenario's firms are appended as rows flagged ``scenario`` and the
whole analysis is run again with the same functions as the potential page. Nothing is
written anywhere, so a scenario can never reach the store.

Each change's employees are spread over its firms as evenly as whole numbers allow (60 over
20 firms: 3 each), which is what the share of micro firms and the average size see. A
change without a founding year adds firms of unknown founding year (they count in every
indicator but growth); with a year, they count as founded then. The growth window stays
where the current data put it (the reference year is held fixed), so a scenario founded
next year does not move the window for everyone else.

A scenario travels in the URL as one compact value::

    pirot:crafts-design:20:60,prokuplje:it-software:15:0:2026

(``municipality:sector:firms[:employees[:founding year]]``, changes separated by commas).
:func:`parse_scenario` reads it defensively: anything it cannot use is skipped, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import unquote

import numpy as np
import pandas as pd

from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization import Analysis, analyse
from dashboard.valorization.compute import NO_YEAR, Enterprises, Parameters
from dashboard.valorization.robustness import DRAWS

MAX_CHANGES = 20
MAX_FIRMS = 10_000  # per change: more is not a plan for one municipality
MAX_EMPLOYEES = 1_000_000
YEARS = (1800, 2200)
MAX_QUERY_LENGTH = 2_000
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_WHOLE = re.compile(r"^[0-9]{1,9}$")


@dataclass(frozen=True)
class Change:
    """``firms`` new firms of ``sector`` in ``municipality`` with ``employees`` in all."""

    municipality: str
    sector: str
    firms: int
    employees: int = 0
    founding_year: int | None = None

    def valid(self) -> bool:
        return (
            bool(_CODE.match(self.municipality))
            and bool(_CODE.match(self.sector))
            and 1 <= self.firms <= MAX_FIRMS
            and 0 <= self.employees <= MAX_EMPLOYEES
            and (self.founding_year is None or YEARS[0] <= self.founding_year <= YEARS[1])
        )

    def as_text(self) -> str:
        parts = [self.municipality, self.sector, str(self.firms), str(self.employees)]
        if self.founding_year is not None:
            parts.append(str(self.founding_year))
        return ":".join(parts)


@dataclass(frozen=True)
class Scenario:
    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def to_query(self) -> str:
        """The compact URL value (only characters that need no escaping in a query)."""
        return ",".join(c.as_text() for c in self.changes)

    def municipalities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.municipality for c in self.changes))


def parse_scenario(
    text: object,
    municipalities: Collection[str] | None = None,
    sectors: Collection[str] | None = None,
) -> Scenario:
    """The scenario in a URL value; a change it cannot read (junk, unknown codes when the
    known ones are given, numbers out of range) is left out. Never raises."""
    if not isinstance(text, str) or not text:
        return Scenario()
    try:
        text = unquote(text[: MAX_QUERY_LENGTH * 3])[:MAX_QUERY_LENGTH]
    except Exception:  # unquote is lenient, but a scenario must never break a page
        return Scenario()
    changes: list[Change] = []
    for item in text.split(","):
        change = _parse_change(item.strip())
        if change is None or not change.valid():
            continue
        if municipalities is not None and change.municipality not in municipalities:
            continue
        if sectors is not None and change.sector not in sectors:
            continue
        changes.append(change)
        if len(changes) == MAX_CHANGES:
            break
    return Scenario(tuple(changes))


def _parse_change(item: str) -> Change | None:
    parts = item.split(":")
    if not 3 <= len(parts) <= 5 or not all(_WHOLE.match(p) for p in parts[2:]):
        return None
    numbers = [int(p) for p in parts[2:]]
    return Change(
        municipality=parts[0].lower(),
        sector=parts[1].lower(),
        firms=numbers[0],
        employees=numbers[1] if len(numbers) > 1 else 0,
        founding_year=numbers[2] if len(numbers) > 2 else None,
    )


# ----------------------------------------------------------------------------- applying


@dataclass(frozen=True)
class ScenarioRows:
    """The scenario's firms as enterprise arrays (codes as in the table they are added to)."""

    municipality: np.ndarray
    sector: np.ndarray
    employees: np.ndarray
    founding_year: np.ndarray

    def __len__(self) -> int:
        return len(self.employees)


def scenario_rows(enterprises: Enterprises, scenario: Scenario) -> ScenarioRows:
    """One row per added firm; a change naming a municipality or sector the table does not
    know is left out (the parser already drops them when given the codes)."""
    units = {code: i for i, code in enumerate(enterprises.municipalities)}
    sectors = {code: i for i, code in enumerate(enterprises.sectors)}
    columns: list[tuple[np.ndarray, ...]] = []
    for change in scenario.changes:
        if change.municipality not in units or change.sector not in sectors or not change.valid():
            continue
        share, extra = divmod(change.employees, change.firms)
        employees = np.full(change.firms, share, dtype=np.float64)
        employees[:extra] += 1
        columns.append(
            (
                np.full(change.firms, units[change.municipality], dtype=np.int64),
                np.full(change.firms, sectors[change.sector], dtype=np.int64),
                employees,
                np.full(
                    change.firms,
                    NO_YEAR if change.founding_year is None else change.founding_year,
                    dtype=np.int64,
                ),
            )
        )
    if not columns:
        empty_int = np.zeros(0, dtype=np.int64)
        return ScenarioRows(empty_int, empty_int, np.zeros(0), empty_int)
    return ScenarioRows(*(np.concatenate(parts) for parts in zip(*columns, strict=True)))


def apply_scenario(enterprises: Enterprises, scenario: Scenario) -> tuple[Enterprises, np.ndarray]:
    """New arrays: the enterprises followed by the scenario's firms, and a boolean mask that is
    True on the scenario's rows. The input arrays are not modified (they are copied)."""
    added = scenario_rows(enterprises, scenario)
    combined = replace(
        enterprises,
        municipality=np.concatenate([enterprises.municipality, added.municipality]),
        sector=np.concatenate([enterprises.sector, added.sector]),
        employees=np.concatenate([enterprises.employees, added.employees]),
        founding_year=np.concatenate([enterprises.founding_year, added.founding_year]),
    )
    flag = np.zeros(len(combined), dtype=bool)
    flag[len(enterprises) :] = True
    return combined, flag


def _size_mask(employees: np.ndarray, sizes: Sequence[str]) -> np.ndarray:
    if not sizes:
        return np.ones(len(employees), dtype=bool)
    keep = np.zeros(len(employees), dtype=bool)
    for name, low, high in SIZE_CLASSES:
        if name in sizes:
            keep |= (employees >= low) & (employees <= high)
    return keep


@dataclass(frozen=True)
class WhatIf:
    """The current analysis and the scenario's, side by side."""

    scenario: Scenario
    current: Analysis
    changed: Analysis
    added_firms: int

    def comparison(self) -> pd.DataFrame:
        """Per municipality: score, rank, tier and rank range now and with the scenario."""
        now, then = self.current, self.changed
        return pd.DataFrame(
            {
                "score": now.index.score,
                "score_scenario": then.index.score,
                "rank": now.index.rank,
                "rank_scenario": then.index.rank,
                "tier": now.index.tier,
                "tier_scenario": then.index.tier,
                "best": now.robustness.best,
                "best_scenario": then.robustness.best,
                "worst": now.robustness.worst,
                "worst_scenario": then.robustness.worst,
            }
        )

    def indicator_changes(self, municipality: str) -> pd.DataFrame:
        """Every indicator of one municipality now and with the scenario, and the difference."""
        now = self.current.indicators.municipalities.loc[municipality]
        then = self.changed.indicators.municipalities.loc[municipality]
        return pd.DataFrame({"current": now, "scenario": then, "difference": then - now})


def what_if(
    enterprises: Enterprises,
    reference: pd.DataFrame,
    scenario: Scenario,
    *,
    weights: Mapping[str, float] | None = None,
    method: str = "minmax",
    parameters: Parameters | None = None,
    mask: np.ndarray | None = None,
    base_mask: np.ndarray | None = None,
    sectors: Sequence[str] = (),
    sizes: Sequence[str] = (),
    district_order: Sequence[str] | None = None,
    current: Analysis | None = None,
) -> WhatIf:
    """The analysis now (or ``current``, when the caller has it already) and with the scenario.

    ``mask``/``base_mask``/``sectors`` are those of :func:`~dashboard.valorization.analyse`.
    Where a mask is given, the scenario's firms are held to the same choice (``sectors`` and
    ``sizes``, which the mask was made from), so a crafts-only view gains only the scenario's
    crafts firms; the base mask (location quotients) takes them by size only.
    """
    parameters = parameters or Parameters()
    if current is None:
        current = analyse(
            enterprises,
            reference,
            weights=weights,
            method=method,
            parameters=parameters,
            mask=mask,
            base_mask=base_mask,
            sectors=sectors,
            district_order=district_order,
        )
    fixed = replace(parameters, reference_year=current.indicators.reference_year)
    combined, flag = apply_scenario(enterprises, scenario)
    new_sectors = np.asarray(enterprises.sectors, dtype=object)[combined.sector[flag]]
    in_sizes = _size_mask(combined.employees[flag], sizes)
    in_sectors = np.isin(new_sectors, list(sectors)) if sectors else np.ones(len(new_sectors), dtype=bool)

    def extend(existing: np.ndarray | None, passes: np.ndarray) -> np.ndarray | None:
        """The caller's mask, continued over the scenario's rows by the same choice."""
        return None if existing is None else np.concatenate([existing, passes])

    changed = analyse(
        combined,
        reference,
        weights=weights,
        method=method,
        parameters=fixed,
        mask=extend(mask, in_sizes & in_sectors),
        base_mask=extend(base_mask, in_sizes),
        sectors=sectors,
        district_order=district_order,
    )
    return WhatIf(scenario, current, changed, int(flag.sum()))


def what_if_state(
    columns,
    reference: pd.DataFrame,
    tiers: pd.Series,
    state,
    scenario: Scenario,
    district_order: Sequence[str] | None = None,
    current: Analysis | None = None,
) -> WhatIf:
    """:func:`what_if` for one state of the potential page (``PotentialState``) on the app's
    :class:`~dashboard.analysis.columns.EnterpriseColumns`, as ``analyse_state`` does it."""
    from dashboard.analysis.indicators import Filters

    # the same choice as analyse_state: the state's definition of "creative" included
    filters = Filters(sectors=state.sectors, size_classes=state.sizes, definition=state.definition)
    return what_if(
        Enterprises.from_columns(columns),
        reference,
        scenario,
        weights=state.weights,
        method=state.method,
        parameters=Parameters(growth_years=state.growth_years, national_per_1000=state.national),
        mask=columns.mask(filters, tiers),
        base_mask=columns.mask(filters.without("sectors"), tiers),
        sectors=state.sectors,
        sizes=state.sizes,
        district_order=district_order,
        current=current,
    )


__all__ = [
    "DRAWS",
    "Change",
    "Scenario",
    "WhatIf",
    "apply_scenario",
    "parse_scenario",
    "scenario_rows",
    "what_if",
    "what_if_state",
]

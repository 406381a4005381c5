"""Indicators per municipality, district and region, from the enterprises and reference data.

Two steps, both vectorised:

1. :func:`tally` counts what is *additive* per municipality -- enterprises, employees,
   micro firms, recently founded firms, enterprises per sector -- with one ``np.bincount``
   each. A sum of tallies is a tally, so districts and the region are aggregated from the
   municipalities, never recounted, and always agree with them.
2. :func:`indicator_table` turns a tally and the reference data into the ratios of the
   registry (per 1,000 inhabitants, shares, location quotients, entropy...).

At 100,000 enterprises the counting costs about a millisecond; everything after it works on
a table of 15 rows, which is what makes the weight sliders feel instant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization.registry import INDICATORS

MICRO_MAX = next(upper for name, _, upper in SIZE_CLASSES if name == "micro")
NO_YEAR = -1


@dataclass(frozen=True)
class Parameters:
    """What the user can set besides the weights.

    ``reference_year`` is the year growth is counted back from; ``None`` means the latest
    founding year in the data (the data's vintage), so the demo data and a register
    extract from another year both get a meaningful "last N years".
    """

    growth_years: int = 5
    reference_year: int | None = None
    national_per_1000: float | None = None  # national enterprises per 1,000 inhabitants


@dataclass(frozen=True)
class Enterprises:
    """The enterprise columns the indicators need, as integer codes.

    Codes are positions in ``municipalities`` / ``sectors`` (-1 when unknown); a founding
    year of -1 means unknown. Built once per data set, so a recomputation never touches
    strings.
    """

    municipality: np.ndarray
    sector: np.ndarray
    employees: np.ndarray
    founding_year: np.ndarray
    municipalities: list[str]
    sectors: list[str]

    def __len__(self) -> int:
        return len(self.employees)

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, municipalities: Sequence[str], sectors: Sequence[str]
    ) -> Enterprises:
        """From an enterprise table with ``municipality``, ``sector``, ``employees`` and
        (optionally) ``founding_year`` columns."""
        years = (
            pd.to_numeric(frame["founding_year"], errors="coerce")
            if "founding_year" in frame
            else pd.Series(np.nan, index=frame.index)
        )
        return cls(
            municipality=pd.Categorical(frame["municipality"], categories=list(municipalities)).codes.astype(
                np.int64
            ),
            sector=pd.Categorical(frame["sector"], categories=list(sectors)).codes.astype(np.int64),
            employees=pd.to_numeric(frame["employees"], errors="coerce").fillna(0).to_numpy(np.float64),
            founding_year=years.fillna(NO_YEAR).to_numpy(np.int64),
            municipalities=list(municipalities),
            sectors=list(sectors),
        )

    @classmethod
    def from_columns(cls, columns) -> Enterprises:
        """From the app's :class:`~dashboard.analysis.columns.EnterpriseColumns` (no copy of strings)."""
        return cls(
            municipality=columns.codes["municipality"],
            sector=columns.codes["sector"],
            employees=columns.employees,
            founding_year=columns.founding_year,
            municipalities=list(columns.categories["municipality"]),
            sectors=list(columns.categories["sector"]),
        )

    def latest_year(self) -> int | None:
        known = self.founding_year[self.founding_year != NO_YEAR]
        return int(known.max()) if len(known) else None


@dataclass(frozen=True)
class Tally:
    """Additive counts per unit (rows of every array follow ``units``)."""

    units: list[str]
    sectors: list[str]
    enterprises: np.ndarray
    employees: np.ndarray
    micro: np.ndarray
    dated: np.ndarray  # enterprises with a known founding year
    new: np.ndarray  # founded in the growth window
    by_sector: np.ndarray  # units × sectors, enterprises

    def group(self, labels: Sequence[str], groups: Sequence[str]) -> Tally:
        """Sum units into groups (municipalities into districts): ``labels[i]`` is unit i's group."""
        position = {g: k for k, g in enumerate(groups)}
        membership = np.zeros((len(groups), len(self.units)))
        for i, label in enumerate(labels):
            if label in position:
                membership[position[label], i] = 1.0
        return Tally(
            units=list(groups),
            sectors=self.sectors,
            enterprises=membership @ self.enterprises,
            employees=membership @ self.employees,
            micro=membership @ self.micro,
            dated=membership @ self.dated,
            new=membership @ self.new,
            by_sector=membership @ self.by_sector,
        )


def tally(enterprises: Enterprises, mask: np.ndarray | None, since_year: int | None) -> Tally:
    """Count the masked enterprises per municipality; ``since_year``: new means founded after it."""
    unit, sector = enterprises.municipality, enterprises.sector
    employees, years = enterprises.employees, enterprises.founding_year
    keep = unit >= 0
    if mask is not None:
        keep = keep & mask
    unit, sector, employees, years = unit[keep], sector[keep], employees[keep], years[keep]
    n_units, n_sectors = len(enterprises.municipalities), len(enterprises.sectors)

    def count(weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(unit, weights=weights, minlength=n_units).astype(np.float64)

    dated = years != NO_YEAR
    new = dated & (years > since_year) if since_year is not None else np.zeros(len(years), dtype=bool)
    known_sector = sector >= 0
    by_sector = np.bincount(
        unit[known_sector] * n_sectors + sector[known_sector], minlength=n_units * n_sectors
    ).reshape(n_units, n_sectors)
    return Tally(
        units=list(enterprises.municipalities),
        sectors=list(enterprises.sectors),
        enterprises=count(),
        employees=count(employees.astype(np.float64)),
        micro=count((employees <= MICRO_MAX).astype(np.float64)),
        dated=count(dated.astype(np.float64)),
        new=count(new.astype(np.float64)),
        by_sector=by_sector.astype(np.float64),
    )


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is zero or missing (never inf)."""
    numerator = np.asarray(numerator, dtype=np.float64)
    denominator = np.asarray(denominator, dtype=np.float64)
    out = np.full(np.broadcast(numerator, denominator).shape, np.nan)
    ok = np.isfinite(denominator) & (denominator != 0)
    np.divide(numerator, denominator, out=out, where=ok)
    return out


def location_quotients(base: Tally, regional_shares: np.ndarray) -> np.ndarray:
    """Units × sectors: each sector's share of the unit's enterprises over its regional share.

    1 is "as present as in the region"; 2, twice as concentrated. A unit with no enterprises
    gets 0 (nothing is concentrated there); a sector absent from the whole region, NaN.
    """
    local = _ratio(base.by_sector, base.enterprises[:, None])
    local = np.where(base.enterprises[:, None] > 0, local, 0.0)
    return _ratio(local, np.broadcast_to(regional_shares, local.shape))


def diversity(counts: np.ndarray) -> np.ndarray:
    """Shannon entropy of the sector mix divided by its maximum, ln S: 0 when all enterprises
    are in one sector, 1 when they are spread evenly over all S sectors (Pielou's evenness).

    Dividing by ln S keeps the value on 0-1 for any taxonomy size; NaN for a unit with no
    enterprises, where there is no mix to measure.
    """
    totals = counts.sum(axis=1, keepdims=True)
    shares = _ratio(counts, totals)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(shares > 0, -shares * np.log(shares), 0.0)
    entropy = terms.sum(axis=1)
    n_sectors = counts.shape[1]
    evenness = entropy / np.log(n_sectors) if n_sectors > 1 else np.zeros(len(counts))
    return np.where(totals[:, 0] > 0, evenness, np.nan)


def indicator_table(
    counts: Tally,
    lq: np.ndarray,
    population: np.ndarray,
    area: np.ndarray,
    region_enterprises: float,
    national_per_1000: float | None,
    chosen_sectors: np.ndarray | None = None,
) -> pd.DataFrame:
    """The registry's indicators for every unit of a tally (one row per unit, one column per
    indicator, in registry order).

    ``lq`` are the unit's location quotients (units × sectors); the specialisation indicator
    is the highest of them among ``chosen_sectors`` (a boolean mask; all when ``None``).
    """
    n, e = counts.enterprises, counts.employees
    per_1000 = _ratio(n, population) * 1000
    picked = lq if chosen_sectors is None else lq[:, chosen_sectors]
    with np.errstate(invalid="ignore"):
        max_lq = (
            np.nanmax(np.where(np.isnan(picked), -np.inf, picked), axis=1)
            if picked.shape[1]
            else np.full(len(n), np.nan)
        )
    max_lq = np.where(np.isfinite(max_lq), max_lq, np.nan)
    national = national_per_1000 if national_per_1000 and national_per_1000 > 0 else np.nan
    values = {
        "enterprises": n,
        "enterprises_per_1000": per_1000,
        "employees": e,
        "employees_per_1000": _ratio(e, population) * 1000,
        "max_lq": max_lq,
        "diversity": diversity(counts.by_sector),
        "growth": _ratio(counts.new, counts.dated),
        "average_size": _ratio(e, n),
        "micro_share": _ratio(counts.micro, n),
        "enterprises_per_km2": _ratio(n, area),
        "region_share": _ratio(n, np.full(len(n), region_enterprises)),
        "national_ratio": per_1000 / national,
    }
    return pd.DataFrame({i.key: values[i.key] for i in INDICATORS}, index=pd.Index(counts.units, name="code"))


@dataclass(frozen=True)
class IndicatorSet:
    """Every indicator at every level, plus the location-quotient matrices behind them."""

    municipalities: pd.DataFrame
    districts: pd.DataFrame
    region: pd.Series
    lq: pd.DataFrame  # municipality × sector
    lq_districts: pd.DataFrame
    reference_year: int | None
    parameters: Parameters = field(default_factory=Parameters)


def compute_indicators(
    enterprises: Enterprises,
    reference: pd.DataFrame,
    parameters: Parameters | None = None,
    *,
    mask: np.ndarray | None = None,
    base_mask: np.ndarray | None = None,
    sectors: Sequence[str] = (),
    district_order: Sequence[str] | None = None,
) -> IndicatorSet:
    """All indicators for the enterprises in ``mask`` (all when ``None``).

    ``reference`` is the municipality reference table (index = code, with ``population``,
    ``area_km2`` and ``district_code``), in the order of ``enterprises.municipalities``.
    ``base_mask`` is what location quotients are measured against -- the same selection
    without its sector filter, since a quotient compares a sector with all sectors; it
    defaults to ``mask``. ``sectors`` narrows the specialisation indicator to the sectors
    the user picked.
    """
    parameters = parameters or Parameters()
    reference = reference.reindex(enterprises.municipalities)
    reference_year = parameters.reference_year or enterprises.latest_year()
    since = reference_year - parameters.growth_years if reference_year is not None else None
    counts = tally(enterprises, mask, since)
    base = counts if base_mask is None else tally(enterprises, base_mask, since)
    chosen = np.isin(enterprises.sectors, list(sectors)) if sectors else None

    population = reference["population"].to_numpy(np.float64)
    area = (
        reference["area_km2"].to_numpy(np.float64)
        if "area_km2" in reference
        else np.full(len(population), np.nan)
    )
    district_of = reference["district_code"].astype(object).fillna("").to_list()
    districts = (
        list(district_order)
        if district_order is not None
        else list(dict.fromkeys(d for d in district_of if d))
    )

    region_base = base.by_sector.sum(axis=0)
    regional_shares = _ratio(region_base, np.full(len(region_base), region_base.sum()))
    region_total = float(counts.enterprises.sum())

    def level(t: Tally, b: Tally, pop: np.ndarray, km2: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        quotients = location_quotients(b, regional_shares)
        table = indicator_table(t, quotients, pop, km2, region_total, parameters.national_per_1000, chosen)
        return table, quotients

    municipal, municipal_lq = level(counts, base, population, area)
    membership_pop = pd.Series(population).groupby(district_of).sum()
    membership_area = pd.Series(area).groupby(district_of).sum(min_count=1)
    district_pop = membership_pop.reindex(districts).to_numpy(np.float64)
    district_area = membership_area.reindex(districts).to_numpy(np.float64)
    district_table, district_lq = level(
        counts.group(district_of, districts), base.group(district_of, districts), district_pop, district_area
    )
    everything = [""] * len(district_of)
    region_table, _ = level(
        counts.group(everything, [""]),
        base.group(everything, [""]),
        np.array([np.nansum(population)]),
        np.array([np.nansum(area)]),
    )
    sector_index = pd.Index(enterprises.sectors, name="sector")
    return IndicatorSet(
        municipalities=municipal,
        districts=district_table,
        region=region_table.iloc[0].rename("region"),
        lq=pd.DataFrame(municipal_lq, index=municipal.index, columns=sector_index),
        lq_districts=pd.DataFrame(district_lq, index=district_table.index, columns=sector_index),
        reference_year=reference_year,
        parameters=parameters,
    )

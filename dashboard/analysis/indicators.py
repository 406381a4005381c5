"""From validated enterprises to the figures the dashboard shows.

Pure functions over pandas objects: filtering and aggregation per municipality and
district. The development-potential index, whose tiers the ``tiers`` filter uses, is
built in :mod:`dashboard.valorization`. No Dash, no plotting here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from dashboard.sources.taxonomy import Taxonomy

METRICS = ("enterprises", "employees", "enterprises_per_1000", "location_quotient", "potential_index")
LEVELS = ("district", "municipality", "hexagon", "enterprises")
TIERS = ("high", "medium", "low")


@dataclass(frozen=True)
class Filters:
    """What the user has narrowed the data to; an empty tuple means 'all'."""

    districts: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    size_classes: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # (first, last) founding years, inclusive; () = all
    # The definition of "creative" counted (an id of the region's taxonomy); '' = the region's
    # default. Unlike the others it always applies: every count is under some definition.
    definition: str = ""

    @classmethod
    def from_values(cls, **values: object) -> Filters:
        """Build from UI values, where a cleared dropdown may arrive as None (and the
        definition, a single choice, as a string or a cleared list)."""
        definition = values.get("definition")
        return cls(
            **{f.name: tuple(values.get(f.name) or ()) for f in fields(cls) if f.name != "definition"},
            definition=definition if isinstance(definition, str) else "",
        )

    def without(self, *names: str) -> Filters:
        """The same filters with some cleared, e.g. the sector filter for location quotients."""
        return Filters(
            **{
                f.name: (f.default if f.name == "definition" else ())
                if f.name in names
                else getattr(self, f.name)
                for f in fields(self)
            }
        )


def filter_mask(
    enterprises: pd.DataFrame, filters: Filters, tiers: pd.Series, taxonomy: Taxonomy | None = None
) -> np.ndarray:
    """Boolean mask of the enterprises that pass every active filter.

    ``tiers`` maps municipality code -> potential tier, so the tier filter keeps
    the enterprises of municipalities in the chosen tiers. With a ``taxonomy``, only the
    enterprises whose activity class is in the chosen definition (else the region's default)
    pass; a group or division code passes when every creative class under it is in it.
    """
    mask = np.ones(len(enterprises), dtype=bool)
    if taxonomy is not None:
        definition = taxonomy.resolve(filters.definition)
        included = set(taxonomy.classes_in(definition))
        creative = [c for c in taxonomy.classes.index if taxonomy.class_bits(c)]

        def counted(code: object) -> bool:
            if not isinstance(code, str):
                return False
            if len(code) == 5:
                return code in included
            prefix = code + "." if len(code) == 2 else code
            under = [c for c in creative if c.startswith(prefix)]
            return bool(under) and all(c in included for c in under)

        mask &= enterprises["nace"].map(counted).to_numpy(dtype=bool)
    for column, chosen in (
        ("district", filters.districts),
        ("municipality", filters.municipalities),
        ("sector", filters.sectors),
        ("size_class", filters.size_classes),
    ):
        if chosen:
            mask &= enterprises[column].isin(chosen).to_numpy()
    if filters.tiers:
        allowed = tiers.index[tiers.isin(filters.tiers)]
        mask &= enterprises["municipality"].isin(allowed).to_numpy()
    if filters.years:
        first, last = filters.years
        years = pd.to_numeric(enterprises["founding_year"], errors="coerce")
        mask &= years.between(first, last).fillna(False).to_numpy(dtype=bool)
    return mask


def location_quotient(sector_counts: pd.Series, all_counts: pd.Series) -> pd.Series:
    """LQ of one sector per unit: its share of the unit's enterprises over its share region-wide.

    1 means the sector is as present as in the region as a whole; 2, twice as
    concentrated. Units with no enterprises get 0.
    """
    total = float(all_counts.sum())
    regional_share = float(sector_counts.sum()) / total if total else 0.0
    if regional_share == 0:
        return pd.Series(0.0, index=all_counts.index)
    local_share = (sector_counts / all_counts.where(all_counts > 0)).fillna(0.0)
    return local_share / regional_share


def aggregate(enterprises: pd.DataFrame, units: pd.DataFrame, key: str) -> pd.DataFrame:
    """Enterprise counts, employees and density per unit.

    ``units`` is a reference table indexed by unit code with a ``population``
    column; ``key`` is the enterprise column naming the unit ('municipality' or
    'district'). Every unit appears, with zeros where nothing was mapped, so a
    map never silently loses a municipality.
    """
    grouped = enterprises.groupby(key, observed=True)
    table = pd.DataFrame(
        {
            "enterprises": grouped.size(),
            "employees": grouped["employees"].sum(),
            "sectors_present": grouped["sector"].nunique(),
        }
    ).reindex(units.index, fill_value=0)
    table = table.astype("int64")
    population = units["population"].astype(float)
    table["enterprises_per_1000"] = table["enterprises"] / population * 1000
    table["employees_per_1000"] = table["employees"] / population * 1000
    return table


def district_units(municipalities: pd.DataFrame, districts: pd.DataFrame) -> pd.DataFrame:
    """District reference rows with the population of their municipalities summed."""
    population = municipalities.groupby("district_code")["population"].sum()
    return districts.assign(population=population.reindex(districts.index).fillna(0))


def totals(enterprises: pd.DataFrame) -> dict[str, int]:
    """The headline figures of the KPI cards."""
    return {
        "enterprises": len(enterprises),
        "employees": int(enterprises["employees"].sum()) if len(enterprises) else 0,
        "sectors": int(enterprises["sector"].nunique()) if len(enterprises) else 0,
    }


def sector_counts(enterprises: pd.DataFrame, sector_codes: list[str]) -> pd.Series:
    return enterprises["sector"].value_counts().reindex(sector_codes, fill_value=0)

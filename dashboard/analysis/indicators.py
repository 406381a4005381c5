"""From validated enterprises to the figures the dashboard shows.

Pure functions over pandas objects: filtering and aggregation per municipality and
district. The development-potential index, whose tiers the ``tiers`` filter uses, is
built in :mod:`dashboard.valorization`. No Dash, no plotting here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from dashboard.i18n.script import to_latin
from dashboard.sources.taxonomy import Taxonomy

METRICS = ("enterprises", "employees", "enterprises_per_1000", "location_quotient", "potential_index")
LEVELS = ("district", "municipality", "hexagon", "enterprises")
TIERS = ("high", "medium", "low")


SEARCH_LIMIT = 100  # characters of a search kept (an address may carry anything)
# What a search looks at, per row: each field's first characters (a name longer than this is
# still found by its beginning; the limit bounds the fast byte index in ``columns``).
SEARCH_FIELDS = (("name", 120), ("registration_number", 40), ("settlement", 80))
SEARCH_SEPARATOR = "\x1f"  # between fields, so a search never matches across two of them
_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш"
# Lower-case text to plain Latin letters: Serbian Cyrillic transliterated, diacritics dropped
# (đ as "dj"), so "cacak", "čačak" and "Чачак" find the same places.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PLAIN = {"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj"}
_FOLD = {c: "".join(_PLAIN.get(ch, ch) for ch in to_latin(c)) for c in _CYRILLIC} | _PLAIN
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD.get(match.group(), match.group())


def fold_text(text: str) -> str:
    """``text`` as a search compares it: lower case, Latin script, no diacritics. (Only the
    letters outside ASCII are looked up, so folding a whole table at once stays fast.)"""
    latin = _NOT_ASCII.sub(_fold_char, text.lower())
    if latin.isascii():
        return latin
    return _COMBINING.sub("", unicodedata.normalize("NFKD", latin))


def clean_search(text: object) -> str:
    """A search as typed, bounded: no control characters, outer spaces trimmed."""
    if not isinstance(text, str):
        return ""
    kept = "".join(ch for ch in text if ch.isprintable())
    return kept.strip()[:SEARCH_LIMIT].strip()


def employee_bound(value: object) -> int | None:
    """A minimum or maximum number of employees from a form or an address: a whole number
    of at least 0, or None (no bound) for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return int(min(number, 10**9))


def employee_range(low: object, high: object) -> tuple[int | None, int | None]:
    """(minimum, maximum) employees, each bound checked, swapped when given the wrong way round."""
    first, last = employee_bound(low), employee_bound(high)
    if first is not None and last is not None and first > last:
        first, last = last, first
    return first, last


def search_haystack(enterprises: pd.DataFrame) -> pd.Series:
    """Per row, the folded text a search looks in: name, registration number and settlement
    (each cut to its limit, line breaks as spaces), joined by a separator no search contains."""
    parts = []
    for column, limit in SEARCH_FIELDS:
        values = enterprises[column] if column in enterprises else pd.Series("", index=enterprises.index)
        text = values.astype(object).where(values.notna(), "").astype(str).str.slice(0, limit)
        parts.append(text.str.replace("\n", " ", regex=False))
    joined = parts[0].str.cat(parts[1:], sep=SEARCH_SEPARATOR)
    if not len(joined):
        return joined
    # One fold over all rows at once (a line per row) rather than a call per row.
    folded = fold_text("\n".join(joined.tolist())).split("\n")
    return pd.Series(folded, index=enterprises.index, dtype=object)


@dataclass(frozen=True)
class Filters:
    """What the user has narrowed the data to; an empty tuple (or None, or "") means 'all'."""

    districts: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    size_classes: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # (first, last) founding years, inclusive; () = all
    # The definition of "creative" counted (an id of the region's taxonomy); '' = the region's
    # default. Unlike the others it always applies: every count is under some definition.
    definition: str = ""
    # Employees as a number, inclusive bounds (None: no bound); they narrow the size classes'
    # choice further, both apply.
    min_employees: int | None = None
    max_employees: int | None = None
    # A substring of the name, registration number or settlement (see ``fold_text``).
    search: str = ""

    @classmethod
    def from_values(cls, **values: object) -> Filters:
        """Build from UI values, where a cleared dropdown may arrive as None (and the
        definition, a single choice, as a string or a cleared list; employees as numbers,
        text or None; the search as typed)."""
        definition = values.get("definition")
        low, high = employee_range(values.get("min_employees"), values.get("max_employees"))
        scalars = {"definition", "min_employees", "max_employees", "search"}
        return cls(
            **{f.name: tuple(values.get(f.name) or ()) for f in fields(cls) if f.name not in scalars},
            definition=definition if isinstance(definition, str) else "",
            min_employees=low,
            max_employees=high,
            search=clean_search(values.get("search")),
        )

    def without(self, *names: str) -> Filters:
        """The same filters with some cleared, e.g. the sector filter for location quotients."""
        return Filters(
            **{f.name: f.default if f.name in names else getattr(self, f.name) for f in fields(self)}
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
    employees = pd.to_numeric(enterprises["employees"], errors="coerce")
    if filters.min_employees is not None:
        mask &= (employees >= filters.min_employees).fillna(False).to_numpy(dtype=bool)
    if filters.max_employees is not None:
        mask &= (employees <= filters.max_employees).fillna(False).to_numpy(dtype=bool)
    needle = fold_text(filters.search)
    if needle:
        mask &= search_haystack(enterprises).str.contains(needle, regex=False).to_numpy(dtype=bool)
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

"""The enterprise table as integer-coded numpy columns, for filtering and counting fast.

Every filter change recomputes counts per district, municipality, hexagon,
sector, size class and year. With pandas ``groupby`` that costs tens of
milliseconds at 100,000 enterprises; with integer codes a filter is a lookup
``allowed[codes]`` and a count is one ``np.bincount`` -- well under a
millisecond each. The codes are built once, when the data is loaded.

``dashboard.analysis.indicators.aggregate`` is the readable pandas definition of the
same counts; the tests hold the two to the same results.

Which definition of "creative" a row belongs to is one integer per row (bit *i* for the
taxonomy's *i*-th definition, from its activity class), so filtering by definition is one
``&`` over the rows.

A search (a substring of the name, registration number or settlement) runs over one byte string
per row, folded once at load (``indicators.fold_text``), with ``numpy.char.find``: about ten
milliseconds at 100,000 enterprises, so the map and the key figures can follow it as one types.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.analysis.indicators import Filters, fold_text, search_haystack
from dashboard.sources.schema import LOCATION_PRECISIONS
from dashboard.sources.taxonomy import IMPLICIT_DEFINITION, Taxonomy

NO_YEAR = -1
SEARCH_WIDTH = 256  # bytes per row in the search index; longer rows are also kept whole aside
CATEGORICAL = ("district", "municipality", "sector", "size_class", "hexagon", "location_precision")


def _codes(values: pd.Series, categories: Sequence[str]) -> np.ndarray:
    codes = pd.Categorical(values.astype(object), categories=list(categories)).codes
    return codes.astype(np.int32)


def _byte_index(encoded: list[bytes]) -> np.ndarray | None:
    """The rows' search text as one fixed-width byte array, as wide as the longest row (at most
    SEARCH_WIDTH: the few longer rows are searched whole, aside)."""
    if not encoded:
        return None
    width = max(1, min(SEARCH_WIDTH, max(len(raw) for raw in encoded)))
    return np.array(encoded, dtype=f"S{width}")


@dataclass(frozen=True)
class EnterpriseColumns:
    """Integer codes (position in ``categories[name]``, -1 when unknown) and numbers."""

    categories: dict[str, list[str]]
    codes: dict[str, np.ndarray]
    employees: np.ndarray
    founding_year: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    synthetic: np.ndarray
    # Definitions of "creative" (taxonomy order), the one counted by default, and per row the
    # bit mask of the definitions that include it.
    definitions: tuple[str, ...] = (IMPLICIT_DEFINITION,)
    default_definition: str = IMPLICIT_DEFINITION
    membership: np.ndarray | None = None
    # What a search looks in: per row the folded text as UTF-8 (cut to SEARCH_WIDTH bytes), and
    # the rows longer than that whole, by position (a name of a thousand emoji must not widen
    # every row's slot).
    search_text: np.ndarray | None = None
    search_overflow: dict[int, str] | None = None

    @classmethod
    def build(
        cls,
        enterprises: pd.DataFrame,
        *,
        districts: Sequence[str],
        municipalities: Sequence[str],
        sectors: Sequence[str],
        size_classes: Sequence[str],
        hexagons: Sequence[str],
        hexagon_of_row: pd.Series | None = None,
        precisions: Sequence[str] = LOCATION_PRECISIONS,
        taxonomy: Taxonomy | None = None,
    ) -> EnterpriseColumns:
        """``taxonomy`` gives the definitions and each row's membership (from ``nace``);
        without one there is a single definition holding every row."""
        categories = {
            "district": list(districts),
            "municipality": list(municipalities),
            "sector": list(sectors),
            "size_class": list(size_classes),
            "hexagon": list(hexagons),
            "location_precision": list(precisions),
        }
        source = enterprises.assign(
            hexagon=hexagon_of_row if hexagon_of_row is not None else pd.Series("", index=enterprises.index)
        )
        codes = {name: _codes(source[name], categories[name]) for name in CATEGORICAL}
        years = pd.to_numeric(enterprises["founding_year"], errors="coerce").fillna(NO_YEAR)
        if taxonomy is not None:
            definitions = {
                "definitions": tuple(taxonomy.definition_ids),
                "default_definition": taxonomy.default_definition,
                "membership": taxonomy.member_bits(enterprises["nace"].reset_index(drop=True)),
            }
        else:
            definitions = {"membership": np.ones(len(enterprises), dtype=np.int64)}
        haystack = search_haystack(enterprises).tolist()
        encoded = [text.encode("utf-8") for text in haystack]
        return cls(
            categories=categories,
            codes=codes,
            search_text=_byte_index(encoded),
            search_overflow={i: haystack[i] for i, raw in enumerate(encoded) if len(raw) > SEARCH_WIDTH},
            employees=enterprises["employees"].to_numpy(dtype=np.int64),
            founding_year=years.to_numpy(dtype=np.int32),
            lon=enterprises["lon"].to_numpy(dtype=np.float64),
            lat=enterprises["lat"].to_numpy(dtype=np.float64),
            synthetic=enterprises["synthetic"].to_numpy(dtype=bool),
            **definitions,
        )

    def __len__(self) -> int:
        return len(self.employees)

    def _allowed(self, name: str, chosen: Sequence[str]) -> np.ndarray:
        lookup = np.zeros(len(self.categories[name]) + 1, dtype=bool)  # last slot: code -1
        for value in chosen:
            if value in self.categories[name]:
                lookup[self.categories[name].index(value)] = True
        return lookup[self.codes[name]]

    def resolve(self, definition: str | None) -> str:
        """The definition a filter means: the one named when known, else the default."""
        return definition if definition in self.definitions else self.default_definition

    def in_definition(self, definition: str | None) -> np.ndarray:
        """Rows the definition (else the default) counts as creative."""
        bit = np.int64(1) << np.int64(self.definitions.index(self.resolve(definition)))
        members = self.membership if self.membership is not None else np.ones(len(self), dtype=np.int64)
        return (members & bit) != 0

    def mask(self, filters: Filters, tiers: pd.Series) -> np.ndarray:
        """Rows passing every active filter (same meaning as ``indicators.filter_mask``), under
        the filters' definition of "creative"."""
        keep = self.in_definition(filters.definition)
        for name, chosen in (
            ("district", filters.districts),
            ("municipality", filters.municipalities),
            ("sector", filters.sectors),
            ("size_class", filters.size_classes),
        ):
            if chosen:
                keep &= self._allowed(name, chosen)
        if filters.tiers:
            keep &= self._allowed("municipality", list(tiers.index[tiers.isin(filters.tiers)]))
        if filters.years:
            first, last = filters.years
            keep &= (self.founding_year >= first) & (self.founding_year <= last)
        if filters.min_employees is not None:
            keep &= self.employees >= filters.min_employees
        if filters.max_employees is not None:
            keep &= self.employees <= filters.max_employees
        if filters.search:
            keep &= self.matching(filters.search)
        return keep

    def matching(self, search: str) -> np.ndarray:
        """Rows whose name, registration number or settlement contains ``search`` (folded)."""
        needle = fold_text(search)
        if not needle:
            return np.ones(len(self), dtype=bool)
        if self.search_text is None:
            return np.zeros(len(self), dtype=bool)
        hits = np.char.find(self.search_text, needle.encode("utf-8")) >= 0
        for row, text in (self.search_overflow or {}).items():
            hits[row] = needle in text
        return hits

    def exact(self) -> np.ndarray:
        """Rows whose coordinates were given, not derived from a settlement or seat."""
        return self.codes["location_precision"] == self.categories["location_precision"].index("exact")

    @cached_property
    def indexes(self) -> dict[str, pd.Index]:
        """Each category list as a pandas index, built once: a count's Series would otherwise
        build it anew from the list on every call (most of a count's time for the hexagons)."""
        return {name: pd.Index(values) for name, values in self.categories.items()}

    def count(self, name: str, mask: np.ndarray, *, employees: bool = False) -> pd.Series:
        """Enterprises (or their employees) per category of ``name`` among the masked rows."""
        codes = self.codes[name][mask]
        weights = self.employees[mask] if employees else None
        valid = codes >= 0
        counts = np.bincount(
            codes[valid],
            weights=None if weights is None else weights[valid],
            minlength=len(self.categories[name]),
        )
        return pd.Series(counts.astype(np.int64), index=self.indexes[name])

    def count_by_definition(self, name: str = "municipality", mask: np.ndarray | None = None) -> pd.DataFrame:
        """Enterprises per category of ``name`` (rows) under each definition (columns, in the
        taxonomy's order), among the masked rows: the same units counted side by side."""
        chosen = np.ones(len(self), dtype=bool) if mask is None else mask
        return pd.DataFrame(
            {d: self.count(name, chosen & self.in_definition(d)) for d in self.definitions},
            index=self.indexes[name],
        )

    def count_years(self, mask: np.ndarray, first: int, last: int) -> pd.Series:
        years = self.founding_year[mask]
        years = years[(years >= first) & (years <= last)]
        counts = np.bincount(years - first, minlength=last - first + 1)
        return pd.Series(counts, index=range(first, last + 1))

    def year_span(self) -> tuple[int, int]:
        known = self.founding_year[self.founding_year != NO_YEAR]
        if not len(known):
            return (2000, 2000)
        return int(known.min()), int(known.max())

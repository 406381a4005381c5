"""What every store does, and the record layout they share.

A store keeps the validated enterprises (one record per registration number, with
its point, location precision and derived columns) and the history of imports. Its
one writing operation, :meth:`Store.commit`, is atomic: after a crash or an error
the store holds exactly what it held before.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.sources.schema import DERIVED_COLUMNS, SCHEMA, empty_enterprises, size_class

COLUMNS: tuple[str, ...] = (*SCHEMA, *DERIVED_COLUMNS)
# The largest whole number every store keeps: PostGIS's ``integer`` columns (the GeoPackage
# keeps 64 bits). Validation bounds employees far below it, so a checked import always fits.
MAX_STORED_INTEGER = 2**31 - 1
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in {"lon", "lat", "employees", "founding_year", "synthetic"})


@dataclass(frozen=True)
class ImportRecord:
    """One file of one import, as the history lists it."""

    time: str  # ISO 8601, UTC
    file: str
    sha256: str
    rows: int
    added: int
    updated: int
    rejected: int


class StoreReadOnly(Exception):
    """The store may not be written (a read-only file or folder): nothing was changed."""


HISTORY_COLUMNS = tuple(f.name for f in fields(ImportRecord))
# Called inside the store's lock or transaction with the registration numbers stored
# before this import; returns the history records to write with it.
HistoryFor = Callable[[set[str]], list[ImportRecord]]


def history_frame(records: list[ImportRecord]) -> pd.DataFrame:
    return pd.DataFrame([asdict(r) for r in records], columns=list(HISTORY_COLUMNS))


def records_frame(enterprises: pd.DataFrame) -> pd.DataFrame:
    """The stored columns, in order, with plain types (text '' never NaN)."""
    out = pd.DataFrame(index=enterprises.index)
    for column in COLUMNS:
        values = (
            enterprises[column] if column in enterprises.columns else pd.Series(None, index=enterprises.index)
        )
        if column in TEXT_COLUMNS:
            out[column] = values.astype(object).where(values.notna(), "").astype(str)
        elif column in ("lon", "lat"):
            out[column] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif column == "employees":
            out[column] = pd.to_numeric(values, errors="coerce").fillna(0).astype("int64")
        elif column == "founding_year":
            out[column] = pd.to_numeric(values, errors="coerce").astype("Int64")
        else:  # synthetic
            out[column] = values.map(lambda v: str(v).strip().lower() in {"1", "true"}).astype(bool)
    return out


def storable_records(enterprises: pd.DataFrame) -> pd.DataFrame:
    """``records_frame`` for writing: raise ValueError, before anything is written, for a
    number no store keeps (validation refuses such rows; this guards other callers, so int64
    never wraps and PostGIS never fails in the middle of a commit)."""
    if "employees" in enterprises.columns and len(enterprises):
        numbers = pd.to_numeric(enterprises["employees"], errors="coerce").fillna(0)
        if not numbers.between(0, MAX_STORED_INTEGER).all():
            raise ValueError(f"employees beyond 0..{MAX_STORED_INTEGER} cannot be stored")
    return records_frame(enterprises)


def enterprises_frame(records: pd.DataFrame) -> gpd.GeoDataFrame:
    """Stored records -> the enterprise table the app uses (as validate_enterprises builds it)."""
    if records is None or records.empty:
        return empty_enterprises()
    table = records_frame(records.reset_index(drop=True))
    table["size_class"] = size_class(table["employees"])
    return gpd.GeoDataFrame(
        table, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326"
    ).reset_index(drop=True)


def merge(existing: pd.DataFrame | None, incoming: pd.DataFrame) -> pd.DataFrame:
    """Upsert by registration number: incoming records replace stored ones, the rest stay."""
    incoming = storable_records(incoming)
    if existing is None or existing.empty:
        return incoming.reset_index(drop=True)
    existing = records_frame(existing)
    kept = existing[~existing["registration_number"].isin(incoming["registration_number"])]
    return pd.concat([kept, incoming], ignore_index=True)


class Store(abc.ABC):
    """A place where imported enterprises live (GeoPackage file or PostGIS database)."""

    label: str  # for messages: the file path or the database, without credentials

    @abc.abstractmethod
    def has_data(self) -> bool:
        """True when the store exists and holds at least one enterprise."""

    @abc.abstractmethod
    def read_records(self) -> pd.DataFrame | None:
        """All stored records (``COLUMNS``), or None when there is no store yet."""

    @abc.abstractmethod
    def registration_numbers(self) -> set[str]: ...

    @abc.abstractmethod
    def history(self) -> pd.DataFrame:
        """The import history, oldest first (``HISTORY_COLUMNS``)."""

    @abc.abstractmethod
    def commit(self, enterprises: pd.DataFrame, history_for: HistoryFor) -> list[ImportRecord]:
        """Add or update ``enterprises`` and append their history, atomically."""

    def generation(self) -> str:
        """A stamp that changes with every commit, cheap enough to read every second: each
        server worker compares it with the one its data was loaded at, so an import committed
        by one worker (or the command line) reaches all of them. '' for a store not made yet."""
        return ""

    def read(self) -> gpd.GeoDataFrame | None:
        records = self.read_records()
        return None if records is None else enterprises_frame(records)


def text_or_empty(values: np.ndarray | pd.Series) -> pd.Series:
    series = pd.Series(values, dtype=object)
    return series.where(series.notna(), "").astype(str)

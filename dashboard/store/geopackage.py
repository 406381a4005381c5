"""The default store: one GeoPackage file (``data/store/enterprises.gpkg`` unless configured).

Layers: ``enterprises`` (points in EPSG:4326, one per registration number) and
``import_history`` (a plain table). Any GIS opens the file as it is.

A commit never touches the current file: it writes a complete new GeoPackage next
to it and moves it into place with ``os.replace``, which is atomic on one file
system. A crash at any moment leaves either the old file or the new one, never a
mixture; a lock file serialises concurrent imports (command line and web page).
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from dashboard.store.base import (
    COLUMNS,
    HISTORY_COLUMNS,
    HistoryFor,
    ImportRecord,
    Store,
    history_frame,
    merge,
    records_frame,
)

ENTERPRISES_LAYER = "enterprises"
HISTORY_LAYER = "import_history"

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


class GeoPackageStore(Store):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.label = str(self.path)

    def _layers(self) -> set[str]:
        if not self.path.exists():
            return set()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return {str(name) for name, _ in pyogrio.list_layers(self.path)}

    def has_data(self) -> bool:
        if ENTERPRISES_LAYER not in self._layers():
            return False
        return pyogrio.read_info(self.path, layer=ENTERPRISES_LAYER)["features"] > 0

    def read_records(self) -> pd.DataFrame | None:
        if ENTERPRISES_LAYER not in self._layers():
            return None
        frame = pyogrio.read_dataframe(self.path, layer=ENTERPRISES_LAYER, read_geometry=False)
        return records_frame(frame)

    def registration_numbers(self) -> set[str]:
        if ENTERPRISES_LAYER not in self._layers():
            return set()
        frame = pyogrio.read_dataframe(
            self.path, layer=ENTERPRISES_LAYER, columns=["registration_number"], read_geometry=False
        )
        return set(frame["registration_number"].astype(str))

    def history(self) -> pd.DataFrame:
        if HISTORY_LAYER not in self._layers():
            return history_frame([])
        frame = pyogrio.read_dataframe(self.path, layer=HISTORY_LAYER, read_geometry=False)
        return frame.reindex(columns=list(HISTORY_COLUMNS))

    def commit(self, enterprises: pd.DataFrame, history_for: HistoryFor) -> list[ImportRecord]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            existing = self.read_records()
            numbers = set(existing["registration_number"]) if existing is not None else set()
            records = history_for(numbers)
            merged = merge(existing, enterprises).sort_values("registration_number", kind="stable")
            history = pd.concat([self.history(), history_frame(records)], ignore_index=True)
            temporary = self.path.with_name(f".{self.path.stem}.{os.getpid()}.tmp{self.path.suffix}")
            try:
                self._write(temporary, merged, history)
                os.replace(temporary, self.path)
            finally:
                temporary.unlink(missing_ok=True)
            _fsync_directory(self.path.parent)
        return records

    @staticmethod
    def _write(target: Path, records: pd.DataFrame, history: pd.DataFrame) -> None:
        target.unlink(missing_ok=True)
        layer = gpd.GeoDataFrame(
            records[list(COLUMNS)].reset_index(drop=True),
            geometry=gpd.points_from_xy(records["lon"], records["lat"]),
            crs="EPSG:4326",
        )
        pyogrio.write_dataframe(layer, target, layer=ENTERPRISES_LAYER, driver="GPKG")
        pyogrio.write_dataframe(
            history.astype({"rows": "int64", "added": "int64", "updated": "int64", "rejected": "int64"}),
            target,
            layer=HISTORY_LAYER,
            driver="GPKG",
            append=True,
        )
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())

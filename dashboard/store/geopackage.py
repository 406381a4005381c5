"""The default store: one GeoPackage file (``data/store/enterprises.gpkg`` unless configured).

Layers: ``enterprises`` (points in EPSG:4326, one per registration number) and
``import_history`` (a plain table). Any GIS opens the file as it is.

A commit never touches the current file: it writes a complete new GeoPackage next
to it and moves it into place with ``os.replace``, which is atomic on one file
system. A crash at any moment leaves either the old file or the new one, never a
mixture; a lock file serialises concurrent imports (command line and web page).
The new file is named ``.<name>.<pid>.tmp.gpkg``: one left by a killed import is
removed by the next import, or when the app opens the store, while no import holds
the lock. The file's permissions are kept, and a read-only file (or folder) is
refused with :class:`StoreReadOnly`, not replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    StoreReadOnly,
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
def _locked(path: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the store's lock; with ``wait=False`` yield False at once when another holds it."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
        try:
            yield True
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _temporary_name(path: Path, pid: int | str) -> str:
    return f".{path.stem}.{pid}.tmp{path.suffix}"


def _writable(path: Path) -> bool:
    """May the store be replaced? By its mode bits, not os.access: root may write anything,
    but an operator who made the file read-only meant it."""
    if path.exists():
        return bool(path.stat().st_mode & stat.S_IWUSR)
    return os.access(path.parent, os.W_OK)


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

    def generation(self) -> str:
        """The file's inode, modification time and size: a commit moves a new file into place
        (``os.replace``), so all three are read by one ``stat`` and the inode alone changes."""
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return ""
        return f"{info.st_ino}-{info.st_mtime_ns}-{info.st_size}"

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

    def remove_stale_temporaries(self) -> list[Path]:
        """Delete new files a killed import left beside the store (with their SQLite journals).
        Only while holding the lock: then no import is writing one. Returns what was removed."""
        if not self.path.parent.is_dir() or not os.access(self.path.parent, os.W_OK):
            return []
        with _locked(self.path, wait=False) as held:
            return self._remove_temporaries() if held else []

    def _remove_temporaries(self) -> list[Path]:
        removed: list[Path] = []
        for leftover in self.path.parent.glob(_temporary_name(self.path, "*") + "*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
        return removed

    def commit(self, enterprises: pd.DataFrame, history_for: HistoryFor) -> list[ImportRecord]:
        if not self.path.parent.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnly(self.path.name) from exc
        if not _writable(self.path) or not os.access(self.path.parent, os.W_OK):
            raise StoreReadOnly(self.path.name)
        with _locked(self.path):
            if not _writable(self.path):  # made read-only while this import waited for the lock
                raise StoreReadOnly(self.path.name)
            self._remove_temporaries()  # a killed import's: the lock is ours, so none is being written
            existing = self.read_records()
            numbers = set(existing["registration_number"]) if existing is not None else set()
            records = history_for(numbers)
            merged = merge(existing, enterprises).sort_values("registration_number", kind="stable")
            history = pd.concat([self.history(), history_frame(records)], ignore_index=True)
            temporary = self.path.with_name(_temporary_name(self.path, os.getpid()))
            try:
                self._write(temporary, merged, history)
                if self.path.exists():  # keep the permissions the operator gave the file
                    os.chmod(temporary, stat.S_IMODE(self.path.stat().st_mode))
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

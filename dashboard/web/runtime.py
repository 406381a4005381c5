"""The data the running app serves, loaded once when the app is created.

Page callbacks are module-level functions (``@dash.callback``), so they reach
the loaded data through :func:`current` rather than through globals filled at
import time: importing the package never touches the disk.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from dashboard.analysis.columns import EnterpriseColumns
from dashboard.analysis.geometry import hexagon_grid, hexagon_of
from dashboard.analysis.indicators import district_units
from dashboard.analysis.mapmodel import MapBase
from dashboard.config import Settings
from dashboard.figures.style import map_style
from dashboard.sources.bundle import RegionData, load_region_data
from dashboard.sources.problems import Problem
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.store import open_store
from dashboard.valorization import Enterprises, default_potential


def _stored_enterprises(settings: Settings) -> tuple[tuple[gpd.GeoDataFrame, Path] | None, list[Problem]]:
    """The imported enterprises when the configured store holds any (with a label for the
    footer), else None; an unreadable store is a problem shown on the page, and the region's
    file is served instead."""
    if settings.enterprises_file is not None:  # an explicit file wins over the store
        return None, []
    store = open_store(settings)
    if store is None:
        return None, []
    try:
        if not store.has_data():
            return None, []
        return (store.read(), Path(getattr(store, "path", None) or store.label)), []
    except Exception as exc:  # a damaged file or an unreachable database must not stop the app
        problem = Problem(file=store.label, code="file_unreadable", details={"error": str(exc).strip()[:200]})
        return None, [problem]


def load_served_data(settings: Settings) -> RegionData:
    """The region's tables with the enterprises the app serves: the store's, when it holds
    any, else the region's file."""
    stored, problems = _stored_enterprises(settings)
    data = load_region_data(settings, stored=stored)
    data.problems.extend(problems)
    return data


T = TypeVar("T")


class Memo:
    """Small least-recently-used caches of results computed from one runtime's data.

    They belong to the runtime they describe: when an import replaces the runtime, its caches
    (and the enterprise tables they hold on to) go with it, and no key can outlive its data.
    """

    def __init__(self, kept_per_name: int = 16) -> None:
        self._kept = kept_per_name
        self._tables: dict[str, OrderedDict[Hashable, object]] = {}
        self._computing: dict[tuple[str, Hashable], threading.Lock] = {}
        self._lock = threading.Lock()

    def _lookup(self, name: str, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            table = self._tables.setdefault(name, OrderedDict())
            if key in table:
                table.move_to_end(key)
                return True, table[key]
            return False, None

    def get(self, name: str, key: Hashable, compute: Callable[[], T], kept: int | None = None) -> T:
        """``compute()``'s result for ``key`` in the cache ``name``, computed once while kept.

        A page's small views ask for the same analysis in parallel requests; the first computes
        it while the others wait for its result instead of repeating the work."""
        found, value = self._lookup(name, key)
        if found:
            return value  # type: ignore[return-value]
        with self._lock:
            guard = self._computing.setdefault((name, key), threading.Lock())
        with guard:
            found, value = self._lookup(name, key)
            if not found:
                value = compute()
                with self._lock:
                    table = self._tables[name]
                    table[key] = value
                    while len(table) > (kept or self._kept):
                        table.popitem(last=False)
            with self._lock:
                self._computing.pop((name, key), None)
        return value  # type: ignore[return-value]


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    data: RegionData
    map_base: MapBase
    district_units: pd.DataFrame  # district reference with summed population
    potential: pd.DataFrame  # default potential index: score, rank and tier per municipality
    style: dict
    columns: EnterpriseColumns  # the enterprises coded for fast filtering and counting
    memo: Memo = field(default_factory=Memo, init=False, compare=False, repr=False)  # results from this data

    @classmethod
    def load(cls, settings: Settings) -> Runtime:
        data = load_served_data(settings)
        units = district_units(data.municipalities, data.districts)
        attribution = " · ".join(data.region.attribution.values())
        hexagons = (
            hexagon_grid(data.boundaries.districts.union_all()) if data.boundaries.has_districts else None
        )
        columns = EnterpriseColumns.build(
            data.enterprises,
            districts=list(data.districts.index),
            municipalities=list(data.municipalities.index),
            sectors=data.taxonomy.sector_codes,
            size_classes=[name for name, _, _ in SIZE_CLASSES],
            hexagons=list(hexagons.index) if hexagons is not None else [],
            hexagon_of_row=hexagon_of(data.enterprises["lon"], data.enterprises["lat"]),
        )
        return cls(
            settings=settings,
            data=data,
            map_base=MapBase.build(
                data.municipalities,
                data.districts,
                data.boundaries.municipalities,
                data.boundaries.districts,
                hexagons,
            ),
            district_units=units,
            potential=default_potential(Enterprises.from_columns(columns), data.municipalities),
            style=map_style(
                tiles=settings.basemap_tiles,
                tiles_attribution=settings.basemap_attribution,
                attribution=attribution,
                rivers=data.rivers[["geometry"]].to_geo_dict(drop_id=True)
                if data.rivers is not None
                else None,
            ),
            columns=columns,
        )


_current: Runtime | None = None


def install(runtime: Runtime) -> None:
    global _current
    _current = runtime


def current() -> Runtime:
    if _current is None:
        raise RuntimeError("the app has not been created: call dashboard.app.create_app() first")
    return _current

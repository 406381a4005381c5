"""The data the running app serves, loaded once when the app is created.

Page callbacks are module-level functions (``@dash.callback``), so they reach
the loaded data through :func:`current` rather than through globals filled at
import time: importing the package never touches the disk.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import dash
import geopandas as gpd
import pandas as pd

from dashboard.analysis.clusters import ClusterSettings
from dashboard.analysis.columns import EnterpriseColumns
from dashboard.analysis.geometry import hexagon_grid, hexagon_of
from dashboard.analysis.indicators import district_units
from dashboard.analysis.mapmodel import MapBase
from dashboard.config import Settings
from dashboard.figures.style import GLYPHS_URL, map_style
from dashboard.sources.bundle import RegionData, load_region_data
from dashboard.sources.problems import Problem
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.store import Store, open_store
from dashboard.valorization import Enterprises, default_potential
from dashboard.valorization.agenda import AgendaRules, load_agenda_rules


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


def serves_store(settings: Settings) -> bool:
    """Does the app show a store's enterprises (rather than a file named in the settings)?"""
    if settings.enterprises_file is not None:
        return False
    return bool(settings.database_url) or settings.store_path is not None


def read_generation(settings: Settings) -> str:
    """The configured store's generation ('' without a store, or when it cannot be read: the
    watcher then reloads as soon as it can)."""
    if not serves_store(settings):
        return ""
    try:
        store = open_store(settings)
        return store.generation() if store is not None else ""
    except Exception:
        return ""


def load_served_data(settings: Settings) -> RegionData:
    """The region's tables with the enterprises the app serves: the store's, when it holds
    any, else the region's file."""
    stored, problems = _stored_enterprises(settings)
    data = load_region_data(settings, stored=stored)
    data.problems.extend(problems)
    return data


def _beyond_settings(data: RegionData) -> tuple[AgendaRules, ClusterSettings]:
    """The agenda rules (``[files] agenda``) and the cluster settings (``[clusters]``) of the
    region; an unusable value keeps its default and is listed with the data's problems."""
    rules, problems = load_agenda_rules(data.region.files.get("agenda"))
    clusters, wrong = ClusterSettings.from_mapping(data.region.clusters)
    problems += [
        Problem(
            file="region.toml",
            code="setting_invalid",
            column=f"clusters.{name}",
            value=str(value),
            severity="warning",
        )
        for name, value in wrong
    ]
    data.problems.extend(problems)
    return rules, clusters


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
    generation: str = ""  # the store's generation this data was read at ('' without a store)
    agenda_rules: AgendaRules = field(default_factory=AgendaRules)  # agenda.toml: thresholds, peer rule
    cluster_settings: ClusterSettings = field(default_factory=ClusterSettings)  # region.toml [clusters]
    memo: Memo = field(default_factory=Memo, init=False, compare=False, repr=False)  # results from this data

    def style_in(self, language: str) -> dict:
        """The map style with the data credits in ``language`` (MapLibre's attribution control
        shows them on the map, so a Cyrillic page must not get the English line) and the glyphs
        under the app's path prefix (a deployment under ``/cim/`` serves them there)."""
        sources = self.style["sources"]
        style = (
            {**self.style, "glyphs": _served(GLYPHS_URL)}
            if self.style.get("glyphs") == GLYPHS_URL
            else self.style
        )
        if "credits" not in sources:
            return style
        credits = " · ".join(self.data.region.credits(language).values())
        return {
            **style,
            "sources": {**sources, "credits": {**sources["credits"], "attribution": credits}},
        }

    @classmethod
    def load(cls, settings: Settings) -> Runtime:
        generation = read_generation(settings)  # before the data: a commit in between reloads again
        data = load_served_data(settings)
        agenda_rules, cluster_settings = _beyond_settings(data)
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
            taxonomy=data.taxonomy,
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
            potential=default_potential(
                Enterprises.from_columns(columns), data.municipalities, mask=columns.in_definition(None)
            ),
            style=map_style(
                tiles=settings.basemap_tiles,
                tiles_attribution=settings.basemap_attribution,
                attribution=attribution,
                rivers=data.rivers[["geometry"]].to_geo_dict(drop_id=True)
                if data.rivers is not None
                else None,
            ),
            columns=columns,
            generation=generation,
            agenda_rules=agenda_rules,
            cluster_settings=cluster_settings,
        )


def _served(path: str) -> str:
    """``path`` (from the app's root) under the running app's path prefix; as it is outside an
    app (figures built in tests or scripts)."""
    try:
        return dash.get_relative_path(path)
    except Exception:  # no Dash app registered (dash raises its own exception types here)
        return path


_current: Runtime | None = None


def install(runtime: Runtime) -> None:
    global _current
    _current = runtime


def current() -> Runtime:
    if _current is None:
        raise RuntimeError("the app has not been created: call dashboard.app.create_app() first")
    return _current


class Watch:
    """Keeps this process's data in step with the store, for servers with several workers.

    An import reloads the data only in the process that committed it; every other worker (and
    every import from the command line) is noticed here: :meth:`check` runs before each request,
    reads the store's generation at most once per ``interval`` seconds, and when it differs from
    the one the current data was read at, loads the new data in a background thread and installs
    it. Requests meanwhile go on with the previous data, so none waits for the reload.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checked = float("-inf")
        self._loading = False
        self._store: tuple[Settings, Store | None] | None = None
        self.error = ""  # why the store could not be read at the last check ('' when it could)
        self.seen = ""  # the generation read at the last check

    def _store_for(self, settings: Settings) -> Store | None:
        if self._store is None or self._store[0] is not settings:
            self._store = (settings, open_store(settings))
        return self._store[1]

    def check(self, interval: float) -> None:
        now = time.monotonic()
        runtime = _current
        with self._lock:
            if runtime is None:
                return
            # A runtime with other settings (an app created anew in this process) is checked at
            # once: the last check's answer was about another store.
            same_store = self._store is not None and self._store[0] is runtime.settings
            if same_store and now - self._checked < interval:
                return
            self._checked = now
        if not serves_store(runtime.settings):
            return
        try:
            store = self._store_for(runtime.settings)
            self.seen = store.generation() if store is not None else ""
            self.error = ""
        except Exception as exc:  # an unreachable database: keep serving what is loaded
            self.error = str(exc).strip()[:200] or type(exc).__name__
            return
        if self.seen != runtime.generation:
            self._reload(runtime.settings)

    @property
    def loading(self) -> bool:
        return self._loading

    def _reload(self, settings: Settings) -> None:
        with self._lock:
            if self._loading:
                return
            self._loading = True

        def load() -> None:
            try:
                fresh = Runtime.load(settings)
                if _current is not None and _current.settings is settings:
                    install(fresh)
            except Exception as exc:
                self.error = str(exc).strip()[:200] or type(exc).__name__
            finally:
                self._loading = False

        threading.Thread(target=load, name="cim-data-reload", daemon=True).start()


WATCH = Watch()

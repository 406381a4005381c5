"""Shared pieces of the benchmarks: the project's data, scaled up to any size, and the
one output format every benchmark prints."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np

from dashboard.config import Settings
from dashboard.web.runtime import Runtime


@dataclass(frozen=True)
class Figure:
    """One measured figure against its target (``lower_is_better`` decides how ``ok`` reads)."""

    figure: str
    value: float
    unit: str
    target: float | None
    lower_is_better: bool = True

    @property
    def ok(self) -> bool:
        if self.target is None:
            return True
        return self.value <= self.target if self.lower_is_better else self.value >= self.target

    def as_json(self) -> str:
        return json.dumps(
            {
                "figure": self.figure,
                "value": round(self.value, 3),
                "unit": self.unit,
                "target": self.target,
                "ok": self.ok,
            },
            ensure_ascii=False,
        )


def project_runtime() -> Runtime:
    return Runtime.load(Settings())


def scaled_enterprises(base: gpd.GeoDataFrame, count: int, seed: int = 1) -> gpd.GeoDataFrame:
    """``count`` enterprises resampled from the demo table, points jittered by ~300 m.

    Keeps the demo's mix of sectors, sizes and places, so a benchmark at 100,000 rows
    exercises the same code paths as the real app at that size.
    """
    rng = np.random.default_rng(seed)
    picked = base.iloc[rng.integers(0, len(base), size=count)].reset_index(drop=True)
    lon = picked["lon"].to_numpy() + rng.normal(0, 0.004, count)
    lat = picked["lat"].to_numpy() + rng.normal(0, 0.003, count)
    picked = picked.assign(lon=lon, lat=lat, registration_number=[f"DEMO-{i:07d}" for i in range(count)])
    return gpd.GeoDataFrame(picked, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


def median_ms(action: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)

"""Creative microclusters: dense groups of creative firms found from their locations.

The method is DBSCAN (Ester et al. 1996), the density method the UK Creative Industries
Policy and Evidence Centre used for its microclusters: a firm is a *core* firm when at least
``min_size`` firms (itself included) lie within ``radius_m`` metres of it; core firms within
``radius_m`` of each other belong to one cluster, and a firm that is not core but lies within
``radius_m`` of a core firm joins that firm's cluster (its *border*). Clusters that end up
with fewer than ``min_size`` firms are dropped, so every cluster shown has at least that many.

Only firms located exactly or at their settlement take part: a firm placed at the municipal
seat because nothing better was known would make every seat look like a cluster. How many
were left out is part of the result.

Why not ``sklearn.cluster.DBSCAN`` directly? On haversine distances, or on the same points
projected to metres, it gives the same clusters but took 5.5 s at 100,000 firms on the
development machine: dense town centres give every firm hundreds of neighbours, and
scikit-learn lists them all. This module computes the same clusters without listing
neighbours (the tests hold it to scikit-learn's DBSCAN on the same points):

1. points are projected to the local UTM zone and measured in metres. Haversine distance
   takes the Earth for a sphere, which is itself up to about 0.5 % off the ellipsoid; the
   projected distances differ from haversine ones by less than that across a region (a test
   checks), i.e. by under 2.5 m on a 500 m radius, which only decides firms within a few
   metres of the radius;
2. a grid of cells with side ``radius / √2`` is laid over them: any two points in one cell
   are within the radius, so every point of a cell holding ``min_size`` points is core
   without a query; the other points are counted with a KD-tree (``return_length``);
3. core cells are joined when some core point of one lies within the radius of some core
   point of the other. Only cells up to two apart can qualify; bounding boxes settle most
   pairs, the rest are checked point by point, and pairs already joined are skipped;
4. a border point joins the cluster of its nearest core point.

The labelling of border points between two clusters is the one place DBSCAN itself is not
unique (scikit-learn takes whichever cluster reaches the point first); nearest core point is
the deterministic choice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from scipy.spatial import cKDTree

PRECISIONS_USED = ("exact", "settlement")
NOISE = 0  # label of a firm that takes part but belongs to no cluster
LEFT_OUT = -1  # label of a firm that does not take part (location known only to the municipality)
MAX_RADIUS_M = 50_000.0
MAX_MIN_SIZE = 100_000
CLUSTER_COLUMNS = (
    "cluster",
    "members",
    "employees",
    "sector_mix",
    "dominant_sector",
    "dominant_share",
    "municipalities",
    "first_year",
    "last_year",
    "median_year",
    "lon",
    "lat",
    "geometry",
)


@dataclass(frozen=True)
class ClusterSettings:
    """The two DBSCAN settings and how far each outline is widened (all in metres / firms).

    Defaults suit a mostly rural region (see ``[clusters]`` in ``data/region.toml``): 500 m
    is a village centre or a town quarter, and 10 firms already stand out there.
    """

    radius_m: float = 500.0
    min_size: int = 10
    hull_buffer_m: float = 50.0

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise ValueError("; ".join(f"{key} = {value!r}" for key, value in problems))

    def problems(self) -> list[tuple[str, object]]:
        """The settings that are out of range, as (name, value)."""
        wrong: list[tuple[str, object]] = []
        if not _number_in(self.radius_m, 0.0, MAX_RADIUS_M, open_low=True):
            wrong.append(("radius_m", self.radius_m))
        if not (isinstance(self.min_size, int) and 2 <= self.min_size <= MAX_MIN_SIZE):
            wrong.append(("min_size", self.min_size))
        if not _number_in(self.hull_buffer_m, 0.0, MAX_RADIUS_M):
            wrong.append(("hull_buffer_m", self.hull_buffer_m))
        return wrong

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> tuple[ClusterSettings, list[tuple[str, object]]]:
        """Settings from a ``[clusters]`` table; each invalid value falls back to its default and
        is returned as (name, value) so the caller can report it."""
        defaults = cls()
        chosen: dict[str, Any] = {}
        wrong: list[tuple[str, object]] = []
        for name in ("radius_m", "min_size", "hull_buffer_m"):
            if name not in values:
                continue
            value = values[name]
            if name == "min_size" and isinstance(value, float) and value.is_integer():
                value = int(value)
            try:
                cls(**{name: value})
            except (ValueError, TypeError):
                wrong.append((name, value))
                continue
            chosen[name] = value
        settings = cls(**{**defaults.__dict__, **chosen})
        return settings, wrong


def _number_in(value: object, low: float, high: float, *, open_low: bool = False) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return False
    return (value > low if open_low else value >= low) and value <= high


@dataclass(frozen=True)
class ClusterResult:
    """Clusters of one set of enterprises.

    ``labels`` follows the input's index: the cluster id (1, 2, ... by size, largest first),
    ``NOISE`` (0) for a firm in no cluster, ``LEFT_OUT`` (-1) for a firm that did not take
    part. ``clusters`` has one row per cluster (``CLUSTER_COLUMNS``; the outline in EPSG:4326).
    """

    labels: pd.Series
    clusters: gpd.GeoDataFrame
    considered: int
    left_out: int
    settings: ClusterSettings

    @property
    def clustered(self) -> int:
        return int((self.labels > NOISE).sum())


# ----------------------------------------------------------------------------- DBSCAN


def utm_crs(lon: float, lat: float) -> str:
    """The UTM zone (WGS84) holding a point: a metric CRS with negligible distortion nearby."""
    zone = min(max(int((lon + 180) // 6) + 1, 1), 60)
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def dbscan_labels(points: np.ndarray, radius: float, min_size: int) -> tuple[np.ndarray, np.ndarray]:
    """DBSCAN of planar points (n × 2, metres): a cluster number per point (-1 = noise, clusters
    numbered from 0 in no particular order) and a boolean mask of the core points."""
    n = len(points)
    labels = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return labels, np.zeros(0, dtype=bool)
    side = radius / math.sqrt(2.0)
    cell = np.floor((points - points.min(axis=0)) / side).astype(np.int64)
    width = int(cell[:, 1].max()) + 5  # room for offsets of ±2 without wrapping into another column
    key = cell[:, 0] * width + cell[:, 1]
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    core = counts[inverse] >= min_size
    tree = cKDTree(points)
    unsure = np.flatnonzero(~core)
    if len(unsure):
        core[unsure] = tree.query_ball_point(points[unsure], radius, return_length=True) >= min_size
    core_index = np.flatnonzero(core)
    if not len(core_index):
        return labels, core
    component = _join_core_cells(points, core_index, key, width, radius)
    labels[core_index] = component
    border = np.flatnonzero(~core)
    if len(border):
        distance, nearest = cKDTree(points[core_index]).query(
            points[border], k=1, distance_upper_bound=radius * (1 + 1e-12)
        )
        reached = np.isfinite(distance)
        labels[border[reached]] = component[nearest[reached]]
    return labels, core


def _join_core_cells(
    points: np.ndarray, core_index: np.ndarray, key: np.ndarray, width: int, radius: float
) -> np.ndarray:
    """Component number of every core point (in the order of ``core_index``)."""
    order = np.argsort(key[core_index], kind="stable")
    sorted_index = core_index[order]
    cells, start, size = np.unique(key[sorted_index], return_index=True, return_counts=True)
    p = points[sorted_index]
    low_x, high_x = np.minimum.reduceat(p[:, 0], start), np.maximum.reduceat(p[:, 0], start)
    low_y, high_y = np.minimum.reduceat(p[:, 1], start), np.maximum.reduceat(p[:, 1], start)

    first, second = [], []
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            if (dx, dy) <= (0, 0):
                continue  # each unordered pair of cells once
            target = cells + dx * width + dy
            at = np.searchsorted(cells, target)
            at[at >= len(cells)] = 0
            hit = cells[at] == target
            first.append(np.flatnonzero(hit))
            second.append(at[hit])
    a, b = np.concatenate(first), np.concatenate(second)
    gap_x = np.maximum(0, np.maximum(low_x[b] - high_x[a], low_x[a] - high_x[b]))
    gap_y = np.maximum(0, np.maximum(low_y[b] - high_y[a], low_y[a] - high_y[b]))
    near = np.hypot(gap_x, gap_y) <= radius
    a, b = a[near], b[near]
    span_x = np.maximum(high_x[b] - low_x[a], high_x[a] - low_x[b])
    span_y = np.maximum(high_y[b] - low_y[a], high_y[a] - low_y[b])
    sure = np.hypot(span_x, span_y) <= radius  # every pair within the radius: no check needed
    first_sure = np.argsort(~sure, kind="stable")

    parent = list(range(len(cells)))

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    squared = radius * radius
    for i, j, certain in zip(
        a[first_sure].tolist(), b[first_sure].tolist(), sure[first_sure].tolist(), strict=True
    ):
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue
        if not certain:
            pi = p[start[i] : start[i] + size[i]]
            pj = p[start[j] : start[j] + size[j]]
            if ((pi[:, None, :] - pj[None, :, :]) ** 2).sum(axis=2).min() > squared:
                continue
        parent[root_i] = root_j
    roots = np.array([find(i) for i in range(len(cells))])
    cell_component = np.unique(roots, return_inverse=True)[1]
    component_sorted = np.repeat(cell_component, size)
    component = np.empty(len(core_index), dtype=np.int64)
    component[order] = component_sorted
    return component


# ----------------------------------------------------------------------------- clusters of firms


def find_clusters(
    enterprises: pd.DataFrame, settings: ClusterSettings | None = None, *, crs: str | None = None
) -> ClusterResult:
    """Microclusters of ``enterprises`` (any subset of the enterprise table: the caller passes
    the filtered firms) with columns lon, lat, location_precision, sector, municipality,
    employees, founding_year. ``crs`` is the metric CRS to measure in (default: the UTM zone
    of the firms' centre)."""
    settings = settings or ClusterSettings()
    precision = enterprises.get("location_precision", pd.Series("exact", index=enterprises.index))
    lon = pd.to_numeric(enterprises["lon"], errors="coerce")
    lat = pd.to_numeric(enterprises["lat"], errors="coerce")
    taking_part = precision.isin(PRECISIONS_USED) & lon.notna() & lat.notna()
    labels = pd.Series(LEFT_OUT, index=enterprises.index, dtype=np.int64)
    members = enterprises[taking_part.to_numpy()]
    considered = len(members)
    if considered == 0:
        return ClusterResult(labels, empty_clusters(), 0, len(enterprises), settings)
    lon_values = lon[taking_part].to_numpy(np.float64)
    lat_values = lat[taking_part].to_numpy(np.float64)
    crs = crs or utm_crs(float(np.mean(lon_values)), float(np.mean(lat_values)))
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon_values, lat_values)
    points = np.column_stack([x, y])
    raw, _ = dbscan_labels(points, settings.radius_m, settings.min_size)

    # Number clusters 1, 2, ... largest first; drop any left smaller than min_size.
    found = raw[raw >= 0]
    sizes = np.bincount(found) if len(found) else np.zeros(0, dtype=np.int64)
    kept = np.flatnonzero(sizes >= settings.min_size)
    ranking = kept[np.lexsort((kept, -sizes[kept]))]
    renumber = np.zeros(len(sizes) + 1, dtype=np.int64)  # position len(sizes) stands for noise
    renumber[ranking] = np.arange(1, len(ranking) + 1)
    final = renumber[np.where(raw >= 0, raw, len(sizes))]
    labels.loc[taking_part[taking_part].index] = final
    table = _cluster_table(members, final, points, crs, settings)
    return ClusterResult(labels, table, considered, len(enterprises) - considered, settings)


def empty_clusters() -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in CLUSTER_COLUMNS if c != "geometry"})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs="EPSG:4326"), crs="EPSG:4326")


def _cluster_table(
    members: pd.DataFrame, labels: np.ndarray, points: np.ndarray, crs: str, settings: ClusterSettings
) -> gpd.GeoDataFrame:
    inside = labels > NOISE
    if not inside.any():
        return empty_clusters()
    ids = labels[inside]
    frame = pd.DataFrame(
        {
            "cluster": ids,
            "sector": members["sector"].to_numpy()[inside],
            "municipality": members["municipality"].to_numpy()[inside],
            "employees": pd.to_numeric(members["employees"], errors="coerce").fillna(0).to_numpy()[inside],
            "year": _years(members)[inside],
            "lon": pd.to_numeric(members["lon"]).to_numpy()[inside],
            "lat": pd.to_numeric(members["lat"]).to_numpy()[inside],
        }
    )
    grouped = frame.groupby("cluster", sort=True)
    table = pd.DataFrame(
        {
            "members": grouped.size(),
            "employees": grouped["employees"].sum().astype(np.int64),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
            "median_year": grouped["year"].median(),
            "lon": grouped["lon"].mean(),
            "lat": grouped["lat"].mean(),
        }
    )
    mix = frame.groupby(["cluster", "sector"]).size().rename("n").reset_index()
    mix = mix.sort_values(["cluster", "n", "sector"], ascending=[True, False, True])
    table["sector_mix"] = pd.Series(
        {c: dict(zip(g["sector"], g["n"].astype(int), strict=True)) for c, g in mix.groupby("cluster")}
    )
    top = mix.drop_duplicates("cluster").set_index("cluster")
    table["dominant_sector"] = top["sector"]
    table["dominant_share"] = top["n"] / table["members"]
    spread = frame.groupby(["cluster", "municipality"]).size().rename("n").reset_index()
    spread = spread.sort_values(["cluster", "n", "municipality"], ascending=[True, False, True])
    table["municipalities"] = pd.Series({c: tuple(g["municipality"]) for c, g in spread.groupby("cluster")})
    by_cluster = np.argsort(ids, kind="stable")
    hulls = shapely.convex_hull(shapely.multipoints(points[inside][by_cluster], indices=ids[by_cluster] - 1))
    outlines = shapely.buffer(hulls, max(settings.hull_buffer_m, 1.0), quad_segs=4)
    geometry = gpd.GeoSeries(outlines, crs=crs).to_crs("EPSG:4326")
    table = table.reset_index(names="cluster")
    return gpd.GeoDataFrame(table, geometry=geometry.to_numpy(), crs="EPSG:4326")[list(CLUSTER_COLUMNS)]


def _years(members: pd.DataFrame) -> np.ndarray:
    """Founding years as floats, NaN where unknown (the column is a nullable integer)."""
    if "founding_year" not in members:
        return np.full(len(members), np.nan)
    years = pd.to_numeric(members["founding_year"], errors="coerce").astype("Float64")
    return years.to_numpy(np.float64, na_value=np.nan)


def clusters_geojson(result: ClusterResult, sector_names: Mapping[str, str] | None = None) -> dict:
    """The clusters as a GeoJSON FeatureCollection (RFC 7946, WGS84): one feature per cluster,
    its outline and plain properties a GIS reads as columns. Firms in no cluster are not in it."""
    names = dict(sector_names or {})
    features = []
    for row in result.clusters.itertuples(index=False):
        properties = {
            "cluster": int(row.cluster),
            "members": int(row.members),
            "employees": int(row.employees),
            "dominant_sector": row.dominant_sector,
            "dominant_sector_name": names.get(row.dominant_sector, row.dominant_sector),
            "dominant_share": round(float(row.dominant_share), 4),
            "municipalities": ",".join(row.municipalities),
            "sector_mix": ",".join(f"{s}:{n}" for s, n in row.sector_mix.items()),
            "first_year": None if pd.isna(row.first_year) else int(row.first_year),
            "last_year": None if pd.isna(row.last_year) else int(row.last_year),
            "median_year": None if pd.isna(row.median_year) else float(row.median_year),
            "radius_m": float(result.settings.radius_m),
            "min_size": int(result.settings.min_size),
        }
        geometry = shapely.geometry.mapping(shapely.set_precision(row.geometry, 1e-6))
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}

"""Boundary layers: municipalities and districts as GeoDataFrames in EPSG:4326.

Schema: both frames are indexed by ``code`` (municipality slug / ISO 3166-2
district code) with a valid (Multi)Polygon ``geometry``; municipalities also
carry ``district_code``. Names come from the reference table, never from the
boundary file, so a user-supplied layer only has to identify each unit.

Geometry is never invented: when a boundary file is missing or unusable the
corresponding frame is ``None`` and the map falls back to proportional symbols
at the real municipal seats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.sources.names import name_index, normalise_name
from dashboard.sources.problems import DataFileError, Problem

WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class Boundaries:
    municipalities: gpd.GeoDataFrame | None
    districts: gpd.GeoDataFrame | None

    @property
    def has_municipalities(self) -> bool:
        return self.municipalities is not None and not self.municipalities.empty

    @property
    def has_districts(self) -> bool:
        return self.districts is not None and not self.districts.empty


def read_layer(path: Path) -> gpd.GeoDataFrame:
    """Read any vector file GDAL knows (GeoJSON, GeoPackage, Shapefile) in WGS84."""
    if not path.exists():
        raise DataFileError(Problem(file=path.name, code="file_missing", value=str(path)))
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several unrelated types for corrupt files
        raise DataFileError(
            Problem(file=path.name, code="file_unreadable", details={"error": str(exc)[:200]})
        ) from exc
    if frame.crs is None:
        frame = frame.set_crs(WGS84)
    return frame.to_crs(WGS84)


def _identify_units(frame: gpd.GeoDataFrame, reference: pd.DataFrame, file: str) -> pd.Series:
    """Find the column that names the units best (code or any name) and map it to codes."""
    index = name_index(
        (code, (row.name_lat, row.name_cyr, row.name_en)) for code, row in reference.iterrows()
    )
    best: pd.Series | None = None
    best_hits = 0
    for column in frame.columns.drop(frame.geometry.name):
        codes = frame[column].map(lambda v: index.get(normalise_name(v)) if isinstance(v, str) else None)
        hits = int(codes.notna().sum())
        if hits > best_hits:
            best, best_hits = codes, hits
    if best is None:
        raise DataFileError(Problem(file=file, code="no_unit_column"))
    return best


def _clean(frame: gpd.GeoDataFrame, file: str, problems: list[Problem]) -> gpd.GeoDataFrame:
    invalid = ~frame.geometry.is_valid
    for code in frame.index[invalid]:
        problems.append(Problem(file=file, code="geometry_repaired", value=str(code), severity="warning"))
    if invalid.any():
        frame = frame.copy()
        frame.geometry = shapely.make_valid(frame.geometry.array)
    return frame


def load_municipality_layer(path: Path, reference: pd.DataFrame) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Municipality polygons from our file or a user's, keyed by reference code."""
    problems: list[Problem] = []
    raw = read_layer(path)
    codes = _identify_units(raw, reference, path.name)
    located = raw.assign(code=codes).dropna(subset=["code"])
    layer = located[["code", "geometry"]].dissolve(by="code")
    layer = _clean(layer, path.name, problems)
    layer["district_code"] = reference["district_code"].reindex(layer.index)
    for code in reference.index.difference(layer.index):
        problems.append(Problem(file=path.name, code="unit_without_boundary", value=code, severity="warning"))
    return layer, problems


def load_district_layer(path: Path, districts: pd.DataFrame) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    problems: list[Problem] = []
    raw = read_layer(path)
    if "code" not in raw.columns:
        raise DataFileError(Problem(file=path.name, code="columns_missing", value="code"))
    layer = raw[raw["code"].isin(districts.index)][["code", "geometry"]].dissolve(by="code")
    return _clean(layer, path.name, problems), problems


def load_boundaries(
    municipality_path: Path | None,
    district_path: Path | None,
    reference: pd.DataFrame,
    districts: pd.DataFrame,
    user_municipality_path: Path | None = None,
) -> tuple[Boundaries, list[Problem]]:
    """Both levels, nesting exactly when a user layer replaces the built-in one."""
    problems: list[Problem] = []
    municipalities = district_layer = None
    source = user_municipality_path or municipality_path
    if source is not None:
        try:
            municipalities, found = load_municipality_layer(source, reference)
            problems += found
        except DataFileError as error:
            problems.append(error.problem)

    if user_municipality_path is None and district_path is not None:
        try:
            district_layer, found = load_district_layer(district_path, districts)
            problems += found
        except DataFileError as error:
            problems.append(error.problem)
    if district_layer is None and municipalities is not None and not municipalities.empty:
        # Dissolving the municipalities keeps the two levels nested exactly.
        district_layer = municipalities.dissolve(by="district_code")[["geometry"]]
        district_layer.index.name = "code"
    return Boundaries(municipalities=municipalities, districts=district_layer), problems

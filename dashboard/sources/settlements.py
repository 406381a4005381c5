"""Settlements gazetteer: real places enterprises can be located at when they have no
coordinates.

The layer is a replaceable region file (``[files] settlements`` in ``region.toml``; format in
``data/reference/README.md``). It may be

- a CSV with ``name``, ``municipality``, ``lon``, ``lat`` (optionally ``name_cyr``,
  ``population``, ``source``), as shipped; or
- an official settlement list as GeoJSON or GeoPackage (e.g. the Republic Geodetic
  Authority's register of spatial units): points, or polygons placed at their centroid, with a
  name column and, if there is one, a municipality column, whose values may be written in
  either script. Without a municipality column each place goes to the municipality polygon
  that holds it.

Whatever the input, the result has the schema name, municipality (the region's code), lon,
lat, population (0 when unknown). In the region's CSV a row naming a unit outside the region
is a problem; from a geometry layer (often national) such places are simply not the region's.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.sources.names import name_index, normalise_name
from dashboard.sources.problems import DataFileError, Problem
from dashboard.sources.tables import numeric_column, read_csv_table, spreadsheet_row

COLUMNS = ("name", "municipality", "lon", "lat")
GEOMETRY_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")
# Column names official lists use for a settlement's and its municipality's name, compared after
# normalise_name (so case, script and accents do not matter): first found wins.
NAME_COLUMNS = ("name", "name_lat", "naziv", "naselje", "naselje_ime", "naselje_imel", "ime", "naziv_naselja")
MUNICIPALITY_COLUMNS = ("municipality", "opstina", "opstina_ime", "opstina_imel", "jls", "naziv_opstine")
POPULATION_COLUMNS = ("population", "stanovnika", "broj_stanovnika", "population_2022")
# A metric CRS for centroids of polygons (ETRS89-LAEA Europe): a centroid in degrees is skewed.
METRIC_CRS = "EPSG:3035"


def load_settlements(
    path: Path | None, municipalities: pd.DataFrame, boundaries: gpd.GeoDataFrame | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """The gazetteer from ``path`` (CSV, GeoJSON or GeoPackage; see the module docstring).
    ``boundaries`` (municipality polygons indexed by code) place rows that name no municipality."""
    if path is not None and path.suffix.lower() in GEOMETRY_SUFFIXES:
        frame, problems = _from_geometry(path, municipalities, boundaries)
    else:
        frame, problems = _from_csv(path)
    return _checked(frame, municipalities, path.name if path else "", problems)


def _from_csv(path: Path | None) -> tuple[pd.DataFrame, list[Problem]]:
    frame = read_csv_table(path, COLUMNS, "settlements")
    file = path.name if path else ""
    problems: list[Problem] = []
    frame["lon"] = numeric_column(frame, "lon", file, problems)
    frame["lat"] = numeric_column(frame, "lat", file, problems)
    population = frame["population"] if "population" in frame else pd.Series("0", index=frame.index)
    frame["population"] = pd.to_numeric(population, errors="coerce").fillna(0).astype("int64")
    bad = {p.row - 2 for p in problems if p.row is not None}
    return frame.drop(index=list(bad)), problems


def _column(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    by_key = {normalise_name(c).replace(" ", "_"): c for c in frame.columns if c != "geometry"}
    return next((by_key[c] for c in candidates if c in by_key), None)


def _from_geometry(
    path: Path, municipalities: pd.DataFrame, boundaries: gpd.GeoDataFrame | None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Points as they are, polygons at their centroid; names and units from their columns."""
    try:
        layer = gpd.read_file(path)
    except Exception as exc:  # any reader failure is a problem with the file, not a crash
        raise DataFileError(
            Problem(file=path.name, code="file_unreadable", details={"error": str(exc)[:200]})
        ) from exc
    name = _column(layer, NAME_COLUMNS)
    if name is None:
        raise DataFileError(Problem(file=path.name, code="columns_missing", value="name"))
    layer = layer[layer.geometry.notna() & ~layer.geometry.is_empty]
    if layer.crs is None:
        layer = layer.set_crs("EPSG:4326")
    points = layer.geometry.to_crs(METRIC_CRS).centroid.to_crs("EPSG:4326")
    frame = pd.DataFrame(
        {"name": layer[name].astype(str).str.strip(), "lon": points.x.round(5), "lat": points.y.round(5)},
        index=layer.index,
    )
    unit = _column(layer, MUNICIPALITY_COLUMNS)
    if unit is not None:
        index = name_index(
            (code, (r.name_lat, r.name_cyr, r.name_en)) for code, r in municipalities.iterrows()
        )
        given = layer[unit].astype(str)
        frame["municipality"] = given.map(lambda v: index.get(normalise_name(v), v))
    elif boundaries is not None and not boundaries.empty:
        located = gpd.sjoin(
            gpd.GeoDataFrame(geometry=points, crs="EPSG:4326"),
            boundaries[["geometry"]],
            predicate="within",
            how="left",
        )
        located = located[~located.index.duplicated(keep="first")]
        frame["municipality"] = located["code"].reindex(frame.index).fillna("")
    else:
        frame["municipality"] = ""
    population = _column(layer, POPULATION_COLUMNS)
    frame["population"] = (
        pd.to_numeric(layer[population], errors="coerce").fillna(0).astype("int64") if population else 0
    )
    frame["source"] = path.name
    # A national list is welcome: places in other municipalities are not this region's, not errors.
    return frame[frame["municipality"].isin(municipalities.index)].reset_index(drop=True), []


def _checked(
    frame: pd.DataFrame, municipalities: pd.DataFrame, file: str, problems: list[Problem]
) -> tuple[pd.DataFrame, list[Problem]]:
    unknown = ~frame["municipality"].isin(municipalities.index)
    for index in frame.index[unknown]:
        problems.append(
            Problem(
                file=file,
                code="unknown_municipality",
                row=spreadsheet_row(index),
                column="municipality",
                value=str(frame.at[index, "municipality"]),
            )
        )
    return frame[~unknown].reset_index(drop=True), problems

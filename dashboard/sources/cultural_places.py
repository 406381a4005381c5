"""Cultural places: museums, galleries, theatres, cinemas, cultural centres, libraries and
festivals, as a region data layer (format: ``data/culture/README.md``).

The JRC Cultural and Creative Cities Monitor measures "cultural vibrancy" by such venues per
inhabitant; this layer lets the app count them per 10,000 inhabitants beside the creative
enterprises. Rows are checked like the enterprises' (every problem with file, row, column,
value), and every place must name its source: a list nobody can trace is not shipped.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.sources.enterprises import ValidationContext
from dashboard.sources.names import name_index, normalise_name
from dashboard.sources.problems import DataFileError, Problem
from dashboard.sources.tables import read_csv_table, spreadsheet_row

PLACE_KINDS = ("museum", "gallery", "theatre", "cinema", "cultural_centre", "library", "festival")
COLUMNS = ("name", "kind", "municipality", "settlement", "lon", "lat", "source", "url")
REQUIRED = ("name", "kind", "municipality", "source")
PER_INHABITANTS = 10_000


def empty_places() -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in (*COLUMNS, "location_precision")})
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy([], []), crs="EPSG:4326")


def load_cultural_places(
    path: Path | None, context: ValidationContext
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read and check a cultural-places CSV; a missing or unreadable file is a problem."""
    try:
        raw = read_csv_table(path, REQUIRED, "cultural places")
    except DataFileError as error:
        return empty_places(), [error.problem]
    return validate_cultural_places(raw, path.name if path else "", context)


def _text(raw: pd.DataFrame, column: str) -> pd.Series:
    if column not in raw.columns:
        return pd.Series("", index=raw.index, dtype=object)
    return raw[column].fillna("").astype(str).str.strip()


def validate_cultural_places(
    raw: pd.DataFrame, file: str, context: ValidationContext
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The valid places (with ``location_precision``: exact, settlement or municipality) and a
    Problem for every fault. Errors leave the row out; warnings keep it."""
    raw = raw.reset_index(drop=True)
    problems: list[Problem] = []
    rejected = pd.Series(False, index=raw.index)

    def report(mask: pd.Series, code: str, column: str, values: pd.Series | None = None, **extra) -> None:
        nonlocal rejected
        severity = extra.pop("severity", "error")
        shown = values if values is not None else _text(raw, column)
        for index in raw.index[mask.fillna(False).astype(bool)]:
            problems.append(
                Problem(
                    file=file,
                    code=code,
                    row=spreadsheet_row(index),
                    column=column,
                    value=str(shown.at[index]),
                    details=extra,
                    severity=severity,
                )
            )
        if severity == "error":
            rejected = rejected | mask.fillna(False).astype(bool)

    out = pd.DataFrame(index=raw.index)
    out["name"] = _text(raw, "name")
    report(out["name"] == "", "empty_name", "name")
    kind = (
        _text(raw, "kind").str.lower().str.replace(" ", "_", regex=False).str.replace("-", "_", regex=False)
    )
    out["kind"] = kind
    report(kind == "", "missing_value", "kind")
    report((kind != "") & ~kind.isin(PLACE_KINDS), "place_kind_unknown", "kind", kinds=", ".join(PLACE_KINDS))

    reference = context.municipalities
    index = name_index((code, (r.name_lat, r.name_cyr, r.name_en)) for code, r in reference.iterrows())
    out["municipality"] = _text(raw, "municipality").map(lambda v: index.get(normalise_name(v)))
    report(out["municipality"].isna(), "unknown_municipality", "municipality")
    out["settlement"] = _text(raw, "settlement")
    out["source"] = _text(raw, "source")
    report(out["source"] == "", "missing_value", "source")
    url = _text(raw, "url")
    report(
        (url != "") & ~url.str.match(r"^https?://\S+$"),
        "url_invalid",
        "url",
        severity="warning",
        http="http://",
        https="https://",
    )
    out["url"] = url.where(url.str.match(r"^https?://\S+$"), "")

    lon_text, lat_text = _text(raw, "lon"), _text(raw, "lat")
    lon = pd.to_numeric(lon_text.str.replace(",", ".", regex=False), errors="coerce")
    lat = pd.to_numeric(lat_text.str.replace(",", ".", regex=False), errors="coerce")
    report((lon_text != "") & lon.isna(), "coordinate_not_a_number", "lon")
    report((lat_text != "") & lat.isna(), "coordinate_not_a_number", "lat")
    pair = lon_text + ", " + lat_text
    report(lon.notna() ^ lat.notna(), "coordinate_incomplete", "lon", values=pair)
    given = lon.notna() & lat.notna()
    inside = _unit_at(lon.where(given), lat.where(given), context)
    if inside is not None:
        report(given & inside.isna(), "coordinates_outside_region", "lon", values=pair)
        elsewhere = given & inside.notna() & out["municipality"].notna() & (inside != out["municipality"])
        report(
            elsewhere,
            "coordinates_in_other_municipality",
            "lon",
            values=pair + " → " + inside.fillna(""),
            severity="warning",
        )
    out["lon"], out["lat"] = lon.where(given), lat.where(given)
    out["location_precision"] = np.where(given, "exact", "")
    _place_without_coordinates(out, ~given, context)

    valid = out[~rejected].reset_index(drop=True)
    places = gpd.GeoDataFrame(valid, geometry=gpd.points_from_xy(valid["lon"], valid["lat"]), crs="EPSG:4326")
    return places, problems


def _unit_at(lon: pd.Series, lat: pd.Series, context: ValidationContext) -> pd.Series | None:
    """Municipality code containing each point (NaN outside); None without boundaries."""
    polygons = context.boundaries.municipalities if context.boundaries is not None else None
    if polygons is None or polygons.empty:
        return None
    result = pd.Series(np.nan, index=lon.index, dtype=object)
    present = lon.notna() & lat.notna()
    if present.any():
        points = gpd.GeoDataFrame(
            geometry=gpd.points_from_xy(lon[present], lat[present]), index=lon.index[present], crs="EPSG:4326"
        )
        joined = gpd.sjoin(points, polygons[["geometry"]], predicate="within", how="left")
        joined = joined[~joined.index.duplicated(keep="first")]
        result.loc[joined.index] = joined["code"].to_numpy()
    return result


def _place_without_coordinates(out: pd.DataFrame, need: pd.Series, context: ValidationContext) -> None:
    """A place without coordinates goes to its settlement (gazetteer) or the municipal seat,
    and keeps that precision, as enterprises do."""
    need = need & out["municipality"].notna()
    settlements = context.settlements
    if settlements is not None and need.any():
        keys = settlements.assign(key=settlements["name"].map(normalise_name))
        keys = keys.drop_duplicates(["municipality", "key"]).set_index(["municipality", "key"])
        wanted = pd.MultiIndex.from_arrays([out["municipality"], out["settlement"].map(normalise_name)])
        found = keys.reindex(wanted)
        hit = need.to_numpy() & found["lon"].notna().to_numpy()
        out.loc[hit, "lon"] = found["lon"].to_numpy()[hit]
        out.loc[hit, "lat"] = found["lat"].to_numpy()[hit]
        out.loc[hit, "location_precision"] = "settlement"
        need = need & ~hit
    if need.any():
        seats = context.municipalities
        out.loc[need, "lon"] = out.loc[need, "municipality"].map(seats["seat_lon"]).astype(float)
        out.loc[need, "lat"] = out.loc[need, "municipality"].map(seats["seat_lat"]).astype(float)
        out.loc[need, "location_precision"] = "municipality"


def places_per_inhabitants(places: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Per municipality (every unit of ``reference``, in its order): places of each kind, the
    total, and places per 10,000 inhabitants (NaN where the population is unknown)."""
    counts = (
        pd.crosstab(places["municipality"], places["kind"])
        if len(places)
        else pd.DataFrame(index=pd.Index([], name="municipality"))
    )
    counts = counts.reindex(index=reference.index, columns=list(PLACE_KINDS), fill_value=0).astype(int)
    counts["total"] = counts.sum(axis=1)
    population = pd.to_numeric(reference["population"], errors="coerce")
    counts["per_10000"] = (counts["total"] / population.where(population > 0)) * PER_INHABITANTS
    counts.index.name = "code"
    return counts

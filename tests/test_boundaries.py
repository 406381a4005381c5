"""The committed boundary layers and the loader for user-supplied ones."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard.config import DEFAULT_REGION_DIR
from dashboard.sources.boundaries import load_boundaries, load_municipality_layer
from dashboard.sources.problems import DataFileError
from dashboard.sources.reference import load_district_reference, load_municipality_reference

GEO = DEFAULT_REGION_DIR / "geo"
EQUAL_AREA = "EPSG:3035"


@pytest.fixture(scope="module")
def reference():
    table, problems = load_municipality_reference(DEFAULT_REGION_DIR / "reference" / "municipalities.csv")
    assert problems == []
    return table


@pytest.fixture(scope="module")
def districts():
    table, _ = load_district_reference(DEFAULT_REGION_DIR / "reference" / "districts.csv")
    return table


def test_committed_municipalities_are_the_fifteen_units_valid_in_wgs84(reference):
    layer = gpd.read_file(GEO / "municipalities.geojson")
    assert layer.crs.to_epsg() == 4326
    assert sorted(layer["code"]) == sorted(reference.index)
    assert layer.geometry.is_valid.all()
    assert set(layer.geom_type) <= {"Polygon", "MultiPolygon"}
    # Names in three forms, Cyrillic really Cyrillic.
    assert layer.set_index("code").loc["zitoradja", "name_lat"] == "Žitorađa"
    assert layer.set_index("code").loc["zitoradja", "name_cyr"] == "Житорађа"
    assert all(any("\u0400" <= ch <= "\u04ff" for ch in name) for name in layer["name_cyr"])


def test_measured_areas_are_within_five_percent_of_official(reference):
    layer = gpd.read_file(GEO / "municipalities.geojson").set_index("code").to_crs(EQUAL_AREA)
    measured = layer.area / 1e6
    official = reference["area_km2"].reindex(measured.index)
    relative = (measured - official).abs() / official
    assert relative.max() < 0.05, relative.sort_values().tail(3)


def test_districts_nest_exactly_and_match_official_areas(districts):
    municipal = gpd.read_file(GEO / "municipalities.geojson").to_crs(EQUAL_AREA)
    district = gpd.read_file(GEO / "districts.geojson").set_index("code").to_crs(EQUAL_AREA)
    assert sorted(district.index) == ["RS-20", "RS-21", "RS-22"]
    for code, group in municipal.groupby("district_code"):
        union = shapely.union_all(group.geometry.array)
        difference = union.symmetric_difference(district.geometry[code]).area
        assert difference < 1e-6 * union.area, code
    official = {"RS-20": 2729, "RS-21": 2231, "RS-22": 2761}
    for code, area in official.items():
        assert abs(district.geometry[code].area / 1e6 - area) / area < 0.02
    # No slivers: a district of adjacent municipalities has no holes.
    assert all(len(g.interiors) == 0 for g in district.geometry if g.geom_type == "Polygon")


def test_user_layer_with_cyrillic_names_and_other_crs_maps_to_codes(tmp_path, reference):
    """A cadastre-like layer: Cyrillic names, a projected CRS, units from outside the region."""
    ours = gpd.read_file(GEO / "municipalities.geojson")
    other = gpd.GeoDataFrame(
        {"NAZIV": ["Београд"], "geometry": [shapely.box(20.3, 44.7, 20.6, 44.9)]}, crs="EPSG:4326"
    )
    layer = pd.concat([ours.assign(NAZIV=ours["name_cyr"])[["NAZIV", "geometry"]], other])
    path = tmp_path / "cadastre.gpkg"
    layer.to_crs(EQUAL_AREA).to_file(path, driver="GPKG")

    loaded, problems = load_municipality_layer(path, reference)
    assert sorted(loaded.index) == sorted(reference.index)
    assert loaded.crs.to_epsg() == 4326
    assert loaded.loc["pirot", "district_code"] == "RS-22"
    assert problems == []


def test_user_layer_missing_units_is_reported_not_invented(tmp_path, reference, districts):
    ours = gpd.read_file(GEO / "municipalities.geojson")
    path = tmp_path / "partial.geojson"
    ours[ours["code"] != "blace"][["name_en", "geometry"]].to_file(path, driver="GeoJSON")
    boundaries, problems = load_boundaries(None, None, reference, districts, user_municipality_path=path)
    assert "blace" not in boundaries.municipalities.index
    assert [(p.code, p.value) for p in problems] == [("unit_without_boundary", "blace")]
    # Districts follow the user's layer, so the two levels still nest.
    assert boundaries.has_districts


def test_missing_and_corrupt_boundary_files_become_problems(tmp_path, reference, districts):
    corrupt = tmp_path / "broken.geojson"
    corrupt.write_text("{ this is not json", encoding="utf-8")
    boundaries, problems = load_boundaries(tmp_path / "nowhere.geojson", corrupt, reference, districts)
    assert boundaries.municipalities is None and boundaries.districts is None
    assert [p.code for p in problems] == ["file_missing", "file_unreadable"]


def test_layer_without_any_unit_names_is_rejected(tmp_path, reference):
    path = tmp_path / "anonymous.geojson"
    gpd.GeoDataFrame({"x": ["a"]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326).to_file(path)
    with pytest.raises(DataFileError) as error:
        load_municipality_layer(path, reference)
    assert error.value.problem.code == "no_unit_column"

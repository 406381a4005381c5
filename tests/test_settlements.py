"""The settlements layer is a replaceable region file: an official list as points or polygons,
named in either script, places firms without coordinates at their settlement (issue 10)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from dashboard.sources.enterprises import ValidationContext, validate_enterprises
from dashboard.sources.settlements import load_settlements

# Two villages of Pirot (Cyrillic, as the geodetic register writes them) and one far outside.
VILLAGES = [
    ("Велико Село", box(22.60, 43.15, 22.62, 43.17)),  # invented outlines inside Pirot
    ("Бериловац", box(22.50, 43.20, 22.52, 43.22)),
    ("Нови Сад", box(19.80, 45.24, 19.86, 45.28)),  # another region: not this one's
]


def _firms(context: ValidationContext, settlement: str) -> gpd.GeoDataFrame:
    raw = pd.DataFrame(
        [["99200001", "Ćilim radionica", "13.93", "Pirot", settlement, "2"]],
        columns=["registration_number", "name", "nace", "municipality", "settlement", "employees"],
    )
    table, problems = validate_enterprises(raw, "f.csv", context)
    assert [p for p in problems if p.severity == "error"] == []
    return table


def test_polygons_without_a_municipality_column_go_to_the_unit_that_holds_their_centroid(
    tmp_path, project_data
):
    layer = gpd.GeoDataFrame(
        {"naselje_ime": [n for n, _ in VILLAGES]}, geometry=[g for _, g in VILLAGES], crs="EPSG:4326"
    )
    path = tmp_path / "naselja.geojson"
    layer.to_file(path, driver="GeoJSON")
    table, problems = load_settlements(
        path, project_data.municipalities, project_data.boundaries.municipalities
    )
    assert problems == []
    assert table["name"].tolist() == ["Велико Село", "Бериловац"]  # Novi Sad is not this region's
    assert set(table["municipality"]) == {"pirot"}
    assert table.loc[0, "lon"] == pytest.approx(22.61, abs=1e-3) and table.loc[0, "lat"] == pytest.approx(
        43.16, abs=1e-3
    )

    context = ValidationContext(
        project_data.municipalities, project_data.taxonomy, project_data.boundaries, table
    )
    firm = _firms(context, "Veliko Selo")  # Latin in the register, Cyrillic in the gazetteer
    assert firm["location_precision"].tolist() == ["settlement"]
    assert firm["lon"].iloc[0] == pytest.approx(22.61, abs=1e-3)
    assert _firms(context, "Nepoznato")["location_precision"].tolist() == ["municipality"]


def test_points_in_a_geopackage_with_a_municipality_column_in_cyrillic(tmp_path, project_data):
    layer = gpd.GeoDataFrame(
        {"Naziv": ["Бериловац"], "Opština": ["Пирот"], "Broj stanovnika": [300]},
        geometry=[Point(22.51, 43.21)],
        crs="EPSG:4326",
    ).to_crs(32634)  # a projected file is read in its own CRS
    path = tmp_path / "naselja.gpkg"
    layer.to_file(path, driver="GPKG")
    table, problems = load_settlements(path, project_data.municipalities)
    assert problems == [] and table["municipality"].tolist() == ["pirot"]
    assert table["population"].tolist() == [300]
    assert table["lon"].iloc[0] == pytest.approx(22.51, abs=1e-4)


def test_a_layer_without_a_name_column_is_refused_with_the_reason(tmp_path, project_data):
    from dashboard.sources.problems import DataFileError

    path = tmp_path / "x.geojson"
    gpd.GeoDataFrame({"id": [1]}, geometry=[Point(22.5, 43.2)], crs="EPSG:4326").to_file(path)
    with pytest.raises(DataFileError) as error:
        load_settlements(path, project_data.municipalities)
    assert error.value.problem.code == "columns_missing"


def test_the_shipped_csv_still_loads(project_data):
    assert project_data.settlements is not None and len(project_data.settlements) >= 20
    assert {"name", "municipality", "lon", "lat", "population"} <= set(project_data.settlements.columns)

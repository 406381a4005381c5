"""Validation of enterprise rows: every kind of bad input gets its located, clear problem."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.sources.enterprises import ValidationContext, load_enterprises, validate_enterprises

HEADER = "registration_number,name,nace,municipality,settlement,lon,lat,employees,founding_year\n"
GOOD = "10000001,Studio Kilim,32.12,pirot,Pirot,22.59,43.15,4,2012\n"


@pytest.fixture(scope="module")
def context(project_data):
    return ValidationContext(
        municipalities=project_data.municipalities,
        taxonomy=project_data.taxonomy,
        boundaries=project_data.boundaries,
        settlements=project_data.settlements,
        current_year=2026,
    )


def validate(context, rows: str):
    raw = pd.read_csv(io.StringIO(HEADER + rows), dtype=str, keep_default_na=False)
    return validate_enterprises(raw, "upload.csv", context)


def test_a_good_row_is_kept_with_derived_columns(context):
    table, problems = validate(context, GOOD)
    assert problems == []
    row = table.iloc[0]
    assert (row["sector"], row["district"], row["size_class"], row["location_precision"]) == (
        "crafts-design",
        "RS-22",
        "micro",
        "exact",
    )
    assert row["employees"] == 4 and not row["synthetic"]
    assert table.crs.to_epsg() == 4326


@pytest.mark.parametrize(
    ("row", "code", "column", "value"),
    [
        (",No Number,32.12,pirot,,,,1,2010", "missing_value", "registration_number", ""),
        ("10000002,,32.12,pirot,,,,1,2010", "empty_name", "name", ""),
        ("10000003,Bad Code,5x.11,pirot,,,,1,2010", "invalid_nace", "nace", "5x.11"),
        ("10000004,Bakery,10.71,pirot,,,,1,2010", "nace_not_creative", "nace", "10.71"),
        ("10000005,Elsewhere,62.01,Beograd,,,,1,2010", "unknown_municipality", "municipality", "Beograd"),
        ("10000006,Negative,62.01,nis,,,,-3,2010", "employees_negative", "employees", "-3"),
        ("10000007,Words,62.01,nis,,,,many,2010", "employees_not_a_number", "employees", "many"),
        ("10000008,Fraction,62.01,nis,,,,2.5,2010", "employees_not_whole", "employees", "2.5"),
        ("10000009,Future,62.01,nis,,,,1,2031", "future_founding_year", "founding_year", "2031"),
        ("10000010,Ancient,62.01,nis,,,,1,1650", "implausible_founding_year", "founding_year", "1650"),
        ("10000011,Swapped,62.01,nis,,43.32,21.90,1,2010", "coordinates_swapped", "lon", "43.32, 21.90"),
        (
            "10000012,Belgrade,62.01,nis,,20.46,44.81,1,2010",
            "coordinates_outside_region",
            "lon",
            "20.46, 44.81",
        ),
        ("10000013,Half,62.01,nis,,21.9,,1,2010", "coordinate_incomplete", "lon", "21.9, "),
        ("10000014,Text,62.01,nis,,east,43.3,1,2010", "coordinate_not_a_number", "lon", "east"),
    ],
)
def test_each_bad_row_is_reported_with_file_row_column_value(context, row, code, column, value):
    table, problems = validate(context, GOOD + row + "\n")
    assert list(table["registration_number"]) == ["10000001"]  # the bad row is left out, the good kept
    located = [(p.file, p.row, p.column, p.value) for p in problems if p.code == code]
    assert located == [("upload.csv", 3, column, value)], problems


def test_duplicate_registration_number_keeps_the_first(context):
    table, problems = validate(context, GOOD + GOOD.replace("Studio Kilim", "Copy"))
    assert list(table["name"]) == ["Studio Kilim"]
    assert [(p.code, p.row) for p in problems] == [("duplicate_registration_number", 3)]


def test_names_resolve_in_any_script_and_case(context):
    rows = (
        "20000001,A,62.01,Ниш,,,,1,2010\n"
        "20000002,B,62.01,GRAD NIŠ,,,,1,2010\n"
        "20000003,C,5911,Zitoradja,,,,1,2010\n"
        "20000004,D,59.11,gadžin han,,,,1,2010\n"
    )
    table, problems = validate(context, rows)
    assert problems == []
    assert list(table["municipality"]) == ["nis", "nis", "zitoradja", "gadzin-han"]
    assert table["nace"].iloc[2] == "59.11"


def test_location_falls_back_to_settlement_then_seat(context, project_data):
    rows = "30000001,A,62.01,nis,Niška Banja,,,1,2010\n30000002,B,62.01,svrljig,Unknown village,,,1,2010\n"
    table, problems = validate(context, rows)
    assert problems == []
    assert list(table["location_precision"]) == ["settlement", "municipality"]
    seat = project_data.municipalities.loc["svrljig"]
    assert (table["lon"].iloc[1], table["lat"].iloc[1]) == (seat["seat_lon"], seat["seat_lat"])
    banja = project_data.settlements.set_index("name").loc["Niška Banja"]
    assert table["lon"].iloc[0] == pytest.approx(banja["lon"])


def test_point_in_another_municipality_is_a_warning_not_a_rejection(context):
    table, problems = validate(context, "40000001,A,62.01,pirot,,21.9,43.32,1,2010\n")  # a point in Niš
    assert len(table) == 1
    assert [(p.code, p.severity) for p in problems] == [("coordinates_in_other_municipality", "warning")]


def test_decimal_comma_coordinates_are_read(context):
    raw = pd.DataFrame(
        [
            {
                "registration_number": "5",
                "name": "A",
                "nace": "62.01",
                "municipality": "nis",
                "lon": "21,9",
                "lat": "43,32",
                "employees": "1",
            }
        ]
    )
    table, problems = validate_enterprises(raw, "x.csv", context)
    assert problems == [] and table["lon"].iloc[0] == pytest.approx(21.9)


def test_file_without_required_columns_is_one_clear_problem(tmp_path, context):
    path = tmp_path / "survey.csv"
    path.write_text("name,employees\nA,1\n", encoding="utf-8")
    table, problems = load_enterprises(path, context)
    assert table.empty
    assert [(p.file, p.code, p.value) for p in problems] == [
        ("survey.csv", "columns_missing", "registration_number, nace, municipality")
    ]


def test_missing_file_is_a_problem_not_a_crash(tmp_path, context):
    table, problems = load_enterprises(tmp_path / "absent.csv", context)
    assert table.empty and [p.code for p in problems] == ["file_missing"]

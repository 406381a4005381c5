"""Cultural places: the documented format loads (the shipped example is marked as invented),
every faulty row is reported with file, row, column and value, and places are counted per
10,000 inhabitants."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.config import DEFAULT_REGION_DIR
from dashboard.i18n import LANGUAGES, translate
from dashboard.sources.cultural_places import (
    PLACE_KINDS,
    load_cultural_places,
    places_per_inhabitants,
    validate_cultural_places,
)
from dashboard.sources.problems import PROBLEM_CODES
from dashboard.sources.region import load_region

EXAMPLE = DEFAULT_REGION_DIR / "culture" / "example_places.csv"


@pytest.fixture(scope="module")
def context(project_data):
    return project_data.validation_context()


def test_the_example_loads_clean_and_says_it_is_invented(context):
    places, problems = load_cultural_places(EXAMPLE, context)
    assert problems == [] and len(places) == 4
    assert all(name.startswith(("PRIMER", "ПРИМЕР")) for name in places["name"])
    assert places["source"].str.contains("izmišljen").all()
    assert set(places["kind"]) <= set(PLACE_KINDS)
    assert dict(zip(places["municipality"], places["location_precision"], strict=True)) == {
        "pirot": "exact",
        "nis": "exact",
        "dimitrovgrad": "settlement",  # no coordinates: placed at its settlement from the gazetteer
        "prokuplje": "exact",  # named in Cyrillic
    }
    assert places.crs.to_epsg() == 4326 and places.geometry.notna().all()


def test_the_region_does_not_name_the_example_as_its_data():
    region = load_region(DEFAULT_REGION_DIR)
    assert region.files["cultural_places"] is None and region.files["agenda"].name == "agenda.toml"


def test_every_faulty_row_is_reported_with_row_column_and_value(context):
    raw = pd.DataFrame(
        [
            ["Ok Museum", "museum", "pirot", "", "22.587", "43.154", "Survey 2026", "https://x.org"],
            ["", "museum", "pirot", "", "", "", "Survey 2026", ""],
            ["Odd", "opera house", "pirot", "", "", "", "Survey 2026", ""],
            ["Far", "cinema", "pirot", "", "2.0", "48.0", "Survey 2026", ""],
            ["Nowhere", "library", "Atlantis", "", "", "", "Survey 2026", ""],
            ["Anonymous", "gallery", "nis", "", "", "", "", ""],
            ["Half", "theatre", "nis", "", "21.9", "", "Survey 2026", ""],
            ["Link", "Cultural centre", "Ниш", "", "21,8960", "43,3215", "Survey 2026", "www.example"],
            ["Elsewhere", "festival", "pirot", "", "21.8960", "43.3215", "Survey 2026", ""],
        ],
        columns=["name", "kind", "municipality", "settlement", "lon", "lat", "source", "url"],
    )
    places, problems = validate_cultural_places(raw, "places.csv", context)
    found = {(p.row, p.column, p.code, p.severity) for p in problems}
    assert found == {
        (3, "name", "empty_name", "error"),
        (4, "kind", "place_kind_unknown", "error"),
        (5, "lon", "coordinates_outside_region", "error"),
        (6, "municipality", "unknown_municipality", "error"),
        (7, "source", "missing_value", "error"),
        (8, "lon", "coordinate_incomplete", "error"),
        (9, "url", "url_invalid", "warning"),
        (10, "lon", "coordinates_in_other_municipality", "warning"),
    }
    assert all(p.file == "places.csv" and p.value is not None for p in problems)
    assert next(p for p in problems if p.code == "place_kind_unknown").value == "opera house"  # as written
    assert list(places["name"]) == ["Ok Museum", "Link", "Elsewhere"]
    link = places.set_index("name").loc["Link"]
    assert link["kind"] == "cultural_centre" and link["municipality"] == "nis" and link["url"] == ""
    assert (link["lon"], link["lat"]) == (21.896, 43.3215)


def test_a_missing_file_is_a_problem_not_a_crash(context, tmp_path):
    places, problems = load_cultural_places(tmp_path / "none.csv", context)
    assert places.empty and [p.code for p in problems] == ["file_missing"]
    (tmp_path / "short.csv").write_text("name,kind\nX,museum\n", encoding="utf-8")
    places, problems = load_cultural_places(tmp_path / "short.csv", context)
    assert places.empty and [p.code for p in problems] == ["columns_missing"]


def test_places_are_counted_per_10000_inhabitants(project_data, context):
    places, _ = load_cultural_places(EXAMPLE, context)
    table = places_per_inhabitants(places, project_data.municipalities)
    assert list(table.index) == list(project_data.municipalities.index)
    assert table.at["pirot", "museum"] == 1 and table.at["pirot", "total"] == 1
    assert table.at["pirot", "per_10000"] == pytest.approx(10_000 / 49_601)
    assert table.at["razanj", "total"] == 0 and table.at["razanj", "per_10000"] == 0
    assert list(table.columns) == [*PLACE_KINDS, "total", "per_10000"]
    empty = places_per_inhabitants(places.iloc[0:0], project_data.municipalities)
    assert (empty["total"] == 0).all()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_problem_codes_and_kinds_have_words(language):
    for code in ("place_kind_unknown", "url_invalid", "setting_invalid"):
        assert code in PROBLEM_CODES
        assert translate(f"problem.{code}", language, kinds="museum", http="http://", https="https://")
    for kind in PLACE_KINDS:
        assert translate(f"culture.kind.{kind}", language)

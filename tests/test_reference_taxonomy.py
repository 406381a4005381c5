"""Reference figures and the creative-sector taxonomy as the app loads them."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.config import DEFAULT_REGION_DIR
from dashboard.sources.problems import DataFileError
from dashboard.sources.reference import load_municipality_reference
from dashboard.sources.taxonomy import load_taxonomy, normalise_nace

REFERENCE = DEFAULT_REGION_DIR / "reference"
TAXONOMY = DEFAULT_REGION_DIR / "taxonomy"


def test_reference_has_the_fifteen_units_with_census_totals_per_district():
    table, problems = load_municipality_reference(REFERENCE / "municipalities.csv")
    assert problems == []
    assert len(table) == 15
    totals = table.groupby("district_code")["population"].sum().to_dict()
    assert totals == {"RS-20": 343_950, "RS-21": 77_341, "RS-22": 76_700}
    assert set(table.loc[table["status"] == "city"].index) == {"nis", "pirot", "prokuplje"}
    raw = pd.read_csv(REFERENCE / "municipalities.csv")
    assert set(raw["population_confidence"]) <= {"confirmed", "likely", "unconfirmed"}
    assert raw["population_source"].str.len().min() > 10


def test_reference_with_bad_rows_reports_each_and_keeps_the_rest(tmp_path):
    path = tmp_path / "municipalities.csv"
    path.write_text(
        "code,name_lat,name_cyr,name_en,district_code,status,seat_lon,seat_lat,area_km2,population_2022\n"
        "a,A,А,A,D,city,21.0,43.0,10,100\n"
        "b,B,Б,B,D,city,east,43.0,10,100\n"
        "c,C,Ц,C,D,city,21.0,43.0,10,-5\n",
        encoding="utf-8",
    )
    table, problems = load_municipality_reference(path)
    assert list(table.index) == ["a"]
    assert {(p.row, p.column, p.value) for p in problems} == {
        (3, "seat_lon", "east"),
        (4, "population_2022", "-5"),
    }


def test_reference_missing_columns_is_a_file_problem(tmp_path):
    path = tmp_path / "municipalities.csv"
    path.write_text("code,name_lat\na,A\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_municipality_reference(path)
    assert error.value.problem.code == "columns_missing"
    assert "population_2022" in error.value.problem.value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5911", "59.11"),
        ("59.11", "59.11"),
        (" 62.01 ", "62.01"),
        ("90", "90"),
        ("59.1", "59.1"),
        ("5911.0", "59.11"),
        ("abc", None),
        ("123456", None),
        ("", None),
    ],
)
def test_nace_codes_are_normalised(raw, expected):
    assert normalise_nace(raw) == expected


def test_taxonomy_holds_the_dcms_classes_and_essnet_additions():
    taxonomy, problems = load_taxonomy(TAXONOMY / "sectors.csv", TAXONOMY / "nace_creative.csv")
    assert problems == []
    classes = taxonomy.classes
    assert len(taxonomy.classes_in("narrow")) == 31  # the DCMS list, all of it
    assert classes.loc[taxonomy.classes_in("narrow"), "source"].str.contains("DCMS").all()
    assert taxonomy.sector_of("62.01") == "it-software"
    assert taxonomy.sector_of("32.12") == "crafts-design"
    assert taxonomy.sector_of("91.03") == "heritage"
    assert taxonomy.sector_of("10.11") is None  # meat processing is not creative
    assert len(taxonomy.sector_codes) == 8
    assert taxonomy.sector_name("publishing", "sr-Cyrl") == "Издаваштво"
    assert set(classes["unesco_field"].dropna()) - {""} <= {
        "crafts-folk-art",
        "design",
        "film",
        "gastronomy",
        "literature",
        "media-arts",
        "music",
    }

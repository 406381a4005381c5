"""Export of enterprises: three formats that read back, and no cell runs as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from dashboard.outputs.exporting import FORMATS, MEDIA_TYPES, export_filename, export_table, neutralise

DANGEROUS = ["=1+1", "+381 18 123", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd"]


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    table = pd.DataFrame(
        {
            "registration_number": ["1", "2", "3"],
            "name": ['=HYPERLINK("http://x","klik")', "Ćilim Žiža", "Студио"],
            "nace": ["59.11", "32.12", "62.01"],
            "municipality": ["nis", "pirot", "nis"],
            "settlement": ["@Niš", "", None],
            "lon": [21.9, -0.5, np.nan],
            "lat": [43.32, 43.15, np.nan],
            "employees": [3, 0, 12],
            "founding_year": pd.array([2015, None, 2001], dtype="Int64"),
            "synthetic": [False, False, True],
        }
    )
    return gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326")


def test_neutralise_only_text_that_starts_a_formula():
    assert [neutralise(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert [neutralise(v) for v in ("Niš", "5-3", "a=b", "", -3, 2.5, None)] == [
        "Niš",
        "5-3",
        "a=b",
        "",
        -3,
        2.5,
        None,
    ]


def test_csv_reads_back_with_formulas_neutralised_and_numbers_kept(frame):
    data = export_table(frame, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the UTF-8 letters right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ['\'=HYPERLINK("http://x","klik")', "Ćilim Žiža", "Студио"]
    assert rows[0]["settlement"] == "'@Niš" and rows[2]["settlement"] == ""
    assert [r["lon"] for r in rows] == ["21.9", "-0.5", ""]  # a negative number stays a number
    assert [r["founding_year"] for r in rows] == ["2015", "", "2001"]
    assert "geometry" not in rows[0]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")) and not (
                value.startswith("-") and not _is_number(value)
            )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_xlsx_has_no_formula_cells_and_keeps_types(frame):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(export_table(frame, "xlsx")))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["registration_number", "name", "nace"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    by_name = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert by_name["name"].startswith("'=") and by_name["employees"] == 3 and by_name["lon"] == 21.9
    assert dict(zip(header, [c.value for c in sheet[3]], strict=True))["founding_year"] is None


def test_geojson_is_valid_with_points_and_nulls(frame):
    document = json.loads(export_table(frame, "geojson"))
    assert document["type"] == "FeatureCollection" and len(document["features"]) == 3
    first, _, third = document["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [21.9, 43.32]}
    assert first["properties"]["name"].startswith("'=") and first["properties"]["settlement"] == "'@Niš"
    assert third["geometry"] is None and third["properties"]["lon"] is None
    assert third["properties"]["synthetic"] is True and third["properties"]["name"] == "Студио"


def test_formats_names_and_media_types(frame):
    assert set(FORMATS) == set(MEDIA_TYPES)
    assert export_filename("xlsx", today=dt.date(2026, 11, 23)) == "enterprises-2026-11-23.xlsx"
    with pytest.raises(ValueError, match="unknown export format"):
        export_table(frame, "pdf")
    for fmt in FORMATS:  # an empty selection is still a valid file
        assert export_table(frame.iloc[0:0], fmt)


def test_the_app_enterprises_export_in_every_format(project_data):
    sample = project_data.enterprises.head(50)
    assert len(json.loads(export_table(sample, "geojson"))["features"]) == 50
    assert export_table(sample, "csv").decode("utf-8-sig").count("\r\n") == 51
    assert export_table(sample, "xlsx")[:2] == b"PK"

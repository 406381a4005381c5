"""The importer: files as they come in, every bad input with its clear error and the store
byte-for-byte unchanged, and random files never crash it."""

from __future__ import annotations

import hashlib
import io
import json

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from dashboard.__main__ import main
from dashboard.config import DEFAULT_REGION_DIR
from dashboard.importing.headers import normalise_header, recognise_columns
from dashboard.importing.mapping import parse_mapping
from dashboard.importing.pipeline import prepare_import, run_import
from dashboard.importing.readers import Source, decode_text, normalise_numbers
from dashboard.importing.report import report_csv
from dashboard.sources.enterprises import ValidationContext
from dashboard.sources.problems import DataFileError
from dashboard.store import GeoPackageStore

EXAMPLE = DEFAULT_REGION_DIR / "mapping" / "example_register_extract.csv"
HEADER = [
    "Matični broj",
    "Poslovno ime",
    "Šifra delatnosti",
    "Opština",
    "Mesto",
    "Broj zaposlenih",
    "Godina osnivanja",
]
GOOD_ROW = ["92000001", "Studio Primer", "5911", "Niš", "Niš", "3", "2015"]


@pytest.fixture(scope="module")
def context(project_data):
    return ValidationContext(
        project_data.municipalities,
        project_data.taxonomy,
        project_data.boundaries,
        project_data.settlements,
        current_year=2026,
    )


@pytest.fixture
def store(tmp_path, context):
    """A store that already holds the example extract."""
    store = GeoPackageStore(tmp_path / "store" / "enterprises.gpkg")
    result = run_import([Source(EXAMPLE.name, EXAMPLE.read_bytes())], store, context)
    assert result.status == "committed", result.problems
    return store


def digest(store: GeoPackageStore) -> str:
    return hashlib.sha256(store.path.read_bytes()).hexdigest()


def csv_bytes(rows: list[list[str]], header=HEADER, sep=",", encoding="utf-8") -> bytes:
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]], title_rows: int = 0) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for _ in range(title_rows):
        sheet.append(["Izvod iz registra – primer"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Matični broj", "registration_number"),
        ("MATIČNI BROJ", "registration_number"),
        ("maticni_broj", "registration_number"),
        ("Матични број", "registration_number"),
        ("Poslovno ime", "name"),
        ("Пословно име", "name"),
        ("Business name", "name"),
        ("Šifra delatnosti", "nace"),
        ("ШИФРА ДЕЛАТНОСТИ", "nace"),
        ("Opština", "municipality"),
        ("Општина", "municipality"),
        ("Municipality", "municipality"),
        ("Mesto", "settlement"),
        ("Насеље", "settlement"),
        ("Adresa", "address"),
        ("Broj zaposlenih", "employees"),
        ("Broj zaposlenih (2024)", "employees"),
        ("Број запослених", "employees"),
        ("Godina osnivanja", "founding_year"),
        ("Datum osnivanja", "founding_year"),
        ("Geografska širina", "lat"),
        ("longitude", "lon"),
        ("Pravna forma", "legal_form"),
    ],
)
def test_headers_are_recognised_in_any_script_case_and_accent(header, field):
    assert recognise_columns([header], "f.csv").fields == {field: header}


def test_unknown_and_ambiguous_headers_are_reported():
    match = recognise_columns(["Naziv", "Poslovno ime", "PIB", "Opština"], "f.csv")
    codes = {(p.code, p.severity, p.column or "", p.value or "") for p in match.problems}
    assert ("column_ambiguous", "error", "name", "Naziv, Poslovno ime") in codes
    assert ("column_ignored", "warning", "PIB", "") in codes
    assert normalise_header(" Šifra  pretežne-delatnosti* ") == "sifra pretezne delatnosti"


def test_a_mapping_file_names_what_the_importer_does_not_know(context):
    mapping = parse_mapping(
        b'[columns]\n"PIB ili MB" = "registration_number"\n"Naziv firme" = "name"\n"Napomena" = ""\n'
        b'[read]\nseparator = ";"\n',
        "survey.toml",
    )
    data = "PIB ili MB;Naziv firme;Šifra delatnosti;Opština;Broj zaposlenih;Napomena\n1;A;5911;Niš;2;x\n"
    result = prepare_import([Source("survey.csv", data.encode())], context, mapping)
    assert result.problems == [] and list(result.enterprises["name"]) == ["A"]
    as_csv = parse_mapping(b"source,field\nPIB ili MB,registration_number\nNaziv firme,name\n", "m.csv")
    assert as_csv.columns == {"pib ili mb": "registration_number", "naziv firme": "name"}


def test_the_example_mapping_file_reads_a_survey_with_its_own_headers(context):
    mapping = parse_mapping((DEFAULT_REGION_DIR / "mapping" / "example_mapping.toml").read_bytes(), "m.toml")
    survey = (
        "PIB / MB;Naziv firme;Delatnost (KD 2010);JLS;Naseljeno mesto;Br. zaposlenih 2024;Napomena anketara\n"
        "92000050;Anketa DOO;90.01;Kuršumlija;;1.234;ok\n"
    )
    result = prepare_import([Source("anketa.csv", survey.encode("cp1250"))], context, mapping)
    assert result.problems == []
    assert result.enterprises.iloc[0][["name", "employees"]].tolist() == ["Anketa DOO", 1234]


@pytest.mark.parametrize(
    "text",
    [b'[columns]\n"X" = "no_such_field"\n', b"[columns\n", b'[read]\nencoding = "klingon"\n', b"[other]\n"],
)
def test_a_bad_mapping_file_is_one_clear_problem(text):
    with pytest.raises(DataFileError) as caught:
        parse_mapping(text, "bad.toml")
    assert caught.value.problem.code == "mapping_invalid"


# ----------------------------------------------------------------------------- formats


def test_csv_encodings_separators_and_decimal_marks(context):
    row = ["92000002", "Ćilim Žiža", "3212", "Pirot", "Pirot", "2", "2019"]
    variants = {
        "utf8.csv": csv_bytes([row]),
        "bom.csv": b"\xef\xbb\xbf" + csv_bytes([row]),
        "cp1250.csv": csv_bytes([row], sep=";", encoding="cp1250"),
        "tab.txt": csv_bytes([row], sep="\t"),
        "utf16.csv": csv_bytes([row], sep="\t", encoding="utf-16"),
    }
    for name, data in variants.items():
        result = prepare_import([Source(name, data)], context)
        assert result.problems == [], name
        assert list(result.enterprises["name"]) == ["Ćilim Žiža"], name


def test_cyrillic_windows_1251_and_utf8_files(context):
    header = ["Матични број", "Пословно име", "Шифра делатности", "Општина", "Насеље", "Број запослених"]
    row = ["92000003", "Студио Ћирилица", "5911", "Ниш", "Нишка Бања", "4"]
    for encoding in ("utf-8", "cp1251"):
        result = prepare_import([Source("c.csv", csv_bytes([row] * 1, header, ";", encoding))], context)
        assert result.problems == [], encoding
        record = result.enterprises.iloc[0]
        assert (record["name"], record["municipality"], record["location_precision"]) == (
            "Студио Ћирилица",
            "nis",
            "settlement",
        )
    assert decode_text("Ниш Пирот Прокупље".encode("cp1251"))[1] == "windows-1251"
    assert decode_text("Niš Čačak Žitorađa".encode("cp1250"))[1] == "windows-1250"


def test_decimal_comma_and_thousands_separators():
    values = ["21,9", "21.9", "1.234,5", "1,234.5", "1 234", "-0,5", "abc", "", "+3"]
    assert list(normalise_numbers(__import__("pandas").Series(values), None)) == [
        "21.9",
        "21.9",
        "1234.5",
        "1234.5",
        "1234",
        "-0.5",
        "abc",
        "",
        "3",
    ]


def test_semicolon_csv_with_decimal_comma_coordinates(context):
    data = "Matični broj;Poslovno ime;Šifra delatnosti;Opština;Broj zaposlenih;"
    data += "Geografska dužina;Geografska širina\n"
    data += "92000004;Koordinate;62.01;Niš;1;21,9;43,32\n"
    result = prepare_import([Source("c.csv", data.encode("cp1250"))], context)
    assert result.problems == []
    assert (result.enterprises["lon"].iloc[0], result.enterprises["location_precision"].iloc[0]) == (
        21.9,
        "exact",
    )


def test_xlsx_with_numbers_dates_and_a_title_block(context):
    import datetime as dt

    rows = [HEADER, [92000005, "Excel Studio", 5911, "Niš", None, 3.0, dt.datetime(2012, 5, 3)]]
    result = prepare_import([Source("survey.xlsx", xlsx_bytes(rows, title_rows=2))], context)
    assert result.problems == []
    record = result.enterprises.iloc[0]
    assert (record["registration_number"], record["nace"], record["employees"], record["founding_year"]) == (
        "92000005",
        "59.11",
        3,
        2012,
    )
    # a problem names the row the spreadsheet shows: two title rows, the header, then row 4
    bad = prepare_import(
        [Source("s.xlsx", xlsx_bytes([HEADER, [1, "", 5911, "Niš", None, 1, 2000]], 2))], context
    )
    assert [(p.code, p.row, p.column) for p in bad.problems] == [("empty_name", 4, "Poslovno ime")]


def test_registration_numbers_that_lost_leading_zeros_in_a_spreadsheet_are_padded(context):
    """Excel keeps 07654321 typed into a number cell as 7654321; the region's manifest says a
    matični broj has 8 digits, so the importer restores the zero and says which row it touched."""
    from dataclasses import replace

    from dashboard.sources.region import load_region

    digits = load_region(DEFAULT_REGION_DIR).registration_digits
    assert digits == 8
    rows = [
        HEADER,
        [7654321, "Studio Nula", 5911, "Niš", None, 3, 2012],
        [92000006, "Studio Osam", 5911, "Niš", None, 3, 2012],
        ["DEMO-00017", "Studio Tekst", 5911, "Niš", None, 3, 2012],  # synthetic numbers: demo rows only
        [42, "Studio Broj", 5911, "Niš", None, 3, 2012],  # not a number that lost zeros
    ]
    result = prepare_import(
        [Source("survey.xlsx", xlsx_bytes(rows))], replace(context, registration_digits=digits)
    )
    assert list(result.enterprises["registration_number"]) == ["07654321", "92000006"]
    assert [(p.code, p.row, p.value, p.severity) for p in result.problems] == [
        ("registration_number_padded", 2, "7654321", "warning"),
        ("registration_number_not_digits", 4, "DEMO-00017", "error"),
        ("registration_number_not_digits", 5, "42", "error"),
    ]
    # Without the setting, numbers are taken as they are.
    plain = prepare_import([Source("survey.xlsx", xlsx_bytes(rows))], context)
    assert plain.enterprises["registration_number"].iloc[0] == "7654321" and plain.problems == []


def test_geojson_and_geopackage_points(context, tmp_path):
    frame = gpd.GeoDataFrame(
        {
            "maticni_broj": ["92000006", "92000007", "92000008"],
            "naziv": ["Tačka", "Bez tačke", "Poligon"],
            "sifra_delatnosti": ["59.11", "90.01", "62.01"],
            "opstina": ["Niš", "Pirot", "Niš"],
            "broj_zaposlenih": [1, 2, 3],
        },
        geometry=[Point(21.9, 43.32), None, Polygon([(21.8, 43.3), (21.9, 43.3), (21.9, 43.4)])],
        crs="EPSG:4326",
    )
    geojson = frame.to_json(drop_id=True).encode()
    frame.to_file(tmp_path / "e.gpkg", layer="firme", driver="GPKG")
    for source in (Source("e.geojson", geojson), Source("e.gpkg", (tmp_path / "e.gpkg").read_bytes())):
        result = prepare_import([source], context)
        assert [(p.code, p.row, p.column, p.value) for p in result.problems] == [
            ("geometry_not_point", 3, "geometry", "Polygon")
        ], source.name
        placed = dict(zip(result.enterprises["name"], result.enterprises["location_precision"], strict=True))
        assert placed == {"Tačka": "exact", "Bez tačke": "municipality"}


def test_projected_geopackage_is_reprojected(context, tmp_path):
    frame = gpd.GeoDataFrame(
        {"MB": ["92000009"], "Naziv": ["UTM"], "KD": ["5911"], "Opština": ["Niš"], "Zaposleni": [1]},
        geometry=[Point(21.9, 43.32)],
        crs="EPSG:4326",
    ).to_crs(32634)
    frame.to_file(tmp_path / "utm.gpkg", driver="GPKG")
    result = prepare_import([Source("utm.gpkg", (tmp_path / "utm.gpkg").read_bytes())], context)
    assert result.problems == []
    assert result.enterprises["lon"].iloc[0] == pytest.approx(21.9, abs=1e-6)


@pytest.mark.parametrize(
    ("code", "kind", "sector"),
    [
        ("5911", "class", "film-media"),
        ("59.11", "class", "film-media"),
        ("591", "coarse", "film-media"),
        ("59.1", "coarse", "film-media"),
        ("90", "coarse", "arts"),
        ("59", "ambiguous", None),
        ("1071", "not_creative", None),
        ("10", "not_creative", None),
    ],
)
def test_activity_codes_of_two_to_four_digits(context, code, kind, sector):
    row = [*GOOD_ROW[:2], code, *GOOD_ROW[3:]]
    result = prepare_import([Source("n.csv", csv_bytes([row]))], context)
    codes = [p.code for p in result.problems]
    if kind == "class":
        assert codes == [] and result.enterprises["sector"].iloc[0] == sector
    elif kind == "coarse":
        assert codes == ["nace_coarse"] and result.enterprises["sector"].iloc[0] == sector
        assert result.problems[0].severity == "warning"
    else:
        assert codes == ["nace_ambiguous" if kind == "ambiguous" else "nace_not_creative"]
        assert result.enterprises.empty


# ----------------------------------------------------------------------------- bad input fixtures

ROW_ERRORS = [
    # (what is wrong, the row, expected (code, column, value))
    (
        "unknown activity code",
        ["92100001", "X", "99.99", "Niš", "", "1", "2010"],
        ("nace_not_creative", "Šifra delatnosti", "99.99"),
    ),
    (
        "invalid activity code",
        ["92100002", "X", "5x.11", "Niš", "", "1", "2010"],
        ("invalid_nace", "Šifra delatnosti", "5x.11"),
    ),
    (
        "municipality outside",
        ["92100003", "X", "5911", "Beograd", "", "1", "2010"],
        ("unknown_municipality", "Opština", "Beograd"),
    ),
    (
        "negative employees",
        ["92100004", "X", "5911", "Niš", "", "-2", "2010"],
        ("employees_negative", "Broj zaposlenih", "-2"),
    ),
    (
        "employees not a number",
        ["92100005", "X", "5911", "Niš", "", "mnogo", "2010"],
        ("employees_not_a_number", "Broj zaposlenih", "mnogo"),
    ),
    ("empty name", ["92100006", "", "5911", "Niš", "", "1", "2010"], ("empty_name", "Poslovno ime", "")),
    (
        "future founding year",
        ["92100007", "X", "5911", "Niš", "", "1", "2031"],
        ("future_founding_year", "Godina osnivanja", "2031"),
    ),
    (
        "missing registration number",
        ["", "X", "5911", "Niš", "", "1", "2010"],
        ("missing_value", "Matični broj", ""),
    ),
    (
        "duplicate registration number",
        GOOD_ROW,
        ("duplicate_registration_number", "Matični broj", "92000001"),
    ),
]
COORDINATE_ERRORS = [
    ("coordinates outside the districts", "20.46", "44.81", "coordinates_outside_region"),
    ("latitude and longitude swapped", "43.32", "21.90", "coordinates_swapped"),
    ("coordinate not a number", "istok", "43.3", "coordinate_not_a_number"),
]


@pytest.mark.parametrize(("label", "row", "expected"), ROW_ERRORS, ids=[r[0] for r in ROW_ERRORS])
def test_each_bad_row_is_reported_and_the_store_is_unchanged(store, context, label, row, expected):
    before = digest(store)
    result = run_import([Source("survey.csv", csv_bytes([GOOD_ROW, row]))], store, context)
    assert result.status == "rejected", label
    located = [(p.code, p.column, p.value) for p in result.problems if p.row == 3]
    assert expected in located, (label, result.problems)
    assert digest(store) == before


@pytest.mark.parametrize(
    ("label", "lon", "lat", "code"), COORDINATE_ERRORS, ids=[c[0] for c in COORDINATE_ERRORS]
)
def test_each_bad_coordinate_is_reported_and_the_store_is_unchanged(store, context, label, lon, lat, code):
    before = digest(store)
    header = [*HEADER, "lon", "lat"]
    rows = [[*GOOD_ROW, "", ""], ["92100010", "X", "5911", "Niš", "", "1", "2010", lon, lat]]
    result = run_import([Source("survey.csv", csv_bytes(rows, header))], store, context)
    assert result.status == "rejected"
    assert code in [p.code for p in result.problems if p.row == 3], result.problems
    assert digest(store) == before


FILE_ERRORS = [
    ("empty file", "empty.csv", b"", "no_rows"),
    ("header only", "header.csv", csv_bytes([]), "no_rows"),
    ("missing required columns", "cols.csv", b"Poslovno ime,Opstina\nA,Nis\n", "columns_missing"),
    ("two name columns", "two.csv", csv_bytes([[*GOOD_ROW, "Y"]], [*HEADER, "Naziv"]), "column_ambiguous"),
    ("ragged rows", "ragged.csv", csv_bytes([GOOD_ROW]) + b"1,2,3,4,5,6,7,8,9,10\n", "file_unreadable"),
    ("binary data", "binary.csv", b"\x00\x01\x02\x03" * 100, "file_unreadable"),
    ("not an xlsx", "fake.xlsx", b"PK\x03\x04 this is not a workbook", "file_unreadable"),
    ("broken geojson", "broken.geojson", b'{"type": "FeatureCollection", "features": [', "file_unreadable"),
    ("broken geopackage", "broken.gpkg", b"SQLite format 3\x00" + b"\x00" * 200, "file_unreadable"),
    ("old excel", "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_format"),
    ("unknown format", "notes.docx2", b"hello", "unsupported_format"),
]


@pytest.mark.parametrize(("label", "name", "data", "code"), FILE_ERRORS, ids=[f[0] for f in FILE_ERRORS])
def test_each_unusable_file_is_one_clear_error_and_the_store_is_unchanged(
    store, context, label, name, data, code
):
    before = digest(store)
    # skip_invalid does not help a file that cannot be read: nothing of the import is stored
    good = Source("good.csv", csv_bytes([["92000099", "Dobar", "5911", "Niš", "", "1", "2010"]]))
    result = run_import([good, Source(name, data)], store, context, skip_invalid=True)
    assert result.status == "rejected", label
    assert code in [p.code for p in result.file_errors if p.file == name], result.problems
    assert digest(store) == before


def test_skip_invalid_stores_the_valid_rows_and_reports_the_rest(store, context):
    rows = [
        GOOD_ROW,
        ["92100020", "", "5911", "Niš", "", "1", "2010"],
        ["92100021", "Dobar", "9001", "Blace", "", "2", ""],
    ]
    result = run_import([Source("survey.csv", csv_bytes(rows))], store, context, skip_invalid=True)
    assert result.status == "committed"
    assert [(p.code, p.row) for p in result.problems] == [("empty_name", 3)]
    stored = store.read()
    assert {"92000001", "92100021"} <= set(stored["registration_number"]) and "92100020" not in set(
        stored["registration_number"]
    )
    last = store.history().iloc[-1]
    assert (last["file"], last["rows"], last["added"], last["rejected"]) == ("survey.csv", 3, 2, 1)


def test_reimporting_the_same_file_updates_instead_of_duplicating(store, context):
    before = len(store.read())
    result = run_import([Source(EXAMPLE.name, EXAMPLE.read_bytes())], store, context)
    assert [(f.added, f.updated) for f in result.files] == [(0, before)]
    assert len(store.read()) == before


def test_duplicates_across_files_and_chunks_are_found(context):
    first = csv_bytes([GOOD_ROW] + [[f"93{i:06d}", "N", "5911", "Niš", "", "1", "2010"] for i in range(30)])
    second = csv_bytes([[*GOOD_ROW[:1], "Kopija", *GOOD_ROW[2:]]])
    result = prepare_import([Source("a.csv", first), Source("b.csv", second)], context, chunk_rows=7)
    assert [(p.file, p.code, p.row) for p in result.problems] == [
        ("b.csv", "duplicate_registration_number", 2)
    ]
    assert len(result.enterprises) == 31 and result.enterprises["registration_number"].is_unique


def test_progress_is_reported_for_long_imports(context):
    rows = [[f"94{i:06d}", "N", "5911", "Niš", "", "1", "2010"] for i in range(50)]
    seen = []
    prepare_import(
        [Source("a.csv", csv_bytes(rows))], context, progress=lambda *e: seen.append(e), chunk_rows=20
    )
    assert seen == [
        ("read", 1, 1),
        ("validate", 0, 50),
        ("validate", 20, 50),
        ("validate", 40, 50),
        ("validate", 50, 50),
    ]


def test_report_csv_has_every_problem_and_is_formula_safe(context):
    rows = [["92100040", "", "5911", "Niš", "", "=cmd|' /C calc'!A0", "2010"]]
    result = prepare_import([Source("s.csv", csv_bytes(rows))], context)
    text = report_csv(result.problems, "en").decode("utf-8-sig")
    assert text.splitlines()[0] == "File,Row,Column,Value,Severity,Reason"
    assert "s.csv,2,Poslovno ime,,error,The business name is empty." in text
    assert "'=cmd" in text and ",=cmd" not in text


# ----------------------------------------------------------------------------- command line


def test_command_line_import_history_and_exit_codes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "s.gpkg"
    args = ["--store", str(store), "--lang", "en"]
    assert main(["import", str(EXAMPLE), *args, "--report", "r1.csv"]) == 0
    out = capsys.readouterr()
    assert "Enterprises stored: 5 (new: 5, updated: 0)" in out.out and "Checking rows: 5 of 5" in out.err
    assert (tmp_path / "r1.csv").exists()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([GOOD_ROW, ["92100030", "", "5911", "Niš", "", "1", "2010"]]))
    before = store.read_bytes()
    assert main(["import", str(bad), *args, "--report", "r2.csv"]) == 1
    out = capsys.readouterr().out
    assert "The business name is empty." in out and "Nothing was changed" in out
    assert store.read_bytes() == before
    assert "Poslovno ime" in (tmp_path / "r2.csv").read_text(encoding="utf-8-sig")

    assert main(["import", str(bad), *args, "--skip-invalid", "--report", "r3.csv"]) == 0
    assert main(["import", str(tmp_path / "missing.csv"), *args]) == 1
    assert main(["history", *args]) == 0
    history = capsys.readouterr().out
    assert "example_register_extract.csv" in history and "bad.csv" in history


# ----------------------------------------------------------------------------- random input


# One edit of a file's bytes: (action, where, byte). Drawn by hypothesis, so a failing file
# shrinks to the fewest, simplest edits that still break the importer.
EDIT = st.tuples(
    st.sampled_from(("flip", "insert", "delete", "duplicate_line", "drop_line")),
    st.integers(0, 2**16),
    st.one_of(st.integers(0, 255), st.sampled_from(list(b',;"\n\r\t=-+@.0123456789abc\xc5\xa1\xd0\x00'))),
)


def _mutate(data: bytes, edits: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for action, where, byte in edits:
        position = where % (len(out) + 1)
        if action == "flip" and out:
            out[min(position, len(out) - 1)] = byte
        elif action == "insert":
            out[position:position] = bytes([byte])
        elif action == "delete" and out:
            del out[min(position, len(out) - 1)]
        elif action in ("duplicate_line", "drop_line"):
            lines = bytes(out).split(b"\n")
            index = where % len(lines)
            if action == "duplicate_line":
                lines.insert(index, lines[index])
            elif len(lines) > 1:
                del lines[index]
            out = bytearray(b"\n".join(lines))
    return bytes(out)


def _check_never_crashes(store, context, source: Source, before: str) -> None:
    result = run_import([source], store, context)
    assert result.status in {"committed", "rejected", "empty"}
    if result.status == "committed":
        assert not result.errors
    else:
        assert digest(store) == before
    for problem in result.problems:  # every problem reads as a sentence in every language
        assert report_csv([problem], "sr-Latn") and report_csv([problem], "en")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory, context):
    store = GeoPackageStore(tmp_path_factory.mktemp("fuzz") / "enterprises.gpkg")
    run_import([Source(EXAMPLE.name, EXAMPLE.read_bytes())], store, context)
    return store


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(edits=st.lists(EDIT, min_size=1, max_size=12))
def test_mutated_csv_never_crashes_the_importer(fuzz_store, context, edits):
    data = _mutate(EXAMPLE.read_bytes(), edits)
    _check_never_crashes(fuzz_store, context, Source("mutated.csv", data), digest(fuzz_store))


@FUZZ
@given(
    data=st.binary(max_size=600), name=st.sampled_from(["r.csv", "r.xlsx", "r.geojson", "r.gpkg", "r.bin"])
)
def test_random_bytes_never_crash_the_importer(fuzz_store, context, data, name):
    _check_never_crashes(fuzz_store, context, Source(name, data), digest(fuzz_store))


CELL = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**9),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["Niš", "Пирот", "59.11", "5911", "=1+1", "-3", "", "2031", "21,9"]),
)


@FUZZ
@given(
    header=st.lists(st.sampled_from([*HEADER, "lon", "lat", "PIB", "Naziv", "x"]), min_size=1, max_size=9),
    rows=st.lists(st.lists(CELL, min_size=0, max_size=10), max_size=6),
)
def test_random_spreadsheets_never_crash_the_importer(fuzz_store, context, header, rows):
    data = xlsx_bytes([header, *rows])
    _check_never_crashes(fuzz_store, context, Source("random.xlsx", data), digest(fuzz_store))


@FUZZ
@given(cells=st.lists(st.tuples(st.integers(0, 2**10), st.integers(0, 2**10), CELL), min_size=1, max_size=8))
def test_spreadsheets_with_mutated_cells_never_crash_the_importer(fuzz_store, context, cells):
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    rows = [line.split(";") for line in lines]
    for row, column, cell in cells:  # overwrite cells of the example extract, header included
        row %= len(rows)
        rows[row][column % len(rows[row])] = cell
    _check_never_crashes(fuzz_store, context, Source("mutated.xlsx", xlsx_bytes(rows)), digest(fuzz_store))


def test_export_of_geojson_reads_back_as_valid_json(context):
    # the import preview and export share the enterprise table layout
    from dashboard.outputs.exporting import export_table

    result = prepare_import([Source(EXAMPLE.name, EXAMPLE.read_bytes())], context)
    document = json.loads(export_table(result.enterprises, "geojson"))
    assert len(document["features"]) == 5

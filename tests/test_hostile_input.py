"""Hostile and wrong input (issue 12): each kind is one fixture, generated here when it is large,
and each ends in a clear Problem naming file, row, column and value, with nothing stored.

Decompression bombs, sheets without a header, too many rows or columns; implausible numbers;
registration numbers that are no registration numbers; impossible dates; invisible, control and
direction-override characters; text garbled by mixed encodings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import random
import subprocess
import sys
import zipfile

import pytest

from dashboard.__main__ import main
from dashboard.config import DEFAULT_REGION_DIR, PROJECT_ROOT
from dashboard.importing.limits import MEGABYTE, Budget, ImportLimits
from dashboard.importing.pipeline import prepare_import, run_import
from dashboard.importing.readers import Source, read_source
from dashboard.importing.report import report_csv
from dashboard.sources.enterprises import MAX_EMPLOYEES, MAX_TEXT_CHARS, ValidationContext
from dashboard.store import GeoPackageStore
from dashboard.store.base import MAX_STORED_INTEGER

EXAMPLE = DEFAULT_REGION_DIR / "mapping" / "example_register_extract.csv"
HEADER = [
    "Matični broj",
    "Poslovno ime",
    "Šifra delatnosti",
    "Opština",
    "Broj zaposlenih",
    "Godina osnivanja",
]
GOOD = ["92000001", "Studio Primer", "5911", "Niš", "3", "2015"]
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


@pytest.fixture(scope="module")
def context(project_data):
    return ValidationContext(
        project_data.municipalities,
        project_data.taxonomy,
        project_data.boundaries,
        project_data.settlements,
        current_year=2026,
        registration_digits=8,  # the project's region.toml [validation]
    )


@pytest.fixture
def store(tmp_path, context):
    store = GeoPackageStore(tmp_path / "store" / "enterprises.gpkg")
    assert run_import([Source(EXAMPLE.name, EXAMPLE.read_bytes())], store, context).committed
    return store


def digest(store: GeoPackageStore) -> str:
    return hashlib.sha256(store.path.read_bytes()).hexdigest()


def csv_bytes(rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join(",".join(row) for row in [header, *rows]) + "\n").encode(encoding)


def located(result, code: str) -> list[tuple]:
    return [(p.row, p.column, p.value) for p in result.problems if p.code == code]


# ----------------------------------------------------------------------------- generated spreadsheets


def workbook_with_sheet(write_sheet, *, level: int = 9, zip64: bool = True) -> bytes:
    """A valid XLSX whose first sheet's XML is written by ``write_sheet(stream)``."""
    from openpyxl import Workbook

    plain = io.BytesIO()
    book = Workbook()
    book.active.append(["x"])
    book.save(plain)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
    ):
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with target.open(info.filename, "w", force_zip64=zip64) as part:
                    write_sheet(part)
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def xlsx_bomb(unpacked: int, zip64: bool = True) -> bytes:
    """A decompression bomb: a workbook of ``unpacked`` bytes of identical rows, packed ~300:1."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>y</t></is></c></row>'
    block = row * 10_000

    def write(part) -> None:
        part.write(SHEET_HEAD + b"<sheetData>")
        for _ in range(unpacked // len(block) + 1):
            part.write(block)
        part.write(b"</sheetData></worksheet>")

    return workbook_with_sheet(write, zip64=zip64)


def xlsx_rows(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- bombs and limits


def test_a_decompression_bomb_is_refused_from_the_zip_directory_alone(store, context):
    bomb = xlsx_bomb(ImportLimits().max_bytes + 20 * MEGABYTE)
    assert len(bomb) < 2 * MEGABYTE  # small enough for any upload limit
    before = digest(store)
    result = run_import([Source("bomb.xlsx", bomb)], store, context, limits=ImportLimits())
    assert result.status == "rejected"
    assert [(p.file, p.code, p.details) for p in result.problems] == [
        ("bomb.xlsx", "uncompressed_too_large", {"limit": "200"})
    ]
    assert (
        "Unpacked, the file would be larger than the 200 MB allowed"
        in report_csv(result.problems, "en").decode()
    )
    assert digest(store) == before


def test_the_bomb_on_the_command_line(tmp_path, capsys):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(xlsx_bomb(ImportLimits().max_bytes + 20 * MEGABYTE))
    store = tmp_path / "s.gpkg"
    assert (
        main(
            ["import", str(bomb), "--store", str(store), "--lang", "en", "--report", str(tmp_path / "r.csv")]
        )
        == 1
    )
    assert "Unpacked, the file would be larger than the 200 MB allowed" in capsys.readouterr().out
    assert not store.exists()


PAGE_CHECK = """
import base64, json, sys, tempfile, time
from pathlib import Path
import dash
from dashboard.app import create_app
from dashboard.config import Settings

create_app(Settings(store_path=Path(tempfile.mkdtemp()) / "s.gpkg"))
page = sys.modules[dash.page_registry["pages.data_import"]["module"]]
data = Path(sys.argv[1]).read_bytes()
contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
def status(field):
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(field)) // 1024
# The process's peak so far is the app's start-up; forget it (Linux: "5" resets VmHWM), so the
# peak read afterwards is the check's own.
Path("/proc/self/clear_refs").write_text("5")
before = status("VmRSS")
cpu = time.thread_time()
children, disabled, _ = page.check_file(contents, Path(sys.argv[1]).name, False, "en")
cpu = time.thread_time() - cpu
peak = status("VmHWM")
print(json.dumps({"cpu": cpu, "growth_mb": peak - before, "text": json.dumps(children, default=str)}))
"""


@pytest.mark.parametrize("kind", ["bomb", "rows without header"])
def test_an_anonymous_check_on_the_import_page_costs_little(tmp_path, kind):
    """The web page checks uploads without any credential: a 4 MB bomb (1.2 GB unpacked) used
    to take minutes and gigabytes there. Measured in a process of its own, as the server runs."""
    if kind == "bomb":
        data = xlsx_bomb(1200 * MEGABYTE)
        assert 3 * MEGABYTE < len(data) < 5 * MEGABYTE
    else:
        data = xlsx_rows([[f"junk {i}", i] for i in range(30_000)])  # no header, 2 MB unpacked
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", PAGE_CHECK, str(path)], capture_output=True, cwd=PROJECT_ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    measured = json.loads(done.stdout.decode().splitlines()[-1])
    assert measured["cpu"] < 2.0 and measured["growth_mb"] < 300, measured
    expected = "Unpacked, the file would be larger" if kind == "bomb" else "Required columns are missing"
    assert expected in measured["text"], measured["text"][:500]


def test_a_zip_directory_that_understates_the_size_unpacks_no_more_than_it_says(context):
    """A bomb whose directory claims its sheet holds 1 kB: zipfile stops at the declared size
    (and the checksum then fails), so the limit checked from the directory holds."""
    import struct

    data = bytearray(xlsx_bomb(300 * MEGABYTE, zip64=False))  # sizes in the plain 4-byte fields
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    assert data[member.header_offset : member.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, member.header_offset + 22, 1000)  # local header: uncompressed size
    entry = data.find(b"PK\x01\x02")
    while entry >= 0 and not data[entry + 46 :].startswith(b"xl/worksheets/sheet1.xml"):
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert entry > 0
    struct.pack_into("<I", data, entry + 24, 1000)  # central directory: uncompressed size
    budget = Budget(None)
    result = read_source(Source("forged.xlsx", bytes(data)), budget=budget)
    assert [p.code for p in result.problems] == ["file_unreadable"]
    assert budget.used() < 2.0


def test_a_compression_ratio_no_spreadsheet_has_is_refused(context):
    bomb = xlsx_bomb(30 * MEGABYTE)  # within the size limit, but packed ~300 times
    result = prepare_import([Source("tight.xlsx", bomb)], context)
    assert [(p.code, p.details) for p in result.problems] == [
        ("compression_ratio_too_high", {"ratio": "200"})
    ]


def test_a_sheet_claiming_a_million_rows_stops_at_the_row_limit(context):
    """A dimension of A1:XFD1048576 and one cell in the last row make openpyxl produce every row
    in between; the reader stops at its limit, long before."""

    def write(part) -> None:
        part.write(SHEET_HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData>')
        part.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>Poslovno ime</t></is></c>')
        part.write(b'<c r="B1" t="inlineStr"><is><t>Opstina</t></is></c></row>')
        part.write(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')

    limits = ImportLimits(max_rows=1_000)
    budget = Budget(None)
    table = read_source(Source("gaps.xlsx", workbook_with_sheet(write)), limits=limits, budget=budget)
    assert [p.code for p in table.problems] == ["columns_missing"]  # stopped at the header
    header_ok = workbook_with_sheet(
        lambda part: write_header_then_far_row(
            part, HEADER, b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
        )
    )
    table = read_source(Source("gaps.xlsx", header_ok), limits=limits, budget=budget)
    assert [(p.code, p.details) for p in table.problems] == [("too_many_rows", {"limit": "1000"})]
    assert budget.used() < 2.0


def write_header_then_far_row(part, header: list[str], tail: bytes) -> None:
    cells = b"".join(b'<c t="inlineStr"><is><t>' + name.encode() + b"</t></is></c>" for name in header)
    part.write(SHEET_HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1">' + cells + b"</row>")
    part.write(tail + b"</sheetData></worksheet>")


def test_one_giant_row_is_refused_before_any_cell_is_built(context):
    rng = random.Random(7)  # varied numbers: packs like real data, not like a bomb

    def write(part) -> None:
        part.write(SHEET_HEAD + b"<sheetData><row>")
        for _ in range(20):
            part.write(b"".join(b"<c><v>%d</v></c>" % rng.randrange(10**9) for _ in range(10_000)))
        part.write(b"</row></sheetData></worksheet>")

    result = prepare_import([Source("wide.xlsx", workbook_with_sheet(write, level=1))], context)
    assert [(p.code, p.details) for p in result.problems] == [("too_many_columns", {"limit": "200"})]


def test_a_sheet_without_any_header_is_left_after_its_first_rows(context):
    """60,000 rows of anything (reading them all takes seconds): refused at row 20."""
    data = xlsx_rows([[f"junk {i}", i, "x"] for i in range(60_000)])
    budget = Budget(None)
    table = read_source(Source("junk.xlsx", data), budget=budget)
    assert [p.code for p in table.problems if p.severity == "error"] == ["columns_missing"]
    assert budget.used() < 0.5


def test_too_many_rows_and_columns_in_every_format(context, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    limits = ImportLimits(max_rows=10, max_columns=8)
    rows = [[f"9200{i:04d}", "A", "5911", "Niš", "1", "2010"] for i in range(11)]
    frame = gpd.GeoDataFrame(
        {"MB": [r[0] for r in rows], "Naziv": "A", "KD": "5911", "Opština": "Niš", "Zaposleni": 1},
        geometry=[Point(21.9, 43.32)] * 11,
        crs="EPSG:4326",
    )
    frame.to_file(tmp_path / "many.gpkg", driver="GPKG")
    wide = [*HEADER, *(f"extra {i}" for i in range(5))]
    cases = {
        "many.csv": (csv_bytes(rows), "too_many_rows"),
        "many.xlsx": (xlsx_rows([HEADER, *rows]), "too_many_rows"),
        "many.geojson": (frame.to_json().encode(), "too_many_rows"),
        "many.gpkg": ((tmp_path / "many.gpkg").read_bytes(), "too_many_rows"),
        "wide.csv": (csv_bytes([[*GOOD, *"12345"]], wide), "too_many_columns"),
        "wide.xlsx": (xlsx_rows([wide, [*GOOD, *"12345"]]), "too_many_columns"),
    }
    for name, (data, code) in cases.items():
        result = prepare_import([Source(name, data)], context, limits=limits)
        assert [p.code for p in result.problems] == [code], name
        assert result.status == "rejected" and result.enterprises.empty
    # several files count together
    half = csv_bytes(rows[:6])
    together = prepare_import([Source("a.csv", half), Source("b.csv", half)], context, limits=limits)
    assert [(p.file, p.code) for p in together.problems] == [("a.csv, b.csv", "too_many_rows")]


def test_a_file_larger_than_the_limit_is_not_even_parsed(context):
    limits = ImportLimits(max_bytes=1000)
    result = prepare_import([Source("big.csv", csv_bytes([GOOD] * 40))], context, limits=limits)
    assert [p.code for p in result.problems] == ["uncompressed_too_large"]


def test_an_anonymous_check_stops_when_its_cpu_budget_is_spent(context):
    rows = [[f"{92000000 + i}", f"Studio {i}", "5911", "Niš", "2", "2010"] for i in range(60_000)]
    data = csv_bytes(rows)
    anonymous = prepare_import([Source("big.csv", data)], context, limits=ImportLimits(cpu_seconds=0.5))
    assert [(p.code, p.details) for p in anonymous.problems][:1] == [("check_too_long", {"seconds": "0.5"})]
    assert anonymous.status == "rejected" and int(anonymous.problems[0].value) >= 2  # the row it reached
    # an XLSX bigger than the budget could read is refused from its directory
    sheet = xlsx_rows([HEADER, *rows[:20_000]])
    refused = prepare_import([Source("big.xlsx", sheet)], context, limits=ImportLimits(cpu_seconds=0.5))
    assert [p.code for p in refused.problems] == ["check_too_long"]


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("employees", "code"),
    [
        ("1e20", "employees_not_a_number"),
        ("99999999999999999999", "employees_implausible"),
        ("3000000000", "employees_implausible"),
        (str(MAX_EMPLOYEES + 1), "employees_implausible"),
        ("٣", "employees_not_a_number"),  # Arabic-Indic three
        ("inf", "employees_not_a_number"),
    ],
)
def test_implausible_employee_counts_are_errors(store, context, employees, code):
    before = digest(store)
    row = ["92000002", "Broj", "5911", "Niš", employees, "2010"]
    result = run_import([Source("n.csv", csv_bytes([GOOD, row]))], store, context)
    assert result.status == "rejected"
    assert located(result, code) == [(3, "Broj zaposlenih", employees)]
    assert digest(store) == before


def test_the_largest_plausible_count_fits_every_store():
    """A checked row never fails the commit: the bound is below what PostGIS integer keeps
    (tests/test_store.py commits it to both stores)."""
    assert MAX_EMPLOYEES < MAX_STORED_INTEGER == 2**31 - 1


def test_an_xlsx_number_cell_of_1e20_is_not_a_count(context):
    result = prepare_import(
        [Source("e.xlsx", xlsx_rows([HEADER, [92000003, "E", 5911, "Niš", 1e20, 2010]]))], context
    )
    assert located(result, "employees_not_a_number") == [(2, "Broj zaposlenih", "1e+20")]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("31.02.2012.", "founding_date_impossible"),
        ("2012-02-30", "founding_date_impossible"),
        ("29.02.2023", "founding_date_impossible"),
        ("2e3", "year_not_a_number"),
        ("2.012e3", "year_not_a_number"),
        ("1.5e3", "year_not_a_number"),
    ],
)
def test_impossible_dates_and_scientific_years_are_errors(context, written, code):
    result = prepare_import([Source("d.csv", csv_bytes([[*GOOD[:5], written]]))], context)
    assert located(result, code) == [(2, "Godina osnivanja", written)]
    assert result.enterprises.empty


def test_real_dates_still_become_years(context):
    rows = [
        [f"9200001{i}", "D", "5911", "Niš", "1", day] for i, day in enumerate(["29.02.2024.", "2012-05-03"])
    ]
    result = prepare_import([Source("d.csv", csv_bytes(rows))], context)
    assert result.problems == [] and list(result.enterprises["founding_year"]) == [2024, 2012]


# ----------------------------------------------------------------------------- registration numbers


def test_spaces_in_a_registration_number_do_not_make_a_second_firm(store, context):
    spaced = ["41 000 081", "Razmak", "5911", "Niš", "1", "2010"]
    plain = ["41000081", "Bez razmaka", "5911", "Niš", "1", "2010"]
    result = run_import(
        [Source("a.csv", csv_bytes([spaced])), Source("b.csv", csv_bytes([plain]))], store, context
    )
    assert [(p.file, p.code, p.row, p.value, p.severity) for p in result.problems] == [
        ("a.csv", "registration_number_spaces", 2, "41 000 081", "warning"),
        ("b.csv", "duplicate_registration_number", 2, "41000081", "error"),
    ]
    alone = run_import([Source("a.csv", csv_bytes([spaced]))], store, context)
    assert alone.committed
    stored = store.read().set_index("registration_number")
    assert stored.at["41000081", "name"] == "Razmak"
    again = run_import([Source("b.csv", csv_bytes([plain]))], store, context)
    assert [(f.added, f.updated) for f in again.files] == [(0, 1)]  # the same firm, updated


@pytest.mark.parametrize(
    "number",
    ["ABC-DEF", "=1+1", "1" * 30, "٤١٠٠٠٠٨١", "４１０００００８１", "41000081x", "DEMO-000001", "12345"],
    ids=[
        "letters",
        "formula",
        "30 digits",
        "arabic-indic",
        "fullwidth",
        "suffix",
        "demo-not-synthetic",
        "short",
    ],
)
def test_registration_numbers_break_the_regions_rule(store, context, number):
    before = digest(store)
    result = run_import([Source("r.csv", csv_bytes([[number, *GOOD[1:]]]))], store, context)
    assert result.status == "rejected"
    assert located(result, "registration_number_not_digits") == [(2, "Matični broj", number)]
    assert "exactly 8 digits 0–9" in report_csv(result.problems, "en").decode("utf-8-sig")
    assert digest(store) == before


def test_synthetic_rows_keep_their_demo_numbers(context):
    header = [*HEADER, "synthetic"]
    result = prepare_import(
        [Source("demo.csv", csv_bytes([["DEMO-000001", *GOOD[1:], "true"]], header))], context
    )
    assert result.problems == [] and list(result.enterprises["registration_number"]) == ["DEMO-000001"]


def test_without_a_regional_rule_numbers_are_still_plain_text(context):
    free = dataclasses.replace(context, registration_digits=None)
    rows = [["T-1", *GOOD[1:]], ["=1+1", *GOOD[1:]], ["٤١", *GOOD[1:]], ["AB/12.3", *GOOD[1:]]]
    result = prepare_import([Source("t.csv", csv_bytes(rows))], free)
    assert located(result, "registration_number_invalid") == [
        (3, "Matični broj", "=1+1"),
        (4, "Matični broj", "٤١"),
    ]
    assert list(result.enterprises["registration_number"]) == ["T-1", "AB/12.3"]


# ----------------------------------------------------------------------------- text


def test_a_name_of_only_zero_width_characters_is_empty(context):
    for name in ["\u200b\u200b", "\u200d\ufeff", " \u2060 ", "\u00ad"]:
        result = prepare_import([Source("z.csv", csv_bytes([[GOOD[0], name, *GOOD[2:]]]))], context)
        assert [p.code for p in result.problems] == ["empty_name"], repr(name)


def test_control_and_direction_override_characters_are_removed_with_a_warning(store, context):
    rows = [
        ["92000011", "Studio\u202eolpmaxe", "5911", "Niš", "1", "2010"],
        ["92000012", "Tab\tStudio\x07", "5911", "Niš", "1", "2010"],
        ["92000013", "\u2066Izolovan\u2069", "5911", "Niš", "1", "2010"],
    ]
    result = run_import([Source("c.csv", csv_bytes(rows))], store, context)
    assert result.committed, result.problems
    assert located(result, "text_cleaned") == [
        (2, "Poslovno ime", "Studio<U+202E>olpmaxe"),
        (3, "Poslovno ime", "Tab<U+0009>Studio<U+0007>"),
        (4, "Poslovno ime", "<U+2066>Izolovan<U+2069>"),
    ]
    assert all(p.severity == "warning" for p in result.problems)
    names = set(store.read()["name"])
    assert {"Studioolpmaxe", "Tab Studio", "Izolovan"} <= names


def test_a_megabyte_name_is_an_error(store, context):
    before = digest(store)
    huge = "A" * MEGABYTE
    result = run_import([Source("long.csv", csv_bytes([[GOOD[0], huge, *GOOD[2:]]]))], store, context)
    assert result.status == "rejected"
    [(row, column, value)] = located(result, "text_too_long")
    assert (row, column, len(value)) == (2, "Poslovno ime", 61)  # the value is shown shortened
    assert f"longer than {MAX_TEXT_CHARS} characters" in report_csv(result.problems, "en").decode("utf-8-sig")
    assert digest(store) == before


def test_a_nul_in_a_geojson_name_is_removed_not_cutting_the_name(store, context):
    feature = {
        "type": "Feature",
        "properties": {
            "MB": "92000021",
            "Naziv": "Studio\u0000 Nula",
            "KD": "5911",
            "Opština": "Niš",
            "Zaposleni": 2,
        },
        "geometry": {"type": "Point", "coordinates": [21.9, 43.32]},
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    assert "\\u0000" in text
    result = run_import([Source("nul.geojson", text.encode())], store, context)
    assert result.committed, result.problems
    assert [(p.code, p.row, p.column, p.severity) for p in result.problems] == [
        ("text_cleaned", 1, "Naziv", "warning")
    ]
    assert store.read().set_index("registration_number").at["92000021", "name"] == "Studio Nula"


def test_a_file_mixing_utf8_and_windows_1250_is_reported_row_by_row(store, context):
    before = digest(store)
    lines = [
        ",".join(HEADER).encode("utf-8"),
        "92000031,Ćilim Šara,1392,Pirot,2,2010".encode("cp1250"),
        "92000032,Studio Žućko,5911,Niš,1,2012".encode(),
        "92000033,Đurđevak,5911,Niš,1,2012".encode("cp1250"),
    ]
    data = b"\n".join(lines) + b"\n"
    result = run_import([Source("mixed.csv", data)], store, context)
    assert result.status == "rejected"
    assert [(p.row, p.value, p.details) for p in result.problems] == [
        (
            1,
            "MatiÄŤni broj,Poslovno ime,Ĺ\xa0ifra delatnosti,OpĹˇtina,Broj zaposlenih,Godina osnivanja",
            {"repaired": ",".join(HEADER)},
        ),
        (
            3,
            "92000032,Studio Ĺ˝uÄ‡ko,5911,NiĹˇ,1,2012",
            {"repaired": "92000032,Studio Žućko,5911,Niš,1,2012"},
        ),
    ]
    assert "save the whole file in one encoding" in report_csv(result.problems, "en").decode("utf-8-sig")
    assert digest(store) == before


def test_text_garbled_before_it_reached_the_file_is_reported_in_any_format(context):
    """Already garbled and saved as UTF-8 (or typed into a spreadsheet): found cell by cell."""
    garbled = [["92000035", "Studio Ĺ˝uÄ‡ko", "5911", "Niš", "1", "2012"]]
    for source in (Source("g.csv", csv_bytes(garbled)), Source("g.xlsx", xlsx_rows([HEADER, *garbled]))):
        result = prepare_import([source], context)
        assert [(p.code, p.row, p.column, p.value, p.details) for p in result.problems] == [
            ("mojibake", 2, "Poslovno ime", "Studio Ĺ˝uÄ‡ko", {"repaired": "Studio Žućko"})
        ], source.name


def test_real_serbian_text_is_never_taken_for_mojibake(context):
    names = ["Ćilim Šara", "Đurđevak", "ČŠĆŽĐ čšćžđ", "Žućko", "Ниш", "Ђурђевак", "Čačak-Ćuprija", "Mađarska"]
    rows = [[f"9200004{i}", name, "5911", "Niš", "1", "2010"] for i, name in enumerate(names)]
    for encoding in ("utf-8", "utf-16"):
        result = prepare_import([Source("ok.csv", csv_bytes(rows, encoding=encoding))], context)
        assert result.problems == [], encoding
    assert list(result.enterprises["name"]) == names


def test_every_new_problem_reads_in_every_language(context):
    result = prepare_import(
        [
            Source(
                "all.csv", csv_bytes([["41 000 081", "\u202eX", "5911", "Niš", "3000000000", "31.02.2012."]])
            )
        ],
        context,
    )
    assert {p.code for p in result.problems} == {
        "registration_number_spaces",
        "text_cleaned",
        "employees_implausible",
        "founding_date_impossible",
    }
    for language in ("sr-Latn", "sr-Cyrl", "en"):
        text = report_csv(result.problems, language).decode("utf-8-sig")
        assert "{" not in text and "problem." not in text, language

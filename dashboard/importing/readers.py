"""Reading an input file into a table of text cells with schema column names.

Supported: CSV (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1250 and, for
Cyrillic files saved by Windows, Windows-1251; separated by ``,`` ``;`` tab or
``|``), XLSX, GeoJSON and GeoPackage. Everything is read as text here and parsed
once, in :func:`dashboard.sources.enterprises.validate_enterprises`, so every
format is validated by the same code. Whatever cannot be read is a Problem; this
module never raises on bad input.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely

from dashboard.importing.headers import ColumnMatch, recognise_columns
from dashboard.importing.mapping import Mapping
from dashboard.sources.problems import Problem
from dashboard.sources.schema import REQUIRED_COLUMNS

FORMATS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
}
NUMERIC_FIELDS = ("lon", "lat", "employees", "founding_year")
HEADER_SEARCH_ROWS = 20  # an XLSX header may sit below a title block


@dataclass(frozen=True)
class Source:
    """One input file: its name (for the report) and its bytes."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def format(self) -> str | None:
        suffix = "." + self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""
        if suffix in FORMATS:
            return FORMATS[suffix]
        head = self.data[:16]
        if head.startswith(b"PK\x03\x04"):
            return "xlsx"
        if head.startswith(b"SQLite format 3"):
            return "gpkg"
        if head.lstrip()[:1] == b"{":
            return "geojson"
        return None


@dataclass
class RawTable:
    """A file's data rows as text, with schema column names and their source row numbers.

    ``rows`` holds, per row of ``frame``, the row number a person finds it at: the
    spreadsheet row (header = 1) for CSV and XLSX, the feature number (from 1) for
    GeoJSON and GeoPackage. Rows already rejected while reading are not in
    ``frame`` but counted in ``total_rows`` and described in ``problems``.
    """

    file: str
    frame: pd.DataFrame | None
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    problems: list[Problem] = field(default_factory=list)
    total_rows: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # field -> header as the file writes it

    @property
    def ok(self) -> bool:
        return self.frame is not None


def _fail(source: Source, code: str, value: str | None = None, **details: Any) -> RawTable:
    return RawTable(
        source.name, None, problems=[Problem(file=source.name, code=code, value=value, details=details)]
    )


# --------------------------------------------------------------------------- cells


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: 5911.0 -> '5911', 21.9 -> '21.9', dates ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return ""
        return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


# --------------------------------------------------------------------------- CSV

_LETTER = re.compile(r"[^\W\d_]+")


def _looks_cyrillic_1251(data: bytes) -> bool:
    """Windows-1251 Cyrillic, not Windows-1250 Latin? Decoded as 1251, Latin text gives words
    mixing ASCII and Cyrillic letters ('Niљ'); real Cyrillic gives whole Cyrillic words."""
    try:
        text = data[:200_000].decode("cp1251")
    except UnicodeDecodeError:
        return False
    cyrillic = mixed = 0
    for word in _LETTER.findall(text):
        has_cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in word)
        if has_cyrillic:
            cyrillic += 1
            mixed += any(ch.isascii() for ch in word)
    return cyrillic >= 3 and mixed <= 0.1 * cyrillic


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Raises UnicodeDecodeError when nothing fits."""
    if encoding:
        return data.decode(encoding), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_cyrillic_1251(data):
        return data.decode("cp1251"), "windows-1251"
    return data.decode("cp1250"), "windows-1250"


def detect_separator(text: str) -> str:
    """The separator of the header line: the most frequent of , ; tab | outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {sep: unquoted.count(sep) for sep in (";", ",", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv_rows(source: Source, mapping: Mapping) -> tuple[list[str], pd.DataFrame, np.ndarray] | RawTable:
    if b"\x00" in source.data[:4096] and not source.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _fail(source, "file_unreadable", error="binary data, not a text (CSV) file")
    try:
        text, _ = decode_text(source.data, mapping.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return _fail(source, "file_unreadable", error=f"not UTF-8 or Windows-1250 text ({exc.reason})")
    if "\x00" in text:
        return _fail(source, "file_unreadable", error="binary data, not a text (CSV) file")
    if not text.strip():
        return _fail(source, "no_rows")
    separator = mapping.separator or detect_separator(text)
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            quoting=csv.QUOTE_MINIMAL,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        return _fail(source, "file_unreadable", error=str(exc).strip()[:200])
    except pd.errors.EmptyDataError:
        return _fail(source, "no_rows")
    headers = [str(h) for h in table.iloc[0].tolist()]
    body = table.iloc[1:].reset_index(drop=True)
    return headers, body, np.arange(2, len(body) + 2, dtype=np.int64)


# --------------------------------------------------------------------------- XLSX


def _read_xlsx_rows(
    source: Source, mapping: Mapping
) -> tuple[list[str], pd.DataFrame, np.ndarray] | RawTable:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as exc:
        return _fail(source, "file_unreadable", error=f"not a readable XLSX workbook ({str(exc)[:120]})")
    except Exception as exc:  # openpyxl raises its own InvalidFileException and friends
        return _fail(source, "file_unreadable", error=f"not a readable XLSX workbook ({type(exc).__name__})")
    try:
        if mapping.sheet:
            if mapping.sheet not in book.sheetnames:
                return _fail(source, "file_unreadable", error=f"no sheet named {mapping.sheet!r}")
            sheet = book[mapping.sheet]
        else:
            sheet = book.worksheets[0]
        records: list[tuple[int, list[str]]] = []
        header: tuple[int, list[str]] | None = None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            if not any(cells):
                continue
            if header is None:
                records.append((number, cells))
                recognised = recognise_columns(cells, source.name).fields
                if len(recognised) >= 2 or len(records) > HEADER_SEARCH_ROWS:
                    header = (number, cells)
                    records = []
                continue
            records.append((number, cells))
    except Exception as exc:  # a damaged sheet part inside a valid zip
        return _fail(source, "file_unreadable", error=f"damaged XLSX sheet ({type(exc).__name__})")
    finally:
        book.close()
    if header is None:  # no line looked like a header: take the first non-empty one
        if not records:
            return _fail(source, "no_rows")
        header, records = records[0], records[1:]
    width = len(header[1])
    while width and not header[1][width - 1]:
        width -= 1
    width = max(width, 1)
    body = pd.DataFrame(
        [(cells + [""] * width)[:width] for _, cells in records], columns=range(width), dtype=object
    )
    if body.empty:
        body = pd.DataFrame(columns=range(width), dtype=object)
    return header[1][:width], body, np.array([n for n, _ in records], dtype=np.int64)


# --------------------------------------------------------------------------- GeoJSON, GeoPackage


def _read_geo_rows(
    source: Source, mapping: Mapping
) -> tuple[list[str], pd.DataFrame, np.ndarray, list[Problem]] | RawTable:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    problems: list[Problem] = []
    buffer = io.BytesIO(source.data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            layers = [str(name) for name, _ in pyogrio.list_layers(buffer)]
            if not layers:
                return _fail(source, "no_rows")
            layer = mapping.layer or layers[0]
            if layer not in layers:
                return _fail(source, "file_unreadable", error=f"no layer named {layer!r}")
            if len(layers) > 1 and not mapping.layer:
                problems.append(
                    Problem(
                        file=source.name,
                        code="other_layers_ignored",
                        value=", ".join(n for n in layers if n != layer),
                        details={"layer": layer},
                        severity="warning",
                    )
                )
            buffer.seek(0)
            frame = pyogrio.read_dataframe(buffer, layer=layers.index(layer))  # in-memory names change
    except (DataSourceError, DataLayerError, RuntimeError, ValueError, OSError) as exc:
        return _fail(source, "file_unreadable", error=str(exc).split(";")[0][:200])
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    geometry = frame.geometry if "geometry" in frame.columns and hasattr(frame, "crs") else None
    table = pd.DataFrame(
        {c: frame[c].map(cell_text) for c in frame.columns if c != "geometry"}, index=frame.index
    )
    keep = np.ones(len(frame), dtype=bool)
    if geometry is not None and len(frame):
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            geometry = frame.to_crs(4326).geometry
        kinds = geometry.geom_type.fillna("")
        empty = geometry.is_empty.fillna(True).to_numpy() | (kinds == "").to_numpy()
        single_multipoint = (kinds == "MultiPoint") & (shapely.get_num_geometries(geometry.values) == 1)
        points = shapely.get_geometry(np.asarray(geometry.values, dtype=object), 0)
        is_point = ((kinds == "Point") | single_multipoint).to_numpy()
        bad = pd.Series(~is_point & ~empty, index=geometry.index)
        for position in np.flatnonzero(bad.to_numpy()):
            problems.append(
                Problem(
                    file=source.name,
                    code="geometry_not_point",
                    row=int(rows[position]),
                    column="geometry",
                    value=str(kinds.iloc[position]),
                )
            )
        keep &= ~bad.to_numpy()
        usable = np.where(is_point & ~empty, points, None)
        xs = pd.Series(shapely.get_x(usable), index=geometry.index)
        ys = pd.Series(shapely.get_y(usable), index=geometry.index)
        table["__lon"] = xs.map(lambda v: "" if pd.isna(v) else repr(round(float(v), 7)))
        table["__lat"] = ys.map(lambda v: "" if pd.isna(v) else repr(round(float(v), 7)))
    table = table[keep].reset_index(drop=True)
    return (
        [str(c) for c in table.columns],
        table.set_axis(range(table.shape[1]), axis=1),
        rows[keep],
        problems,
    )


# --------------------------------------------------------------------------- numbers

_PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$")
_DATE_DMY = re.compile(r"^\s*\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(\d{4})\.?\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-\d{1,2}-\d{1,2}(?:[T ].*)?$")


def normalise_numbers(values: pd.Series, decimal: str | None) -> pd.Series:
    """Numbers written either way -> '1234.5'; anything else is left for validation to report.

    ``decimal`` ',' or '.' says which mark is decimal (the other groups thousands);
    ``None`` decides per value: of ',' and '.', the last one is the decimal mark;
    a lone ',' is decimal. Spaces inside numbers ('1 234') are thousands separators.
    """
    text = values.astype(str).str.strip().str.replace("\u00a0", "", regex=False)
    compact = text.str.replace(r"(?<=\d)[ '’](?=\d)", "", regex=True)
    if decimal == ",":
        candidate = compact.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    elif decimal == ".":
        candidate = compact.str.replace(",", "", regex=False)
    else:
        last_comma = compact.str.rfind(",")
        last_dot = compact.str.rfind(".")
        comma_decimal = last_comma > last_dot
        candidate = compact.where(
            ~comma_decimal,
            compact.str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
        )
        candidate = candidate.where(
            comma_decimal | (last_comma < 0), candidate.str.replace(",", "", regex=False)
        )
    candidate = candidate.str.replace(r"^\+", "", regex=True)
    return candidate.where(candidate.str.match(_PLAIN), text)


def founding_years(values: pd.Series) -> pd.Series:
    """'03.05.2012.', '2012-05-03', '2012-05-03T00:00:00' -> '2012'; years stay as they are."""
    text = values.astype(str).str.strip()
    dmy = text.str.extract(_DATE_DMY, expand=False)
    iso = text.str.extract(_DATE_ISO, expand=False)
    return dmy.fillna(iso).fillna(text)


# --------------------------------------------------------------------------- entry point


def read_source(source: Source, mapping: Mapping | None = None) -> RawTable:
    """Read one file into a RawTable; file-level problems leave ``frame`` None."""
    mapping = mapping or Mapping()
    kind = source.format
    if kind is None:
        return _fail(
            source, "unsupported_format", value=source.name.rsplit(".", 1)[-1] if "." in source.name else ""
        )
    extra: list[Problem] = []
    if kind == "csv":
        result = _read_csv_rows(source, mapping)
    elif kind == "xlsx":
        result = _read_xlsx_rows(source, mapping)
    else:
        result = _read_geo_rows(source, mapping)
        if not isinstance(result, RawTable):
            *result, extra = result
    if isinstance(result, RawTable):
        return result
    headers, body, rows = result
    total = len(body) + sum(1 for p in extra if p.row is not None)
    geometry_lon = "__lon" in headers
    match: ColumnMatch = recognise_columns(
        [h for h in headers if not h.startswith("__")], source.name, mapping.columns
    )
    problems = [*extra, *match.problems]
    attribute_coordinates = {name: match.fields.get(name) for name in ("lon", "lat")}
    if geometry_lon:
        match.fields["lon"], match.fields["lat"] = "__lon", "__lat"
    missing = match.missing(REQUIRED_COLUMNS)
    if missing:
        problems.append(Problem(file=source.name, code="columns_missing", value=", ".join(missing)))
    if any(p.severity == "error" and p.row is None for p in problems):
        return RawTable(source.name, None, problems=problems, total_rows=total)
    if len(body) == 0:
        problems.append(Problem(file=source.name, code="no_rows"))
        return RawTable(source.name, None, problems=problems, total_rows=total)
    position = {header: i for i, header in enumerate(headers)}
    frame = pd.DataFrame(
        {name: body[position[header]].fillna("").astype(str) for name, header in match.fields.items()},
        index=body.index,
    )
    if geometry_lon and all(attribute_coordinates.values()):
        # A feature's point wins; coordinate columns fill in where it has no geometry.
        no_point = (frame["lon"] == "") & (frame["lat"] == "")
        for name, header in attribute_coordinates.items():
            frame[name] = frame[name].where(~no_point, body[position[header]].fillna("").astype(str))
    for name in NUMERIC_FIELDS:
        if name in frame.columns:
            values = frame[name]
            if name == "founding_year":
                values = founding_years(values)
            frame[name] = normalise_numbers(values, mapping.decimal)
    headers_of = {
        name: ("geometry" if header.startswith("__") else header) for name, header in match.fields.items()
    }
    return RawTable(source.name, frame, rows, problems, total, headers_of)

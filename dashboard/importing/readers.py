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
import json
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely

from dashboard.importing.archive import check_zip
from dashboard.importing.headers import ColumnMatch, recognise_columns
from dashboard.importing.limits import HEADER_SEARCH_ROWS, Budget, ImportLimits, LimitExceeded
from dashboard.importing.mapping import Mapping
from dashboard.importing.sheets import SheetMissing, sheet_rows
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
BUDGET_EVERY = 256  # rows between two looks at the CPU budget


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


def _refuse(source: Source, code: str, **details: str) -> LimitExceeded:
    return LimitExceeded(Problem(file=source.name, code=code, details=details))


def _required_missing(source: Source, headers: list[str], mapping: Mapping, rows: int = 0) -> RawTable | None:
    """The file-level failure when ``headers`` lack a required field, so a reader can stop at
    the header instead of reading every row of a file that cannot be imported."""
    match = recognise_columns([h for h in headers if not h.startswith("__")], source.name, mapping.columns)
    found = set(match.fields) | ({"lon", "lat"} if "__lon" in headers else set())
    missing = [name for name in REQUIRED_COLUMNS if name not in found]
    if not missing:
        return None
    problems = [*match.problems, Problem(file=source.name, code="columns_missing", value=", ".join(missing))]
    return RawTable(source.name, None, problems=problems, total_rows=rows)


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


MIXED_LINES_SHOWN = 50


def _utf8_lines(source: Source, encoding: str) -> list[Problem]:
    """Lines in UTF-8 inside a file read as Windows-125x (the whole file is not UTF-8, so other
    lines are not): one file saved by two programs. Read either way, some rows would be
    garbled ('Studio Ĺ˝uÄ‡ko'), so each such line is reported by its number and nothing is read."""
    if encoding.replace("cp", "windows-") not in ("windows-1250", "windows-1251"):
        return []
    problems: list[Problem] = []
    for number, line in enumerate(source.data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            meant = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        problems.append(
            Problem(
                file=source.name,
                code="mojibake",
                row=number,
                value=line.decode(encoding, errors="replace").strip()[:120],
                details={"repaired": meant.strip()[:120]},
            )
        )
        if len(problems) == MIXED_LINES_SHOWN:
            break
    return problems


def detect_separator(text: str) -> str:
    """The separator of the header line: the most frequent of , ; tab | outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {sep: unquoted.count(sep) for sep in (";", ",", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv_rows(
    source: Source, mapping: Mapping, limits: ImportLimits
) -> tuple[list[str], pd.DataFrame, np.ndarray] | RawTable:
    if b"\x00" in source.data[:4096] and not source.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _fail(source, "file_unreadable", error="binary data, not a text (CSV) file")
    try:
        text, encoding = decode_text(source.data, mapping.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return _fail(source, "file_unreadable", error=f"not UTF-8 or Windows-1250 text ({exc.reason})")
    mixed = _utf8_lines(source, encoding)
    if mixed:
        return RawTable(source.name, None, problems=mixed)
    if "\x00" in text:
        return _fail(source, "file_unreadable", error="binary data, not a text (CSV) file")
    if not text.strip():
        return _fail(source, "no_rows")
    separator = mapping.separator or detect_separator(text)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if re.sub(r'"[^"]*"', "", first).count(separator) >= limits.max_columns:
        raise _refuse(source, "too_many_columns", limit=str(limits.max_columns))
    stop = _required_missing(source, next(csv.reader([first], delimiter=separator), []), mapping)
    if stop is not None:
        return stop
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
            nrows=limits.max_rows + 2,  # the header, the rows allowed, and one to tell
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        return _fail(source, "file_unreadable", error=str(exc).strip()[:200])
    except pd.errors.EmptyDataError:
        return _fail(source, "no_rows")
    if table.shape[1] > limits.max_columns:
        raise _refuse(source, "too_many_columns", limit=str(limits.max_columns))
    if len(table) > limits.max_rows + 1:
        raise _refuse(source, "too_many_rows", limit=str(limits.max_rows))
    headers = [str(h) for h in table.iloc[0].tolist()]
    body = table.iloc[1:].reset_index(drop=True)
    return headers, body, np.arange(2, len(body) + 2, dtype=np.int64)


# --------------------------------------------------------------------------- XLSX


def _read_xlsx_rows(
    source: Source, mapping: Mapping, limits: ImportLimits, budget: Budget
) -> tuple[list[str], pd.DataFrame, np.ndarray] | RawTable:
    """The first sheet (or the mapping's) as text rows below the header.

    The zip is judged before openpyxl sees it (:func:`check_zip`); rows are streamed as the
    file holds them (:mod:`dashboard.importing.sheets`), cut to the column limit, and reading
    stops at the header when a required column is missing, or at any limit.
    """
    try:
        check_zip(source.data, source.name, limits, budget)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return _fail(source, "file_unreadable", error=f"not a readable XLSX workbook ({str(exc)[:120]})")
    width_limit = limits.max_columns
    last_physical = 2 * limits.max_rows + HEADER_SEARCH_ROWS  # blank rows between data rows are rare
    records: list[tuple[int, list[str]]] = []
    header: tuple[int, list[str]] | None = None
    try:
        with warnings.catch_warnings(), sheet_rows(source.data, mapping.sheet, width_limit + 1) as rows:
            warnings.simplefilter("ignore")
            for count, (number, values) in enumerate(rows, start=1):
                if count % BUDGET_EVERY == 0:
                    budget.check(source.name, number)
                if number > last_physical or len(records) >= limits.max_rows:
                    raise _refuse(source, "too_many_rows", limit=str(limits.max_rows))
                if values[width_limit] is not None:
                    raise _refuse(source, "too_many_columns", limit=str(width_limit))
                if values.count(None) == len(values):
                    continue
                cells = [cell_text(v) for v in values[:width_limit]]
                if not any(cells):
                    continue
                if header is not None:
                    records.append((number, cells))
                    continue
                records.append((number, cells))
                if len(recognise_columns(cells, source.name, mapping.columns).fields) >= 2:
                    header, records = (number, cells), []
                elif len(records) >= HEADER_SEARCH_ROWS:  # no header near the top: the first row is it
                    header, records = records[0], records[1:]
                else:
                    continue
                stop = _required_missing(source, _trimmed(header[1]), mapping)
                if stop is not None:
                    return stop
    except LimitExceeded:
        raise
    except SheetMissing:
        return _fail(source, "file_unreadable", error=f"no sheet named {mapping.sheet!r}")
    except Exception as exc:  # openpyxl's InvalidFileException, damaged XML parts, ...
        return _fail(source, "file_unreadable", error=f"not a readable XLSX workbook ({type(exc).__name__})")
    if header is None:  # a short sheet with no line that looked like a header: take the first one
        if not records:
            return _fail(source, "no_rows")
        header, records = records[0], records[1:]
        stop = _required_missing(source, _trimmed(header[1]), mapping)
        if stop is not None:
            return stop
    names = _trimmed(header[1])
    width = len(names)
    body = pd.DataFrame(
        [(cells + [""] * width)[:width] for _, cells in records], columns=range(width), dtype=object
    )
    if body.empty:
        body = pd.DataFrame(columns=range(width), dtype=object)
    return names, body, np.array([n for n, _ in records], dtype=np.int64)


def _trimmed(header: list[str]) -> list[str]:
    """A header row without its trailing empty cells (at least one column)."""
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    return header[: max(width, 1)]


# --------------------------------------------------------------------------- GeoJSON, GeoPackage


def _geojson_without_nul(source: Source) -> tuple[bytes, list[Problem]]:
    """GDAL cuts a text at an escaped NUL (``\\u0000``): remove it first, with a warning per
    feature and property, so 'Studio\\u0000X' is imported as 'StudioX', not 'Studio'."""
    data = source.data
    if b"\\u0000" not in data:
        return data, []
    problems: list[Problem] = []
    try:
        features = json.loads(data).get("features") or []
    except (ValueError, AttributeError, RecursionError):
        features = []
    for number, feature in enumerate(features if isinstance(features, list) else [], start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        for key, value in (properties or {}).items() if isinstance(properties, dict) else ():
            if isinstance(value, str) and "\x00" in value:
                problems.append(
                    Problem(
                        file=source.name,
                        code="text_cleaned",
                        row=number,
                        column=str(key),
                        value=value.replace("\x00", "\u2400"),  # shown as the NUL symbol
                        severity="warning",
                    )
                )
    # An escaped backslash before 'u0000' is text, not a NUL: keep pairs of backslashes.
    return _ESCAPED_NUL.sub(rb"\1", data), problems


_ESCAPED_NUL = re.compile(rb"(?<!\\)((?:\\\\)*)\\u0000")


def _read_geo_rows(
    source: Source, mapping: Mapping, limits: ImportLimits
) -> tuple[list[str], pd.DataFrame, np.ndarray, list[Problem]] | RawTable:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    data, problems = _geojson_without_nul(source) if source.format == "geojson" else (source.data, [])
    buffer = io.BytesIO(data)
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
            info = pyogrio.read_info(buffer, layer=layers.index(layer))
            if len(info["fields"]) > limits.max_columns:
                raise _refuse(source, "too_many_columns", limit=str(limits.max_columns))
            if info["features"] > limits.max_rows:
                raise _refuse(source, "too_many_rows", limit=str(limits.max_rows))
            stop = _required_missing(
                source,
                [str(f) for f in info["fields"]] + (["__lon"] if info["geometry_type"] else []),
                mapping,
            )
            if stop is not None:
                return stop
            buffer.seek(0)
            frame = pyogrio.read_dataframe(
                buffer, layer=layers.index(layer), max_features=limits.max_rows + 1
            )  # by index: in-memory names change
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
_DATE_DMY = re.compile(r"^\s*(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>\d{4})\.?\s*$")
_DATE_ISO = re.compile(r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?$")


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
    """'03.05.2012.', '2012-05-03', '2012-05-03T00:00:00' -> '2012'; years stay as they are, and
    so do dates the calendar lacks ('31.02.2012.'), for validation to report."""
    text = values.astype(str).str.strip()
    years = text.copy()
    for pattern in (_DATE_ISO, _DATE_DMY):
        parts = text.str.extract(pattern)
        found = parts["y"].notna()
        if found.any():
            real = parts[found].apply(lambda p: _is_date(int(p["y"]), int(p["m"]), int(p["d"])), axis=1)
            years[real[real].index] = parts.loc[real[real].index, "y"]
    return years


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- entry point


def read_source(
    source: Source,
    mapping: Mapping | None = None,
    limits: ImportLimits | None = None,
    budget: Budget | None = None,
) -> RawTable:
    """Read one file into a RawTable; file-level problems (a limit passed among them) leave
    ``frame`` None."""
    mapping = mapping or Mapping()
    limits = limits or ImportLimits()
    budget = budget or limits.budget()
    kind = source.format
    if kind is None:
        return _fail(
            source, "unsupported_format", value=source.name.rsplit(".", 1)[-1] if "." in source.name else ""
        )
    if len(source.data) > limits.max_bytes:
        return _fail(source, "uncompressed_too_large", limit=limits.max_megabytes)
    extra: list[Problem] = []
    try:
        if kind == "csv":
            result = _read_csv_rows(source, mapping, limits)
        elif kind == "xlsx":
            result = _read_xlsx_rows(source, mapping, limits, budget)
        else:
            result = _read_geo_rows(source, mapping, limits)
            if not isinstance(result, RawTable):
                *result, extra = result
        budget.check(source.name)
    except LimitExceeded as exceeded:
        return RawTable(source.name, None, problems=[exceeded.problem])
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

"""Export of an enterprise table as CSV, XLSX or GeoJSON, safe to open in a spreadsheet.

``export_table(frame, fmt) -> bytes`` is pure: the page that offers the download
passes the filtered enterprises and sends the bytes with :data:`MEDIA_TYPES` and
:func:`export_filename`. With ``names`` (:func:`reader_names`) or ``language`` the file is the
reader's: headers, sectors, districts, municipalities and size classes in the page's language
and script, the codes kept in columns of their own. :func:`export_frame` writes any other table
a page shows (the potential ranking, the indicator table, the comparison) as CSV or XLSX.

Spreadsheet formula injection: a text cell that begins with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return, which some spreadsheets skip before
reading a formula) would run as a formula when the file is opened. Every such
text cell, in every format, gets a leading apostrophe, the spreadsheet
convention for 'this is text'. Numbers are written as numbers and never
changed, so a negative longitude stays a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.i18n import localized_name, translate
from dashboard.i18n.catalogue import MESSAGES
from dashboard.sources.schema import DERIVED_COLUMNS, SCHEMA

FORMATS = ("csv", "xlsx", "geojson")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PREFERRED_ORDER = (*SCHEMA, *DERIVED_COLUMNS)


CODED_COLUMNS = ("sector", "district", "municipality")  # codes that get a name column beside them
VALUE_MESSAGES = {"size_class": "size.{}", "location_precision": "export.precision.{}"}
TABLE_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ReaderNames:
    """What the reader calls the coded values, in one language: column -> code -> name."""

    language: str
    names: Mapping[str, Mapping[str, str]]


def reader_names(data: Any, language: str) -> ReaderNames:
    """Sector, district and municipality names of the region's data (a ``RegionData``)."""
    taxonomy = data.taxonomy
    return ReaderNames(
        language,
        {
            "sector": {code: taxonomy.sector_name(code, language) for code in taxonomy.sector_codes},
            "district": {code: localized_name(row, language) for code, row in data.districts.iterrows()},
            "municipality": {
                code: localized_name(row, language) for code, row in data.municipalities.iterrows()
            },
        },
    )


def column_header(column: str, language: str) -> str:
    """A column's header in ``language``: the table's own wording where it has one."""
    for key in (f"column.{column}", f"export.column.{column}"):
        if key in MESSAGES:
            return translate(key, language)
    return column


def for_reader(frame: pd.DataFrame, names: ReaderNames) -> pd.DataFrame:
    """The enterprises as the reader reads them: every header in the reader's language, names
    in place of codes (the codes kept in a column right after), size classes and location
    precision in words. Geometry is kept for GeoJSON."""
    language = names.language
    columns: dict[str, pd.Series] = {}
    for column in export_columns(frame):
        values = frame[column]
        if column in names.names:
            lookup = names.names[column]
            columns[column_header(column, language)] = values.map(
                lambda code, lookup=lookup: lookup.get(code, code)
            )
            columns[translate(f"export.code.{column}", language)] = values
        elif column in VALUE_MESSAGES:
            template = VALUE_MESSAGES[column]
            columns[column_header(column, language)] = values.map(
                lambda value, template=template: (
                    translate(template.format(value), language)
                    if template.format(value) in MESSAGES
                    else value
                )
            )
        else:
            columns[column_header(column, language)] = values
    table = pd.DataFrame(columns, index=frame.index)
    if "geometry" in frame.columns and hasattr(frame, "crs"):
        import geopandas as gpd

        return gpd.GeoDataFrame(table, geometry=frame.geometry, crs=frame.crs)
    return table


def neutralise(value: Any) -> Any:
    """A text value that a spreadsheet would run as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def plain(value: Any) -> Any:
    """A cell as a JSON/spreadsheet value: None for missing, Python numbers, neutralised text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.isoformat()
    return neutralise(str(value))


def export_columns(frame: pd.DataFrame) -> list[str]:
    """The frame's columns without geometry: schema order first, then any others."""
    columns = [c for c in frame.columns if c != "geometry" and not _is_geometry(frame[c])]
    known = [c for c in PREFERRED_ORDER if c in columns]
    return known + [c for c in columns if c not in known]


def _is_geometry(series: pd.Series) -> bool:
    return str(series.dtype) == "geometry"


def _rows(frame: pd.DataFrame, columns: list[str]) -> Iterable[list[Any]]:
    for values in frame[columns].itertuples(index=False, name=None):
        yield [plain(v) for v in values]


def _csv(frame: pd.DataFrame) -> bytes:
    columns = export_columns(frame)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in _rows(frame, columns):
        writer.writerow(
            ["" if v is None else ("true" if v is True else "false" if v is False else v) for v in row]
        )
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (č, ć, ž, Cyrillic)


def _xlsx(frame: pd.DataFrame, sheet_name: str = "enterprises") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    columns = export_columns(frame)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name[:31])  # a sheet name holds at most 31 characters
    sheet.append([neutralise(c) for c in columns])
    for row in _rows(frame, columns):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _geojson(frame: pd.DataFrame) -> bytes:
    columns = export_columns(frame)
    geometry = frame.geometry if hasattr(frame, "geometry") and "geometry" in frame.columns else None
    if geometry is not None and frame.crs is not None and frame.crs.to_epsg() != 4326:
        geometry = geometry.to_crs(4326)
    features = []
    for position, row in enumerate(_rows(frame, columns)):
        point = None
        if geometry is not None:
            shape = geometry.iloc[position]
            if shape is not None and not shape.is_empty and _finite(shape):
                point = json.loads(json.dumps(shape.__geo_interface__))
        elif "lon" in frame.columns and "lat" in frame.columns:
            lon, lat = plain(frame["lon"].iloc[position]), plain(frame["lat"].iloc[position])
            if isinstance(lon, int | float) and isinstance(lat, int | float):
                point = {"type": "Point", "coordinates": [lon, lat]}
        features.append(
            {"type": "Feature", "geometry": point, "properties": dict(zip(columns, row, strict=True))}
        )
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _finite(shape: Any) -> bool:
    """False for the NaN points geopandas makes from missing coordinates."""
    return not (shape.geom_type == "Point" and not (math.isfinite(shape.x) and math.isfinite(shape.y)))


def export_table(
    frame: pd.DataFrame, fmt: str, language: str | None = None, names: ReaderNames | None = None
) -> bytes:
    """``frame`` (enterprises, a GeoDataFrame or plain DataFrame) as ``fmt`` bytes.

    With ``language`` (names taken from the running app's data) or ``names``, in the reader's
    language (:func:`for_reader`); without, with the data's own column names and codes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if names is None and language is not None:
        from dashboard.web.runtime import current

        names = reader_names(current().data, language)
    if names is not None:
        frame = for_reader(frame, names)
        if fmt == "xlsx":
            return _xlsx(frame, translate("export.sheet.enterprises", names.language))
    writers = {"csv": _csv, "xlsx": _xlsx, "geojson": _geojson}
    return writers[fmt](frame)


def export_frame(frame: pd.DataFrame, fmt: str, sheet_name: str = "table") -> bytes:
    """A table a page shows (headers already in the reader's language) as CSV or XLSX."""
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {fmt!r}: one of {', '.join(TABLE_FORMATS)}")
    return _csv(frame) if fmt == "csv" else _xlsx(frame, sheet_name)


def export_filename(fmt: str, stem: str = "enterprises", today: dt.date | None = None) -> str:
    """'enterprises-2026-11-23.xlsx'."""
    return f"{stem}-{(today or dt.date.today()).isoformat()}.{fmt}"

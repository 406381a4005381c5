"""Export of an enterprise table as CSV, XLSX or GeoJSON, safe to open in a spreadsheet.

``export_table(frame, fmt) -> bytes`` is pure: the page that offers the download
passes the filtered enterprises and sends the bytes with :data:`MEDIA_TYPES` and
:func:`export_filename`.

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
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from dashboard.sources.schema import DERIVED_COLUMNS, SCHEMA

FORMATS = ("csv", "xlsx", "geojson")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PREFERRED_ORDER = (*SCHEMA, *DERIVED_COLUMNS)


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


def _xlsx(frame: pd.DataFrame) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    columns = export_columns(frame)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("enterprises")
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


def export_table(frame: pd.DataFrame, fmt: str) -> bytes:
    """``frame`` (enterprises, a GeoDataFrame or plain DataFrame) as ``fmt`` bytes."""
    writers = {"csv": _csv, "xlsx": _xlsx, "geojson": _geojson}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    return writers[fmt](frame)


def export_filename(fmt: str, stem: str = "enterprises", today: dt.date | None = None) -> str:
    """'enterprises-2026-11-23.xlsx'."""
    return f"{stem}-{(today or dt.date.today()).isoformat()}.{fmt}"

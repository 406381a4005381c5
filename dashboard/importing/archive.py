"""Judging an XLSX (a zip of XML parts) before a spreadsheet library opens it.

openpyxl unpacks what the zip says and builds a Python object per cell, so a few
megabytes of zip can cost gigabytes and minutes (a decompression bomb). Here the
zip's directory is read first: the sizes it declares must stay within the limit
(Python's zipfile never unpacks more than a member declares, so a lying directory
only truncates the member), and no member may be packed suspiciously tightly.
Then the worksheets are streamed once, cheaply, counting rows and measuring the
longest one, so a sheet with too many rows or one giant row is refused before any
cell object exists.
"""

from __future__ import annotations

import io
import re
import zipfile

from dashboard.importing.limits import (
    HEADER_SEARCH_ROWS,
    MAX_COMPRESSION_RATIO,
    Budget,
    ImportLimits,
    LimitExceeded,
)
from dashboard.sources.problems import Problem

# A member smaller than this cannot do harm whatever its ratio (and tiny XML packs tightly).
RATIO_CHECK_FROM = 1024 * 1024
# Bytes of sheet XML one cell may take on average in the longest row before that row counts
# as too wide: generous for inline strings and styles, far below a crafted million-cell row.
BYTES_PER_CELL = 2048
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_SHEET_DATA_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData>")
_CHUNK = 1024 * 1024


def _refuse(file: str, code: str, **details: str) -> LimitExceeded:
    return LimitExceeded(Problem(file=file, code=code, details=details))


def check_zip(data: bytes, file: str, limits: ImportLimits, budget: Budget) -> None:
    """Raise LimitExceeded for a zip that would unpack beyond the limits; BadZipFile for no zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limits.max_bytes:
            raise _refuse(file, "uncompressed_too_large", limit=limits.max_megabytes)
        if limits.budget_bytes is not None and declared > limits.budget_bytes:
            raise _refuse(file, "check_too_long", seconds=f"{limits.cpu_seconds:g}")
        for member in members:
            packed = max(member.compress_size, 1)
            if member.file_size > RATIO_CHECK_FROM and member.file_size / packed > MAX_COMPRESSION_RATIO:
                raise _refuse(file, "compression_ratio_too_high", ratio=str(MAX_COMPRESSION_RATIO))
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                _scan_sheet(archive, member, file, limits, budget)


def _scan_sheet(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, file: str, limits: ImportLimits, budget: Budget
) -> None:
    """Count a sheet's rows and measure its longest row from the XML bytes alone."""
    row_limit = limits.max_rows + HEADER_SEARCH_ROWS + 1  # data rows, a title block and the header
    widest = limits.max_columns * BYTES_PER_CELL
    rows = 0
    offset = 0  # bytes of the member before ``tail``
    last_row = None  # offset of the latest row tag
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_CHUNK):
            text = tail + chunk
            end = _SHEET_DATA_END.search(text)
            if end is not None:  # what follows the rows (merged cells, links) is not a row
                text = text[: end.start()]
            for found in _ROW_TAG.finditer(text):
                position = offset + found.start()
                if last_row is not None and position <= last_row:
                    continue  # seen in the previous chunk's overlap
                if last_row is not None and position - last_row > widest:
                    raise _refuse(file, "too_many_columns", limit=str(limits.max_columns))
                last_row = position
                rows += 1
                if rows > row_limit:
                    raise _refuse(file, "too_many_rows", limit=str(limits.max_rows))
            if end is not None:
                if last_row is not None and offset + len(text) - last_row > widest:
                    raise _refuse(file, "too_many_columns", limit=str(limits.max_columns))
                return
            keep = min(len(text), 64)
            offset += len(text) - keep
            tail = text[-keep:]
            if last_row is not None and offset - last_row > widest:
                raise _refuse(file, "too_many_columns", limit=str(limits.max_columns))
            budget.check(file)

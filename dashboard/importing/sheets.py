"""The rows of one XLSX sheet, streamed with openpyxl's own parts but none of its padding.

openpyxl's read-only worksheet looks for the sheet's size before the first row: a sheet
without a ``<dimension>`` element (openpyxl itself writes none in write-only mode) is
parsed to its end right there, uninterruptibly; and it pads every row to that size and
yields every missing row in a gap, so one cell in row 1,048,576 costs a million rows.
Here openpyxl reads the workbook's strings, styles (for dates) and sheet list, and its
sheet parser yields the rows the file holds, each with its own number, cut to a width.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class SheetMissing(LookupError):
    """The mapping names a sheet the workbook does not have."""


@contextmanager
def sheet_rows(data: bytes, sheet: str | None, width: int) -> Iterator[Iterator[tuple[int, list[Any]]]]:
    """(row number, the first ``width`` cell values) of each row the sheet holds, in order.

    ``sheet`` None means the first worksheet. openpyxl's own exceptions pass through."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        targets = [
            (found.name, rel.target)
            for found, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if sheet is not None:
            targets = [(name, target) for name, target in targets if name == sheet]
        if not targets:
            raise SheetMissing(sheet or "")
        book = reader.wb
        with reader.archive.open(targets[0][1]) as source:
            parser = WorkSheetParser(
                source,
                reader.shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            yield _rows(parser, width)
    finally:
        reader.archive.close()


def _rows(parser: Any, width: int) -> Iterator[tuple[int, list[Any]]]:
    for number, cells in parser.parse():
        values: list[Any] = [None] * width
        for cell in cells:
            column = cell["column"]
            if 1 <= column <= width:
                values[column - 1] = cell["value"]
        yield number, values

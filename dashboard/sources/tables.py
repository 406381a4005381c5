"""Reading a CSV that the app depends on, turning every failure into a Problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard.sources.problems import DataFileError, Problem


def read_csv_table(path: Path | None, required: Sequence[str], label: str) -> pd.DataFrame:
    """Read a UTF-8 CSV as strings; raise DataFileError if it is absent, unreadable or short of columns."""
    if path is None:
        raise DataFileError(Problem(file=label, code="file_not_configured"))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataFileError(Problem(file=path.name, code="file_missing", value=str(path))) from exc
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(
            Problem(file=path.name, code="file_unreadable", details={"error": str(exc)[:200]})
        ) from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataFileError(Problem(file=path.name, code="columns_missing", value=", ".join(missing)))
    return frame


def spreadsheet_row(index: int) -> int:
    """Row number as a spreadsheet shows it: header is row 1, first data row is 2."""
    return int(index) + 2


def numeric_column(
    frame: pd.DataFrame,
    column: str,
    file: str,
    problems: list[Problem],
    *,
    minimum: float | None = None,
    code: str = "not_a_number",
) -> pd.Series:
    """Parse a text column to numbers, recording a Problem for each value that is not one."""
    values = pd.to_numeric(frame[column].str.strip().str.replace(",", ".", regex=False), errors="coerce")
    bad = values.isna() | ((values < minimum) if minimum is not None else False)
    for index in frame.index[bad]:
        problems.append(
            Problem(
                file=file, code=code, row=spreadsheet_row(index), column=column, value=frame.at[index, column]
            )
        )
    return values

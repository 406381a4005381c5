"""How much one import may cost: size once unpacked, rows, columns and CPU time.

A file is refused as soon as one limit is passed, with a file-level Problem, so a
hostile upload (a decompression bomb, a sheet of a million empty rows, a file
without any header) costs a bounded amount of memory and time. The limits come
from :class:`dashboard.config.Settings`; a check by a visitor without the editor
credential also gets a CPU-time budget (``check_cpu_seconds``), because anyone may
ask the import page to check a file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from dashboard.config import Settings
from dashboard.sources.problems import Problem

MEGABYTE = 1024 * 1024
# Deflate packs real spreadsheet XML 5-20 times; far beyond that a zip member is filler
# built to expand (a decompression bomb), whatever its unpacked size.
MAX_COMPRESSION_RATIO = 200
# A header sits at the top, below at most a title block: rows further down are not searched,
# so a file without any header is refused after this many rows, not after all of them.
HEADER_SEARCH_ROWS = 20
# openpyxl turns about 2.3 MB of sheet XML into rows per CPU second (measured: 20,000 rows of
# 7 columns, 7.4 MB unpacked, in 3.2 s). Loading a workbook's shared strings happens before any
# row and cannot be interrupted, so a check with a CPU budget refuses, from the zip's directory
# alone, a workbook larger than its budget could read anyway.
XML_BYTES_PER_CPU_SECOND = 2 * MEGABYTE


@dataclass(frozen=True)
class ImportLimits:
    """The bounds one import is read within (defaults: those of ``Settings()``)."""

    max_rows: int = Settings.max_rows
    max_columns: int = Settings.max_columns
    max_bytes: int = int(Settings.max_uncompressed_mb * MEGABYTE)
    cpu_seconds: float | None = None  # None: no time budget (command line, editor)

    @property
    def budget_bytes(self) -> int | None:
        """The most unpacked XML a budgeted check opens (None: no budget)."""
        if self.cpu_seconds is None:
            return None
        return int(self.cpu_seconds * XML_BYTES_PER_CPU_SECOND)

    @classmethod
    def from_settings(cls, settings: Settings, *, anonymous: bool = False) -> ImportLimits:
        """The configured limits; ``anonymous`` adds the CPU budget of an unauthenticated check."""
        return cls(
            max_rows=settings.max_rows,
            max_columns=settings.max_columns,
            max_bytes=int(settings.max_uncompressed_mb * MEGABYTE),
            cpu_seconds=settings.check_cpu_seconds if anonymous else None,
        )

    @property
    def max_megabytes(self) -> str:
        return f"{self.max_bytes / MEGABYTE:g}"

    def budget(self) -> Budget:
        return Budget(self.cpu_seconds)


class LimitExceeded(Exception):
    """Raised inside reading or validation when a limit is passed; carries the Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class Budget:
    """CPU time left for one check. Measured per thread (a threaded server runs other
    requests beside this one), and only checked at cheap points: every few hundred rows."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.start = time.thread_time()

    def used(self) -> float:
        return time.thread_time() - self.start

    def check(self, file: str, row: int | None = None) -> None:
        """Raise LimitExceeded(check_too_long) once the budget is spent."""
        if self.seconds is not None and self.used() > self.seconds:
            raise LimitExceeded(
                Problem(
                    file=file,
                    code="check_too_long",
                    value=None if row is None else str(row),
                    details={"seconds": f"{self.seconds:g}"},
                )
            )

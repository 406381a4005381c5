"""A data problem, located precisely enough for a person to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    ``code`` names the kind of problem; the user sees it through the
    translation layer (catalogue key ``problem.<code>``) with ``details`` filled
    in, so the same problem reads naturally in every interface language.
    ``row`` is the 1-based data row as a spreadsheet shows it (header = row 1).
    """

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # "error": the row or file is not used; "warning": used as is

    def as_record(self) -> dict[str, Any]:
        record = asdict(self)
        record.pop("details")
        return record


class DataFileError(Exception):
    """Raised inside a loader for a file that cannot be read at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem

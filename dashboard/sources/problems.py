"""A data problem, located precisely enough for a person to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Every kind of problem a loader can report. Each needs a ``problem.<code>``
# description in the translation catalogue (a test checks), and a Problem with a
# code not listed here is a programming error caught at once.
PROBLEM_CODES = frozenset(
    {
        # whole files
        "file_not_configured",
        "file_missing",
        "file_unreadable",
        "columns_missing",
        "no_unit_column",
        # reference, taxonomy and boundary rows
        "not_a_number",
        "duplicate_code",
        "invalid_nace",
        "unknown_sector",
        "definition_invalid",  # taxonomy definitions (data/taxonomy/README.md)
        "geometry_repaired",
        "unit_without_boundary",
        "geometry_not_line",
        # enterprise rows
        "missing_value",
        "duplicate_registration_number",
        "registration_number_padded",
        "empty_name",
        "nace_not_creative",
        "sector_mismatch",
        "unknown_municipality",
        "employees_not_a_number",
        "employees_negative",
        "employees_not_whole",
        "year_not_a_number",
        "future_founding_year",
        "implausible_founding_year",
        "coordinate_not_a_number",
        "coordinate_incomplete",
        "coordinates_swapped",
        "coordinates_outside_region",
        "coordinates_in_other_municipality",
        "nace_coarse",
        "nace_ambiguous",
        "geometry_not_point",
        "registration_number_spaces",
        "registration_number_not_digits",
        "registration_number_invalid",
        "employees_implausible",
        "founding_date_impossible",
        "text_cleaned",
        "text_too_long",
        "mojibake",
        # imports (dashboard/importing): whole files and their columns
        "unsupported_format",
        "file_too_large",
        "no_rows",
        "column_ambiguous",
        "column_ignored",
        "mapping_invalid",
        "other_layers_ignored",
        # imports beyond the limits (dashboard/importing/limits.py) and stores that refuse them
        "uncompressed_too_large",
        "compression_ratio_too_high",
        "too_many_rows",
        "too_many_columns",
        "check_too_long",
        "store_read_only",
        # cultural places (dashboard/sources/cultural_places.py) and region settings
        "place_kind_unknown",
        "url_invalid",
        "setting_invalid",
    }
)


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

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:
            raise ValueError(f"unknown problem code {self.code!r}: add it to PROBLEM_CODES")

    def as_record(self) -> dict[str, Any]:
        record = asdict(self)
        record.pop("details")
        return record


class DataFileError(Exception):
    """Raised inside a loader for a file that cannot be read at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem

"""The validation report: every problem with file, row, column, value and reason, for the
terminal, the web page and as a CSV file (safe to open in a spreadsheet)."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number, translate
from dashboard.importing.pipeline import ImportResult
from dashboard.outputs.exporting import export_table
from dashboard.sources.problems import Problem

COLUMNS = ("file", "row", "column", "value", "severity", "reason")


def describe(problem: Problem, language: str) -> str:
    return translate(f"problem.{problem.code}", language, **problem.details)


def report_frame(problems: list[Problem], language: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "file": p.file,
                "row": p.row if p.row is not None else "",
                "column": p.column or "",
                "value": p.value or "",
                "severity": translate(f"import.severity.{p.severity}", language),
                "reason": describe(p, language),
            }
            for p in problems
        ],
        columns=list(COLUMNS),
    )


def report_csv(problems: list[Problem], language: str) -> bytes:
    """The report as UTF-8 CSV with BOM; values copied from the input are neutralised."""
    frame = report_frame(problems, language)
    frame.columns = [translate(f"import.report.{c}", language) for c in COLUMNS]
    return export_table(frame, "csv")


def outcome_text(result: ImportResult, language: str, skip_invalid: bool = False) -> str:
    """One sentence: what happened to the store."""
    numbers = {
        "rows": format_number(result.rows, language),
        "accepted": format_number(len(result.enterprises), language),
        "rejected": format_number(result.rejected, language),
        "errors": format_number(len(result.errors), language),
        "warnings": format_number(len(result.warnings), language),
        "added": format_number(
            sum(f.added for f in result.files) if result.committed else result.would_add, language
        ),
        "updated": format_number(
            sum(f.updated for f in result.files) if result.committed else result.would_update, language
        ),
    }
    if result.status == "rejected" and result.file_errors:
        key = "import.outcome.file_rejected"
    elif result.status == "rejected":
        key = "import.outcome.rejected"
    elif result.status == "empty":
        key = "import.outcome.empty"
    elif result.status == "checked":
        key = "import.outcome.checked_skip" if (result.errors and skip_invalid) else "import.outcome.checked"
    else:
        key = "import.outcome.committed"
    return translate(key, language, **numbers)


def precision_text(result: ImportResult, language: str) -> str:
    counts = result.precision_counts()
    return translate(
        "import.placement",
        language,
        exact=format_number(counts["exact"], language),
        settlement=format_number(counts["settlement"], language),
        municipality=format_number(counts["municipality"], language),
    )


def text_report(result: ImportResult, language: str, limit: int = 40, skip_invalid: bool = False) -> str:
    """The report for a terminal: a table of the first ``limit`` problems, counts by reason,
    what was placed how, and the outcome."""
    lines: list[str] = []
    frame = report_frame(result.problems[:limit], language)
    if not frame.empty:
        frame.columns = [translate(f"import.report.{c}", language) for c in COLUMNS]
        cells = frame.astype(str).to_numpy().tolist()
        cells = [[*row[:3], row[3][:40], *row[4:]] for row in cells]
        widths = [max(len(str(h)), *(len(r[i]) for r in cells)) for i, h in enumerate(frame.columns[:-1])]
        for row in [list(frame.columns), *cells]:
            lines.append(
                "  ".join([*(str(v).ljust(w) for v, w in zip(row, widths, strict=False)), str(row[-1])])
            )
        if len(result.problems) > limit:
            lines.append(translate("problems.more", language, count=len(result.problems) - limit))
        lines.append("")
        lines.append(translate("import.by_reason", language))
        for reason, count in counts_by_reason(result.problems, language):
            lines.append(f"  {format_number(count, language):>9}  {reason}")
        lines.append("")
    if len(result.enterprises):
        lines.append(precision_text(result, language))
    lines.append(outcome_text(result, language, skip_invalid))
    return "\n".join(lines)


def counts_by_reason(problems: list[Problem], language: str) -> list[tuple[str, int]]:
    """Problems counted by kind, most frequent first; each kind is worded with the details of
    its first problem, so a placeholder always has a value."""
    counts: dict[str, int] = {}
    first: dict[str, Problem] = {}
    for problem in problems:
        counts[problem.code] = counts.get(problem.code, 0) + 1
        first.setdefault(problem.code, problem)
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    return [(describe(first[code], language), count) for code, count in ordered]

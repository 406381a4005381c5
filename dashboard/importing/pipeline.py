"""One import: files -> text tables -> validated, placed enterprises -> the store.

The command line (``python -m dashboard import``) and the web import page both call
:func:`run_import`; the page first calls it with ``dry_run=True`` for its preview.

Rules:

* every row is validated by :func:`dashboard.sources.enterprises.validate_enterprises`,
  in chunks so that long imports can report progress;
* a registration number may appear once in an import (across all its files); the
  first row wins and every later one is reported;
* a file that cannot be read (format, encoding, missing or ambiguous columns) stops
  the whole import, even with ``skip_invalid``; so does a file beyond the limits
  (:mod:`dashboard.importing.limits`: size once unpacked, rows, columns, CPU time);
* any row error stops the import unless ``skip_invalid``, which stores the valid rows
  and reports the rest; warnings never stop it;
* the store changes in one atomic step or not at all; registration numbers already in
  the store are updated, new ones added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.importing.limits import ImportLimits, LimitExceeded
from dashboard.importing.mapping import Mapping
from dashboard.importing.readers import RawTable, Source, read_source
from dashboard.sources.enterprises import (
    ValidationContext,
    empty_enterprises,
    registration_key,
    validate_enterprises,
)
from dashboard.sources.problems import Problem
from dashboard.store.base import ImportRecord, Store, StoreReadOnly

CHUNK_ROWS = 20_000
ANONYMOUS_CHUNK_ROWS = 2_000  # with a CPU budget: small chunks, so the budget is kept closely
# progress(stage, done, total): stage is "read", "validate" or "store"; done/total in rows
# (files for "read", 0/1 for "store").
Progress = Callable[[str, int, int], None]


@dataclass
class FileSummary:
    file: str
    sha256: str
    rows: int = 0
    accepted: int = 0
    added: int = 0
    updated: int = 0

    @property
    def rejected(self) -> int:
        return self.rows - self.accepted


@dataclass
class ImportResult:
    """What an import found and did. ``status`` is one of:

    * ``committed``: the store now holds the accepted rows;
    * ``checked``: a dry run, nothing written (``would_add``/``would_update`` say what would be);
    * ``rejected``: errors found and nothing changed;
    * ``empty``: nothing valid to store, nothing changed.
    """

    files: list[FileSummary]
    problems: list[Problem]
    enterprises: gpd.GeoDataFrame
    status: str = "checked"
    history: list[ImportRecord] = field(default_factory=list)
    origin: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))  # file of each row
    would_add: int = 0
    would_update: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def file_errors(self) -> list[Problem]:
        return [p for p in self.errors if p.row is None]

    @property
    def committed(self) -> bool:
        return self.status == "committed"

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files)

    def precision_counts(self) -> dict[str, int]:
        counts = self.enterprises["location_precision"].value_counts() if len(self.enterprises) else {}
        return {name: int(counts.get(name, 0)) for name in ("exact", "settlement", "municipality")}


def _remap_rows(problems: Iterable[Problem], table: RawTable, start: int) -> list[Problem]:
    """validate_enterprises numbers a chunk's rows 2, 3, ... and names schema fields: put back
    the file's own row numbers and headers."""
    out = []
    for problem in problems:
        if problem.row is not None:
            problem = dataclasses.replace(
                problem,
                row=int(table.rows[start + problem.row - 2]),
                column=table.headers.get(problem.column or "", problem.column),
            )
        out.append(problem)
    return out


def prepare_import(
    sources: Sequence[Source],
    context: ValidationContext,
    mapping: Mapping | None = None,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Read and validate every file within ``limits``; nothing is written."""
    report = progress or (lambda stage, done, total: None)
    limits = limits or ImportLimits()
    budget = limits.budget()
    if limits.cpu_seconds is not None:  # look at the budget more often than a full chunk
        chunk_rows = min(chunk_rows, ANONYMOUS_CHUNK_ROWS)
    tables: list[RawTable] = []
    for number, source in enumerate(sources):
        tables.append(read_source(source, mapping, limits, budget))
        report("read", number + 1, len(sources))
        if not tables[-1].ok:  # the import is refused anyway: spend nothing on the other files
            break
    tables += [RawTable(s.name, None) for s in sources[len(tables) :]]
    summaries = [
        FileSummary(s.name, s.sha256, rows=t.total_rows) for s, t in zip(sources, tables, strict=True)
    ]
    problems: list[Problem] = [p for t in tables for p in t.problems]
    readable = [t for t in tables if t.ok]
    if len(readable) == len(tables) and sum(len(t.frame) for t in readable) > limits.max_rows:
        names = ", ".join(t.file for t in readable)
        problems.append(Problem(file=names, code="too_many_rows", details={"limit": str(limits.max_rows)}))
        readable = []
    if len(readable) < len(tables):
        return ImportResult(summaries, _ordered(problems, sources), empty_enterprises(), status="rejected")

    # Registration numbers repeated anywhere in the import: the first row wins.
    digits = context.registration_digits
    numbers = pd.concat(
        [
            registration_key(t.frame.get("registration_number", pd.Series("", index=t.frame.index)), digits)
            for t in readable
        ],
        ignore_index=True,
    )
    origin = np.concatenate([np.full(len(t.frame), i) for i, t in enumerate(readable)])
    rows_all = np.concatenate([t.rows for t in readable])
    repeated = (numbers.duplicated(keep="first") & (numbers != "")).to_numpy()
    for position in np.flatnonzero(repeated):
        problems.append(
            Problem(
                file=readable[origin[position]].file,
                code="duplicate_registration_number",
                row=int(rows_all[position]),
                column=readable[origin[position]].headers.get("registration_number", "registration_number"),
                value=str(numbers.iloc[position]),
            )
        )

    total = int(sum(len(t.frame) for t in readable))
    done = 0
    seen: set[str] = set()
    accepted: list[gpd.GeoDataFrame] = []
    origin: list[np.ndarray] = []
    report("validate", 0, total)
    for table in readable:
        kept = 0
        for start in range(0, len(table.frame), chunk_rows):
            try:
                budget.check(table.file, int(table.rows[start]))
            except LimitExceeded as exceeded:
                problems.append(exceeded.problem)
                return ImportResult(summaries, _ordered(problems, sources), empty_enterprises(), "rejected")
            chunk = table.frame.iloc[start : start + chunk_rows]
            valid, found = validate_enterprises(chunk, table.file, context)
            found = [p for p in found if p.code != "duplicate_registration_number"]  # reported above
            problems.extend(_remap_rows(found, table, start))
            valid = valid[~valid["registration_number"].isin(seen)]
            seen.update(registration_key(chunk.get("registration_number", pd.Series(dtype=str)), digits))
            accepted.append(valid)
            origin.append(np.full(len(valid), table.file, dtype=object))
            kept += len(valid)
            done += len(chunk)
            report("validate", done, total)
        summaries[tables.index(table)].accepted = kept
    enterprises = (
        gpd.GeoDataFrame(pd.concat(accepted, ignore_index=True), crs="EPSG:4326")
        if accepted
        else empty_enterprises()
    )
    return ImportResult(
        summaries,
        _ordered(problems, sources),
        enterprises,
        status="checked",
        origin=np.concatenate(origin) if origin else np.zeros(0, dtype=object),
    )


def _ordered(problems: list[Problem], sources: Sequence[Source]) -> list[Problem]:
    order = {s.name: i for i, s in enumerate(sources)}
    return sorted(problems, key=lambda p: (order.get(p.file, -1), p.row is not None, p.row or 0))


def run_import(
    sources: Sequence[Source],
    store: Store | None,
    context: ValidationContext,
    *,
    mapping: Mapping | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    now: Callable[[], dt.datetime] | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Validate ``sources`` within ``limits`` and, unless told otherwise or errors forbid it,
    store them."""
    result = prepare_import(sources, context, mapping, progress, limits=limits)
    if result.status == "rejected":
        return result
    existing = store.registration_numbers() if store is not None else set()
    result.would_update = int(result.enterprises["registration_number"].isin(existing).sum())
    result.would_add = len(result.enterprises) - result.would_update
    if result.errors and not skip_invalid:
        result.status = "rejected"
        return result
    if dry_run or store is None:
        result.status = "checked"
        return result
    if result.enterprises.empty:
        result.status = "empty"
        return result
    clock = now or (lambda: dt.datetime.now(dt.UTC))

    def history(existing_numbers: set[str]) -> list[ImportRecord]:
        moment = clock().replace(microsecond=0).isoformat()
        records = []
        for summary in result.files:
            mine = result.enterprises["registration_number"][result.origin == summary.file]
            summary.updated = int(mine.isin(existing_numbers).sum())
            summary.added = len(mine) - summary.updated
            records.append(
                ImportRecord(
                    time=moment,
                    file=summary.file.replace("\x00", ""),  # PostgreSQL text holds no NUL
                    sha256=summary.sha256,
                    rows=summary.rows,
                    added=summary.added,
                    updated=summary.updated,
                    rejected=summary.rejected,
                )
            )
        return records

    if progress:
        progress("store", 0, 1)
    try:
        result.history = store.commit(result.enterprises, history)
    except StoreReadOnly as refused:
        result.problems.append(Problem(file=str(refused), code="store_read_only"))
        result.status = "rejected"
        return result
    if progress:
        progress("store", 1, 1)
    result.status = "committed"
    return result

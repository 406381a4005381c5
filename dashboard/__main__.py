"""Command line: ``python -m dashboard import FILE [FILE ...]`` and ``python -m dashboard history``.

    python -m dashboard import register.csv survey.xlsx      # check, then store if no errors
    python -m dashboard import survey.xlsx --skip-invalid    # store the valid rows, report the rest
    python -m dashboard import survey.csv --dry-run          # check only
    python -m dashboard import odd.csv --mapping odd.toml    # headers the importer does not know
    python -m dashboard history                              # what was imported when

Exit status: 0 when the files were stored (or, with --dry-run, had no errors);
1 when nothing was changed because of problems; 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from dashboard.config import LANGUAGES, Settings
from dashboard.i18n import format_number, translate
from dashboard.sources.problems import DataFileError, Problem


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser("import", help="import CSV, XLSX, GeoJSON or GeoPackage files")
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importer.add_argument("--mapping", type=Path, help="mapping file (.toml or .csv) for unknown headers")
    importer.add_argument("--skip-invalid", action="store_true", help="store the valid rows, report the rest")
    importer.add_argument("--dry-run", action="store_true", help="check the files, store nothing")
    importer.add_argument(
        "--report", type=Path, help="where to write the CSV report (default: import-report-<time>.csv here)"
    )
    history = commands.add_parser("history", help="list the imports stored so far")
    for command in (importer, history):
        command.add_argument("--lang", choices=LANGUAGES, help="language of the messages")
        command.add_argument("--store", type=Path, help="GeoPackage store (default: CIM_STORE)")
        command.add_argument("--database-url", help="PostGIS store (default: DATABASE_URL)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    changes: dict = {}
    if args.store:
        changes["store_path"] = args.store
        changes["database_url"] = ""
    if args.database_url:
        changes["database_url"] = args.database_url
    if args.lang:
        changes["default_language"] = args.lang
    return dataclasses.replace(settings, **changes)


def _say(problem: Problem, language: str) -> str:
    where = ", ".join(
        str(part) for part in (problem.file, problem.row, problem.column, problem.value) if part
    )
    return f"{where}: {translate(f'problem.{problem.code}', language, **problem.details)}"


def _progress(language: str, store_label: str):
    def report(stage: str, done: int, total: int) -> None:
        if stage == "store":
            if done == 0:
                print(
                    translate("import.progress.store", language, store=store_label),
                    file=sys.stderr,
                    flush=True,
                )
            return
        key = "import.progress.read" if stage == "read" else "import.progress.validate"
        text = translate(
            key, language, done=format_number(done, language), total=format_number(total, language)
        )
        print(text, file=sys.stderr, flush=True)

    return report


def run_import_command(args: argparse.Namespace) -> int:
    from dashboard.importing.mapping import load_mapping
    from dashboard.importing.pipeline import run_import
    from dashboard.importing.readers import Source
    from dashboard.importing.report import report_csv, text_report
    from dashboard.sources.bundle import load_region_data
    from dashboard.store import open_store

    settings = _settings(args)
    language = settings.default_language
    store = open_store(settings)
    if store is None and not args.dry_run:
        print(translate("import.no_store", language), file=sys.stderr)
        return 1
    sources = []
    for path in args.files:
        try:
            sources.append(Source(path.name, path.read_bytes()))
        except OSError:
            print(
                _say(Problem(file=path.name, code="file_missing", value=str(path)), language), file=sys.stderr
            )
            return 1
    mapping = None
    if args.mapping:
        try:
            mapping = load_mapping(args.mapping)
        except DataFileError as error:
            print(_say(error.problem, language), file=sys.stderr)
            return 1
    data = load_region_data(settings, with_enterprises=False)
    if data.municipalities.empty or data.taxonomy.sectors.empty:
        for problem in data.errors:
            print(_say(problem, language), file=sys.stderr)
        return 1
    context = data.validation_context()
    try:
        result = run_import(
            sources,
            store,
            context,
            mapping=mapping,
            skip_invalid=args.skip_invalid,
            dry_run=args.dry_run,
            progress=_progress(language, store.label if store else ""),
        )
    except Exception as exc:  # the store could not be written: it is unchanged (atomic commit)
        print(translate("import.store_failed", language, error=str(exc).strip()[:300]), file=sys.stderr)
        return 1
    print(text_report(result, language, skip_invalid=args.skip_invalid))
    report_path = args.report or Path(f"import-report-{dt.datetime.now():%Y%m%d-%H%M%S}.csv")
    report_path.write_bytes(report_csv(result.problems, language))
    print(translate("import.report_written", language, path=str(report_path)))
    if result.committed:
        return 0
    return 0 if (result.status == "checked" and (not result.errors or args.skip_invalid)) else 1


def run_history_command(args: argparse.Namespace) -> int:
    from dashboard.store import open_store

    settings = _settings(args)
    language = settings.default_language
    store = open_store(settings)
    if store is None:
        print(translate("import.no_store", language), file=sys.stderr)
        return 1
    history = store.history()
    if history.empty:
        print(translate("import.history.empty", language))
        return 0
    history = history.rename(columns={c: translate(f"import.history.{c}", language) for c in history.columns})
    print(history.to_string(index=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "import":
        return run_import_command(args)
    return run_history_command(args)


if __name__ == "__main__":
    sys.exit(main())

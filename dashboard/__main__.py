"""Command line: ``python -m dashboard import FILE [FILE ...]`` and ``python -m dashboard history``.

    python -m dashboard import register.csv survey.xlsx      # check, then store if no errors
    python -m dashboard import survey.xlsx --skip-invalid    # store the valid rows, report the rest
    python -m dashboard import survey.csv --dry-run          # check only
    python -m dashboard import odd.csv --mapping odd.toml    # headers the importer does not know
    python -m dashboard history                              # what was imported when
    python -m dashboard clusters --output clusters.geojson   # creative microclusters for a GIS

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
    clusters = commands.add_parser("clusters", help="write the creative microclusters as GeoJSON")
    clusters.add_argument(
        "--enterprises", type=Path, metavar="FILE", help="enterprise CSV (default: the app's data)"
    )
    clusters.add_argument("--radius-m", help="cluster radius in metres (default: region.toml [clusters])")
    clusters.add_argument("--min-size", help="fewest firms in a cluster (default: region.toml [clusters])")
    clusters.add_argument("--output", type=Path, required=True, metavar="FILE.geojson", help="where to write")
    for command in (importer, history, clusters):
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
    from dashboard.importing.limits import ImportLimits
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
            limits=ImportLimits.from_settings(settings),
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


def _cluster_settings(args: argparse.Namespace, region_values: dict, language: str):
    """The region's [clusters] settings with the command line's overrides, or an error text."""
    from dashboard.analysis.clusters import MAX_MIN_SIZE, MAX_RADIUS_M, ClusterSettings

    settings, _ = ClusterSettings.from_mapping(region_values)
    changes: dict = {}
    if args.radius_m is not None:
        try:
            radius = float(args.radius_m)
        except ValueError:
            radius = float("nan")
        if not (0 < radius <= MAX_RADIUS_M):
            return None, translate(
                "clusters.cli.bad_radius",
                language,
                option="--radius-m",
                value=args.radius_m,
                max=int(MAX_RADIUS_M),
            )
        changes["radius_m"] = radius
    if args.min_size is not None:
        text = str(args.min_size).strip()
        if not (text.isdigit() and 2 <= int(text) <= MAX_MIN_SIZE):
            return None, translate(
                "clusters.cli.bad_min_size",
                language,
                option="--min-size",
                value=args.min_size,
                max=MAX_MIN_SIZE,
            )
        changes["min_size"] = int(text)
    return dataclasses.replace(settings, **changes), ""


def run_clusters_command(args: argparse.Namespace) -> int:
    """``python -m dashboard clusters``: the microclusters of the app's enterprises (or of
    ``--enterprises FILE``) as GeoJSON, one feature per cluster."""
    import json

    from dashboard.analysis.clusters import clusters_geojson, find_clusters
    from dashboard.sources.region import ManifestError, load_region

    settings = _settings(args)
    if args.enterprises:
        settings = dataclasses.replace(settings, enterprises_file=args.enterprises)
    language = settings.default_language
    output: Path = args.output
    if output.suffix.lower() not in (".geojson", ".json") or not output.parent.resolve().is_dir():
        print(
            translate(
                "clusters.cli.bad_output", language, option="--output", suffix=".geojson", value=str(output)
            ),
            file=sys.stderr,
        )
        return 2
    try:
        region = load_region(settings.region_dir)
    except ManifestError as error:
        print(str(error), file=sys.stderr)
        return 1
    cluster_settings, error = _cluster_settings(args, region.clusters, language)
    if cluster_settings is None:
        print(error, file=sys.stderr)
        return 2
    if args.enterprises:
        from dashboard.sources.bundle import load_region_data

        data = load_region_data(settings)
    else:
        from dashboard.web.runtime import load_served_data

        data = load_served_data(settings)
    errors = [p for p in data.problems if p.severity == "error"]
    if errors:
        print(translate("clusters.cli.rows_rejected", language, count=len(errors)), file=sys.stderr)
        for problem in errors[:10]:
            print(_say(problem, language), file=sys.stderr)
    if data.enterprises.empty:
        print(translate("clusters.cli.no_data", language), file=sys.stderr)
        return 1
    result = find_clusters(data.enterprises, cluster_settings)
    names = {code: data.taxonomy.sector_name(code, language) for code in data.taxonomy.sector_codes}
    try:
        output.write_text(json.dumps(clusters_geojson(result, names), ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        print(translate("clusters.cli.write_failed", language, error=str(exc)), file=sys.stderr)
        return 1
    print(
        translate(
            "clusters.cli.summary",
            language,
            clusters=format_number(len(result.clusters), language),
            radius=format_number(cluster_settings.radius_m, language),
            min_size=cluster_settings.min_size,
            clustered=format_number(result.clustered, language),
            considered=format_number(result.considered, language),
            left_out=format_number(result.left_out, language),
        )
    )
    print(translate("clusters.cli.written", language, path=str(output)))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "import":
        return run_import_command(args)
    if args.command == "clusters":
        return run_clusters_command(args)
    return run_history_command(args)


if __name__ == "__main__":
    sys.exit(main())

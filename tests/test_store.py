"""The two stores behave alike: add, update by registration number, keep a history, and
change atomically or not at all. PostGIS runs on a real server these tests start."""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard.config import PROJECT_ROOT, Settings
from dashboard.importing.pipeline import run_import
from dashboard.importing.readers import Source
from dashboard.sources.enterprises import ValidationContext
from dashboard.store import GeoPackageStore, open_store
from dashboard.store.base import ImportRecord
from dashboard.web.runtime import load_served_data

HEADER = "Matični broj,Poslovno ime,Šifra delatnosti,Opština,Mesto,Broj zaposlenih,Godina osnivanja,lon,lat\n"
FIRST = (
    "91000001,Prvi studio,5911,Niš,,4,2015,21.9,43.32\n"
    "91000002,Drugi atelje,3212,Pirot,Pirot,2,2018,,\n"
    "91000003,Treći biro,7111,Blace,Nepoznato selo,1,2020,,\n"
)
SECOND = (
    "91000002,Drugi atelje preimenovan,3212,Pirot,Pirot,5,2018,,\n91000004,Četvrti,62.01,Svrljig,,3,2021,,\n"
)


# ----------------------------------------------------------------------------- PostgreSQL server


def _postgres_missing() -> str | None:
    if not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"):
        return "needs PostgreSQL server binaries (apt-get install postgresql postgis)"
    if not glob.glob("/usr/share/postgresql/*/extension/postgis.control"):
        return "needs the PostGIS extension (apt-get install postgis)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "needs psycopg (pip install -e '.[test]')"
    if os.geteuid() == 0 and (shutil.which("runuser") is None or _uid("postgres") is None):
        return "running as root needs runuser and the postgres user (from the postgresql package)"
    return None


def _uid(user: str) -> int | None:
    import pwd

    try:
        return pwd.getpwnam(user).pw_uid
    except KeyError:
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_server():
    """A throw-away PostgreSQL cluster with PostGIS, run as the postgres user; stopped at the end.

    Missing binaries skip these tests with the reason, except in CI (CI=true), where they fail.
    """
    missing = _postgres_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostGIS tests cannot run in CI: {missing}")
        pytest.skip(missing)
    import psycopg

    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="cim-pg-", dir="/tmp"))
    as_root = os.geteuid() == 0
    if as_root:
        uid = _uid("postgres")
        os.chown(base, uid, -1)
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        if done.returncode:
            log = (base / "server.log").read_text() if (base / "server.log").exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr}{done.stdout}{log}")

    data = base / "data"
    run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
    port = _free_port()
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(base / "server.log"),
        "-w",
        "-t",
        "60",
        "-o",
        options,
        "start",
    )
    try:
        admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute("CREATE DATABASE cim_template")
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/cim_template", autocommit=True) as c:
            c.execute("CREATE EXTENSION postgis")
        yield {"admin": admin, "port": port}
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


_databases = iter(range(10_000))


@pytest.fixture
def postgis_url(postgres_server):
    """A fresh database (from the PostGIS template) for one test."""
    import psycopg

    name = f"cim_test_{next(_databases)}"
    with psycopg.connect(postgres_server["admin"], autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name} TEMPLATE cim_template")
    return f"postgresql://postgres@127.0.0.1:{postgres_server['port']}/{name}"


# ----------------------------------------------------------------------------- both stores


@pytest.fixture(params=["geopackage", "postgis"])
def store(request, tmp_path):
    if request.param == "geopackage":
        return GeoPackageStore(tmp_path / "store" / "enterprises.gpkg")
    url = request.getfixturevalue("postgis_url")
    return open_store(Settings(database_url=url))


@pytest.fixture(scope="module")
def context(project_data):
    return ValidationContext(
        project_data.municipalities,
        project_data.taxonomy,
        project_data.boundaries,
        project_data.settlements,
        current_year=2026,
    )


def snapshot(store) -> object:
    """Everything a store holds: the file's bytes, or the database's rows and history."""
    if isinstance(store, GeoPackageStore):
        return hashlib.sha256(store.path.read_bytes()).hexdigest() if store.path.exists() else None
    records = store.read_records()
    return (None if records is None else records.to_csv(), store.history().to_csv())


def csv_source(name: str, rows: str) -> Source:
    return Source(name, (HEADER + rows).encode("utf-8"))


def test_an_empty_store_holds_nothing(store):
    assert not store.has_data()
    assert store.read() is None and store.registration_numbers() == set()
    assert store.history().empty


def test_import_adds_then_updates_by_registration_number(store, context):
    first = run_import([csv_source("register.csv", FIRST)], store, context)
    assert first.status == "committed" and store.has_data()
    table = store.read()
    assert sorted(table["registration_number"]) == ["91000001", "91000002", "91000003"]
    precision = dict(zip(table["registration_number"], table["location_precision"], strict=True))
    assert precision == {"91000001": "exact", "91000002": "settlement", "91000003": "municipality"}
    assert table.crs.to_epsg() == 4326 and table["employees"].dtype == "int64"

    second = run_import([csv_source("survey.csv", SECOND)], store, context)
    assert [(f.added, f.updated) for f in second.files] == [(1, 1)]
    table = store.read().set_index("registration_number")
    assert len(table) == 4  # updated, not duplicated
    assert (
        table.at["91000002", "name"] == "Drugi atelje preimenovan" and table.at["91000002", "employees"] == 5
    )

    history = store.history()
    assert list(history["file"]) == ["register.csv", "survey.csv"]
    assert list(history[["rows", "added", "updated", "rejected"]].itertuples(index=False, name=None)) == [
        (3, 3, 0, 0),
        (2, 1, 1, 0),
    ]
    expected_hash = hashlib.sha256((HEADER + SECOND).encode()).hexdigest()
    assert history["sha256"].iloc[1] == expected_hash
    assert pd.Timestamp(history["time"].iloc[0]).tzinfo is not None


def test_stored_records_round_trip_with_their_derived_columns(store, context):
    result = run_import([csv_source("register.csv", FIRST)], store, context)
    stored = store.read().set_index("registration_number").sort_index()
    imported = result.enterprises.set_index("registration_number").sort_index()
    for column in ("name", "nace", "sector", "district", "municipality", "location_precision", "size_class"):
        assert list(stored[column]) == list(imported[column]), column
    assert list(stored["founding_year"]) == list(imported["founding_year"])
    assert stored["lon"].tolist() == pytest.approx(imported["lon"].tolist())


def test_an_error_inside_the_commit_changes_nothing(store, context):
    run_import([csv_source("register.csv", FIRST)], store, context)
    before = snapshot(store)

    def failing_history(existing: set[str]) -> list[ImportRecord]:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        store.commit(
            run_import([csv_source("s.csv", SECOND)], None, context, dry_run=True).enterprises,
            failing_history,
        )
    assert snapshot(store) == before


def test_a_crash_while_the_geopackage_is_written_leaves_the_old_file(tmp_path, context, monkeypatch):
    from dashboard.store import geopackage

    store = GeoPackageStore(tmp_path / "enterprises.gpkg")
    run_import([csv_source("register.csv", FIRST)], store, context)
    before = store.path.read_bytes()
    real_write = geopackage.pyogrio.write_dataframe
    calls = []

    def write_then_fail(frame, path, **options):
        calls.append(options.get("layer"))
        real_write(frame, path, **options)
        if len(calls) == 1:  # the enterprises are written, the history is not
            raise OSError("power cut")

    monkeypatch.setattr(geopackage.pyogrio, "write_dataframe", write_then_fail)
    with pytest.raises(OSError, match="power cut"):
        run_import([csv_source("survey.csv", SECOND)], store, context)
    assert store.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".gpkg"] == ["enterprises.gpkg"]


KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from dashboard.config import Settings
from dashboard.importing.pipeline import run_import
from dashboard.importing.readers import Source
from dashboard.sources.bundle import load_region_data
from dashboard.sources.enterprises import ValidationContext
from dashboard.store import GeoPackageStore, open_store
import dashboard.store.geopackage as geopackage

target = sys.argv[1]
if target.endswith(".gpkg"):
    store = GeoPackageStore(Path(target))
else:
    store = open_store(Settings(database_url=target))
data = load_region_data(Settings(), with_enterprises=False)
context = ValidationContext(data.municipalities, data.taxonomy, data.boundaries, data.settlements)
die = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
geopackage.os.replace = die  # GeoPackage: killed with the new file written, before it is moved
real = store.commit
def commit(frame, history_for):  # PostGIS: killed inside the open transaction
    return real(frame, lambda existing: die())
if not target.endswith(".gpkg"):
    store.commit = commit
run_import([Source("survey.csv", sys.stdin.buffer.read())], store, context)
"""


def test_a_killed_import_leaves_the_previous_data_intact(store, context):
    run_import([csv_source("register.csv", FIRST)], store, context)
    before = snapshot(store)
    target = str(store.path) if isinstance(store, GeoPackageStore) else store.url
    done = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, target],
        input=(HEADER + SECOND).encode(),
        capture_output=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert snapshot(store) == before
    # and the store still works
    assert run_import([csv_source("survey.csv", SECOND)], store, context).status == "committed"


# ----------------------------------------------------------------------------- the app reads the store


def test_the_app_shows_the_store_when_it_holds_enterprises_else_the_demo(tmp_path, context):
    path = tmp_path / "store" / "enterprises.gpkg"
    settings = Settings(store_path=path)
    demo = load_served_data(settings)
    assert demo.has_synthetic and demo.enterprises_file.name == "demo_enterprises.csv"

    run_import([csv_source("register.csv", FIRST)], GeoPackageStore(path), context)
    data = load_served_data(settings)
    assert sorted(data.enterprises["registration_number"]) == ["91000001", "91000002", "91000003"]
    assert not data.has_synthetic and data.enterprises_file.name == "enterprises.gpkg"
    assert data.enterprises.crs.to_epsg() == 4326

    # An explicit CIM_ENTERPRISES file still wins over the store.
    explicit = Settings(store_path=path, enterprises_file=demo.enterprises_file)
    assert load_served_data(explicit).has_synthetic


def test_a_damaged_store_is_reported_and_the_demo_shown(tmp_path):
    path = tmp_path / "enterprises.gpkg"
    path.write_bytes(b"SQLite format 3\x00 but then nothing useful")
    data = load_served_data(Settings(store_path=path))
    assert data.has_synthetic
    assert [p.code for p in data.problems if p.file == str(path)] == ["file_unreadable"]


def test_settings_pick_the_store(monkeypatch):
    from dashboard.store.postgis import PostGISStore

    assert open_store(Settings()) is None  # tests and tools that construct Settings() use no store
    default = Settings.from_env({})
    assert default.store_path == PROJECT_ROOT / "data" / "store" / "enterprises.gpkg"
    assert isinstance(open_store(default), GeoPackageStore)
    postgis = open_store(Settings.from_env({"DATABASE_URL": "postgresql://u:secret@db.example:5433/cim"}))
    assert isinstance(postgis, PostGISStore)
    assert "secret" not in postgis.label and "cim@db.example:5433" in postgis.label


def test_postgis_store_is_read_by_the_app(postgis_url, context):
    settings = Settings(database_url=postgis_url)
    run_import([csv_source("register.csv", FIRST)], open_store(settings), context)
    data = load_served_data(settings)
    assert len(data.enterprises) == 3 and not data.has_synthetic
    import psycopg

    with psycopg.connect(postgis_url) as connection:
        srid, kind = connection.execute(
            "SELECT DISTINCT ST_SRID(geom), GeometryType(geom) FROM enterprises"
        ).fetchone()
    assert (srid, kind) == (4326, "POINT")


# ----------------------------------------------------------------------------- hostile input (issue 12)


def test_a_checked_import_always_fits_the_store(store, context):
    """The check step knows the stores' limits: the largest count it passes is stored as it is
    (PostGIS integer, GeoPackage int64), and a larger one is refused by the check, not by a
    failing commit. Anything else calling commit() is refused before a byte is written."""
    from dashboard.sources.enterprises import MAX_EMPLOYEES

    rows = f"91000011,Najveći,5911,Niš,,{MAX_EMPLOYEES},2015,,\n"
    assert run_import([csv_source("max.csv", rows)], store, context).status == "committed"
    assert store.read()["employees"].tolist() == [MAX_EMPLOYEES]
    before = snapshot(store)
    for employees in (MAX_EMPLOYEES + 1, 3_000_000_000, "99999999999999999999"):
        result = run_import(
            [csv_source("big.csv", f"91000012,Preveliki,5911,Niš,,{employees},2015,,\n")], store, context
        )
        assert [p.code for p in result.problems] == ["employees_implausible"]
    valid = run_import(
        [csv_source("ok.csv", "91000013,Mali,5911,Niš,,2,2015,,\n")], None, context, dry_run=True
    )
    for employees in (3_000_000_000, 1e20):
        with pytest.raises(ValueError, match="cannot be stored"):
            store.commit(valid.enterprises.assign(employees=employees), lambda existing: [])
    assert snapshot(store) == before


def test_a_read_only_store_file_is_refused_and_stays_read_only(tmp_path, context):
    path = tmp_path / "store" / "enterprises.gpkg"
    store = GeoPackageStore(path)
    run_import([csv_source("register.csv", FIRST)], store, context)
    path.chmod(0o444)
    before = snapshot(store)
    result = run_import([csv_source("survey.csv", SECOND)], store, context)
    assert result.status == "rejected"
    assert [(p.file, p.code) for p in result.problems] == [("enterprises.gpkg", "store_read_only")]
    assert snapshot(store) == before and oct(path.stat().st_mode & 0o777) == "0o444"
    # a file the operator made group-readable keeps that mode through an import
    path.chmod(0o640)
    assert run_import([csv_source("survey.csv", SECOND)], store, context).committed
    assert oct(path.stat().st_mode & 0o777) == "0o640"


def test_a_killed_imports_temp_file_is_removed_on_the_next_import_or_start(tmp_path, context):
    path = tmp_path / "store" / "enterprises.gpkg"
    store = GeoPackageStore(path)
    run_import([csv_source("register.csv", FIRST)], store, context)
    for cleaner in ("start", "import"):
        done = subprocess.run(
            [sys.executable, "-c", KILLED_IMPORT, str(path)],
            input=(HEADER + SECOND).encode(),
            capture_output=True,
            cwd=PROJECT_ROOT,
            timeout=120,
        )
        assert done.returncode == -signal.SIGKILL, done.stderr.decode()
        left = [p.name for p in path.parent.glob(".enterprises.*.tmp.gpkg*")]
        assert len(left) == 1 and left[0].endswith(".tmp.gpkg"), left  # the killed import's new file
        if cleaner == "start":
            open_store(Settings(store_path=path))  # what the app does when it starts
        else:
            assert run_import([csv_source("survey.csv", SECOND)], store, context).committed
        assert not list(path.parent.glob(".enterprises.*.tmp.gpkg*")), cleaner
        assert path.exists()


def test_a_temp_file_being_written_is_left_alone(tmp_path, context):
    """While an import holds the lock, its new file is not stale: opening the store must not
    delete it (the web page opens the store on every check)."""
    import fcntl

    path = tmp_path / "store" / "enterprises.gpkg"
    store = GeoPackageStore(path)
    run_import([csv_source("register.csv", FIRST)], store, context)
    writing = path.with_name(".enterprises.999999.tmp.gpkg")
    writing.write_bytes(b"half written")
    with open(path.with_name(path.name + ".lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert store.remove_stale_temporaries() == []
        assert writing.exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert store.remove_stale_temporaries() == [writing] and not writing.exists()

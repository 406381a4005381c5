"""The PostGIS store, chosen by ``DATABASE_URL`` (``postgresql://user:pass@host:port/db``).

Tables ``enterprises`` (registration number as primary key, a ``geometry(Point, 4326)``
column with a spatial index) and ``import_history``, created on first use. The
database needs the ``postgis`` extension; the store creates it when its user may.

A commit is one transaction: the rows are copied into a temporary table and
upserted (``INSERT ... ON CONFLICT DO UPDATE``) with the history row; an error
or a lost connection rolls all of it back. A table lock serialises imports.
"""

from __future__ import annotations

import pandas as pd

from dashboard.store.base import (
    COLUMNS,
    HISTORY_COLUMNS,
    HistoryFor,
    ImportRecord,
    Store,
    history_frame,
    records_frame,
    storable_records,
)

ENTERPRISES_TABLE = "enterprises"
HISTORY_TABLE = "import_history"
GENERATION_TABLE = "store_generation"  # one row, counted up by every commit (Store.generation)
TEXT_SQL = "text NOT NULL DEFAULT ''"
SQL_TYPES = {
    "lon": "double precision",
    "lat": "double precision",
    "employees": "integer NOT NULL DEFAULT 0",
    "founding_year": "integer",
    "synthetic": "boolean NOT NULL DEFAULT false",
}


def _column_sql(name: str) -> str:
    if name == "registration_number":
        return "registration_number text PRIMARY KEY"
    return f"{name} {SQL_TYPES.get(name, TEXT_SQL)}"


def _redacted(url: str) -> str:
    try:
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(url)
    except Exception:
        return "PostGIS"
    host = parts.get("host") or "localhost"
    return f"PostGIS {parts.get('dbname') or ''}@{host}:{parts.get('port') or 5432}"


class PostGISStore(Store):
    def __init__(self, url: str) -> None:
        self.url = url
        self.label = _redacted(url)

    def _connect(self):
        import psycopg

        return psycopg.connect(self.url, connect_timeout=10)

    def _ensure_schema(self, connection) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            if cursor.fetchone() is None:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            columns = ", ".join(_column_sql(c) for c in COLUMNS)
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {ENTERPRISES_TABLE} ({columns}, geom geometry(Point, 4326))"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {ENTERPRISES_TABLE}_geom "
                f"ON {ENTERPRISES_TABLE} USING gist (geom)"
            )
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {HISTORY_TABLE} (id bigserial PRIMARY KEY, time text NOT NULL, "
                "file text NOT NULL, sha256 text NOT NULL, rows integer NOT NULL, added integer NOT NULL, "
                "updated integer NOT NULL, rejected integer NOT NULL)"
            )
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {GENERATION_TABLE} "
                "(one boolean PRIMARY KEY DEFAULT true CHECK (one), generation bigint NOT NULL)"
            )

    def _exists(self, cursor) -> bool:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (ENTERPRISES_TABLE,))
        return bool(cursor.fetchone()[0])

    def generation(self) -> str:
        """The commit counter: bumped in each import's own transaction, so it changes exactly
        when the data does, as every worker sees it."""
        with self._connect() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (GENERATION_TABLE,))
            if not cursor.fetchone()[0]:
                return ""
            cursor.execute(f"SELECT generation FROM {GENERATION_TABLE}")
            row = cursor.fetchone()
            return str(row[0]) if row else ""

    def has_data(self) -> bool:
        with self._connect() as connection, connection.cursor() as cursor:
            if not self._exists(cursor):
                return False
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {ENTERPRISES_TABLE})")
            return bool(cursor.fetchone()[0])

    def read_records(self) -> pd.DataFrame | None:
        with self._connect() as connection, connection.cursor() as cursor:
            if not self._exists(cursor):
                return None
            cursor.execute(
                f"SELECT {', '.join(COLUMNS)} FROM {ENTERPRISES_TABLE} ORDER BY registration_number"
            )
            return records_frame(pd.DataFrame(cursor.fetchall(), columns=list(COLUMNS)))

    def registration_numbers(self) -> set[str]:
        with self._connect() as connection, connection.cursor() as cursor:
            if not self._exists(cursor):
                return set()
            cursor.execute(f"SELECT registration_number FROM {ENTERPRISES_TABLE}")
            return {row[0] for row in cursor.fetchall()}

    def history(self) -> pd.DataFrame:
        with self._connect() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (HISTORY_TABLE,))
            if not cursor.fetchone()[0]:
                return history_frame([])
            cursor.execute(f"SELECT {', '.join(HISTORY_COLUMNS)} FROM {HISTORY_TABLE} ORDER BY id")
            return pd.DataFrame(cursor.fetchall(), columns=list(HISTORY_COLUMNS))

    def commit(self, enterprises: pd.DataFrame, history_for: HistoryFor) -> list[ImportRecord]:
        records = storable_records(enterprises)
        names = ", ".join(COLUMNS)
        with self._connect() as connection:  # one transaction: committed on success, else rolled back
            self._ensure_schema(connection)
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {ENTERPRISES_TABLE} IN SHARE ROW EXCLUSIVE MODE")
                cursor.execute(
                    f"CREATE TEMP TABLE incoming ({', '.join(_column_sql(c) for c in COLUMNS)}) "
                    "ON COMMIT DROP"
                )
                with cursor.copy(f"COPY incoming ({names}) FROM STDIN") as copy:
                    for row in records.itertuples(index=False, name=None):
                        copy.write_row(tuple(None if pd.isna(v) else v for v in row))
                cursor.execute(
                    f"SELECT i.registration_number FROM incoming i JOIN {ENTERPRISES_TABLE} e "
                    "USING (registration_number)"
                )
                existing = {row[0] for row in cursor.fetchall()}
                history = history_for(existing)
                updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS if c != "registration_number")
                cursor.execute(
                    f"INSERT INTO {ENTERPRISES_TABLE} ({names}, geom) "
                    f"SELECT {names}, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM incoming "
                    f"ON CONFLICT (registration_number) DO UPDATE SET {updates}, geom = EXCLUDED.geom"
                )
                cursor.executemany(
                    f"INSERT INTO {HISTORY_TABLE} ({', '.join(HISTORY_COLUMNS)}) "
                    f"VALUES ({', '.join(['%s'] * len(HISTORY_COLUMNS))})",
                    [tuple(getattr(r, c) for c in HISTORY_COLUMNS) for r in history],
                )
                cursor.execute(
                    f"INSERT INTO {GENERATION_TABLE} (one, generation) VALUES (true, 1) "
                    f"ON CONFLICT (one) DO UPDATE SET generation = {GENERATION_TABLE}.generation + 1"
                )
        return history

"""All runtime configuration, read from environment variables in one place.

Every setting has a default that runs the app on the embedded demo data, so a
newcomer needs no configuration at all; deployments override what they need.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REGION_DIR = PROJECT_ROOT / "data"
DEFAULT_STORE = PROJECT_ROOT / "data" / "store" / "enterprises.gpkg"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
DEFAULT_JOBS_DIR = Path(tempfile.gettempdir()) / "creative-map-jobs"
LANGUAGES = ("sr-Latn", "sr-Cyrl", "en")


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    """A limit from the environment: a number above 0, else a clear error at start."""
    text = env.get(name, str(default))
    try:
        value = float(text)
    except ValueError as exc:
        raise ValueError(f"{name}={text!r} is not a number") from exc
    if not value > 0:
        raise ValueError(f"{name}={text!r} must be more than 0")
    return value


def _optional_path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


@dataclass(frozen=True)
class Settings:
    """Deployment settings.

    Attributes:
        host, port: where ``python app.py`` listens (``HOST``, ``PORT``).
        region_dir: folder holding ``region.toml`` and the files it names
            (``CIM_REGION_DIR``); the project's ``data/`` by default.
        enterprises_file: an enterprise table to show instead of the region's
            default (``CIM_ENTERPRISES``).
        municipality_boundaries: a more detailed municipality layer supplied by
            the user, e.g. the cadastre's (``CIM_MUNICIPALITY_BOUNDARIES``).
        basemap_tiles: an XYZ raster tile URL template; empty means no tile
            server at all, the offline default (``CIM_BASEMAP_TILES``).
        basemap_attribution: credit line for those tiles (``CIM_BASEMAP_ATTRIBUTION``).
        default_language: interface language when the URL names none (``CIM_LANGUAGE``).
        debug: Dash debug mode (``DASH_DEBUG``).
        store_path: the GeoPackage file imports are stored in and the app reads
            enterprises from when it holds any (``CIM_STORE``; from the
            environment it defaults to ``data/store/enterprises.gpkg``). ``None``,
            the default of ``Settings()`` itself, means no store: the region's file.
        database_url: a PostgreSQL + PostGIS database to use as the store instead
            of the GeoPackage (``DATABASE_URL``, ``postgresql://user:pass@host/db``).
        editor_token: the credential the web import page asks for before it
            stores anything; empty means the page only checks files
            (``CIM_EDITOR_TOKEN``).
        max_upload_mb: largest file the web import page accepts, in megabytes
            (``CIM_MAX_UPLOAD_MB``).
        max_rows, max_columns: the most data rows (all files of an import together) and
            columns an import reads (``CIM_MAX_ROWS``, ``CIM_MAX_COLUMNS``); larger files are
            refused before they cost memory.
        max_uncompressed_mb: the most a file may hold once unpacked (an XLSX is a zip: a few
            megabytes can expand to gigabytes), in megabytes (``CIM_MAX_UNCOMPRESSED_MB``).
        check_cpu_seconds: CPU time a check may take for a visitor without the editor
            credential, so an anonymous upload cannot occupy a worker (``CIM_CHECK_CPU_SECONDS``).
        chromium: the headless browser that renders profile exports to PDF and PNG
            (``CIM_CHROMIUM``; ``/usr/bin/chromium`` by default). It only ever opens this
            app's own pages, offline.
        stories_dir: folder of presenter stories, ``<name>.toml`` each (``CIM_STORIES_DIR``);
            ``None`` means ``stories/`` in the region folder. "Add this view to a story"
            writes there, with the editor credential when one is configured.
        data_check_seconds: how often (at most) each server worker looks whether another
            one, or the command line, has imported new data (``CIM_DATA_CHECK_SECONDS``).
        redis_url: a Redis server for background jobs (``REDIS_URL``); set, profile exports
            run on Celery workers (``celery -A dashboard.web.wsgi:celery_app worker``), else
            in a process beside the server, with their state in ``jobs_dir``.
        jobs_dir: folder for the embedded background jobs' state (``CIM_JOBS_DIR``), shared by
            all workers of one server.
        export_slots: how many profile exports may render at once on this machine
            (``CIM_EXPORT_SLOTS``); one more is answered "busy, try again".
    """

    host: str = "127.0.0.1"
    port: int = 8050
    region_dir: Path = DEFAULT_REGION_DIR
    enterprises_file: Path | None = None
    municipality_boundaries: Path | None = None
    basemap_tiles: str = ""
    basemap_attribution: str = ""
    default_language: str = "sr-Latn"
    debug: bool = False
    store_path: Path | None = None
    database_url: str = ""
    editor_token: str = ""
    max_upload_mb: float = 10.0
    max_rows: int = 200_000
    max_columns: int = 200
    max_uncompressed_mb: float = 200.0
    check_cpu_seconds: float = 2.0
    chromium: Path = DEFAULT_CHROMIUM
    stories_dir: Path | None = None
    data_check_seconds: float = 1.0
    redis_url: str = ""
    jobs_dir: Path = DEFAULT_JOBS_DIR
    export_slots: int = 1

    @property
    def stories_folder(self) -> Path:
        return self.stories_dir or self.region_dir / "stories"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        language = env.get("CIM_LANGUAGE", cls.default_language)
        if language not in LANGUAGES:
            raise ValueError(f"CIM_LANGUAGE={language!r} is not one of {', '.join(LANGUAGES)}")
        port_text = env.get("PORT", str(cls.port))
        try:
            port = int(port_text)
        except ValueError as exc:
            raise ValueError(f"PORT={port_text!r} is not a whole number") from exc
        upload_text = env.get("CIM_MAX_UPLOAD_MB", str(cls.max_upload_mb))
        try:
            max_upload_mb = float(upload_text)
        except ValueError as exc:
            raise ValueError(f"CIM_MAX_UPLOAD_MB={upload_text!r} is not a number") from exc
        if not max_upload_mb > 0:
            raise ValueError(f"CIM_MAX_UPLOAD_MB={upload_text!r} must be more than 0")
        return cls(
            host=env.get("HOST", cls.host),
            port=port,
            region_dir=_optional_path(env.get("CIM_REGION_DIR")) or DEFAULT_REGION_DIR,
            enterprises_file=_optional_path(env.get("CIM_ENTERPRISES")),
            municipality_boundaries=_optional_path(env.get("CIM_MUNICIPALITY_BOUNDARIES")),
            basemap_tiles=env.get("CIM_BASEMAP_TILES", ""),
            basemap_attribution=env.get("CIM_BASEMAP_ATTRIBUTION", ""),
            default_language=language,
            debug=_flag(env.get("DASH_DEBUG")),
            store_path=_optional_path(env.get("CIM_STORE")) or DEFAULT_STORE,
            database_url=env.get("DATABASE_URL", ""),
            editor_token=env.get("CIM_EDITOR_TOKEN", ""),
            max_upload_mb=max_upload_mb,
            max_rows=int(_positive(env, "CIM_MAX_ROWS", cls.max_rows)),
            max_columns=int(_positive(env, "CIM_MAX_COLUMNS", cls.max_columns)),
            max_uncompressed_mb=_positive(env, "CIM_MAX_UNCOMPRESSED_MB", cls.max_uncompressed_mb),
            check_cpu_seconds=_positive(env, "CIM_CHECK_CPU_SECONDS", cls.check_cpu_seconds),
            chromium=_optional_path(env.get("CIM_CHROMIUM")) or DEFAULT_CHROMIUM,
            stories_dir=_optional_path(env.get("CIM_STORIES_DIR")),
            data_check_seconds=_positive(env, "CIM_DATA_CHECK_SECONDS", cls.data_check_seconds),
            redis_url=env.get("REDIS_URL", ""),
            jobs_dir=_optional_path(env.get("CIM_JOBS_DIR")) or DEFAULT_JOBS_DIR,
            export_slots=int(_positive(env, "CIM_EXPORT_SLOTS", cls.export_slots)),
        )

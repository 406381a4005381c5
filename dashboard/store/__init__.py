"""Where imported enterprises are kept: a GeoPackage file by default, PostGIS when
``DATABASE_URL`` is set. Both implement :class:`dashboard.store.base.Store`."""

from __future__ import annotations

from dashboard.config import Settings
from dashboard.store.base import ImportRecord, Store, StoreReadOnly
from dashboard.store.geopackage import GeoPackageStore


def open_store(settings: Settings) -> Store | None:
    """The configured store, or None when the settings name none (``Settings()`` in tests)."""
    if settings.database_url:
        from dashboard.store.postgis import PostGISStore

        return PostGISStore(settings.database_url)
    if settings.store_path is not None:
        store = GeoPackageStore(settings.store_path)
        store.remove_stale_temporaries()  # left by an import killed while writing
        return store
    return None


__all__ = ["GeoPackageStore", "ImportRecord", "Store", "StoreReadOnly", "open_store"]

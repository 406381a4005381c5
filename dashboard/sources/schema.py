"""The enterprise table's schema: its columns, their types and meanings, and the size classes.

It sits below both the loaders (``sources/enterprises.py``) and the stores (``store/``), so the
two agree on one definition without importing each other.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

# name: (type, required in the file, meaning)
SCHEMA: dict[str, tuple[str, bool, str]] = {
    "registration_number": ("text", True, "Business register number (matični broj); unique"),
    "name": ("text", True, "Business name"),
    "nace": (
        "text",
        True,
        "NACE Rev. 2 / KD 2010 code, e.g. 59.11 or 5911; a group (59.1) or division (59) only when "
        "all its creative classes belong to one sector",
    ),
    "sector": ("text", False, "Creative sector; derived from nace, a different value is reported"),
    "district": ("text", False, "ISO 3166-2 district code; derived from the municipality"),
    "municipality": ("text", True, "Municipality code or name, Latin or Cyrillic"),
    "settlement": ("text", False, "Settlement (naselje) name"),
    "address": ("text", False, "Street address as given; kept, not geocoded"),
    "lon": ("number", False, "Longitude, WGS84 decimal degrees"),
    "lat": ("number", False, "Latitude, WGS84 decimal degrees"),
    "employees": ("integer", True, "Number of employees, 0 or more"),
    "founding_year": ("integer", False, "Year of founding, not in the future"),
    "legal_form": ("text", False, "Legal form, e.g. DOO, PR (entrepreneur), AD, udruženje"),
    "source": ("text", False, "Where the record comes from"),
    "synthetic": ("boolean", False, "true for generated demonstration records"),
}
REQUIRED_COLUMNS = tuple(name for name, (_, required, _) in SCHEMA.items() if required)
DERIVED_COLUMNS = ("location_precision", "size_class", "unesco_field")

# EU size classes by employees (Commission Recommendation 2003/361/EC).
SIZE_CLASSES: tuple[tuple[str, int, float], ...] = (
    ("micro", 0, 9),
    ("small", 10, 49),
    ("medium", 50, 249),
    ("large", 250, np.inf),
)
LOCATION_PRECISIONS = ("exact", "settlement", "municipality")
EARLIEST_FOUNDING_YEAR = 1800


def size_class(employees: pd.Series) -> pd.Series:
    bins = [-0.5] + [upper + 0.5 for _, _, upper in SIZE_CLASSES]
    labels = [name for name, _, _ in SIZE_CLASSES]
    return pd.cut(employees, bins=bins, labels=labels).astype(str)


def empty_enterprises() -> gpd.GeoDataFrame:
    columns = [*SCHEMA, *DERIVED_COLUMNS]
    return gpd.GeoDataFrame(
        {c: pd.Series(dtype=object) for c in columns}, geometry=gpd.points_from_xy([], []), crs="EPSG:4326"
    )

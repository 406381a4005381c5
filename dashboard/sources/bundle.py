"""Everything the app shows, loaded and validated once at start-up.

``load_region_data`` is the single entry point from files to validated tables.
Enterprises come from ``CIM_ENTERPRISES`` when set, else from the import store
(GeoPackage or PostGIS, see ``dashboard.store``) when it holds any, else from
the region's own file (the demonstration data).
It never raises on bad data (only on a missing manifest, without which there is
no region at all): each file's problems are collected in ``problems`` so the UI
can say what is wrong while it serves whatever is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.config import Settings
from dashboard.sources.basemap import load_lines
from dashboard.sources.boundaries import Boundaries, load_boundaries
from dashboard.sources.cultural_places import load_cultural_places
from dashboard.sources.enterprises import ValidationContext, empty_enterprises, load_enterprises
from dashboard.sources.problems import DataFileError, Problem
from dashboard.sources.reference import load_district_reference, load_municipality_reference
from dashboard.sources.region import Region, load_region
from dashboard.sources.settlements import load_settlements
from dashboard.sources.taxonomy import Taxonomy, load_taxonomy


@dataclass
class RegionData:
    region: Region
    municipalities: pd.DataFrame  # reference table, index = code
    districts: pd.DataFrame  # reference table, index = ISO 3166-2 code
    taxonomy: Taxonomy
    boundaries: Boundaries
    enterprises: gpd.GeoDataFrame
    enterprises_file: Path | None
    settlements: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    rivers: gpd.GeoDataFrame | None = None  # lines of the offline basemap, if the region has them
    cultural_places: gpd.GeoDataFrame | None = None  # museums, theatres...; None: the region names none

    @property
    def has_synthetic(self) -> bool:
        return bool(self.enterprises["synthetic"].any()) if not self.enterprises.empty else False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def validation_context(self) -> ValidationContext:
        """What the importers check new rows against: this region's units, taxonomy and places."""
        return ValidationContext(
            self.municipalities,
            self.taxonomy,
            self.boundaries,
            self.settlements,
            registration_digits=self.region.registration_digits,
        )


def _attempt(loader, problems: list[Problem], fallback):
    try:
        value, found = loader()
    except DataFileError as error:
        problems.append(error.problem)
        return fallback
    problems.extend(found)
    return value


def load_region_data(
    settings: Settings,
    *,
    with_enterprises: bool = True,
    stored: tuple[gpd.GeoDataFrame, Path] | None = None,
) -> RegionData:
    """All region tables; ``with_enterprises=False`` skips the enterprise file (for the
    demo generator, which is about to write it). ``stored`` is the enterprise table the
    caller read from the import store, with a label for it: the sources read files only and
    know nothing of stores (the runtime does that reading)."""
    region = load_region(settings.region_dir)
    files = region.files
    problems: list[Problem] = []

    empty_reference = pd.DataFrame(
        columns=[
            "name_lat",
            "name_cyr",
            "name_en",
            "district_code",
            "seat_lon",
            "seat_lat",
            "area_km2",
            "population",
        ]
    ).rename_axis("code")
    municipalities = _attempt(
        lambda: load_municipality_reference(files["municipality_reference"]), problems, empty_reference
    )
    districts = _attempt(
        lambda: load_district_reference(files["district_reference"]),
        problems,
        pd.DataFrame(columns=["name_lat", "name_cyr", "name_en"]).rename_axis("code"),
    )
    taxonomy = _attempt(
        lambda: load_taxonomy(
            files["sectors"], files["nace"], files.get("definitions"), region.default_definition
        ),
        problems,
        Taxonomy(
            pd.DataFrame(columns=["name_en", "name_sr_lat", "name_sr_cyr", "color"]),
            pd.DataFrame(columns=["sector_code"]),
        ),
    )
    boundaries = _attempt(
        lambda: load_boundaries(
            files["municipalities"],
            files["districts"],
            municipalities,
            districts,
            settings.municipality_boundaries,
        ),
        problems,
        Boundaries(None, None),
    )
    settlements = (
        _attempt(
            lambda: load_settlements(files["settlements"], municipalities, boundaries.municipalities),
            problems,
            None,
        )
        if files["settlements"]
        else None
    )

    rivers = _attempt(lambda: load_lines(files["rivers"]), problems, None) if files["rivers"] else None

    enterprises_file = settings.enterprises_file or files["enterprises"]
    if stored is not None and with_enterprises and settings.enterprises_file is None:
        enterprises, enterprises_file = stored
    elif not with_enterprises or municipalities.empty or taxonomy.sectors.empty:
        enterprises = empty_enterprises()
    else:
        context = ValidationContext(
            municipalities, taxonomy, boundaries, settlements, registration_digits=region.registration_digits
        )
        enterprises, found = load_enterprises(enterprises_file, context)
        problems += found
    cultural_places = None
    if files.get("cultural_places") and not municipalities.empty:
        cultural_places, found = load_cultural_places(
            files["cultural_places"],
            ValidationContext(municipalities, taxonomy, boundaries, settlements),
        )
        problems += found
    return RegionData(
        region,
        municipalities,
        districts,
        taxonomy,
        boundaries,
        enterprises,
        enterprises_file,
        settlements,
        problems,
        rivers,
        cultural_places,
    )

"""The map's model: what the map is (geometry prepared once) and what it should show now.

:class:`MapBase` holds everything about the map that never changes while the app runs (polygons as
cacheable files, label points, unit bounds, the region's framing); :class:`MapView` holds the
values behind one state of the controls. Neither is a figure: views compute ``MapView``s,
``figures/map.py`` draws them, and the runtime, profiles and presenter reuse ``MapBase``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.ops import polylabel

from dashboard.analysis.geometry import fit_view

GEOMETRY_ROUTE = "_geometry"  # relative: the pages live one level below the app's root
# Decimals a metric is shown with, on the map, in its legend and in sentences about it.
METRIC_DECIMALS = {
    "enterprises": 0,
    "employees": 0,
    "enterprises_per_1000": 2,
    "location_quotient": 2,
    "potential_index": 1,
}


def _label_points(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """A point well inside each polygon (pole of inaccessibility) for its label."""
    points = [
        polylabel(max(getattr(g, "geoms", [g]), key=lambda p: p.area), tolerance=0.001)
        for g in frame.geometry
    ]
    return pd.DataFrame({"lon": [p.x for p in points], "lat": [p.y for p in points]}, index=frame.index)


def geometry_files(layers: dict[str, dict[str, Any] | None]) -> dict[str, bytes]:
    """Each layer's GeoJSON as compact bytes, named by layer and content, so a URL never
    changes its meaning and the browser may cache it for good."""
    files = {}
    for layer, document in layers.items():
        if document is not None:
            body = json.dumps(document, separators=(",", ":")).encode()
            files[f"{layer}-{hashlib.sha256(body).hexdigest()[:12]}.geojson"] = body
    return files


def _bounds(frame: gpd.GeoDataFrame | None) -> dict[str, tuple[float, float, float, float]]:
    if frame is None or frame.empty:
        return {}
    return {code: tuple(float(v) for v in geometry.bounds) for code, geometry in frame.geometry.items()}


@dataclass(frozen=True)
class MapBase:
    """Everything about the map that does not change while the app runs."""

    district_geojson: dict[str, Any] | None
    municipality_geojson: dict[str, Any] | None
    hexagon_geojson: dict[str, Any] | None
    district_codes: list[str]
    municipality_codes: list[str]
    hexagon_codes: list[str]
    district_labels: pd.DataFrame  # index code -> lon, lat
    municipality_labels: pd.DataFrame
    seats: pd.DataFrame  # index municipality code -> lon, lat
    unit_bounds: dict[str, tuple[float, float, float, float]]  # district and municipality codes
    center: dict[str, float]
    zoom: float
    # The polygons as files the browser fetches once and caches (``app.py`` serves them under
    # GEOMETRY_ROUTE): name "<layer>-<content hash>.geojson" -> JSON bytes. Figures carry the
    # relative URL, so the geometry is in no page layout and no callback response at all.
    geometry_files: dict[str, bytes] = field(default_factory=dict)

    @property
    def has_municipal_polygons(self) -> bool:
        return self.municipality_geojson is not None

    def geojson(self, layer: str) -> str | None:
        """What a choropleth's ``geojson`` is set to: the URL of ``layer``'s file (districts,
        municipalities or hexagons), or None when the region has no such polygons."""
        name = next((n for n in self.geometry_files if n.rsplit("-", 1)[0] == layer), None)
        return f"{GEOMETRY_ROUTE}/{name}" if name else None

    @classmethod
    def build(
        cls,
        municipalities: pd.DataFrame,
        districts: pd.DataFrame,
        municipal_polygons: gpd.GeoDataFrame | None,
        district_polygons: gpd.GeoDataFrame | None,
        hexagons: gpd.GeoDataFrame | None = None,
    ) -> MapBase:
        seats = municipalities[["seat_lon", "seat_lat"]].set_axis(["lon", "lat"], axis=1)
        has_municipal = municipal_polygons is not None and not municipal_polygons.empty
        has_district = district_polygons is not None and not district_polygons.empty
        has_hexagons = hexagons is not None and not hexagons.empty
        seat_bounds = {
            code: (row.lon - 0.05, row.lat - 0.04, row.lon + 0.05, row.lat + 0.04)
            for code, row in seats.iterrows()
        }
        if has_district:
            bounds = tuple(district_polygons.total_bounds)
            district_labels = _label_points(district_polygons)
        else:
            bounds = (seats["lon"].min(), seats["lat"].min(), seats["lon"].max(), seats["lat"].max())
            district_labels = seats.groupby(municipalities["district_code"]).mean()
        center, zoom = fit_view(bounds)  # type: ignore[arg-type]
        base = cls(
            district_geojson=district_polygons[["geometry"]].to_geo_dict(drop_id=False)
            if has_district
            else None,
            municipality_geojson=(
                municipal_polygons[["geometry"]].to_geo_dict(drop_id=False) if has_municipal else None
            ),
            hexagon_geojson=hexagons[["geometry"]].to_geo_dict(drop_id=False) if has_hexagons else None,
            district_codes=list(districts.index),
            municipality_codes=list(municipalities.index),
            hexagon_codes=list(hexagons.index) if has_hexagons else [],
            district_labels=district_labels,
            municipality_labels=_label_points(municipal_polygons) if has_municipal else seats,
            seats=seats,
            unit_bounds=seat_bounds | _bounds(municipal_polygons) | _bounds(district_polygons),
            center=center,
            zoom=zoom,
        )
        layers = {
            "districts": base.district_geojson,
            "municipalities": base.municipality_geojson,
            "hexagons": base.hexagon_geojson,
        }
        return replace(base, geometry_files=geometry_files(layers))

    def focus(self, codes: list[str]) -> tuple[dict[str, float], float]:
        """Centre and zoom that frame the given units (the whole region for none)."""
        boxes = [self.unit_bounds[c] for c in codes if c in self.unit_bounds]
        if not boxes:
            return self.center, self.zoom
        minx, miny, maxx, maxy = zip(*boxes, strict=True)
        center, zoom = fit_view((min(minx), min(miny), max(maxx), max(maxy)))
        return center, round(zoom - 0.5, 2)  # leave the neighbours in sight


@dataclass(frozen=True)
class MapView:
    """What the map should show now: the values behind one state of the controls."""

    level: str  # one of indicators.LEVELS
    metric: str
    district_values: pd.Series  # index district code
    municipality_values: pd.Series  # index municipality code
    hexagon_values: pd.Series  # index H3 cell; enterprises or employees (never a density)
    hexagon_metric: str
    district_names: pd.Series
    municipality_names: pd.Series
    # One row per drawn enterprise, in drawing order: lon, lat, name, municipality (code),
    # municipality_name, employees, row (position in the enterprise table), sector (position in
    # the taxonomy).
    points: pd.DataFrame
    points_shown: bool  # False when there are too many enterprises to draw one by one
    metric_label: str = ""  # e.g. the sector a location quotient is about
    # Units the filters on places (district, municipality, potential tier) keep; the others are
    # context on the map, drawn as outside the selection. None: every unit is inside.
    district_inside: pd.Series | None = None
    municipality_inside: pd.Series | None = None

    def inside(self, level: str) -> pd.Series:
        """Inside-the-selection flags of the units of ``level`` ('district' or another)."""
        values = self.district_values if level == "district" else self.municipality_values
        flags = self.district_inside if level == "district" else self.municipality_inside
        if flags is None:
            return pd.Series(True, index=values.index)
        return flags.reindex(values.index, fill_value=False).astype(bool)

"""Lines of the offline basemap, such as rivers (schema: line ``geometry`` in EPSG:4326,
optional ``name_lat``/``name_cyr``/``name_en``). Optional: without them the boundaries and
labels are the basemap, as before."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from dashboard.sources.boundaries import read_layer
from dashboard.sources.problems import Problem

LINE_TYPES = frozenset({"LineString", "MultiLineString"})


def load_lines(path: Path) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Every line feature of ``path``; any other geometry is reported and left out."""
    frame = read_layer(path)
    problems = [
        Problem(file=path.name, code="geometry_not_line", row=int(index) + 1, value=str(kind))
        for index, kind in frame.geom_type.items()
        if kind not in LINE_TYPES
    ]
    lines = frame[frame.geom_type.isin(LINE_TYPES)]
    return lines[[c for c in ("name_lat", "name_cyr", "name_en") if c in lines] + ["geometry"]], problems

"""Derived geometry: the hexagon grid of enterprise density and unit extents.

Hexagons are H3 cells (resolution 6: about 36 km², edges ~3.7 km -- fine enough
to show where creative firms cluster, coarse enough that a few hundred cells
cover a region). Cells on the edge are clipped to the districts, so the grid
never spills outside the area the map describes.
"""

from __future__ import annotations

import math

import geopandas as gpd
import h3
import numpy as np
import pandas as pd
import shapely

HEXAGON_RESOLUTION = 6


def hexagon_grid(region: shapely.Geometry, resolution: int = HEXAGON_RESOLUTION) -> gpd.GeoDataFrame:
    """Every H3 cell overlapping ``region`` (WGS84), clipped to it; index = cell id."""
    shape = h3.geo_to_h3shape(shapely.geometry.mapping(region))
    cells = sorted(h3.h3shape_to_cells_experimental(shape, resolution, contain="overlap"))
    hexagons = [shapely.Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(c)]) for c in cells]
    clipped = shapely.intersection(np.array(hexagons), region)
    frame = gpd.GeoDataFrame({"cell": cells}, geometry=clipped, crs="EPSG:4326").set_index("cell")
    frame = frame[shapely.area(frame.geometry.array) > 0]
    frame.geometry = shapely.set_precision(frame.geometry.array, 1e-5)
    return frame


def hexagon_of(lon: pd.Series, lat: pd.Series, resolution: int = HEXAGON_RESOLUTION) -> pd.Series:
    """The H3 cell of each point ('' where a coordinate is missing)."""
    cells = [
        h3.latlng_to_cell(y, x, resolution) if not (math.isnan(x) or math.isnan(y)) else ""
        for x, y in zip(lon.to_numpy(dtype=float), lat.to_numpy(dtype=float), strict=True)
    ]
    return pd.Series(cells, index=lon.index, dtype=object)


# The map width every server-made view is framed for; a narrower map in the browser shows the
# same extent (assets/map_fit.js, told by each figure's layout.meta, see view_meta).
FIT_WIDTH_PX = 720


def view_meta(width_px: float = FIT_WIDTH_PX) -> dict[str, float]:
    """A map figure's ``layout.meta``: the width its zoom was made for (assets/map_fit.js)."""
    return {"cimViewWidth": round(width_px, 1)}


def fit_view(
    bounds: tuple[float, float, float, float], width_px: int = FIT_WIDTH_PX
) -> tuple[dict[str, float], float]:
    """Centre and zoom that show ``bounds`` (minx, miny, maxx, maxy) in a map ``width_px`` wide."""
    minx, miny, maxx, maxy = bounds
    center = {"lon": (minx + maxx) / 2, "lat": (miny + maxy) / 2}
    span = max(maxx - minx, (maxy - miny) / math.cos(math.radians(center["lat"])) * 1.4, 1e-6)
    zoom = math.log2(360 * width_px / 512 / span)
    return center, round(min(zoom, 13.0), 2)

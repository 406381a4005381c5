"""The clusters map: municipal outlines, each cluster's outline filled in its dominant sector's
colour, a circle at its centre labelled with its number of firms, and the region's cultural
places when it has them.

The municipal outlines and the cultural places are drawn once (:func:`clusters_map`; the
outlines are the map's content-named geometry file); a change of settings patches only the
cluster traces (:func:`clusters_patch`): their outlines are derived data, a few KB. Offline
as every map here: circle markers only, text in the local glyphs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import plotly.graph_objects as go
import shapely
from dash import Patch

from dashboard.analysis.geometry import FIT_WIDTH_PX, view_meta
from dashboard.analysis.mapmodel import MapBase
from dashboard.figures.map import assign_into
from dashboard.figures.style import LABEL_FONT_BOLD, POINTS_TOP
from dashboard.figures.text import plotly_text

TRACE_AREAS = 0
TRACE_HULLS = 1
TRACE_PLACES = 2
TRACE_CENTRES = 3
MAP_HEIGHT = 600
ZOOM_IN = 0.25
CENTRE_COLOR = "#14324a"
PLACE_COLOR = "#7b3294"  # purple: apart from every sector colour
OUTLINE = "#7b8794"


def _stepped(colors: list[str]) -> list[list]:
    """A colour scale where the integer i in [0, n) gets colors[i] exactly."""
    n = max(len(colors), 1)
    scale: list[list] = []
    for i, color in enumerate(colors or ["#999999"]):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _centre_size(members: int) -> float:
    """Circle diameter in px: grows with the square root of the firms, 18 to 36 px, so a
    four-digit count still fits and the outline around it shows when zoomed in."""
    return round(min(18 + 0.6 * math.sqrt(max(members, 0)), 36), 1)


def cluster_updates(
    clusters: gpd.GeoDataFrame,
    sector_colors: Mapping[str, str],
    hover: list[str],
) -> dict[int, dict[str, Any]]:
    """The cluster traces' data for one result (``hover``: one hover text per cluster, worded
    by the page in its language, names from data escaped with ``plotly_text``)."""
    sectors = list(sector_colors)
    ids = [str(int(c)) for c in clusters["cluster"]] if len(clusters) else []
    features = [
        {
            "type": "Feature",
            "id": cluster_id,
            "properties": {},
            "geometry": shapely.geometry.mapping(shapely.set_precision(geometry, 1e-5)),
        }
        for cluster_id, geometry in zip(ids, clusters.geometry, strict=True)
    ]
    z = [sectors.index(s) if s in sectors else 0 for s in clusters.get("dominant_sector", [])]
    members = [int(m) for m in clusters.get("members", [])]
    customdata = [[text] for text in hover]  # worded by the page, data in it already escaped
    return {
        TRACE_HULLS: {
            "geojson": {"type": "FeatureCollection", "features": features},
            "locations": ids,
            "z": z,
            "customdata": customdata,
        },
        TRACE_CENTRES: {
            "lon": [round(float(v), 6) for v in clusters.get("lon", [])],
            "lat": [round(float(v), 6) for v in clusters.get("lat", [])],
            "text": [str(m) for m in members],
            "marker": {"size": [_centre_size(m) for m in members]},
            "customdata": customdata,
        },
    }


def clusters_map(
    base: MapBase,
    style: dict[str, Any],
    sector_colors: Mapping[str, str],
    updates: dict[int, dict[str, Any]],
    names: Mapping[str, str],
    places: gpd.GeoDataFrame | None = None,
    place_hover: list[str] | None = None,
) -> go.Figure:
    """The whole map, geometry included: sent once per page load."""
    sectors = list(sector_colors)
    hover = "%{customdata[0]}<extra></extra>"
    has_places = places is not None and len(places) > 0
    figure = go.Figure(
        [
            go.Choroplethmap(
                geojson=base.geojson("municipalities"),
                locations=base.municipality_codes,
                z=[0] * len(base.municipality_codes),
                colorscale=[[0, "#ffffff"], [1, "#ffffff"]],
                showscale=False,
                marker={"opacity": 0.55, "line": {"width": 0.9, "color": OUTLINE}},
                # Names in the hover, not as map text: MapLibre would drop a cluster's count
                # wherever a name overlaps it, and the counts are what this map is for.
                customdata=[[plotly_text(names.get(c, c))] for c in base.municipality_codes],
                hovertemplate=hover,
                name="municipalities",
                showlegend=False,  # the name is an id for code: no legend shows it
                visible=base.has_municipal_polygons,
            ),
            go.Choroplethmap(
                geojson={"type": "FeatureCollection", "features": []},
                locations=[],
                z=[],
                colorscale=_stepped([sector_colors[s] for s in sectors]),
                zmin=-0.5,
                zmax=max(len(sectors), 1) - 0.5,
                showscale=False,
                marker={"opacity": 0.45, "line": {"width": 1.6, "color": CENTRE_COLOR}},
                hovertemplate=hover,
                name="clusters",
                showlegend=False,
            ),
            go.Scattermap(
                lon=[float(v) for v in places["lon"]] if has_places else [],
                lat=[float(v) for v in places["lat"]] if has_places else [],
                mode="markers",
                marker={"size": 8, "color": PLACE_COLOR, "opacity": 0.9},
                customdata=[[t] for t in (place_hover or [])] if has_places else [],
                hovertemplate=hover,
                below=POINTS_TOP,
                name="places",
                showlegend=False,
                visible=has_places,
            ),
            go.Scattermap(
                lon=[],
                lat=[],
                mode="markers+text",
                marker={"color": CENTRE_COLOR, "opacity": 0.88},
                textfont={"family": LABEL_FONT_BOLD, "size": 12, "color": "#ffffff"},
                textposition="middle center",
                hovertemplate=hover,
                name="centres",
                showlegend=False,
                # White numbers on dark circles: assets/map_labels.js leaves layers whose id holds
                # "cluster" without its white halo (plotly names a trace's layers by its uid).
                uid="cluster-counts",
            ),
        ]
    )
    for index, properties in updates.items():
        figure.data[index].update(properties)
    figure.update_layout(
        # The base zoom frames the region in a FIT_WIDTH_PX wide map; this one is wider and taller.
        map={"style": style, "center": base.center, "zoom": round(base.zoom + ZOOM_IN, 2)},
        meta=view_meta(FIT_WIDTH_PX * 2**ZOOM_IN),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=MAP_HEIGHT,
        uirevision="clusters-map",  # the reader's zoom survives every change of settings
        dragmode="pan",
        showlegend=False,
        template="none",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return figure


def clusters_patch(updates: dict[int, dict[str, Any]]) -> Patch:
    """The cluster traces only: the municipal outlines and cultural places stay as drawn."""
    patch = Patch()
    for index, properties in updates.items():
        for key in ("geojson", "locations", "z", "lon", "lat", "text", "customdata"):
            if key in properties:
                patch["data"][index][key] = properties[key]
        if "marker" in properties:
            assign_into(patch["data"][index]["marker"], properties["marker"])
    return patch

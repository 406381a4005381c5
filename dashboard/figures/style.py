"""The MapLibre style of every map: offline unless a tile server is configured.

Plotly's built-in map styles load their style, fonts and icons from the
internet and leave the map blank without it. Ours is a plain background with
the boundaries as the basemap, and glyphs for text labels served by the app
itself from ``assets/glyphs`` (see assets/glyphs/README.md).
"""

from __future__ import annotations

from typing import Any

GLYPHS_URL = "/assets/glyphs/{fontstack}/{range}.pbf"
LABEL_FONT = "Open Sans Regular"
LABEL_FONT_BOLD = "Open Sans Bold"
BACKGROUND = "#eef1f4"
RIVER = "#3a86c8"
# Invisible layers fix the drawing order however often traces are hidden and shown again
# (a trace shown anew is otherwise added on top): plotly puts every choropleth just under
# the first layer after the top-most layer whose id starts with "water", i.e. under
# AREAS_TOP; points are told to go under POINTS_TOP and text labels on top of all (see
# figures/map.py). Lines of the basemap, such as rivers, belong between the two.
WATER_HOOK = "water-hook"
AREAS_TOP = "areas-top"
POINTS_TOP = "points-top"


def map_style(
    origin: str = "",
    tiles: str = "",
    tiles_attribution: str = "",
    attribution: str = "",
    rivers: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A MapLibre style (version 8) with local glyphs, the region's rivers when it has them,
    and an optional raster basemap.

    ``origin`` makes the glyph URL absolute where MapLibre needs it; the data
    attribution rides on an empty GeoJSON source so MapLibre's own attribution
    control shows it. Rivers (a GeoJSON FeatureCollection of lines, a few KB) are drawn
    over the choropleths, with a pale casing so they read on any fill, and under the points.
    """
    sources: dict[str, Any] = {
        "credits": {
            "type": "geojson",
            "data": {"type": "FeatureCollection", "features": []},
            "attribution": attribution,
        },
    }
    layers: list[dict[str, Any]] = [
        {"id": "background", "type": "background", "paint": {"background-color": BACKGROUND}},
    ]
    if tiles:
        sources["basemap"] = {
            "type": "raster",
            "tiles": [tiles],
            "tileSize": 256,
            "attribution": tiles_attribution,
        }
        layers.append(
            {"id": "basemap", "type": "raster", "source": "basemap", "paint": {"raster-opacity": 0.6}}
        )
    hidden = {"visibility": "none"}
    layers += [
        {"id": WATER_HOOK, "type": "background", "layout": hidden},
        {"id": AREAS_TOP, "type": "background", "layout": hidden},
    ]
    if rivers is not None:
        sources["rivers"] = {"type": "geojson", "data": rivers}
        width = ["interpolate", ["linear"], ["zoom"], 7, 1.2, 12, 3.0]
        layers += [
            {
                "id": "rivers-casing",
                "type": "line",
                "source": "rivers",
                "layout": {"line-join": "round", "line-cap": "round"},
                "paint": {
                    "line-color": "#ffffff",
                    "line-opacity": 0.75,
                    "line-gap-width": width,
                    "line-width": 1,
                },
            },
            {
                "id": "rivers",
                "type": "line",
                "source": "rivers",
                "layout": {"line-join": "round", "line-cap": "round"},
                "paint": {"line-color": RIVER, "line-width": width},
            },
        ]
    layers.append({"id": POINTS_TOP, "type": "background", "layout": hidden})
    return {
        "version": 8,
        "name": "creative-map-offline",
        # A changed colour, opacity or width shows at once: MapLibre's default 300 ms transition
        # drew a frame every ~40 ms for each change (5-12 frames for a level change, each
        # 40-60 ms of the main thread in software WebGL) to fade between two pictures.
        "transition": {"duration": 0, "delay": 0},
        "glyphs": origin + GLYPHS_URL,
        "sources": sources,
        "layers": layers,
    }

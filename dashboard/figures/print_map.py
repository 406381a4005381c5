"""The explore map made fit for paper: the same values, colours and labels as the screen map
(:func:`dashboard.figures.map.trace_updates`), drawn as vectors at a fixed size with no colour
bar (the printed key sits beside the map), text and points grown with the sheet, and what a
scale bar needs to be true.

Why not the screen map itself: MapLibre draws in WebGL and web workers, and headless Chromium,
rendering the exports under a virtual-time budget, takes the picture before it has drawn (often
a blank map). Plotly's SVG ``geo`` map is drawn at once, prints as vectors, and is sharp on a
poster.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from dashboard.analysis.geometry import FIT_WIDTH_PX
from dashboard.analysis.mapmodel import MapBase, MapView
from dashboard.figures.map import (
    COLORSCALE,
    OUTLINE_ONLY,
    TRACE_DISTRICT_LABELS,
    TRACE_DISTRICTS,
    TRACE_HEXAGONS,
    TRACE_MUNICIPALITIES,
    TRACE_MUNICIPALITY_LABELS,
    TRACE_POINTS,
    TRACE_SEATS,
    trace_updates,
)
from dashboard.i18n import format_number, translate

# Ground metres per CSS pixel at the equator at zoom 0 on MapLibre's 512-pixel tiles: the
# equator (2 pi x 6,378,137 m) over 512 px. (156,543.03392, often quoted, is for 256-px tiles,
# where zoom z is MapLibre's z + 1; fit_view in analysis/geometry.py uses 512 px too.)
EQUATOR_M_PER_PX = 2 * math.pi * 6378137 / 512
ROUND_STEPS = (1, 2, 5)  # a scale bar's length is 1, 2 or 5 times a power of ten
# A white halo around map labels, so they stay legible over any fill, point or river.
HALO = "1px 1px 2px #ffffff, -1px -1px 2px #ffffff, 1px -1px 2px #ffffff, -1px 1px 2px #ffffff"
# fit_view (analysis/geometry.py) frames a region for a map FIT_WIDTH_PX wide and 1.4 times less high.
FIT_HEIGHT_PX = FIT_WIDTH_PX / 1.4


@dataclass(frozen=True)
class ScaleBar:
    """A bar ``pixels`` long standing for ``metres`` on the ground at the map's centre."""

    metres: float
    pixels: float

    def label(self, language: str) -> str:
        """ "500 m" or "20 km" (Cyrillic "20 км"): the length in the unit a reader expects."""
        if self.metres >= 1000:
            return translate("map_print.km", language, value=format_number(self.metres / 1000, language))
        return translate("map_print.m", language, value=format_number(self.metres, language))


def metres_per_pixel(latitude: float, zoom: float) -> float:
    """Ground metres one CSS pixel covers at ``latitude`` and MapLibre ``zoom`` (web mercator
    stretches the map by 1 / cos(latitude), so a pixel covers less ground away from the equator)."""
    return EQUATOR_M_PER_PX * math.cos(math.radians(latitude)) / 2**zoom


def round_length(metres: float) -> float:
    """The largest 1, 2 or 5 times a power of ten that is at most ``metres`` (a bar a reader
    can measure with), never less than one metre."""
    if metres < 1:
        return 1.0
    power = 10 ** math.floor(math.log10(metres))
    return max(step * power for step in ROUND_STEPS if step * power <= metres)


def scale_bar(latitude: float, zoom: float, max_pixels: float) -> ScaleBar:
    """The longest round-length bar no longer than ``max_pixels`` at the map's centre."""
    per_pixel = metres_per_pixel(latitude, zoom)
    metres = round_length(per_pixel * max_pixels)
    return ScaleBar(metres=metres, pixels=metres / per_pixel)


def print_zoom(zoom: float, width_px: float, height_px: float) -> float:
    """The zoom that shows on a ``width_px`` x ``height_px`` map what ``zoom`` frames on the
    screen map (fit_view's frame): one zoom step doubles the pixels per degree."""
    ratio = min(width_px / FIT_WIDTH_PX, height_px / FIT_HEIGHT_PX)
    return round(zoom + math.log2(ratio), 3)


@dataclass(frozen=True)
class ColourKey:
    """The colour scale a printed key draws: its title, stops and value range."""

    title: str
    stops: tuple[tuple[float, str], ...]
    low: float
    high: float

    def gradient(self) -> str:
        """A CSS linear gradient of the stops, left to right."""
        parts = ", ".join(f"{color} {100 * position:.1f}%" for position, color in self.stops)
        return f"linear-gradient(to right, {parts})"


def colour_key(view: MapView, base: MapBase, language: str) -> ColourKey | None:
    """The colour scale of the area layer the map shows for ``view`` (districts, municipalities
    or hexagons), as the screen map's colour bar has it; None when areas are outlines only."""
    updates = trace_updates(view, base, language)
    for index in (TRACE_DISTRICTS, TRACE_MUNICIPALITIES, TRACE_HEXAGONS):
        update = updates[index]
        scale = [(float(position), str(color)) for position, color in update.get("colorscale", COLORSCALE)]
        if not update["visible"] or [list(stop) for stop in scale] == OUTLINE_ONLY:
            continue
        values = [float(z) for z in update.get("z") or ()]
        high = update.get("zmax", max(values, default=0.0))
        title = update.get("colorbar", {}).get("title", {}).get("text", "")
        return ColourKey(title=title, stops=tuple(scale), low=float(update.get("zmin", 0)), high=float(high))
    return None


def _mercator_y(latitude: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def _latitude(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def view_ranges(
    center: dict[str, float], zoom: float, width_px: float, height_px: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The longitudes and latitudes a web-mercator map ``width_px`` x ``height_px`` shows
    around ``center`` at MapLibre ``zoom`` (the world is 512 x 2^zoom px wide): the printed map
    shows exactly what the screen map at that view would, so the scale bar holds for both."""
    world = 512 * 2**zoom
    half_lon = width_px / 2 * 360 / world
    middle, half_y = _mercator_y(center["lat"]), height_px / 2 * 2 * math.pi / world
    lon = center["lon"]
    return (lon - half_lon, lon + half_lon), (_latitude(middle - half_y), _latitude(middle + half_y))


def _lines(geojson: dict[str, Any] | None) -> tuple[list, list]:
    """Every line of a GeoJSON collection as lon and lat lists broken by None (one trace)."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for feature in (geojson or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        parts = geometry.get("coordinates") or []
        if geometry.get("type") == "LineString":
            parts = [parts]
        elif geometry.get("type") != "MultiLineString":
            continue
        for part in parts:
            lons += [float(x) for x, _ in part] + [None]
            lats += [float(y) for _, y in part] + [None]
    return lons, lats


def _paint(style: dict[str, Any], layer: str, key: str, default: str) -> str:
    for item in style.get("layers", []):
        if item.get("id") == layer:
            value = item.get("paint", {}).get(key, default)
            return value if isinstance(value, str) else default
    return default


def _y(latitude: float) -> float:
    """Web-mercator y in the units of longitude (degrees), so one unit is as long on both axes."""
    return math.degrees(_mercator_y(latitude))


def _rings(geometry: dict[str, Any]) -> list:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    return []


def _colour(value: float, low: float, high: float, scale: list, opacity: float) -> str:
    share = 0.0 if high <= low else min(max((value - low) / (high - low), 0.0), 1.0)
    red, green, blue = unlabel_rgb(sample_colorscale(scale, [share])[0])
    return f"rgba({red:.0f},{green:.0f},{blue:.0f},{opacity:.2f})"


def _areas(
    geojson: dict[str, Any] | None, codes: list[str], update: dict[str, Any], line_width: float
) -> list[go.Scatter]:
    """One filled outline per unit, coloured as the screen map's choropleth colours it."""
    marker = update.get("marker", {})
    values = update.get("z") or [0.0] * len(codes)
    low = float(update.get("zmin", 0) or 0)
    high = float(update.get("zmax", max(values, default=1)) or 1)
    scale = [list(stop) for stop in update.get("colorscale", COLORSCALE)]
    outline_only = [list(stop) for stop in scale] == OUTLINE_ONLY  # outlines under other data
    opacities = marker.get("opacity", 0.8)
    lines = marker.get("line", {}).get("color", "#ffffff")
    features = {str(f.get("id")): f for f in (geojson or {}).get("features", [])}
    traces = []
    for i, code in enumerate(codes):
        feature = features.get(str(code))
        if feature is None:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in _rings(feature.get("geometry") or {}):
            xs += [float(x) for x, _ in ring] + [None]
            ys += [_y(float(y)) for _, y in ring] + [None]
        opacity = opacities[i] if isinstance(opacities, list) else opacities
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor="rgba(0,0,0,0)"
                if outline_only
                else _colour(float(values[i]), low, high, scale, float(opacity)),
                line={"width": line_width, "color": lines[i] if isinstance(lines, list) else lines},
                hoverinfo="skip",
            )
        )
    return traces


def _labels(points: pd.DataFrame, text: list[str], size: float, bold: bool) -> go.Scatter:
    return go.Scatter(
        x=points["lon"].to_list(),
        y=[_y(float(lat)) for lat in points["lat"]],
        text=text,
        mode="text",
        textfont={"size": size, "color": "#1b2a3a", "weight": "bold" if bold else "normal", "shadow": HALO},
        hoverinfo="skip",
    )


def print_map_figure(
    view: MapView,
    base: MapBase,
    language: str,
    style: dict[str, Any],
    sector_colors: dict[str, str],
    frame: tuple[dict[str, float], float, int, int],
    factor: float = 1.0,
) -> go.Figure:
    """What the explore map shows for ``view`` (the same values, colours, outlines and labels:
    :func:`dashboard.figures.map.trace_updates`), drawn as vectors in web-mercator coordinates
    for paper: sharp at any size and drawn at once, with no WebGL, tiles or map files to fetch.
    ``frame`` is (centre, MapLibre zoom, width px, height px); text and points are ``factor``
    times larger (a poster is read from further away)."""
    center, zoom, width, height = frame
    updates = trace_updates(view, base, language)
    traces: list[go.BaseTraceType] = []
    if updates[TRACE_MUNICIPALITIES]["visible"]:
        municipalities = updates[TRACE_MUNICIPALITIES]
        traces += _areas(base.municipality_geojson, base.municipality_codes, municipalities, 0.8 * factor)
    if updates[TRACE_DISTRICTS]["visible"]:
        traces += _areas(base.district_geojson, base.district_codes, updates[TRACE_DISTRICTS], 1.2 * factor)
    hexagons = updates[TRACE_HEXAGONS]
    if hexagons["visible"]:
        hexagons = hexagons | {"colorscale": COLORSCALE, "zmin": 0, "marker": {"opacity": 0.8}}
        traces += _areas(base.hexagon_geojson, base.hexagon_codes, hexagons, 0.3 * factor)
    river_lons, river_lats = _lines(style.get("sources", {}).get("rivers", {}).get("data"))
    if river_lons:
        river = {"color": _paint(style, "rivers", "line-color", "#3a86c8"), "width": 1.4 * factor}
        river_ys = [None if lat is None else _y(lat) for lat in river_lats]
        traces.append(go.Scatter(x=river_lons, y=river_ys, mode="lines", line=river, hoverinfo="skip"))
    seats = updates[TRACE_SEATS]
    if seats["visible"]:
        sizes = [size * factor for size in seats["marker"]["size"]]
        traces.append(
            go.Scatter(
                x=base.seats["lon"].to_list(),
                y=[_y(float(lat)) for lat in base.seats["lat"]],
                mode="markers",
                marker={"size": sizes, "color": "#2c7fb8", "opacity": 0.6},
                hoverinfo="skip",
            )
        )
    points = updates[TRACE_POINTS]
    if points["lon"]:
        palette = list(sector_colors.values())
        traces.append(
            go.Scatter(
                x=points["lon"],
                y=[_y(lat) for lat in points["lat"]],
                mode="markers",
                marker={
                    "size": 4.5 * factor,
                    "opacity": 0.9,
                    "color": [palette[i] for i in points["marker"]["color"]],
                    "line": {"width": 0},
                },
                hoverinfo="skip",
            )
        )
    traces.append(_labels(base.district_labels, updates[TRACE_DISTRICT_LABELS]["text"], 15 * factor, True))
    municipal_labels = updates[TRACE_MUNICIPALITY_LABELS]["text"]
    traces.append(_labels(base.municipality_labels, municipal_labels, 12 * factor, False))
    lon_range, lat_range = view_ranges(center, zoom, width, height)
    background = _paint(style, "background", "background-color", "#eef1f4")
    axis = {"visible": False, "fixedrange": True, "showgrid": False, "zeroline": False}
    figure = go.Figure(traces)
    figure.update_layout(
        width=width,
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
        paper_bgcolor=background,
        plot_bgcolor=background,
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
        xaxis=axis | {"range": list(lon_range)},
        yaxis=axis | {"range": [_y(lat_range[0]), _y(lat_range[1])]},
        template="none",
    )
    return figure


@dataclass(frozen=True)
class Paper:
    """A sheet's size and how much larger than A4 its type and map are drawn (``factor``)."""

    name: str
    width_mm: float
    height_mm: float

    @property
    def factor(self) -> float:
        return self.width_mm / PAPERS["a4"].width_mm

    @property
    def css_size(self) -> str:
        """The sheet's size for a CSS ``@page`` rule, landscape."""
        return f"{self.width_mm:g}mm {self.height_mm:g}mm"

    def px(self, a4_px: float) -> int:
        """A length designed for A4, in CSS pixels on this paper."""
        return round(a4_px * self.factor)


PAPERS = {
    "a4": Paper("a4", 297, 210),
    "poster": Paper("poster", 841, 594),  # A1 landscape
}
# The A4 design, CSS pixels (A4 landscape is 1123 x 794 px): the margin, the key column
# beside the map and the map itself, below a title block of at most ~110 px.
MARGIN_PX = 26
SIDE_PX = 280
GAP_PX = 18
MAP_PX = (1123 - 2 * MARGIN_PX - SIDE_PX - GAP_PX, 794 - 2 * MARGIN_PX - 118)
SCALE_MAX_PX = 160  # the longest the scale bar may be (A4 pixels)

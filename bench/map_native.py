"""The floors of a MapLibre-native map: the app's first map drawn by MapLibre GL JS itself.

Issue #11 asks, should plotly's map not reach the targets, for a MapLibre-native map measured
side by side and a decision by the numbers. The felt bench's floors (``bench/map_alone.py``)
show the app's first map alone, drawn by plotly, in Dash and without it; this module gives the
same map -- the same polygons and colours, the same enterprise points, the same labels and
offline base style, at the same size -- drawn by MapLibre GL JS with no plotly.js at all:

* :func:`native_spec` translates the plotly figure into what MapLibre needs: the base style,
  each shown area layer's colour and opacity per unit, the points in columns with a palette,
  the labels. ``bench/map_native.js`` fetches the polygons, builds the style and makes the map.
* :data:`PLAIN_ROUTE`, a plain HTML page, and :data:`DASH_PREFIX`, a Dash app (its layout a
  ``div`` and a ``dcc.Store``; a clientside callback makes the map), are served beside the
  plotly floors by the same process.

MapLibre GL JS comes from the npm registry into ``bench/.cache`` on first use (the version
plotly.js bundles) when a page first asks for it; the app itself never loads it from there.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import flask
from dash import Dash, Input, Output, dcc, html
from plotly.colors import hex_to_rgb, unlabel_rgb

from bench.npm_cache import Unavailable, installed
from dashboard.components import ids

MAPLIBRE = "maplibre-gl@6.9.0"  # the MapLibre plotly.js 4.1 bundles
MAPLIBRE_DIST = "node_modules/maplibre-gl/dist"
LIBRARY_ROUTE = "/_maplibre"
SCRIPT_ROUTE = "/_map-native.js"
PLAIN_ROUTE = "/_map-native"
DASH_PREFIX = "/_map-native-dash/"
SPEC_STORE = "native-spec"
SCRIPT = Path(__file__).with_name("map_native.js")


def _rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` or ``rgb(r, g, b)`` as three numbers 0-255 (plotly's own parsers)."""
    text = colour.strip()
    return hex_to_rgb(text) if text.startswith("#") else unlabel_rgb(text)


def scale_colour(colorscale: list[list[Any]], low: float, high: float, value: float) -> str:
    """The colour plotly gives ``value`` on ``colorscale`` spanning ``low``-``high``: linear in
    RGB between the stops around it (a repeated stop is a step)."""
    share = 0.0 if high <= low else min(1.0, max(0.0, (value - low) / (high - low)))
    for (left, left_colour), (right, right_colour) in itertools.pairwise(colorscale):
        if left <= share <= right:
            weight = 0.0 if right <= left else (share - left) / (right - left)
            mixed = (a + (b - a) * weight for a, b in zip(_rgb(left_colour), _rgb(right_colour), strict=True))
            return "#" + "".join(f"{round(channel):02x}" for channel in mixed)
    return colorscale[-1][1] if share >= 1 else colorscale[0][1]


def _per_location(value: Any, count: int) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value] * count


def _area(trace: dict[str, Any]) -> dict[str, Any]:
    locations = list(trace["locations"])
    count = len(locations)
    values = list(trace["z"])
    low, high = trace.get("zmin", min(values)), trace.get("zmax", max(values))
    marker = trace.get("marker", {})
    line = marker.get("line", {})
    return {
        "url": "/" + str(trace["geojson"]).lstrip("/"),
        "fill": {
            code: scale_colour(trace["colorscale"], low, high, value)
            for code, value in zip(locations, values, strict=True)
        },
        "opacity": dict(zip(locations, _per_location(marker.get("opacity", 1.0), count), strict=True)),
        "line": dict(zip(locations, _per_location(line.get("color", "#ffffff"), count), strict=True)),
        "lineWidth": line.get("width", 1.0),
    }


def _points(trace: dict[str, Any]) -> dict[str, Any]:
    marker = trace.get("marker", {})
    colours = marker.get("color", "#2c7fb8")
    count = len(trace["lon"])
    if isinstance(colours, list | tuple) and colours and not isinstance(colours[0], str):
        distinct = sorted(set(colours))
        palette = [scale_colour(marker["colorscale"], marker["cmin"], marker["cmax"], v) for v in distinct]
        index = {value: i for i, value in enumerate(distinct)}
        colour_index = [index[value] for value in colours]
    else:
        palette = [colours[0] if isinstance(colours, list | tuple) else colours]
        colour_index = [0] * count
    return {
        "lon": [round(v, 5) for v in trace["lon"]],
        "lat": [round(v, 5) for v in trace["lat"]],
        "colour": colour_index,
        "palette": palette,
        "radius": float(marker.get("size", 6)) / 2,
        "opacity": marker.get("opacity", 1.0),
    }


def _labels(trace: dict[str, Any]) -> dict[str, Any]:
    font = trace.get("textfont", {})
    return {
        "lon": list(trace["lon"]),
        "lat": list(trace["lat"]),
        "text": list(trace["text"]),
        "font": font.get("family", "Open Sans Regular"),
        "size": font.get("size", 12),
        "colour": font.get("color", "#000000"),
    }


def native_spec(figure: dict[str, Any]) -> dict[str, Any]:
    """What ``bench/map_native.js`` needs to draw the plotly ``figure``'s shown map with
    MapLibre alone: view, base style, areas, points and labels (hidden traces left out)."""
    layout_map = figure["layout"]["map"]
    spec: dict[str, Any] = {
        "center": [layout_map["center"]["lon"], layout_map["center"]["lat"]],
        "zoom": layout_map["zoom"],
        "style": layout_map["style"],
        "areas": [],
        "points": [],
        "labels": [],
    }
    for trace in figure["data"]:
        if trace.get("visible", True) is not True:
            continue
        if trace["type"] == "choroplethmap":
            spec["areas"].append(_area(trace))
        elif trace["type"] == "scattermap" and "text" in str(trace.get("mode", "")):
            if trace.get("text"):
                spec["labels"].append(_labels(trace))
        elif trace["type"] == "scattermap" and trace.get("lon"):  # none shown: nothing to draw
            spec["points"].append(_points(trace))
    return spec


def maplibre_folder() -> str:
    """MapLibre GL JS's ``dist`` folder (installed into the bench's cache now if missing)."""
    return str(installed("maplibre-gl", MAPLIBRE, f"{MAPLIBRE_DIST}/maplibre-gl.mjs").parent)


def _module_page_head() -> str:
    """The tags that load MapLibre (an ES module) and this floor's script on a page."""
    return (
        f'<link rel="stylesheet" href="{LIBRARY_ROUTE}/maplibre-gl.css">'
        f'<script type="module">import * as maplibregl from "{LIBRARY_ROUTE}/maplibre-gl.mjs";'
        "window.maplibregl = maplibregl; window.dispatchEvent(new Event('maplibre-ready'));</script>"
        f'<script src="{SCRIPT_ROUTE}"></script>'
    )


def plain_page(spec: dict[str, Any], width: int, height: int) -> str:
    """The HTML of a page holding the map alone, drawn by MapLibre without Dash or plotly (and
    a line of text under it: a page of a canvas alone paints no content for Lighthouse, as the
    plotly pages' colour bar does)."""
    spec_json = json.dumps(spec).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The map alone, MapLibre</title>
{_module_page_head()}
</head><body style="margin:0">
<div id="{ids.MAP}" style="width:{width}px;height:{height}px"></div>
<p style="margin:4px;font:12px sans-serif">MapLibre GL JS, no plotly.js</p>
<script>cimNativeMap(document.getElementById("{ids.MAP}"), {spec_json});</script>
</body></html>"""


class NativeDash(Dash):
    """A Dash app whose page loads MapLibre (its module and this floor's script) in its head."""

    def interpolate_index(self, **kwargs: str) -> str:
        kwargs["metas"] = kwargs.get("metas", "") + _module_page_head()
        return super().interpolate_index(**kwargs)


def serve_native(server: flask.Flask, spec: dict[str, Any], width: int, height: int) -> None:
    """Both MapLibre-native floors on ``server``: the plain page at :data:`PLAIN_ROUTE` and the
    Dash app under :data:`DASH_PREFIX`, with MapLibre's files and this floor's script."""
    page = plain_page(spec, width, height)
    script = SCRIPT.read_text(encoding="utf-8")

    @server.route(f"{LIBRARY_ROUTE}/<path:name>")
    def maplibre_file(name: str) -> flask.Response:
        try:
            folder = maplibre_folder()  # installed on the first request, not before it is needed
        except Unavailable as reason:
            return flask.Response(str(reason), status=503, mimetype="text/plain")
        return flask.send_from_directory(folder, name)

    @server.route(SCRIPT_ROUTE)
    def native_script() -> flask.Response:
        return flask.Response(script, mimetype="text/javascript")

    @server.route(PLAIN_ROUTE)
    def native_plain() -> flask.Response:
        return flask.Response(page, mimetype="text/html")

    app = NativeDash(
        __name__,
        server=server,
        url_base_pathname=DASH_PREFIX,
        use_pages=False,
        assets_ignore=".*",
        serve_locally=True,
        compress=True,
        title="The map alone in Dash, MapLibre",
        update_title=None,
    )
    size = {"width": f"{width}px", "height": f"{height}px"}
    app.layout = html.Div([html.Div(id=ids.MAP, style=size), dcc.Store(SPEC_STORE, data=spec)])
    app.clientside_callback(
        "function (spec, id) { cimNativeMap(document.getElementById(id), spec); return 'map'; }",
        Output(ids.MAP, "className"),
        Input(SPEC_STORE, "data"),
        Input(ids.MAP, "id"),
    )

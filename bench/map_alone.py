"""The floor of a cold first load: the app's own map alone on a page, without Dash.

The felt bench times a cold page of the app to its drawn map (target 1.5 s). How much of that
is the map itself -- plotly.js compiled, MapLibre made, the geometry tiled, one frame drawn in
this machine's software WebGL -- and how much the page around it (Dash's scripts, its layout
request, React, the other views)? This page answers the first part: the map page's first
figure (the same one ``/`` sends, built by the explore page's own layout), the same partial
plotly.js bundle, the same first-frame hold (``assets/map_whole_frame.js``), at the size the
map has on the app's page, and nothing else. No version of the app can draw its map sooner on
a cold page than this page does, short of a map that is not plotly's MapLibre map.

Served only by the benchmark's own server (``bench/serving.py``); the app never has this route.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any
from urllib.parse import parse_qs

import dash
import plotly.io
from dash import Dash, dcc
from dash.development.base_component import Component

from dashboard.components import ids

ROUTE = "/_map-alone"  # beside the page: the figure names its geometry files relatively
SIZE_LIMIT_PX = 4000  # a width or height asked for beyond this is clipped to it
DEFAULT_SIZE_PX = (1200, 600)


def _map_graph(node: Any) -> dcc.Graph | None:
    """The explore page's map graph in its layout tree."""
    if isinstance(node, dcc.Graph) and getattr(node, "id", None) == ids.MAP:
        return node
    children = getattr(node, "children", None) if isinstance(node, Component) else node
    if isinstance(children, list | tuple):
        return next((found for child in children if (found := _map_graph(child)) is not None), None)
    return _map_graph(children) if isinstance(children, Component) else None


def _size(query: dict[str, list[str]], name: str, default: int) -> int:
    try:
        return max(100, min(SIZE_LIMIT_PX, int(query.get(name, [default])[0])))
    except ValueError:
        return default


def map_alone_page(figure_json: str, config: dict[str, Any], width: int, height: int, prefix: str) -> str:
    """The HTML of a page holding the map alone, ``width`` × ``height`` CSS pixels."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The map alone</title>
<script src="{escape(prefix)}_static/plotly-partial.min.js"></script>
<script src="{escape(prefix)}assets/map_whole_frame.js"></script>
</head><body style="margin:0">
<div id="{ids.MAP}" style="width:{width}px;height:{height}px">
<div id="graph" style="width:100%;height:100%"></div></div>
<script>
var figure = {figure_json};
figure.layout.autosize = true;
delete figure.layout.height;
Plotly.newPlot("graph", figure.data, figure.layout, {plotly.io.json.to_json_plotly(config)});
</script>
</body></html>"""


def add_map_alone_page(app: Dash) -> None:
    """``ROUTE`` beside the app, ``?width=&height=`` in CSS pixels. The app has served a request
    by the time it is made (Flask then takes no new route), so the page is put in front of it
    as WSGI middleware, its figure built once, now, as the map page builds it for ``/``."""
    # The page as Dash registered it: importing its module again would register it twice.
    explore = next(page for page in dash.page_registry.values() if page["path"] == "/")
    with app.server.test_request_context("/?lang=en"):
        graph = _map_graph(explore["layout"](lang="en"))
    if graph is None:
        raise RuntimeError("no map in the explore page's layout")
    figure_json = plotly.io.to_json(graph.figure).replace("</", "<\\/")
    prefix = app.config.requests_pathname_prefix or "/"
    route = prefix.rstrip("/") + ROUTE
    served = app.server.wsgi_app

    def with_map_alone(environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != route:
            return served(environ, start_response)
        query = parse_qs(environ.get("QUERY_STRING", ""))
        width = _size(query, "width", DEFAULT_SIZE_PX[0])
        height = _size(query, "height", DEFAULT_SIZE_PX[1])
        body = map_alone_page(figure_json, graph.config, width, height, prefix).encode()
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
        start_response("200 OK", headers)
        return [body]

    app.server.wsgi_app = with_map_alone

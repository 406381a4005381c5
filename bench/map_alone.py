"""The floors of a cold first load: the app's own first map alone, without and with Dash.

The felt bench times a cold page of the app to its drawn map (target 1.5 s). How much of that
is the map itself -- plotly.js compiled, MapLibre made, the geometry tiled, one frame drawn in
this machine's software WebGL -- how much Dash, and how much the page's other views? This server
answers with two pages, both drawing the map page's first figure for ``/`` (built by the explore
page's own layout, from the same enterprises), with the same partial plotly.js bundle and the
same first-frame hold (``assets/map_whole_frame.js``), at the size the map has on the app's page:

* ``/`` -- a Dash app whose layout is that one ``dcc.Graph`` and nothing else (Dash's own
  scripts, its layout request, React, dcc.Graph; ``assets/plotly_early.js`` fetching plotly.js
  at once, as on the app's pages; not the app's other component libraries). No Dash page can
  draw this map sooner on a cold page.
* ``ROUTE`` -- a plain HTML page calling ``Plotly.newPlot`` with the figure. No page at all can
  draw it sooner with plotly's MapLibre map.

The same server also serves the MapLibre-native floors of ``bench/map_native.py`` (the same map
drawn by MapLibre GL JS without plotly.js, on a plain page and in Dash).

    python -m bench.map_alone --port 8065 --width 1200 --height 600 [--enterprises FILE.csv]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

import dash
import flask
import plotly.io
from dash import Dash, dcc, html
from dash.development.base_component import Component

from bench import map_native
from dashboard.components import ids
from dashboard.web.on_demand import UNUSED, without_libraries

ROUTE = "/_map-alone"  # beside the app's root: the figure names its geometry files relatively
SIZE_LIMIT_PX = 4000
# The only scripts of the app's assets the Dash page loads: how the app fetches plotly.js and
# how it holds a new map's first frame. (Every file in assets/ stays servable: the map's glyphs.)
ASSETS_KEPT = ("plotly_early.js", "map_whole_frame.js")
# Component libraries the app's pages use and a page of the map alone does not: Dash puts every
# library imported in the process on every page, and this process imports the app to build the
# figure.
APP_LIBRARIES = ("dash_bootstrap_components", "dash_ag_grid")


def map_alone_command(port: int, width: int, height: int, enterprises: Path | None = None) -> list[str]:
    """The command serving both pages of the map alone, ``width`` × ``height`` CSS pixels."""
    command = [sys.executable, "-m", "bench.map_alone", "--port", str(port)]
    command += ["--width", str(width), "--height", str(height)]
    return command + (["--enterprises", str(enterprises)] if enterprises else [])


def _map_graph(node: Any) -> dcc.Graph | None:
    """The explore page's map graph in its layout tree."""
    if isinstance(node, dcc.Graph) and getattr(node, "id", None) == ids.MAP:
        return node
    children = getattr(node, "children", None) if isinstance(node, Component) else node
    if isinstance(children, list | tuple):
        return next((found for child in children if (found := _map_graph(child)) is not None), None)
    return _map_graph(children) if isinstance(children, Component) else None


def first_map(enterprises: Path | None) -> dcc.Graph:
    """The map page's first map for ``/?lang=en``, as the app itself builds it."""
    from dashboard.app import create_app
    from dashboard.config import Settings

    app = create_app(Settings(enterprises_file=enterprises) if enterprises else Settings())
    # The page as Dash registered it: importing its module again would register it twice.
    explore = next(page for page in dash.page_registry.values() if page["path"] == "/")
    with app.server.test_request_context("/?lang=en"):
        graph = _map_graph(explore["layout"](lang="en"))
    if graph is None:
        raise RuntimeError("no map in the explore page's layout")
    return graph


def plain_page(graph: dcc.Graph, width: int, height: int) -> str:
    """The HTML of a page holding the map alone, drawn by ``Plotly.newPlot`` without Dash."""
    figure_json = plotly.io.to_json(graph.figure).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The map alone</title>
<script src="_static/plotly-partial.min.js"></script>
<script src="assets/map_whole_frame.js"></script>
</head><body style="margin:0">
<div id="{ids.MAP}" style="width:{width}px;height:{height}px">
<div id="graph" style="width:100%;height:100%"></div></div>
<script>
var figure = {figure_json};
figure.layout.autosize = true;
delete figure.layout.height;
Plotly.newPlot("graph", figure.data, figure.layout, {plotly.io.json.to_json_plotly(graph.config)});
</script>
</body></html>"""


class WithoutAppLibraries(Dash):
    """Dash, leaving :data:`APP_LIBRARIES`' scripts off its pages (only this app's pages: the
    component registry Dash reads them from is the whole process's), and those the app's pages
    leave off too (``dashboard/web/on_demand.py``)."""

    def interpolate_index(self, **kwargs: str) -> str:
        kwargs["scripts"] = without_libraries(kwargs["scripts"], [*APP_LIBRARIES, *UNUSED])
        return super().interpolate_index(**kwargs)


def map_alone_app(graph: dcc.Graph, width: int, height: int) -> Dash:
    """A Dash app showing ``graph`` alone at ``/`` and the plain page at ``ROUTE``."""
    from dashboard.app import ASSETS_FOLDER, serve_geometry, serve_static

    kept = "|".join(name.replace(".", r"\.") for name in ASSETS_KEPT)
    app = WithoutAppLibraries(
        __name__,
        use_pages=False,
        assets_folder=str(ASSETS_FOLDER),
        assets_ignore=rf"^(?!({kept})$).*",
        serve_locally=True,
        compress=True,
        title="The map alone",
        update_title=None,
    )
    app.layout = html.Div(
        dcc.Graph(
            id=ids.MAP, figure=graph.figure, config=graph.config, responsive=True, style={"height": "100%"}
        ),
        style={"width": f"{width}px", "height": f"{height}px"},
    )
    serve_geometry(app)
    serve_static(app)
    page = plain_page(graph, width, height)
    figure = json.loads(plotly.io.to_json(graph.figure))
    map_native.serve_native(app.server, map_native.native_spec(figure), width, height)

    @app.server.route(ROUTE)
    def plain() -> flask.Response:
        return flask.Response(page, mimetype="text/html")

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the app's first map alone (a benchmark's floor).")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--height", type=int, required=True)
    parser.add_argument("--enterprises", type=Path, help="enterprise CSV (default: the demo data)")
    arguments = parser.parse_args()
    width, height = (max(100, min(SIZE_LIMIT_PX, size)) for size in (arguments.width, arguments.height))
    app = map_alone_app(first_map(arguments.enterprises), width, height)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app.run(host="127.0.0.1", port=arguments.port, debug=False, threaded=True)


if __name__ == "__main__":
    main()

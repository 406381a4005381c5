"""What one step of a story shows in presenter mode: the explore page's map for its view, or
the potential ranking. Pure functions of the loaded data and the step; the page wires them.

The map is the explore page's own (:func:`~dashboard.figures.map.build_map_figure` on
:func:`~dashboard.analysis.views.explore_view`), sent once with its geometry and patched from step to
step; only the type is larger, for a projector. Where to look is given as a box in degrees
(:attr:`StepView.fit`), and ``assets/presenting.js`` fits the map to it at whatever size the
screen has, so 1920×1080 and 1280×720 frame the same area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import Patch

from dashboard.analysis.summaries import map_summary, ranking_summary
from dashboard.analysis.views import ExploreView, explore_view, sector_names, unit_names, units_in_scope
from dashboard.figures.map import (
    TRACE_DISTRICT_LABELS,
    TRACE_MUNICIPALITY_LABELS,
    TRACE_POINTS,
    build_map_figure,
    map_patch,
)
from dashboard.figures.potential import breakdown_chart
from dashboard.figures.text import plotly_texts
from dashboard.i18n import format_number, translate
from dashboard.outputs.profiles import potential_analysis
from dashboard.outputs.stories import Step
from dashboard.valorization.registry import DIMENSIONS
from dashboard.web.runtime import Runtime

# How much of the map the framed area fills: a single municipality is centred and fitted, with
# its neighbours in sight; the region keeps a margin so labels at its edge are not cut.
FILL = {"region": 0.86, "district": 0.8, "municipality": 0.62, "view": 1.0}
EXPLORE_MAP_PX = (900, 600)  # about the explore map's size, where an "at" view was recorded
# The legend (the colour bar) stands in a strip of its own at the right of the map, so it never
# covers a label; the map takes the rest and the framing fits the area into that part.
LEGEND_SHARE = 0.16
MAP_DOMAIN = {"x": [0.0, 1.0 - LEGEND_SHARE], "y": [0.0, 1.0]}
# On a narrow stage (a phone held upright) a strip at the side would leave the map a sliver: the
# legend lies under the map instead, across its width (assets/presenting.js picks the arrangement).
NARROW_STAGE_PX = 640
LEGEND_SHARE_BELOW = 0.2
COLORBAR_SIDE = {
    "orientation": "v",
    "x": 1.0 - LEGEND_SHARE + 0.015,
    "xanchor": "left",
    "y": 0.5,
    "yanchor": "middle",
    "len": 0.7,
    "lenmode": "fraction",  # the explore map's bar is a fixed number of pixels
    "thickness": 18,
}
COLORBAR_BELOW = {
    "orientation": "h",
    "x": 0.5,
    "xanchor": "center",
    "y": 0.0,
    "yanchor": "bottom",
    "len": 0.9,
    "lenmode": "fraction",
    "thickness": 12,
}
# Type sizes in pixels on a 1080-pixel-high screen, read from the back of a hall (at least 24 px);
# assets/presenting.js scales them to the screen the show is on (REFERENCE_HEIGHT).
REFERENCE_HEIGHT = 1080
LABEL_SIZES = {TRACE_DISTRICT_LABELS: 30, TRACE_MUNICIPALITY_LABELS: 24}
LEGEND_SIZE = 24
RANKING_SIZE = 24
POINT_SIZE = 9
PRESENT_FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": RANKING_SIZE}
COLORBAR_TRACES = range(4)  # areas, seats and hexagons: the traces that may show a colour bar


def map_font_sizes() -> list[tuple[list, int]]:
    """The map's type as (figure path, pixels at 1080p) pairs, for the browser to scale."""
    sizes: list[tuple[list, int]] = [(["data", t, "textfont", "size"], px) for t, px in LABEL_SIZES.items()]
    for trace in COLORBAR_TRACES:
        sizes += [
            (["data", trace, "colorbar", "tickfont", "size"], LEGEND_SIZE),
            (["data", trace, "colorbar", "title", "font", "size"], LEGEND_SIZE),
        ]
    return sizes


def ranking_font_sizes(figure: go.Figure) -> list[tuple[list, int]]:
    """The ranking's type as (figure path, pixels at 1080p) pairs (its last trace: the values)."""
    return [
        (["layout", "font", "size"], RANKING_SIZE),
        (["layout", "legend", "font", "size"], RANKING_SIZE),
        (["data", len(figure.data) - 1, "textfont", "size"], RANKING_SIZE),
    ]


@dataclass(frozen=True)
class StepView:
    show: str  # "map" | "ranking"
    explore: ExploreView | None
    fit: dict  # {"bounds": [minx, miny, maxx, maxy], "fill": 0..1}
    summary: str


def _box_around(lat: float, lon: float, zoom: float, size_px: tuple[int, int]) -> list[float]:
    """The lon/lat box a map of ``size_px`` shows at ``zoom`` around (lat, lon) (Web Mercator)."""
    world = 512 * 2**zoom
    half_w, half_h = size_px[0] / 2 / world * 360, size_px[1] / 2 / world * 360
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    south = math.degrees(2 * math.atan(math.exp(math.radians(y - half_h))) - math.pi / 2)
    north = math.degrees(2 * math.atan(math.exp(math.radians(y + half_h))) - math.pi / 2)
    return [lon - half_w, south, lon + half_w, north]


def step_fit(runtime: Runtime, step: Step) -> dict:
    """The area a step is about: its map view, else its municipalities, else its districts,
    else the whole region."""
    state = step.state
    base = runtime.map_base
    if state.view:
        lat, lon, zoom = state.view
        return _fit(_box_around(lat, lon, zoom, EXPLORE_MAP_PX), FILL["view"])
    filters = state.filters
    boxes, kind = [], "region"
    for codes, level in ((filters.municipalities, "municipality"), (filters.districts, "district")):
        boxes = [base.unit_bounds[c] for c in codes if c in base.unit_bounds]
        if boxes:
            kind = level
            break
    else:
        boxes = list(base.unit_bounds.values())
    if not boxes:
        return _fit(None, FILL["region"])
    minx, miny, maxx, maxy = zip(*boxes, strict=True)
    return _fit([min(minx), min(miny), max(maxx), max(maxy)], FILL[kind])


def _fit(bounds: list[float] | None, fill: float) -> dict:
    """Where to look, for assets/presenting.js: the box, how much of the map it fills, and the
    share of the stage's width the map has (the rest is the legend's); ``narrow``: below
    ``below`` pixels of stage width the legend goes under the map, with the map's share of the
    height and the figure's settings for that arrangement (``side`` restores the wide one)."""
    return {
        "bounds": bounds,
        "fill": fill,
        "width": MAP_DOMAIN["x"][1] - MAP_DOMAIN["x"][0],
        "narrow": {
            "below": NARROW_STAGE_PX,
            "height": 1.0 - LEGEND_SHARE_BELOW,
            "side": stage_arrangement(below=False),
            "under": stage_arrangement(below=True),
        },
    }


def stage_arrangement(below: bool) -> list[tuple[list, object]]:
    """The map figure's (path, value) settings for a legend beside (wide) or under the map."""
    domain = {"x": [0.0, 1.0], "y": [LEGEND_SHARE_BELOW, 1.0]} if below else MAP_DOMAIN
    colorbar = COLORBAR_BELOW if below else COLORBAR_SIDE
    settings: list[tuple[list, object]] = [(["layout", "map", "domain"], domain)]
    for trace in COLORBAR_TRACES:
        settings += [(["data", trace, "colorbar", key], value) for key, value in colorbar.items()]
    return settings


def _explore(runtime: Runtime, step: Step, language: str) -> ExploreView:
    state = step.state
    # Every option of the explore state the view function takes (e.g. whether enterprises
    # placed only approximately are drawn), so a step shows what the map page showed.
    options = {
        name: getattr(state, name)
        for name in ("approximate",)
        if name in explore_view.__kwdefaults__ and hasattr(state, name)
    }
    return explore_view(
        runtime,
        state.filters,
        state.level,
        state.metric,
        language,
        lq_sector=state.lq_sector or None,
        **options,
    )


def step_view(runtime: Runtime, step: Step, language: str) -> StepView:
    if step.show == "ranking":
        analysis = _analysis(runtime, step)
        return StepView(
            "ranking",
            None,
            step_fit(runtime, step),
            ranking_summary(
                analysis.index,
                analysis.robustness,
                unit_names(runtime.data.municipalities, language),
                language,
            ),
        )
    view = _explore(runtime, step, language)
    return StepView(
        "map",
        view,
        step_fit(runtime, step),
        map_summary(
            view.map, view.totals["enterprises"], language, units_in_scope(runtime, step.state.filters)
        ),
    )


def _analysis(runtime: Runtime, step: Step):
    filters = step.state.filters
    return potential_analysis(runtime, filters.sectors, filters.size_classes, filters.definition)


def present_map(runtime: Runtime, view: ExploreView, language: str) -> go.Figure:
    """The explore map with projector-sized type; it fills its box (no fixed height)."""
    figure = build_map_figure(
        view.map,
        runtime.map_base,
        language,
        runtime.style_in(language),
        sector_names(runtime.data.taxonomy, language),
        runtime.data.taxonomy.colors(),
    )
    for trace, size in LABEL_SIZES.items():
        figure.data[trace].textfont.size = size
    figure.data[TRACE_POINTS].marker.size = POINT_SIZE
    for trace in figure.data[: len(COLORBAR_TRACES)]:
        if "colorbar" in trace:
            trace.colorbar.update(
                **COLORBAR_SIDE,
                bgcolor="rgba(0,0,0,0)",
                title={"side": "top", "font": {"size": LEGEND_SIZE}},
                tickfont={"size": LEGEND_SIZE},
            )
    # The stage frames each step for the size it has (assets/presenting.js, fitMap): the view is
    # made for the map as shown, not for a reference width (assets/map_fit.js).
    figure.layout.meta = None
    figure.update_layout(
        height=None,
        autosize=True,
        uirevision="present",
        dragmode=False,
        hovermode="closest",
        map_domain=MAP_DOMAIN,
        paper_bgcolor="#ffffff",
    )
    return figure


def present_map_patch(runtime: Runtime, view: ExploreView, language: str) -> Patch:
    return map_patch(view.map, runtime.map_base, language)


def ranking_figure(runtime: Runtime, step: Step, language: str) -> go.Figure:
    """The potential index as the potential page draws it (stacked by dimension, best on top),
    each name with its rank and rank range, in type that reads from the back of the room."""
    analysis = _analysis(runtime, step)
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    labels = {}
    for code in index.score.index:
        best, worst = int(robustness.best[code]), int(robustness.worst[code])
        span = f"{best}–{worst}" if best != worst else str(best)
        labels[code] = f"{index.rank[code]}. {names.get(code, code)}  ({span})"
    figure = breakdown_chart(
        index.contributions,
        index.score,
        labels,
        {d.key: d.name(language) for d in DIMENSIONS},
        translate("present.ranking_axis", language),
        language,
    )
    order = index.score.sort_values(ascending=True).index
    figure.add_trace(
        go.Scatter(
            x=[float(index.score[c]) for c in order],
            y=plotly_texts(labels[c] for c in order),  # the bars' categories, escaped alike
            mode="text",
            text=[format_number(float(index.score[c]), language, 1) for c in order],
            textposition="middle right",
            textfont={"size": RANKING_SIZE},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    top = float(index.score.max()) if len(index.score) else 1.0
    figure.update_layout(
        height=None,
        autosize=True,
        font=PRESENT_FONT,
        legend={"font": {"size": RANKING_SIZE}},
        margin={"l": 10, "r": 30, "t": 50, "b": 60},
        xaxis={"range": [0, top * 1.12], "fixedrange": True},
        yaxis={"fixedrange": True},
        dragmode=False,
    )
    return figure

"""The regional map: district and municipality choropleths, labels and enterprise points.

Geometry is static: :class:`MapBase` prepares it once, :func:`build_map_figure`
puts it in the figure once, and every later change of filters, metric or level
is a small :func:`map_patch` of values and visibility -- the polygons never
travel again. Both go through :func:`trace_updates`, so the first drawing and
every update agree by construction.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.analysis.geometry import view_meta
from dashboard.analysis.mapmodel import METRIC_DECIMALS, MapBase, MapView
from dashboard.figures.style import LABEL_FONT, LABEL_FONT_BOLD, POINTS_TOP
from dashboard.figures.text import plotly_text, plotly_texts
from dashboard.i18n import format_number, translate

TRACE_DISTRICTS = 0
TRACE_MUNICIPALITIES = 1
TRACE_SEATS = 2
TRACE_HEXAGONS = 3
TRACE_DISTRICT_LABELS = 4
TRACE_MUNICIPALITY_LABELS = 5
# Every enterprise in ONE trace, coloured by sector: plotly rebuilds every layer of a map on any
# change, so one trace instead of one per sector makes each update several times cheaper, and
# the points are drawn interleaved (views.drawing_order), so no sector covers another.
TRACE_POINTS = 6
# The lighter two-thirds of ColorBrewer YlGnBu (sequential, colour-blind safe): dark enough to
# read differences, light enough that labels and sector points stay legible on top.
COLORSCALE = [
    [0.0, "#ffffd9"],
    [0.2, "#edf8b1"],
    [0.4, "#c7e9b4"],
    [0.6, "#7fcdbb"],
    [0.8, "#41b6c4"],
    [1.0, "#1d91c0"],
]
# ColorBrewer PuOr (diverging, colour-blind safe) for location quotients around 1.
LQ_COLORSCALE = [[0.0, "#5e3c99"], [0.25, "#b2abd2"], [0.5, "#f7f7f7"], [0.75, "#fdb863"], [1.0, "#e66101"]]
MAP_HEIGHT = 600
FILL_OPACITY = 0.72
# Units outside the selection are faded almost to the map's grey background (plotly fades the
# outline with the fill, so not fully transparent: the outline stays in sight), unlike any colour
# of either scale; they keep a darker outline and their name.
OUTSIDE_OPACITY = 0.25
OUTSIDE_LINE = "#8a96a3"
DISTRICT_LINE = "#ffffff"
MUNICIPALITY_LINE = "#7b8794"
OUTLINE_ONLY = [[0.0, "rgba(0,0,0,0)"], [1.0, "rgba(0,0,0,0)"]]  # municipalities as outlines under data
# What each enterprise point carries, in order: read by name (``point_field``), never by position.
POINT_FIELDS = ("name", "municipality_name", "employees", "row", "municipality")


def point_field(point: dict[str, Any], name: str) -> Any:
    """A field of a clicked or selected enterprise point (plotly event data), or None."""
    data = point.get("customdata")
    index = POINT_FIELDS.index(name)
    return data[index] if isinstance(data, list | tuple) and len(data) > index else None


def unit_hover(value: float, metric: str, label: str, language: str) -> str:
    """E.g. "2.98 enterprises per 1,000 inhabitants": a value always with its unit and name."""
    number = format_number(float(value), language, METRIC_DECIMALS[metric])
    return translate(f"map.hover.{metric}", language, value=number, label=label)


def _hover_values(
    values: pd.Series, names: pd.Series, inside: pd.Series, metric: str, label: str, language: str
) -> list[list[str]]:
    outside = translate("map.outside", language)
    return [
        [
            plotly_text(names.get(code, code)),
            unit_hover(v, metric, label, language) if inside.get(code, True) else outside,
        ]
        for code, v in values.items()
    ]


def _symbol_sizes(values: pd.Series) -> list[float]:
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    return [round(6 + 34 * math.sqrt(max(float(v), 0.0) / top), 1) for v in values]


def _scale(values: pd.Series, metric: str) -> dict[str, Any]:
    """Colour range: 0..max for counts and densities, symmetric around 1 for LQs -- of the units
    inside the selection only (``values`` here), so units filtered out do not stretch it."""
    if metric == "location_quotient":
        spread = max(float((values - 1).abs().max()), 0.25) if len(values) else 0.25
        return {"zmin": 1 - spread, "zmax": 1 + spread, "colorscale": LQ_COLORSCALE}
    top = float(values.max()) if len(values) else 0.0
    return {"zmin": 0, "zmax": max(top, 1e-9), "colorscale": COLORSCALE}


def _choropleth(
    values: pd.Series, names: pd.Series, inside: pd.Series, metric: str, label: str, language: str, line: str
) -> dict[str, Any]:
    """Values, colours and hover of a district or municipality choropleth; units outside the
    selection unfilled with a grey outline."""
    flags = inside.reindex(values.index, fill_value=False).astype(bool)
    scale = _scale(values[flags.to_numpy()], metric)
    return {
        # An outside unit's own value is not drawn: it sits at the scale's start, faded to grey.
        "z": [float(v) if f else scale["zmin"] for v, f in zip(values, flags, strict=True)],
        **scale,
        "customdata": _hover_values(values, names, flags, metric, label, language),
        "marker": {
            "opacity": [FILL_OPACITY if f else OUTSIDE_OPACITY for f in flags],
            "line": {"color": [line if f else OUTSIDE_LINE for f in flags]},
        },
    }


# About as many characters of the colour bar's 12 px title as fit over its 230 px bar: a longer
# title is centred over the bar and cut off at the map's left edge, so it takes two lines.
COLOURBAR_TITLE_CHARACTERS = 34


def legend_title(view: MapView, language: str) -> str:
    """The colour bar's title: the indicator, and for a location quotient the sectors it is of
    (on a line of their own when both together are wider than the bar)."""
    title = translate(f"metric.{view.metric}", language)
    if not view.metric_label:
        return title
    one_line = f"{title}: {view.metric_label}"
    if len(one_line) <= COLOURBAR_TITLE_CHARACTERS:
        return one_line
    sectors = textwrap.wrap(view.metric_label, COLOURBAR_TITLE_CHARACTERS, break_long_words=False)
    return "<br>".join([f"{title}:", *sectors])


def trace_updates(view: MapView, base: MapBase, language: str) -> dict[int, dict[str, Any]]:
    """The data-dependent properties of every trace, keyed by trace index."""
    level = view.level
    title = legend_title(view, language)
    polygons = base.has_municipal_polygons
    show_hexagons = level == "hexagon" or (level == "enterprises" and not view.points_shown)
    d_values = view.district_values.reindex(base.district_codes, fill_value=0)
    m_values = view.municipality_values.reindex(base.municipality_codes, fill_value=0)
    h_values = view.hexagon_values.reindex(base.hexagon_codes, fill_value=0)
    d_inside = view.inside("district").reindex(base.district_codes, fill_value=False)
    m_inside = view.inside("municipality").reindex(base.municipality_codes, fill_value=False)
    label = view.metric_label
    # Outside the two choropleth levels the municipalities stay as outlines under the data.
    municipal_fill = level == "municipality"
    municipalities = _choropleth(
        m_values, view.municipality_names, m_inside, view.metric, label, language, MUNICIPALITY_LINE
    )
    if not municipal_fill:
        municipalities |= {
            "colorscale": OUTLINE_ONLY,
            "marker": {"opacity": 1.0, "line": municipalities["marker"]["line"]},
        }
    updates: dict[int, dict[str, Any]] = {
        TRACE_DISTRICTS: {
            **_choropleth(
                d_values, view.district_names, d_inside, view.metric, label, language, DISTRICT_LINE
            ),
            "visible": level == "district" and base.district_geojson is not None,
            "colorbar": {"title": {"text": title}},
        },
        TRACE_MUNICIPALITIES: {
            **municipalities,
            "visible": polygons and level != "district",
            "hoverinfo": "all" if municipal_fill else "skip",
            "showscale": municipal_fill,
            "colorbar": {"title": {"text": title}},
        },
        TRACE_SEATS: {
            "marker": {
                "size": _symbol_sizes(m_values[m_inside.to_numpy()].reindex(m_values.index, fill_value=0))
            },
            "customdata": _hover_values(
                m_values, view.municipality_names, m_inside, view.metric, label, language
            ),
            "visible": level == "municipality" and not polygons,
        },
        TRACE_HEXAGONS: {
            "z": h_values.to_list(),
            "zmax": max(float(h_values.max()), 1e-9) if len(h_values) else 1e-9,
            "customdata": [[format_number(v, language)] for v in h_values],
            "visible": show_hexagons and base.hexagon_geojson is not None,
            "colorbar": {"title": {"text": translate(f"metric.{view.hexagon_metric}", language)}},
        },
        # Labels and points are never hidden with ``visible``, only emptied: plotly places a
        # hidden map trace's layers without regard to its ``below`` and never moves them,
        # so text could end up under the areas once shown again.
        TRACE_DISTRICT_LABELS: {
            "text": _label_text(base.district_labels, view.district_names, level == "district")
        },
        TRACE_MUNICIPALITY_LABELS: {
            "text": _label_text(base.municipality_labels, view.municipality_names, level != "district")
        },
        TRACE_POINTS: _points_update(view, language),
    }
    return updates


def _points_update(view: MapView, language: str) -> dict[str, Any]:
    """Enterprises belong to the municipal level (as context: they let the unit under them take
    the hover and the click) and the enterprise level (with their own tooltip, clustered when
    zoomed out); on the district and hexagon levels they would hide the areas being compared."""
    shown = view.points_shown and view.level in ("municipality", "enterprises")
    points = view.points if shown else view.points.iloc[0:0]
    return {
        "lon": points["lon"].astype(float).round(5).to_list(),
        "lat": points["lat"].astype(float).round(5).to_list(),
        "customdata": [
            list(p) for p in zip(*(_point_column(points, f, language) for f in POINT_FIELDS), strict=True)
        ],
        "marker": {"color": points["sector"].astype(int).to_list()},
        "hoverinfo": "all" if view.level == "enterprises" else "skip",
        "cluster": {"enabled": view.level == "enterprises"},
    }


def _point_column(points: pd.DataFrame, name: str, language: str) -> list:
    if name == "employees":
        return [format_number(v, language) for v in points["employees"]]
    if name == "row":
        return points["row"].astype(int).to_list()
    return plotly_texts(points[name])  # names are user text: shown as typed, never as markup


def _label_text(points: pd.DataFrame, names: pd.Series, shown: bool) -> list[str]:
    return [str(names.get(code, code)) for code in points.index] if shown else []


def sector_legend(view: MapView, sector_codes: list[str]) -> dict[str, int]:
    """Enterprises drawn per sector (taxonomy order), for the legend beside the map; empty when
    the map draws no single enterprises."""
    shown = view.points_shown and view.level in ("municipality", "enterprises")
    if not shown or view.points.empty:
        return {}
    counts = view.points["sector"].value_counts()
    return {code: int(counts.get(i, 0)) for i, code in enumerate(sector_codes)}


def build_map_figure(
    view: MapView,
    base: MapBase,
    language: str,
    style: dict[str, Any],
    sector_names: dict[str, str],
    sector_colors: dict[str, str],
) -> go.Figure:
    """The whole map, geometry included: sent to the browser once per page load."""
    value_hover = "<b>%{customdata[0]}</b>: %{customdata[1]}<extra></extra>"
    colorbar = {
        "orientation": "h",
        "thickness": 10,
        "lenmode": "pixels",  # a share of the width would cover the labels of a wide, low map
        "len": 230,
        "x": 0.01,
        "xanchor": "left",
        "y": 0.99,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.85)",
        "title": {"side": "top", "font": {"size": 12}},
        "tickfont": {"size": 11},
    }
    choropleth = {
        "marker": {"opacity": FILL_OPACITY, "line": {"width": 0.8, "color": DISTRICT_LINE}},
        "hovertemplate": value_hover,
        "colorbar": colorbar,
        "showlegend": False,
    }
    enterprises_label = translate("metric.enterprises", language)
    traces: list[go.BaseTraceType] = [
        go.Choroplethmap(
            geojson=base.geojson("districts"), locations=base.district_codes, name="districts", **choropleth
        ),
        go.Choroplethmap(
            geojson=base.geojson("municipalities"),
            locations=base.municipality_codes,
            name="municipalities",
            **choropleth,
        ),
        go.Scattermap(
            lon=base.seats["lon"].to_list(),
            lat=base.seats["lat"].to_list(),
            mode="markers",
            name="seats",
            below=POINTS_TOP,
            showlegend=False,
            hovertemplate=value_hover,
            marker={"color": "#2c7fb8", "opacity": 0.6},
        ),
        go.Choroplethmap(
            geojson=base.geojson("hexagons"),
            locations=base.hexagon_codes,
            name="hexagons",
            colorscale=COLORSCALE,
            zmin=0,
            marker={"opacity": 0.8, "line": {"width": 0.3, "color": "#ffffff"}},
            hovertemplate=f"{enterprises_label}: %{{customdata[0]}}<extra></extra>",
            colorbar=colorbar,
            showlegend=False,
        ),
        _labels(base.district_labels, LABEL_FONT_BOLD, 15, "districts"),
        _labels(base.municipality_labels, LABEL_FONT, 12, "municipalities"),
    ]
    municipality_label = translate("label.municipality", language)
    employees_label = translate("label.employees", language)
    sectors = list(sector_colors)
    field = {name: f"%{{customdata[{i}]}}" for i, name in enumerate(POINT_FIELDS)}
    traces.append(
        go.Scattermap(
            mode="markers",
            name="enterprises",
            below=POINTS_TOP,  # under the labels, over the areas
            showlegend=False,  # the HTML legend under the map carries the colours and counts
            marker={
                "size": 6,
                "opacity": 0.9,
                "colorscale": _discrete([sector_colors[s] for s in sectors]),
                "cmin": -0.5,
                "cmax": len(sectors) - 0.5,
            },
            hovertemplate=(
                f"<b>{field['name']}</b><br>{municipality_label}: {field['municipality_name']}"
                f"<br>{employees_label}: {field['employees']}<extra></extra>"
            ),
            cluster={
                "maxzoom": 12,
                "step": [25, 100],
                "size": [16, 22, 30],
                "color": "#2c7fb8",
                "opacity": 0.8,
            },
        )
    )
    figure = go.Figure(traces)
    for index, properties in trace_updates(view, base, language).items():
        figure.data[index].update(properties)
    figure.update_layout(
        map={"style": style, "center": base.center, "zoom": base.zoom},
        meta=view_meta(),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=MAP_HEIGHT,
        uirevision="keep-view",  # zoom and pan survive every filter change
        clickmode="event",
        dragmode="pan",
        template="none",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return figure


def _discrete(colors: list[str]) -> list[list]:
    """A stepped colour scale: integer i in [0, n) gets colors[i] exactly."""
    n = len(colors)
    scale: list[list] = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _labels(points: pd.DataFrame, font: str, size: int, name: str) -> go.Scattermap:
    return go.Scattermap(
        lon=points["lon"].to_list(),
        lat=points["lat"].to_list(),
        mode="text",
        name=name,
        showlegend=False,
        hoverinfo="skip",
        textfont={"family": font, "size": size, "color": "#1b2a3a"},
        below="",  # on top of every area and point
    )


def map_leaves(view: MapView, base: MapBase, language: str) -> dict[tuple, Any]:
    """Every data-dependent leaf ({(trace, key, ...): value}) of ``view``'s traces: what two
    views are compared by. A page may keep them per state (the view on screen was the last
    answer's new view), since building the points' hover texts is most of a map answer's cost."""
    return _leaves(trace_updates(view, base, language))


def changes_between(new: dict[tuple, Any], old: dict[tuple, Any]) -> dict[tuple, Any]:
    """The leaves of ``new`` that ``old`` lacks or holds with another value."""
    return {path: value for path, value in new.items() if path not in old or old[path] != value}


def map_changes(
    view: MapView, base: MapBase, language: str, previous: MapView | None = None
) -> dict[tuple, Any]:
    """Every data-dependent leaf of ``view`` that differs from ``previous`` (all of them
    without one)."""
    old = map_leaves(previous, base, language) if previous is not None else {}
    return changes_between(map_leaves(view, base, language), old)


def map_patch(
    view: MapView,
    base: MapBase,
    language: str,
    focus: tuple[dict[str, float], float] | None = None,
    previous: MapView | None = None,
    changes: dict[tuple, Any] | None = None,
) -> Patch:
    """Only what changed: values, colours, visibility and points -- never geometry.

    With ``previous`` (the view the browser shows now, in the same language), only the
    properties that differ from it are sent: a sector filter at the municipal level patches the
    municipal values and the points, not the hidden district layer or the labels. ``focus``
    (centre, zoom) moves the view, e.g. after a click drills into a unit. ``changes``: those
    changes when the caller has them already (see :func:`map_leaves`).
    """
    patch = Patch()
    found = map_changes(view, base, language, previous) if changes is None else changes
    for path, value in found.items():
        target = patch["data"]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    if focus is not None:
        patch["layout"]["map"]["center"] = focus[0]
        patch["layout"]["map"]["zoom"] = focus[1]
    return patch


# What the browser can redraw in place (assets/map_fast.js): a choropleth's values, colours,
# range, hover and whether it (and its colour bar) shows, the seats' sizes, the labels' texts,
# the enterprise points. plotly redraws every layer of the map on any change of its figure
# (re-tiling every polygon source), so a filter or level change made of these alone goes
# straight to the changed traces' own MapLibre layers instead, and a new view (a district or
# municipality framed) goes to the map's camera. Anything else -- clustering switched on or
# off -- is a figure patch.
_CHOROPLETH_LEAVES = frozenset(
    {
        ("z",),
        ("zmin",),
        ("zmax",),
        ("colorscale",),
        ("customdata",),
        ("marker", "opacity"),
        ("marker", "line", "color"),
        ("colorbar", "title", "text"),
        ("visible",),
        ("showscale",),
        ("hoverinfo",),
    }
)
_LABEL_LEAVES = frozenset({("text",)})
IN_PLACE_LEAVES: dict[int, frozenset[tuple]] = {
    TRACE_DISTRICTS: _CHOROPLETH_LEAVES,
    TRACE_MUNICIPALITIES: _CHOROPLETH_LEAVES,
    TRACE_HEXAGONS: _CHOROPLETH_LEAVES,
    TRACE_SEATS: frozenset({("marker", "size"), ("customdata",)}),
    TRACE_DISTRICT_LABELS: _LABEL_LEAVES,
    TRACE_MUNICIPALITY_LABELS: _LABEL_LEAVES,
    TRACE_POINTS: frozenset({("lon",), ("lat",), ("customdata",), ("marker", "color"), ("hoverinfo",)}),
}


def map_update_in_place(
    view: MapView,
    base: MapBase,
    language: str,
    focus: tuple[dict[str, float], float] | None,
    previous: MapView | None,
    changes: dict[tuple, Any] | None = None,
) -> dict[str, Any] | None:
    """The change from ``previous`` to ``view`` as {"traces": {index: [[path, value], ...]}}
    for assets/map_fast.js -- with "view": {"center", "zoom"} when ``focus`` moves the view --
    or None when it needs a figure patch (no previous view, nothing at all to change, or any
    property outside :data:`IN_PLACE_LEAVES`). ``changes``: as map_patch's."""
    if previous is None:
        return None
    if changes is None:
        changes = map_changes(view, base, language, previous)
    if not changes and focus is None:
        return None
    if any(path[1:] not in IN_PLACE_LEAVES.get(path[0], ()) for path in changes):
        return None
    traces: dict[str, list] = {}
    for path, value in changes.items():
        traces.setdefault(str(path[0]), []).append([list(path[1:]), value])
    update: dict[str, Any] = {"traces": traces}
    if focus is not None:
        update["view"] = {"center": focus[0], "zoom": focus[1]}
    return update


def _leaves(properties: dict[Any, Any], prefix: tuple = ()) -> dict[tuple, Any]:
    """Nested properties as {path: value}, so a Patch of ``{"marker": {"color": ...}}`` replaces
    the colour and leaves the rest of the marker."""
    leaves: dict[tuple, Any] = {}
    for key, value in properties.items():
        if isinstance(value, dict):
            leaves |= _leaves(value, (*prefix, key))
        else:
            leaves[(*prefix, key)] = value
    return leaves


def assign_into(target: Any, properties: dict[str, Any]) -> None:
    """Write nested ``properties`` into a Patch path leaf by leaf (the potential page's map)."""
    for path, value in _leaves(properties).items():
        leaf = target
        for key in path[:-1]:
            leaf = leaf[key]
        leaf[path[-1]] = value

"""The map is drawn once with its geometry; every update is a small patch without it."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.analysis.indicators import Filters
from dashboard.analysis.mapmodel import MapBase
from dashboard.analysis.views import explore_view
from dashboard.figures.charts import sector_bar_chart
from dashboard.figures.map import (
    IN_PLACE_LEAVES,
    TRACE_DISTRICTS,
    TRACE_MUNICIPALITIES,
    TRACE_POINTS,
    TRACE_SEATS,
    build_map_figure,
    map_patch,
    map_update_in_place,
)


@pytest.fixture(scope="module")
def figure_inputs(project_runtime):
    taxonomy = project_runtime.data.taxonomy
    names = {c: taxonomy.sector_name(c, "en") for c in taxonomy.sector_codes}
    return project_runtime, names, taxonomy.colors()


def test_full_figure_carries_geometry_values_and_an_offline_style(figure_inputs):
    runtime, names, colors = figure_inputs
    view = explore_view(runtime, Filters(), "municipality", "enterprises", "en")
    figure = build_map_figure(view.map, runtime.map_base, "en", runtime.style, names, colors)
    municipalities = figure.data[TRACE_MUNICIPALITIES]
    # The geometry is a file the browser caches (its name carries its content's hash), not data.
    name = municipalities.geojson.removeprefix("_geometry/")
    assert len(json.loads(runtime.map_base.geometry_files[name])["features"]) == 15
    assert figure.data[TRACE_DISTRICTS].geojson != municipalities.geojson
    assert municipalities.visible is True and figure.data[TRACE_DISTRICTS].visible is False
    assert sum(municipalities.z) == len(runtime.data.enterprises)
    assert len(figure.data[TRACE_POINTS].lon) == len(runtime.data.enterprises)
    style = figure.layout.map.style
    assert style["glyphs"].startswith("/assets/glyphs/")
    assert "http" not in json.dumps(style)  # no tile server, no remote fonts
    assert figure.layout.uirevision  # the view survives updates


def test_patch_updates_values_without_resending_geometry(figure_inputs):
    runtime, _, _ = figure_inputs
    view = explore_view(runtime, Filters(sectors=("crafts-design",)), "district", "employees", "en")
    patch = map_patch(view.map, runtime.map_base, "en")
    payload = json.dumps(patch.to_plotly_json(), cls=PlotlyJSONEncoder)
    assert "geojson" not in payload and "coordinates" not in payload
    operations = {
        tuple(op["location"]): op["params"].get("value") for op in patch.to_plotly_json()["operations"]
    }
    crafts = runtime.data.enterprises.query("sector == 'crafts-design'")
    assert sum(operations[("data", TRACE_DISTRICTS, "z")]) == crafts["employees"].sum()
    assert operations[("data", TRACE_DISTRICTS, "visible")] is True
    assert operations[("data", TRACE_MUNICIPALITIES, "visible")] is False
    assert len(payload) < 200_000


def test_without_municipal_polygons_the_map_falls_back_to_symbols_at_seats(project_runtime):
    data = project_runtime.data
    base = MapBase.build(data.municipalities, data.districts, None, None)
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises", "en")
    taxonomy = data.taxonomy
    figure = build_map_figure(
        view.map, base, "en", project_runtime.style, {c: c for c in taxonomy.sector_codes}, taxonomy.colors()
    )
    seats = figure.data[TRACE_SEATS]
    assert seats.visible is True and figure.data[TRACE_MUNICIPALITIES].visible is False
    assert list(seats.lon) == data.municipalities["seat_lon"].tolist()  # real seats, no invented shapes
    nis = data.municipalities.index.get_loc("nis")
    assert max(seats.marker.size) == seats.marker.size[nis]  # the largest count gets the largest symbol


def test_hover_numbers_follow_the_language(figure_inputs):
    runtime, names, colors = figure_inputs
    view = explore_view(runtime, Filters(), "district", "enterprises_per_1000", "sr-Latn")
    figure = build_map_figure(view.map, runtime.map_base, "sr-Latn", runtime.style, names, colors)
    shown = [row[1] for row in figure.data[TRACE_DISTRICTS].customdata]
    numbers = [value.split(" ")[0] for value in shown]
    assert all("," in n and "." not in n for n in numbers)  # 6,05 not 6.05
    # The value always comes with its unit and indicator: "6,05 preduzeća na 1.000 stanovnika".
    assert all(value.endswith(" preduzeća na 1.000 stanovnika") for value in shown)


def test_sector_chart_orders_bars_and_uses_sector_colours(figure_inputs):
    runtime, names, colors = figure_inputs
    view = explore_view(runtime, Filters(), "district", "enterprises", "en")
    chart = sector_bar_chart(view.sector_counts, names, colors, "en")
    bar = chart.data[0]
    assert list(bar.x) == sorted(bar.x)
    assert list(bar.customdata)[-1] == view.sector_counts.idxmax()
    assert bar.marker.color[-1] == colors[view.sector_counts.idxmax()]


def test_potential_metric_maps_the_index_and_its_population_weighted_district_mean(project_runtime):
    view = explore_view(project_runtime, Filters(), "district", "potential_index", "en")
    scores = project_runtime.potential["score"]
    municipalities = project_runtime.data.municipalities
    assert view.map.municipality_values.to_dict() == pytest.approx(
        scores.reindex(municipalities.index).to_dict()
    )
    toplica = municipalities[municipalities["district_code"] == "RS-21"]
    expected = (scores[toplica.index] * toplica["population"]).sum() / toplica["population"].sum()
    assert view.map.district_values["RS-21"] == pytest.approx(expected)


def test_a_filter_change_is_redrawn_in_place_and_anything_else_is_a_patch(figure_inputs):
    """A sector filter changes only values, colours, hover and points, and a level change only
    which traces show, their colour bars and the labels' texts (the browser redraws those traces
    in place), and a move of the view goes with them to the map's camera; clustering switched on
    or a first drawing is a patch."""
    runtime, _, _ = figure_inputs
    base = runtime.map_base
    everything = explore_view(runtime, Filters(), "municipality", "enterprises", "en").map
    crafts = explore_view(runtime, Filters(sectors=("crafts-design",)), "municipality", "enterprises", "en")
    update = map_update_in_place(crafts.map, base, "en", None, everything)
    assert update is not None
    changed = {
        (int(index), tuple(path)): value
        for index, leaves in update["traces"].items()
        for path, value in leaves
    }
    assert all(path in IN_PLACE_LEAVES[index] for index, path in changed)
    expected = runtime.data.enterprises.query("sector == 'crafts-design'")
    assert sum(changed[(TRACE_MUNICIPALITIES, ("z",))]) == len(expected)
    assert len(changed[(TRACE_POINTS, ("lon",))]) == len(expected)
    assert "geojson" not in json.dumps(update, cls=PlotlyJSONEncoder)
    # Nothing else: an in-place update leaves what did not change alone.
    assert (TRACE_MUNICIPALITIES, ("visible",)) not in changed
    districts = explore_view(runtime, Filters(), "district", "enterprises", "en").map
    level = map_update_in_place(districts, base, "en", None, everything)
    assert level is not None
    traces = level["traces"].items()
    switched = {(int(i), tuple(path)): value for i, leaves in traces for path, value in leaves}
    assert switched[(TRACE_DISTRICTS, ("visible",))] is True
    assert switched[(TRACE_MUNICIPALITIES, ("visible",))] is False
    firms = explore_view(runtime, Filters(), "enterprises", "enterprises", "en").map
    assert map_update_in_place(firms, base, "en", None, everything) is None  # clustering switched
    assert map_update_in_place(crafts.map, base, "en", None, None) is None  # nothing drawn yet
    focus = base.focus(["RS-22"])
    moved = map_update_in_place(crafts.map, base, "en", focus, everything)
    assert moved["view"] == {"center": focus[0], "zoom": focus[1]}
    assert moved["traces"] == update["traces"]  # the same values, only framed anew
    assert map_update_in_place(everything, base, "en", focus, everything)["view"]["zoom"] == focus[1]
    assert map_update_in_place(everything, base, "en", None, everything) is None  # nothing to do

"""The MapLibre-native floors of the felt bench (bench/map_native.py) must draw the map page's
own first map -- the same units in the same colours, every enterprise point in its sector's
colour, the same labels -- or they would be the floor of another map. Plotly's own colour
sampling is the oracle for the colours. No browser and no npm here: MapLibre GL JS is asked
for only by a page in a browser."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import plotly.io
import pytest
from plotly.colors import hex_to_rgb, sample_colorscale

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import map_native
from bench.map_alone import first_map, map_alone_app
from bench.map_native import DASH_PREFIX, LIBRARY_ROUTE, PLAIN_ROUTE, SPEC_STORE, native_spec, scale_colour
from bench.npm_cache import Unavailable
from dashboard.components import ids


def _hex(rgb: str) -> str:
    """plotly's ``rgb(r, g, b)`` as ``#rrggbb``."""
    channels = re.findall(r"[\d.]+", rgb)[:3]
    return "#" + "".join(f"{round(float(c)):02x}" for c in channels)


def _plotly_colour(colorscale: list, low: float, high: float, value: float) -> str:
    """plotly's colour for ``value`` on a smooth colour scale (plotly's Python sampling does not
    read a scale with repeated stops; those are checked against their steps by hand)."""
    as_rgb = [[stop, "rgb({}, {}, {})".format(*hex_to_rgb(colour))] for stop, colour in colorscale]
    share = min(1.0, max(0.0, (value - low) / (high - low)))
    return _hex(sample_colorscale(as_rgb, [share])[0])


def _plotly_scripts(page: str) -> list[str]:
    return [src for src in re.findall(r'<script src="([^"]+)"', page) if "plotly" in src]


@pytest.fixture(scope="module")
def figure() -> dict:
    return json.loads(plotly.io.to_json(first_map(None).figure))


SMOOTH = [[0.0, "#000000"], [0.5, "#ff0000"], [1.0, "#ffffff"]]
STEPS = [[0.0, "#CC6677"], [0.5, "#CC6677"], [0.5, "#88CCEE"], [1.0, "#88CCEE"]]


@pytest.mark.parametrize(
    ("colorscale", "value"),
    [(SMOOTH, 0.0), (SMOOTH, 2.5), (SMOOTH, 5.0), (SMOOTH, 7.5), (SMOOTH, 10.0)],
)
def test_a_value_gets_the_colour_plotly_gives_it(colorscale, value):
    assert scale_colour(colorscale, 0, 10, value) == _plotly_colour(colorscale, 0, 10, value).lower()


def test_a_scale_with_repeated_stops_is_a_step_per_band():
    assert scale_colour(STEPS, 0, 10, 2.0) == "#cc6677"
    assert scale_colour(STEPS, 0, 10, 7.0) == "#88ccee"


def test_values_outside_the_scale_take_its_ends():
    assert scale_colour(SMOOTH, 0, 10, -3) == "#000000"
    assert scale_colour(SMOOTH, 0, 10, 14) == "#ffffff"


def test_every_shown_unit_gets_plotlys_colour_and_hidden_levels_are_left_out(figure):
    shown = [t for t in figure["data"] if t["type"] == "choroplethmap" and t.get("visible", True) is True]
    spec = native_spec(figure)
    assert len(spec["areas"]) == len(shown) == 1
    trace, area = shown[0], spec["areas"][0]
    assert area["url"] == "/" + trace["geojson"]
    assert set(area["fill"]) == set(trace["locations"])
    for code, value in zip(trace["locations"], trace["z"], strict=True):
        assert area["fill"][code] == _plotly_colour(trace["colorscale"], trace["zmin"], trace["zmax"], value)
    assert area["opacity"] == dict(zip(trace["locations"], trace["marker"]["opacity"], strict=True))


def test_every_enterprise_point_is_drawn_in_its_sectors_colour(figure):
    trace = next(t for t in figure["data"] if t.get("name") == "enterprises")
    marker = trace["marker"]
    (points,) = native_spec(figure)["points"]
    assert len(points["lon"]) == len(points["lat"]) == len(trace["lon"]) > 0
    assert points["lon"][:50] == [round(v, 5) for v in trace["lon"][:50]]
    # The sector colours are bands of a stepped scale, one sector a band from cmin (-0.5).
    band = (marker["cmax"] - marker["cmin"]) / (len(marker["colorscale"]) // 2)
    for value, index in zip(marker["color"], points["colour"], strict=True):
        expected = marker["colorscale"][2 * int((value - marker["cmin"]) // band)][1]
        assert points["palette"][index].lower() == expected.lower()


def test_the_labels_are_the_shown_names(figure):
    names = next(t for t in figure["data"] if t.get("mode") == "text" and t.get("text"))
    (labels,) = native_spec(figure)["labels"]
    assert labels["text"] == names["text"] and labels["size"] == names["textfont"]["size"]


def test_both_native_pages_hold_the_spec_and_a_missing_maplibre_is_a_clear_503(figure, monkeypatch):
    client = map_alone_app(first_map(None), 900, 500).server.test_client()
    spec = native_spec(figure)
    plain = client.get(PLAIN_ROUTE).get_data(as_text=True)
    held = json.loads(re.search(r'getElementById\("[^"]+"\), (.*)\);</script>', plain).group(1))
    assert held == json.loads(json.dumps(spec))
    assert f'id="{ids.MAP}" style="width:900px;height:500px"' in plain
    assert 'src="/_map-native.js"' in plain and not _plotly_scripts(plain)
    dash_page = client.get(DASH_PREFIX).get_data(as_text=True)
    assert f"{LIBRARY_ROUTE}/maplibre-gl.mjs" in dash_page and not _plotly_scripts(dash_page)
    layout = client.get(f"{DASH_PREFIX}_dash-layout").get_json()
    store = next(c for c in layout["props"]["children"] if c["props"]["id"] == SPEC_STORE)
    assert store["props"]["data"] == held
    assert "window.cimNativeMap" in client.get("/_map-native.js").get_data(as_text=True)

    def unavailable(*_args):
        raise Unavailable("npm is not installed, so maplibre-gl cannot be installed")

    monkeypatch.setattr(map_native, "installed", unavailable)
    answer = client.get(f"{LIBRARY_ROUTE}/maplibre-gl.mjs")
    assert answer.status_code == 503 and "npm is not installed" in answer.get_data(as_text=True)


def test_every_floor_lighthouse_audits_is_a_page_of_the_floor_server():
    """bench_lighthouse audits the floors by their paths: each must be a page there, or the full
    run would print an error instead of the floor's score."""
    from bench.bench_lighthouse import FLOORS

    client = map_alone_app(first_map(None), 900, 500).server.test_client()
    for name, path in FLOORS.items():
        answer = client.get(path)
        assert answer.status_code == 200 and "<html" in answer.get_data(as_text=True).lower(), name

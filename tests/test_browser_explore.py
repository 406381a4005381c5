"""The linked views in a real browser: map clicks drill down, chart clicks and a timeline
brush filter, and map, charts, KPIs, table and URL always agree."""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
import selenium
import shapely
import waiting
from selenium.webdriver.common.action_chains import ActionChains

from dashboard.analysis.indicators import Filters
from dashboard.analysis.views import explore_view
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.figures.map import TRACE_DISTRICTS, TRACE_MUNICIPALITIES, TRACE_POINTS, trace_updates
from dashboard.outputs.exporting import column_header
from dashboard.web.state import ExploreState

wait_until = functools.partial(waiting.wait_until, timeout=15.0)

pytestmark = pytest.mark.browser

PLOT = "document.getElementById('{}').querySelector('.js-plotly-plot')"
MAP = PLOT.format(ids.MAP)


def query(dash_duo) -> dict[str, list[str]]:
    return parse_qs(urlparse(dash_duo.driver.current_url).query)


def text_of(dash_duo, selector: str) -> str:
    """An element's text read in one step: the back button re-renders the page, and an element
    found a moment earlier may be gone when its text is asked for."""
    return dash_duo.driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector
    )


def kpi(dash_duo, name: str) -> int:
    text = text_of(dash_duo, f".kpi-{name}").replace(",", "")
    return int(text) if text.isdigit() else -1


def offset(element, x: float, y: float) -> tuple[float, float]:
    """Selenium < 4.3 measures element offsets from the top-left corner, later ones from the centre."""
    if tuple(int(p) for p in selenium.__version__.split(".")[:2]) >= (4, 3):
        return x - element.size["width"] / 2, y - element.size["height"] / 2
    return x, y


def click_on_map(dash_duo, candidates: list[tuple[float, float]], expected: str | None = None) -> None:
    """Click the map at the first of ``candidates`` (lon, lat) where the pointer is over the
    area ``expected`` (an enterprise marker nearby would catch the click instead), using
    MapLibre's own projection to find the pixel. ``expected=None`` clicks the first one."""
    wait_until(
        lambda: dash_duo.driver.execute_script(f"return !{MAP}._fullLayout.map._subplot.map.isMoving()")
    )
    time.sleep(0.5)
    canvas = dash_duo.find_element(f"#{ids.MAP} canvas.maplibregl-canvas")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    for lon, lat in candidates:
        x, y = dash_duo.driver.execute_script(
            f"const p = {MAP}._fullLayout.map._subplot.map.project([arguments[0], arguments[1]]);"
            "return [p.x, p.y];",
            lon,
            lat,
        )
        for wait in (0.4, 0.8, 1.5):  # a busy machine is slow to report the hover
            chain = ActionChains(dash_duo.driver).move_to_element_with_offset(
                canvas, *offset(canvas, x + 1, y)
            )
            chain.move_to_element_with_offset(canvas, *offset(canvas, x, y)).pause(wait).perform()
            hovered = dash_duo.driver.execute_script(f"return ({MAP}._hoverdata || []).map(p => p.location)")
            if expected is None or expected in hovered:
                chain = ActionChains(dash_duo.driver).move_to_element_with_offset(
                    canvas, *offset(canvas, x, y)
                )
                chain.pause(0.3).click().perform()
                return
    raise AssertionError(f"no candidate spot hovered over {expected}")


def spots_inside(polygon, enterprises) -> list[tuple[float, float]]:
    """Points well inside ``polygon``, those farthest from any enterprise first: a click there
    lands on the area rather than on an enterprise's marker."""
    polygon = polygon.buffer(-0.02)
    minx, miny, maxx, maxy = polygon.bounds
    spots = []
    for i in range(1, 12):
        for j in range(1, 12):
            x, y = minx + (maxx - minx) * i / 12, miny + (maxy - miny) * j / 12
            if polygon.contains(shapely.Point(x, y)):
                distance = float(np.min(np.hypot(enterprises["lon"] - x, enterprises["lat"] - y)))
                spots.append((distance, (x, y)))
    return [spot for _, spot in sorted(spots, reverse=True)]


def map_points(dash_duo) -> int:
    return dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_POINTS}].lon.length")


def table_total(dash_duo) -> int:
    text = text_of(dash_duo, f"#{ids.TABLE_COUNT}")  # "1,234 enterprises"
    return int(text.split(" ", 1)[0].replace(",", ""))


@pytest.fixture
def explore(dash_duo):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=20)
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    return dash_duo


def test_click_district_then_municipality_then_sector_then_brush(explore, project_runtime):
    dash_duo = explore
    data = project_runtime.data
    assert kpi(dash_duo, "enterprises") == len(data.enterprises)

    # 1. Districts level, click Pirot District: filter to it and drill to its municipalities.
    dash_duo.find_element(f"#{ids.LEVEL} label[for$='_input_district']").click()
    wait_until(
        lambda: dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_DISTRICTS}].visible") is True
    )
    wait_until(lambda: "by district" in dash_duo.find_element(f"#{ids.MAP_SUMMARY}").text)  # update landed
    label = project_runtime.map_base.district_labels.loc["RS-22"]
    pirot_district = data.boundaries.districts.geometry["RS-22"]
    candidates = [(label["lon"], label["lat"]), *spots_inside(pirot_district, data.enterprises.iloc[0:1])]
    click_on_map(dash_duo, candidates[:8], expected="RS-22")
    in_pirot_district = int((data.enterprises["district"] == "RS-22").sum())
    wait_until(lambda: kpi(dash_duo, "enterprises") == in_pirot_district)
    wait_until(lambda: query(dash_duo).get("district") == ["RS-22"])
    assert dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_MUNICIPALITIES}].visible") is True
    assert map_points(dash_duo) == in_pirot_district
    assert table_total(dash_duo) == in_pirot_district
    assert "Pirot District" in dash_duo.find_element(f"#{ids.BREADCRUMB}").text

    # 2. Click the municipality of Pirot: its side panel opens with its own figures.
    pirot = data.boundaries.municipalities.geometry["pirot"]
    click_on_map(
        dash_duo, spots_inside(pirot, data.enterprises.query("district == 'RS-22'")), expected="pirot"
    )
    in_pirot = int((data.enterprises["municipality"] == "pirot").sum())
    wait_until(lambda: kpi(dash_duo, "enterprises") == in_pirot)
    wait_until(lambda: query(dash_duo).get("municipality") == ["pirot"])
    panel = dash_duo.find_element(f"#{ids.PROFILE}").text
    assert "Pirot" in panel and f"{in_pirot}" in panel

    # 3. Click the crafts bar of the sector chart.
    crafts = data.enterprises.query("municipality == 'pirot' and sector == 'crafts-design'")
    bars = dash_duo.driver.execute_script(f"return {PLOT.format(ids.SECTOR_CHART)}.data[0].customdata")
    bar = dash_duo.find_elements(f"#{ids.SECTOR_CHART} .bars .point")[bars.index("crafts-design")]
    ActionChains(dash_duo.driver).move_to_element(bar).pause(0.6).click().perform()
    wait_until(lambda: kpi(dash_duo, "enterprises") == len(crafts))
    wait_until(lambda: query(dash_duo).get("sector") == ["crafts-design"])
    assert dash_duo.find_element("input[value='crafts-design']").is_selected()
    assert map_points(dash_duo) == len(crafts)

    # 4. Brush the founding-year timeline over a period.
    plot_area = dash_duo.find_element(f"#{ids.TIMELINE} .nsewdrag")
    width = plot_area.size["width"]
    start = offset(plot_area, width * 0.2, plot_area.size["height"] / 2)
    ActionChains(dash_duo.driver).move_to_element_with_offset(
        plot_area, *start
    ).click_and_hold().move_by_offset(width * 0.45, 0).release().perform()
    wait_until(lambda: "years" in query(dash_duo))
    first, last = (int(y) for y in query(dash_duo)["years"][0].split("-"))
    expected = crafts[crafts["founding_year"].between(first, last)]
    wait_until(lambda: kpi(dash_duo, "enterprises") == len(expected))
    assert 0 < len(expected) < len(crafts)
    assert kpi(dash_duo, "employees") == int(expected["employees"].sum())
    assert table_total(dash_duo) == len(expected)
    chart = dash_duo.driver.execute_script(f"return {PLOT.format(ids.SECTOR_CHART)}.data[0]")
    assert sum(chart["x"]) == len(expected)

    # 5. The back button undoes the last step; "clear all" resets every view.
    dash_duo.driver.back()
    wait_until(lambda: "years" not in query(dash_duo))
    wait_until(lambda: kpi(dash_duo, "enterprises") == len(crafts))
    reset = dash_duo.find_element(f"#{ids.RESET}")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", reset
    )
    wait_until(lambda: kpi(dash_duo, "enterprises") == len(data.enterprises))
    assert table_total(dash_duo) == len(data.enterprises)


def test_shared_link_restores_the_view(dash_duo, project_runtime):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=sr-Latn&district=RS-21&level=hexagon&size=micro")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=20)
    data = project_runtime.data
    expected = data.enterprises.query("district == 'RS-21' and size_class == 'micro'")
    wait_until(
        lambda: dash_duo.find_element(".kpi-enterprises").text == f"{len(expected):,}".replace(",", ".")
    )
    assert dash_duo.find_element(f"#{ids.LEVEL} input[value='hexagon']").is_selected()
    assert "Toplički okrug" in dash_duo.find_element(f"#{ids.BREADCRUMB}").text


def test_export_downloads_every_filtered_enterprise(dash_duo, project_runtime, tmp_path):
    import pandas as pd

    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en&sector=arts")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=20)
    # The grid is drawn once the table scrolls into view, largest employers first.
    slot = dash_duo.find_element(f"#{ids.TABLE_SLOT}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slot)
    first_row = f"#{ids.TABLE} .ag-row[row-index='0'] [col-id='employees']"
    # Read in one step in the page: the grid redraws its rows as blocks arrive (no stale handles).
    read = f"const cell = document.querySelector({first_row!r}); return cell ? cell.textContent : ''"
    arts_top = project_runtime.data.enterprises.query("sector == 'arts'")["employees"].max()
    wait_until(lambda: dash_duo.driver.execute_script(read) == str(arts_top))
    button = dash_duo.find_element('button[id*=\'"format":"csv"\']')
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button
    )
    folder = Path(dash_duo.download_path)
    found = wait_until(lambda: [p for p in folder.glob("*.csv") if not p.name.endswith(".crdownload")])
    table = pd.read_csv(found[0], dtype=str, keep_default_na=False)
    arts = project_runtime.data.enterprises.query("sector == 'arts'")
    assert len(table) == len(arts) > 200  # all of them, not just the rows the table shows
    number = column_header("registration_number", "en")  # the reader's words (here English)
    assert set(table[number]) == set(arts["registration_number"])


METRIC = ExploreState().metric  # the page's default indicator

# Counts every GeoJSON hand-over to MapLibre per source, from now on.
COUNT_SET_DATA = f"""
const map = {MAP}._fullLayout.map._subplot.map;
window.setDataCalls = {{}};
for (const id of Object.keys(map.getStyle().sources)) {{
  const source = map.getSource(id);
  if (!source.setData) continue;
  const original = source.setData.bind(source);
  source.setData = (data) => {{
    window.setDataCalls[id] = (window.setDataCalls[id] || 0) + 1;
    return original(data);
  }};
}}
"""
# What MapLibre draws for a trace: the fill colour, opacity and outline of every unit, each the
# feature's state where it has one (a recolour in place), else its GeoJSON property.
FILLS = f"""
const gd = {MAP};
const map = gd._fullLayout.map._subplot.map;
const id = 'source-' + gd._fullData[arguments[0]].uid;
const source = map.getSource(id);
const features = source._data.geojson ? source._data.geojson.features : source._data.features;
return features.map(f => {{
  const state = map.getFeatureState({{source: id, id: f.id}}) || {{}};
  const drawn = (name) => (name in state ? state[name] : f.properties[name]);
  return [f.id, drawn('fc'), drawn('mo'), drawn('mlc')];
}});
"""
# Keyed for recolouring (assets/map_fast.js prepares the map once the browser is idle).
KEYED = f"""
const gd = {MAP};
const map = gd._fullLayout.map._subplot.map;
const source = map.getSource('source-' + gd._fullData[arguments[0]].uid);
return Boolean(map.cimKeyed && source && source.cimKeyed && map.loaded());
"""


def pictures_differ(first: np.ndarray, second: np.ndarray) -> float:
    """The share of pixels that differ visibly between two pictures of the map, at the best of
    the small shifts (up to three pixels) an element screenshot's rounding and scrolling add."""
    shift = 3
    height = min(first.shape[0], second.shape[0]) - 2 * shift
    width = min(first.shape[1], second.shape[1]) - 2 * shift
    core = first[shift : shift + height, shift : shift + width]
    return min(
        float(np.mean(np.abs(core - second[dy : dy + height, dx : dx + width]).max(axis=2) > 8))
        for dy in range(2 * shift + 1)
        for dx in range(2 * shift + 1)
    )


def map_picture(dash_duo) -> np.ndarray:
    """The map's pixels as the reader sees them, once MapLibre has drawn everything and the
    picture holds still (labels fade in over 300 ms, longer on a busy machine)."""
    from io import BytesIO

    from PIL import Image

    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    canvas = dash_duo.find_element(f"#{ids.MAP} canvas.maplibregl-canvas")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)

    def shot() -> np.ndarray:
        return np.asarray(Image.open(BytesIO(canvas.screenshot_as_png)).convert("RGB"), dtype=np.int16)

    picture = shot()
    deadline = time.time() + 10
    while time.time() < deadline:
        time.sleep(0.5)
        again = shot()
        if again.shape == picture.shape and not np.any(again != picture):
            return again
        picture = again
    return picture


def test_a_filter_change_redraws_only_its_traces_and_looks_as_a_full_redraw(explore, project_runtime):
    """A sector tick is redrawn in place (assets/map_fast.js): the municipal choropleth is
    recoloured through MapLibre feature state (no new GeoJSON for it), only the points' source
    gets new data, plotly's own state (hover, lasso, the next patch) holds the new values, and
    the map's pixels are those of a full plotly redraw of the same figure."""
    dash_duo = explore
    data = project_runtime.data
    crafts = data.enterprises.query("sector == 'crafts-design'")
    points_uid = dash_duo.driver.execute_script(f"return {MAP}._fullData[{TRACE_POINTS}].uid")
    wait_until(lambda: dash_duo.driver.execute_script(KEYED, TRACE_MUNICIPALITIES))
    dash_duo.driver.execute_script(COUNT_SET_DATA)
    before = dash_duo.driver.execute_script(FILLS, TRACE_MUNICIPALITIES)

    sectors = json.dumps(ids.filter_id("sectors"), sort_keys=True, separators=(",", ":"))
    label = dash_duo.find_element(f"[id='{sectors}'] input[value='crafts-design'] + label")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", label
    )
    wait_until(lambda: dash_duo.driver.execute_script(FILLS, TRACE_MUNICIPALITIES) != before)
    wait_until(lambda: map_points(dash_duo) == len(crafts))
    time.sleep(1.0)  # anything else that would reach the map has arrived by now
    calls = dash_duo.driver.execute_script("return window.setDataCalls")
    assert set(calls) == {f"source-{points_uid}-circle"}, calls

    # plotly's own state holds the new values: hover and clicks read these.
    view = explore_view(project_runtime, Filters(sectors=("crafts-design",)), "municipality", METRIC, "en")
    expected = trace_updates(view.map, project_runtime.map_base, "en")[TRACE_MUNICIPALITIES]["z"]
    state = dash_duo.driver.execute_script(
        f"const gd = {MAP}; const t = {TRACE_MUNICIPALITIES};"
        "return {calc: gd.calcdata[t].map(c => c.z), full: gd._fullData[t].z,"
        f" points: gd.calcdata[{TRACE_POINTS}].length, length: gd._fullData[{TRACE_POINTS}]._length}}"
    )
    assert state["calc"] == pytest.approx(expected) and state["full"] == pytest.approx(expected)
    assert state["points"] == state["length"] == len(crafts)

    # A full redraw of the same figure draws exactly the same colours and the same picture.
    in_place = dash_duo.driver.execute_script(FILLS, TRACE_MUNICIPALITIES)
    recoloured = map_picture(dash_duo)
    dash_duo.driver.execute_script(f"return Plotly.redraw({MAP})")
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    assert dash_duo.driver.execute_script(FILLS, TRACE_MUNICIPALITIES) == in_place
    redrawn = map_picture(dash_duo)
    differing = pictures_differ(recoloured, redrawn)
    assert differing < 0.002, f"{differing:.2%} of the map's pixels differ from a full redraw"

    # A level change is redrawn in place too, from what the map shows: the districts switched
    # on (plotly hands their polygons over), the municipalities hidden, not re-sent, and the
    # picture that of a full redraw.
    municipal_uid = dash_duo.driver.execute_script(f"return {MAP}._fullData[{TRACE_MUNICIPALITIES}].uid")
    dash_duo.driver.execute_script(COUNT_SET_DATA)
    district = dash_duo.find_element(f"#{ids.LEVEL} label[for$='_input_district']")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", district
    )
    wait_until(
        lambda: dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_DISTRICTS}].visible") is True
    )
    view = explore_view(project_runtime, Filters(sectors=("crafts-design",)), "district", METRIC, "en")
    expected = trace_updates(view.map, project_runtime.map_base, "en")[TRACE_DISTRICTS]["z"]
    district_z = dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_DISTRICTS}].z")
    assert district_z == pytest.approx(expected)
    switched = map_picture(dash_duo)
    calls = dash_duo.driver.execute_script("return window.setDataCalls")
    assert f"source-{municipal_uid}" not in calls, calls
    hidden = dash_duo.driver.execute_script(
        f"const gd = {MAP}; const m = gd._fullLayout.map._subplot.map;"
        f" const fill = gd._fullData[{TRACE_MUNICIPALITIES}]._glTrace.layerList[0][1];"
        " return m.getLayoutProperty(fill, 'visibility');"
    )
    assert hidden == "none"
    dash_duo.driver.execute_script(f"return Plotly.redraw({MAP})")
    differing = pictures_differ(switched, map_picture(dash_duo))
    assert differing < 0.002, f"{differing:.2%} of the map's pixels differ from a full redraw"


def _click_level(dash_duo, level: str) -> None:
    label = dash_duo.find_element(f"#{ids.LEVEL} label[for$='_input_{level}']")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", label
    )


LAYER_VISIBILITY = f"""
const gd = {MAP}; const m = gd._fullLayout.map._subplot.map;
return m.getLayoutProperty(gd._fullData[arguments[0]]._glTrace.layerList[0][1], 'visibility');
"""


HELD_FEATURES = f"""
const gd = {MAP}; const map = gd._fullLayout.map._subplot.map;
const source = map.getSource('source-' + gd._fullData[arguments[0]].uid);
const data = source._data.geojson || source._data;
return data.features ? data.features.length : 0;
"""


def test_a_level_hidden_through_a_full_redraw_comes_back_whole(explore):
    """A full redraw while a level is hidden hands its source no polygons (plotly's conversion
    of a hidden trace): switched back on, the level must get them again, not be shown empty (as
    it was by a tried in-place switch back that recoloured the source's placeholder)."""
    dash_duo = explore
    loaded = f"return {MAP}._fullLayout.map._subplot.map.loaded()"
    wait_until(lambda: dash_duo.driver.execute_script(KEYED, TRACE_MUNICIPALITIES))
    units = dash_duo.driver.execute_script(HELD_FEATURES, TRACE_MUNICIPALITIES)
    _click_level(dash_duo, "district")
    wait_until(lambda: dash_duo.driver.execute_script(LAYER_VISIBILITY, TRACE_MUNICIPALITIES) == "none")
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    dash_duo.driver.execute_script(f"return Plotly.redraw({MAP})")
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    _click_level(dash_duo, "municipality")
    wait_until(lambda: dash_duo.driver.execute_script(LAYER_VISIBILITY, TRACE_MUNICIPALITIES) == "visible")
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    time.sleep(1.0)
    assert dash_duo.driver.execute_script(HELD_FEATURES, TRACE_MUNICIPALITIES) == units > 0
    shown = map_picture(dash_duo)
    dash_duo.driver.execute_script(f"return Plotly.redraw({MAP})")
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    differing = pictures_differ(shown, map_picture(dash_duo))
    assert differing < 0.002, f"{differing:.2%} of the map's pixels differ from a full redraw"


def test_the_map_draws_every_layer_of_its_own_style(explore):
    """The style's own layers (the rivers, assets of the offline base map) are drawn under
    whatever the page does to MapLibre's drawing (assets/map_fast.js, map_whole_frame.js):
    tiles that arrive before MapLibre's painter has drawn once are left empty unless the
    painter already holds the style."""
    from dashboard.figures.style import RIVER

    picture = map_picture(explore)
    river = np.array([int(RIVER[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    river_pixels = int(np.sum(np.abs(picture - river).max(axis=2) <= 10))
    assert river_pixels > 50, f"only {river_pixels} pixels of the rivers' colour on the map"


# Counts the map canvas's frames (MapLibre clears its colour buffer once per frame), and how
# many were drawn when plotly announced the map made (its first plotly_afterplot).
COUNT_FRAMES = f"""
window.mapFrames = 0;
window.framesAtAfterplot = null;
for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {{
  const clear = context.prototype.clear;
  context.prototype.clear = function (mask) {{
    if (this.canvas.classList.contains('maplibregl-canvas') && (mask & this.COLOR_BUFFER_BIT)) {{
      window.mapFrames += 1;
    }}
    return clear.call(this, mask);
  }};
}}
(function hook() {{
  const gd = document.querySelector('#{ids.MAP} .js-plotly-plot');
  if (gd && gd.on) {{
    gd.on('plotly_afterplot', () => {{
      if (window.framesAtAfterplot === null) window.framesAtAfterplot = window.mapFrames;
    }});
  }} else {{
    requestAnimationFrame(hook);
  }}
}})();
"""


def test_a_new_map_is_drawn_once_whole_and_a_level_change_without_a_fade(explore):
    """A new map draws nothing while its style, sources and labels arrive, then the whole map
    in one frame (assets/map_whole_frame.js): each frame of a half-made map cost 50-130 ms of a
    software-WebGL page's first load. The whole map means every layer, the style's rivers too
    (tiles that arrive while the painter rests must still find their layers).

    A level switched then shows at once: no 300 ms fade of colours and outlines between the
    two pictures (the style's transition is zero, figures/style.py), which drew a frame every
    ~40 ms, each 40-60 ms of main thread in software WebGL."""
    dash_duo = explore
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_FRAMES})
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    wait_until(lambda: dash_duo.driver.execute_script("return window.framesAtAfterplot") is not None)
    assert dash_duo.driver.execute_script("return window.framesAtAfterplot") == 0
    wait_until(lambda: dash_duo.driver.execute_script("return window.mapFrames") >= 1)
    test_the_map_draws_every_layer_of_its_own_style(dash_duo)

    loaded = f"return {MAP}._fullLayout.map._subplot.map.loaded()"
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    time.sleep(1.0)  # the first picture's own frames are over
    dash_duo.driver.execute_script("window.mapFrames = 0")
    dash_duo.find_element(f"#{ids.LEVEL} label[for$='_input_district']").click()
    shown = f"return {MAP}.data[{TRACE_DISTRICTS}].visible"
    wait_until(lambda: dash_duo.driver.execute_script(shown) is True)
    wait_until(lambda: dash_duo.driver.execute_script(loaded))
    time.sleep(1.0)  # a fade would have drawn its frames by now
    assert 1 <= dash_duo.driver.execute_script("return window.mapFrames") <= 3


# When the map was first drawn (its first plotly_afterplot) and when each chart began to be
# drawn (plotly put its SVG in), by the id of the dcc.Graph.
FIRST_DRAWN = f"""
window.firstDrawn = {{}};
new MutationObserver(() => {{
  for (const svg of document.querySelectorAll('.dash-graph .main-svg')) {{
    const id = svg.closest('.dash-graph').id;
    if (id !== '{ids.MAP}' && !(id in window.firstDrawn)) window.firstDrawn[id] = performance.now();
  }}
}}).observe(document, {{childList: true, subtree: true}});
(function hook() {{
  const gd = document.querySelector('#{ids.MAP} .js-plotly-plot');
  if (gd && gd.on) {{
    gd.on('plotly_afterplot', () => {{
      if (!('{ids.MAP}' in window.firstDrawn)) window.firstDrawn['{ids.MAP}'] = performance.now();
    }});
  }} else {{
    requestAnimationFrame(hook);
  }}
}})();
"""


def test_the_charts_are_drawn_once_the_map_is(explore):
    """On a cold page the charts beside the map wait for the map's first picture
    (assets/plotly_early.js): plotly draws every graph on the one main thread, and the charts
    drawn first held the map back."""
    dash_duo = explore
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_DRAWN})
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    charts = [ids.SECTOR_CHART, ids.SIZE_CHART, ids.TIMELINE]
    drawn = wait_until(
        lambda: (lambda seen: seen if all(i in seen for i in [ids.MAP, *charts]) else None)(
            dash_duo.driver.execute_script("return window.firstDrawn")
        )
    )
    assert all(drawn[chart] > drawn[ids.MAP] for chart in charts), drawn


VIEW = f"""
const gd = {MAP};
const map = gd._fullLayout.map._subplot.map;
const center = map.getCenter();
return {{layout: [gd.layout.map.center.lon, gd.layout.map.center.lat, gd.layout.map.zoom],
        camera: [center.lng, center.lat, map.getZoom()]}};
"""


def test_a_district_chosen_is_framed_in_place_and_later_redraws_keep_the_frame(explore, project_runtime):
    """Choosing a district moves the map to it without a full redraw (assets/map_fast.js,
    moveView): the municipal polygons are not sent to MapLibre again, the figure's own layout
    holds the new view -- so a full plotly redraw and a later figure patch (the enterprise
    level, clustered) keep the frame instead of jumping back to the region -- and the address
    gets no "at=" (the view was not the reader's pan)."""
    dash_duo = explore
    (lon, lat), zoom = (lambda c: ((c[0]["lon"], c[0]["lat"]), c[1]))(
        project_runtime.map_base.focus(["RS-22"])
    )
    municipal_uid = dash_duo.driver.execute_script(f"return {MAP}._fullData[{TRACE_MUNICIPALITIES}].uid")
    dash_duo.driver.execute_script(COUNT_SET_DATA)

    districts = json.dumps(ids.filter_id("districts"), sort_keys=True, separators=(",", ":"))
    dropdown = dash_duo.find_element(f"[id='{districts}']")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", dropdown)
    dropdown.click()
    dash_duo.find_element("[role=listbox] [role=option]:has(input[value='RS-22'])").click()

    def framed() -> bool:
        view = dash_duo.driver.execute_script(VIEW)
        return view["layout"] == pytest.approx([lon, lat, zoom], abs=1e-6) and view[
            "camera"
        ] == pytest.approx([lon, lat, zoom], abs=1e-3)

    wait_until(framed)
    wait_until(lambda: query(dash_duo).get("district") == ["RS-22"])
    time.sleep(1.0)  # anything else that would reach the map has arrived by now
    assert "at" not in query(dash_duo)
    calls = dash_duo.driver.execute_script("return window.setDataCalls")
    assert f"source-{municipal_uid}" not in calls, calls

    dash_duo.driver.execute_script(f"return Plotly.redraw({MAP})")
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    assert framed()

    firms = dash_duo.find_element(f"#{ids.LEVEL} label[for$='_input_enterprises']")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", firms
    )
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_POINTS}].cluster.enabled"))
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    assert framed()


def test_a_resize_to_the_same_size_lays_nothing_out_again(explore):
    """dcc.Graph resizes every graph after its first drawing and whenever its box may have
    changed, and plotly lays the graph out anew even at the size it was drawn at (for the map a
    redraw, 100 ms after the first load's drawing). assets/plotly_early.js answers a resize to
    the same size at once; a real change of size still reaches plotly."""
    dash_duo = explore
    dash_duo.driver.execute_script(
        f"const gd = {MAP}; window.relayouts = 0; gd.on('plotly_relayout', () => window.relayouts++);"
    )
    dash_duo.driver.execute_script(f"return Plotly.Plots.resize({MAP})")
    time.sleep(0.5)  # plotly's own resize would lay out 100 ms later
    assert dash_duo.driver.execute_script("return window.relayouts") == 0

    width = dash_duo.driver.execute_script(f"return {MAP}._fullLayout.width")
    narrower = int(width) - 200
    dash_duo.driver.execute_script(
        f"const gd = {MAP}; gd.style.width = '{narrower}px'; Plotly.Plots.resize(gd);"
    )
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.width") == narrower)
    # plotly sets the new width before the map has redrawn, and emits plotly_relayout after it
    wait_until(lambda: dash_duo.driver.execute_script("return window.relayouts") >= 1)


def test_the_maps_texts_follow_it_back_to_the_unfiltered_state(explore):
    """The notice, the text summary and the legend follow the map to every state it draws, back
    to no filter at all too: they are passed on only once the map has drawn (map_first.js), and
    must never be left describing the last filter while the map shows everything."""
    dash_duo = explore
    summary = dash_duo.find_element(f"#{ids.MAP_SUMMARY}")
    legend = dash_duo.find_element(f"#{ids.MAP_LEGEND}")
    unfiltered = (summary.text, legend.text)
    sectors = json.dumps(ids.filter_id("sectors"), sort_keys=True, separators=(",", ":"))
    label = dash_duo.find_element(f"[id='{sectors}'] input[value='crafts-design'] + label")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", label
    )
    wait_until(lambda: (summary.text, legend.text) != unfiltered)
    dash_duo.driver.execute_script("arguments[0].click()", label)  # and back: no filter at all
    wait_until(lambda: query(dash_duo).get("sector") is None)
    wait_until(lambda: (summary.text, legend.text) == unfiltered, timeout=10)


WATCH_ORDER = f"""
window.order = {{requests: [], draws: 0, drawsWhenAsked: null}};
{MAP}.on('plotly_afterplot', () => {{ window.order.draws += 1; }});
const send = window.fetch;
window.fetch = function (address, options) {{
  if (String(address).includes('_dash-update-component')) {{
    let outputs = '';
    try {{ outputs = JSON.parse(options.body).output; }} catch (error) {{}}
    window.order.requests.push(outputs);
    if (!outputs.includes('{ids.MAP}.figure') && window.order.drawsWhenAsked === null) {{
      window.order.drawsWhenAsked = window.order.draws;  // the map's redraws before any other
    }}
  }}
  return send.apply(this, arguments);
}};
"""


def test_a_click_asks_the_map_alone_and_the_rest_once_the_map_has_drawn(explore, project_runtime):
    """The map first (assets/map_first.js): a click's only request is the map's; the page's
    state, the address, the key figures and the charts are asked for once the map has drawn,
    so none of their answers takes the browser's one main thread from the map's drawing --
    the map draws no more after the first of them has left, and they all follow it."""
    dash_duo = explore
    data = project_runtime.data
    dash_duo.driver.execute_script(WATCH_ORDER)
    sectors = json.dumps(ids.filter_id("sectors"), sort_keys=True, separators=(",", ":"))
    label = dash_duo.find_element(f"[id='{sectors}'] input[value='crafts-design'] + label")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", label
    )
    crafts = int((data.enterprises["sector"] == "crafts-design").sum())
    wait_until(lambda: kpi(dash_duo, "enterprises") == crafts)
    wait_until(lambda: query(dash_duo).get("sector") == ["crafts-design"])
    time.sleep(1.0)  # anything else the click brings has come by now
    order = dash_duo.driver.execute_script("return window.order")
    assert ids.MAP in order["requests"][0] and ids.QUERY not in order["requests"][0], order
    later = " ".join(order["requests"][1:])
    for view in (ids.QUERY, ids.SECTOR_CHART, ids.MAP_SUMMARY):
        assert view in later, order
    assert order["drawsWhenAsked"] >= 1 and order["draws"] == order["drawsWhenAsked"], order


def test_the_quotients_own_sector_choice_shows_only_while_no_sector_is_ticked(dash_duo):
    """With the location quotient shown, its own sector dropdown stands beside the map while
    no sector is ticked and steps aside while one is (the quotient is then of the ticked ones):
    it follows the sectors of the page's state, derived once the map shows them."""
    dash_duo.start_server(create_app(Settings(default_language="en")))
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en&metric=location_quotient")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=20)
    group = dash_duo.find_element(f"#{ids.LQ_SECTOR_GROUP}")
    assert group.is_displayed()
    sectors = json.dumps(ids.filter_id("sectors"), sort_keys=True, separators=(",", ":"))
    label = dash_duo.find_element(f"[id='{sectors}'] input[value='crafts-design'] + label")
    tick = "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()"
    dash_duo.driver.execute_script(tick, label)
    wait_until(lambda: not group.is_displayed())
    dash_duo.driver.execute_script(tick, label)
    wait_until(group.is_displayed)

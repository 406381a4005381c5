"""End to end in headless Chromium: the page loads offline, filters drive every view."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.figures.map import TRACE_MUNICIPALITIES, TRACE_POINTS

pytestmark = pytest.mark.browser

MAP_DATA = f"return document.getElementById('{ids.MAP}').querySelector('.js-plotly-plot').data"
CHART_DATA = f"return document.getElementById('{ids.SECTOR_CHART}').querySelector('.js-plotly-plot').data"


def kpi(dash_duo, name: str) -> str:
    return dash_duo.find_element(f".kpi-{name}").text


def map_points(dash_duo) -> int:
    return dash_duo.driver.execute_script(MAP_DATA + f"[{TRACE_POINTS}].lon.length")


def test_sector_filter_changes_kpis_map_and_chart_with_nothing_from_outside(dash_duo, project_data):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.wait_for_element(f"#{ids.MAP} .js-plotly-plot", timeout=20)
    dash_duo.wait_for_text_to_equal(".kpi-enterprises", "3,000", timeout=20)
    before = {name: kpi(dash_duo, name) for name in ("enterprises", "employees", "sectors")}
    assert before["sectors"] == "8"
    assert map_points(dash_duo) == 3000
    municipal_z_before = dash_duo.driver.execute_script(MAP_DATA + f"[{TRACE_MUNICIPALITIES}].z")

    # Tick "Crafts and design" in the sector filter (counted, like the page, under the
    # region's default definition of a creative enterprise: every demo row is in it).
    crafts = int((project_data.enterprises["sector"] == "crafts-design").sum())
    assert 0 < crafts < 3000
    dash_duo.find_element("input[value='crafts-design']").click()
    dash_duo.wait_for_text_to_equal(".kpi-enterprises", str(crafts), timeout=20)

    after = {name: kpi(dash_duo, name) for name in ("enterprises", "employees", "sectors")}
    assert after["enterprises"] == str(crafts) and after["sectors"] == "1"
    assert after["employees"] != before["employees"]
    assert map_points(dash_duo) == crafts
    municipal_z_after = dash_duo.driver.execute_script(MAP_DATA + f"[{TRACE_MUNICIPALITIES}].z")
    locations = dash_duo.driver.execute_script(MAP_DATA + f"[{TRACE_MUNICIPALITIES}].locations")
    population = project_data.municipalities["population"]
    # The default metric is enterprises per 1,000 inhabitants: back to counts, they add up.
    counts = [z * population[code] / 1000 for z, code in zip(municipal_z_after, locations, strict=True)]
    assert sum(counts) == pytest.approx(crafts) and municipal_z_after != municipal_z_before
    bars = dash_duo.driver.execute_script(CHART_DATA + "[0].x")
    assert sorted(bars)[-1] == crafts and sum(bars) == crafts

    # Everything the page loaded came from this server: no CDN, no tile server, no font service.
    origin = urlparse(dash_duo.server_url).netloc
    resources = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources, "the page loaded no resources at all?"
    assert {urlparse(url).netloc for url in resources} == {origin}
    assert any("/assets/glyphs/" in url for url in resources)  # map labels use local glyphs
    assert dash_duo.get_logs() == []  # no JavaScript errors


LAYER_BANDS = """
const gd = document.getElementById(arguments[0]).querySelector('.js-plotly-plot');
const band = {};
for (const t of gd._fullData) {
    band[t.uid] = t.type === 'choroplethmap' ? 'areas' : (t.mode === 'text' ? 'labels' : 'points');
}
const order = {areas: [], points: [], labels: []};
gd._fullLayout.map._subplot.map.getStyle().layers.forEach((layer, index) => {
    const uid = Object.keys(band).find(u => layer.id.startsWith('plotly-trace-layer-' + u + '-'));
    if (uid && (layer.layout || {}).visibility !== 'none') order[band[uid]].push(index);
});
return order;
"""


def test_labels_stay_over_points_and_points_over_areas_whatever_the_level(dash_duo):
    """A trace shown again is drawn on top unless placed; names must never vanish under
    hexagons or a cloud of enterprises."""
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(".kpi-enterprises", "3,000", timeout=20)
    map_ready = f"return {MAP_DATA[7:-5]}._fullLayout.map._subplot.map.loaded()"
    for level in ("municipality", "hexagon", "district", "enterprises", "municipality"):
        dash_duo.driver.execute_script(f"document.querySelector('input[value=\"{level}\"]').click()")
        dash_duo.wait_for_element(f"input[value='{level}']:checked", timeout=10)
        dash_duo.wait_for_text_to_equal(".kpi-enterprises", "3,000", timeout=20)
        deadline = time.time() + 20
        while not dash_duo.driver.execute_script(map_ready) and time.time() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # the figure patch lands after the KPIs
        order = dash_duo.driver.execute_script(LAYER_BANDS, ids.MAP)
        assert order["areas"] and order["labels"], (level, order)
        assert max(order["areas"]) < min(order["labels"]), (level, order)
        if order["points"]:
            assert max(order["areas"]) < min(order["points"]), (level, order)
            assert max(order["points"]) < min(order["labels"]), (level, order)
        # Every label carries a white halo (assets/map_labels.js), so it reads over dense points.
        halos = dash_duo.driver.execute_script(
            f"const m = {MAP_DATA[7:-5]}._fullLayout.map._subplot.map;"
            "return m.getStyle().layers.filter(l => l.type === 'symbol' && l.id.endsWith('-symbol'))"
            ".map(l => m.getPaintProperty(l.id, 'text-halo-width'));"
        )
        assert halos and all(width and width > 1 for width in halos), (level, halos)
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("path", ["//compare", "//present"])
def test_an_address_with_a_doubled_slash_still_follows_the_page(dash_duo, path):
    """Someone types (or a proxy passes on) ``//compare``: the page renders and writes its
    state into the address bar (the comparison its units, the presenter its story and step)
    as a query relative to the page -- not as a path the browser would read as another host
    and refuse with a SecurityError, leaving the address behind."""
    dash_duo.start_server(create_app(Settings(default_language="en")))
    dash_duo.driver.get(dash_duo.server_url.rstrip("/") + path + "?lang=sr-Latn")
    dash_duo.wait_for_element("main", timeout=20)
    deadline = time.time() + 15
    while time.time() < deadline and "lang=sr-Latn&" not in dash_duo.driver.current_url:
        time.sleep(0.2)
    url = urlparse(dash_duo.driver.current_url)
    assert url.query.startswith("lang=sr-Latn&"), url  # the page's state followed
    assert url.path == path, url
    errors = [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert not errors, errors

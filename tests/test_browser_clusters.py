"""The clusters page in a real browser: the map draws the cluster outlines and their counts,
a card per cluster, and a change of radius redraws all three and goes into the address."""

from __future__ import annotations

import functools
from urllib.parse import parse_qs, urlparse

import pytest
import waiting
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.components import beyond_ids as bid
from dashboard.config import Settings
from dashboard.figures.clusters import TRACE_CENTRES, TRACE_HULLS

wait_until = functools.partial(waiting.wait_until, timeout=20.0)

pytestmark = pytest.mark.browser

PORT = 8142
MAP = f"document.getElementById('{bid.CLUSTERS_MAP}').querySelector('.js-plotly-plot')"


def drawn_outlines(dash_duo) -> int:
    """Cluster outlines MapLibre has drawn on the canvas (not only what the figure holds)."""
    return dash_duo.driver.execute_script(
        f"""const plot = {MAP};
        const map = plot._fullLayout.map._subplot.map;
        const ids = map.getStyle().layers.map(l => l.id)
            .filter(id => id.includes(plot._fullData[{TRACE_HULLS}].uid) && id.endsWith('-fill'));
        return ids.length ? map.queryRenderedFeatures({{layers: ids}}).length : 0;"""
    )


def test_the_map_shows_cluster_outlines_and_a_card_per_cluster(dash_duo, project_runtime):
    dash_duo.start_server(create_app(Settings(default_language="en")), port=PORT)
    dash_duo.wait_for_page(
        f"http://127.0.0.1:{dash_duo.server.port}/clusters?lang=en&sector=crafts-design&radius=1500&min=5"
    )
    dash_duo.wait_for_element(f"#{bid.CLUSTERS_MAP} canvas.maplibregl-canvas", timeout=20)
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}._fullLayout.map._subplot.map.loaded()"))
    features = dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_HULLS}].geojson.features.length")
    counts = dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_CENTRES}].text")
    assert features >= 1 and len(counts) == features
    cards = dash_duo.find_elements(".cluster-card")
    assert len(cards) == min(features, 24)
    assert cards[0].text.startswith("Cluster 1") and counts[0] in cards[0].text
    assert wait_until(lambda: drawn_outlines(dash_duo)) > 0
    assert (
        "Left out because they are placed only at the municipal seat"
        in dash_duo.find_element(f"#{bid.CLUSTERS_SUMMARY}").text
    )

    # A smaller radius: fewer firms per cluster; map, cards, counts and address follow.
    radius = dash_duo.find_element(f"#{bid.CLUSTERS_RADIUS}")
    radius.send_keys(Keys.CONTROL, "a")
    radius.send_keys("300", Keys.ENTER)
    wait_until(lambda: "radius=300" in dash_duo.driver.current_url)
    wait_until(lambda: "radius 300 m" in dash_duo.find_element(f"#{bid.CLUSTERS_SUMMARY}").text)
    after = wait_until(
        lambda: (
            dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_CENTRES}].text") != counts
            and dash_duo.driver.execute_script(f"return {MAP}.data[{TRACE_CENTRES}].text")
        )
    )
    assert sum(map(int, after)) < sum(map(int, counts))
    query = parse_qs(urlparse(dash_duo.driver.current_url).query)
    assert query["sector"] == ["crafts-design"] and query["lang"] == ["en"]
    assert len(dash_duo.find_elements(".cluster-card")) == min(len(after), 24)
    assert not [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"], (
        dash_duo.get_logs()
    )

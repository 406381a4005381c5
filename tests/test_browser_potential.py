"""End to end in headless Chromium: moving a weight slider re-weights the potential index, and
the map and the ranking follow; the reset brings them back. Nothing comes from outside."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.figures.potential import TRACE_CHOROPLETH

pytestmark = pytest.mark.browser

MAP_Z = (
    f"return document.getElementById('{ids.POTENTIAL_MAP}').querySelector('.js-plotly-plot')"
    f".data[{TRACE_CHOROPLETH}].z"
)
MAP_GEOMETRY = (
    f"return document.getElementById('{ids.POTENTIAL_MAP}').querySelector('.js-plotly-plot')"
    f".data[{TRACE_CHOROPLETH}].geojson"
)
RANKING = "return Array.from(document.querySelectorAll('.ranking-table tbody tr')).map(r => r.dataset.code)"


def css_id(component_id: dict) -> str:
    """A CSS selector for a pattern-matching id (Dash writes it as JSON with sorted keys)."""
    return "[id='" + json.dumps(component_id, sort_keys=True, separators=(",", ":")) + "']"


def test_moving_a_weight_slider_changes_the_potential_map_and_the_ranking(dash_duo):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.driver.get(f"{dash_duo.server_url}/potential?lang=en")
    dash_duo.wait_for_element(f"#{ids.POTENTIAL_MAP} .js-plotly-plot", timeout=20)
    dash_duo.wait_for_element(".ranking-table tbody tr", timeout=20)
    script = dash_duo.driver.execute_script
    z_before, ranking_before, geometry = script(MAP_Z), script(RANKING), script(MAP_GEOMETRY)
    assert geometry.startswith("_geometry/municipalities-")  # a cached file, not data in the page
    assert len(z_before) == 15 and len(ranking_before) == 15
    share = css_id(ids.weight_share_id("specialisation"))
    assert dash_duo.find_element(share).text == "20%"

    # Push the specialisation weight to its maximum with the keyboard, as a user can.
    thumb = dash_duo.find_element(css_id(ids.weight_id("specialisation")) + " [role=slider]")
    thumb.send_keys(Keys.END)
    assert thumb.get_attribute("aria-valuenow") == "100"
    # 100 of 25 + 25 + 100 + 10 + 20 = 180: 56% of the index.
    dash_duo.wait_for_text_to_equal(share, "56%", timeout=20)
    until(lambda: script(MAP_Z) != z_before, timeout=20, msg="the potential map did not change")
    until(lambda: script(RANKING) != ranking_before, timeout=20, msg="the ranking did not change")
    assert sorted(script(RANKING)) == sorted(ranking_before)  # same municipalities, new order
    assert script(MAP_GEOMETRY) == geometry  # the geometry stayed; only the values were patched
    # The weights are in the address: this link is the view to share.
    until(lambda: "specialisation:100" in dash_duo.driver.current_url, timeout=10, msg="weights not in URL")
    shared, ranking_moved = dash_duo.driver.current_url, script(RANKING)

    # Reset to the default weights: back to the first map and ranking.
    reset = dash_duo.find_element(f"#{ids.WEIGHTS_RESET}")
    script("arguments[0].scrollIntoView({block: 'center'})", reset)
    reset.click()
    dash_duo.wait_for_text_to_equal(share, "20%", timeout=20)
    until(lambda: script(RANKING) == ranking_before, timeout=20, msg="reset did not restore the ranking")
    until(lambda: script(MAP_Z) == z_before, timeout=20, msg="reset did not restore the map")
    until(lambda: "w=" not in dash_duo.driver.current_url, timeout=10, msg="default weights left in the URL")

    # Everything the page loaded came from this server: no CDN, no tile server, no font service.
    origin = urlparse(dash_duo.server_url).netloc
    resources = script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources
    assert {urlparse(url).netloc for url in resources} == {origin}
    assert any("/assets/glyphs/" in url for url in resources)  # map labels use local glyphs
    assert dash_duo.get_logs() == []  # no JavaScript errors

    # Opening the shared link restores the moved weights, their shares and the ranking.
    dash_duo.driver.get(shared)
    dash_duo.wait_for_text_to_equal(share, "56%", timeout=20)
    until(lambda: script(RANKING) == ranking_moved, timeout=20, msg="the link did not restore the ranking")
    assert (
        dash_duo.find_element(css_id(ids.weight_id("specialisation")) + " [role=slider]").get_attribute(
            "aria-valuenow"
        )
        == "100"
    )


def test_the_methodology_page_renders_from_the_registry(dash_duo):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app)
    dash_duo.driver.get(f"{dash_duo.server_url}/methodology?lang=sr-Cyrl")
    dash_duo.wait_for_element("#indicator-location_quotient", timeout=20)
    assert dash_duo.find_element("#indicator-diversity h4").text == "Разноврсност сектора"
    assert dash_duo.find_element(".page-nav .active").text == "Методологија"
    assert dash_duo.get_logs() == []

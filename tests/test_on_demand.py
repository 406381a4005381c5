"""Component libraries a page loads only when a view needs them (dashboard/web/on_demand.py):
AG Grid's script is not among a page's first scripts, the page names its address, and the map
page's table adds it when it is drawn; Dash's DataTable script, which no page uses, is gone."""

from __future__ import annotations

import re
import time

import pytest
from served_pages import PAGE_PATHS
from waiting import wait_until

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.web.on_demand import split_scripts

GRID_META = re.compile(r'<meta name="cim-grid-script" content="([^"]+)">')


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


@pytest.mark.parametrize("path", sorted(PAGE_PATHS))
def test_no_page_loads_the_grid_or_the_datatable_with_its_first_scripts(app, path):
    client = app.server.test_client()
    page = client.get(f"{path}?lang=en").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts, "a page with no scripts"
    assert not [s for s in scripts if "/dash_ag_grid/" in s or "/dash_table/" in s]
    assert any("/dash-renderer/" in s for s in scripts)  # the rest stay
    found = GRID_META.search(page)
    assert found, "the page does not name the grid's script"
    grid = client.get(found.group(1))
    assert grid.status_code == 200 and b"dash_ag_grid" in grid.get_data()


def test_split_scripts_keeps_every_other_line_in_order():
    scripts = "\n".join(
        [
            '<script src="/_dash-component-suites/dash/deps/react@18.js"></script>',
            '<script src="/_dash-component-suites/dash_ag_grid/dash_ag_grid.v1.min.js"></script>',
            '<script src="/_dash-component-suites/dash/dash_table/bundle.v7.js"></script>',
            '<script id="_dash-renderer" type="application/javascript">var renderer = 1;</script>',
        ]
    )
    kept, metas = split_scripts(scripts)
    assert kept.split("\n") == [scripts.split("\n")[0], scripts.split("\n")[3]]
    assert metas == (
        '<meta name="cim-grid-script" content="/_dash-component-suites/dash_ag_grid/dash_ag_grid.v1.min.js">'
    )


GRID_LOADED = "return typeof window.dash_ag_grid !== 'undefined'"
GRID_REQUESTS = (
    "return performance.getEntriesByType('resource').filter(e => e.name.includes('/dash_ag_grid/')).length"
)


@pytest.mark.browser
def test_the_table_brings_the_grid_and_other_pages_never_load_it(dash_duo):
    dash_duo.start_server(create_app(Settings(default_language="en")))
    driver = dash_duo.driver
    driver.get(f"{dash_duo.server_url}/potential?lang=en")
    dash_duo.wait_for_element(f"#{ids.POTENTIAL_MAP} .js-plotly-plot", timeout=30)
    time.sleep(1)
    assert not driver.execute_script(GRID_LOADED)
    assert driver.execute_script(GRID_REQUESTS) == 0

    driver.get(f"{dash_duo.server_url}/?lang=en")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=30)
    slot = dash_duo.find_element(f"#{ids.TABLE_SLOT}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slot)
    wait_until(lambda: driver.execute_script(GRID_LOADED))
    rows = f"#{ids.TABLE} .ag-row"
    wait_until(lambda: dash_duo.find_elements(rows))
    assert not [e for e in dash_duo.get_logs() or [] if e.get("level") == "SEVERE"], dash_duo.get_logs()

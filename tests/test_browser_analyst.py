"""The analyst's tools in a real browser: the whole table at 100,000 enterprises, search as
one types with the map and key figures following, employees as a number, exports in the
reader's language and the founding years played as an animation."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from waiting import wait_until

from bench.common import scaled_enterprises
from dashboard.analysis.indicators import Filters, fold_text
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.components.filters import dom_id
from dashboard.config import Settings
from dashboard.figures.map import TRACE_POINTS
from dashboard.i18n import translate
from dashboard.outputs.exporting import column_header
from dashboard.web.runtime import current

pytestmark = pytest.mark.browser

GRID = f"dash_ag_grid.getApi('{ids.TABLE}')"
MAP = f"document.getElementById('{ids.MAP}').querySelector('.js-plotly-plot')"


def query(dash_duo) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(dash_duo.driver.current_url).query).items()}


def number(dash_duo, selector: str) -> int:
    text = dash_duo.driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector
    )
    digits = text.split(" ", 1)[0].replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else -1


def reveal_table(dash_duo) -> None:
    slot = dash_duo.find_element(f"#{ids.TABLE_SLOT}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slot)
    wait_until(
        lambda: dash_duo.driver.execute_script(
            f"try {{ const r = {GRID}.getDisplayedRowAtIndex(0); return r && r.data; }}"
            " catch (e) { return null; }"
        )
    )


def grid_row(dash_duo, index: int) -> dict | None:
    return dash_duo.driver.execute_script(
        f"const r = {GRID}.getDisplayedRowAtIndex(arguments[0]); return r && r.data ? r.data : null;", index
    )


def press(dash_duo, button) -> None:
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button
    )


def type_into(dash_duo, control_id, text: str) -> None:
    box = dash_duo.find_element(f"[id='{dom_id(control_id)}']")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", box
    )
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    for character in text:  # as a person types: the search waits until they pause
        box.send_keys(character)
        time.sleep(0.05)


@pytest.fixture(scope="module")
def scaled_csv(project_data, tmp_path_factory) -> Path:
    table = scaled_enterprises(project_data.enterprises, 100_000)
    path = tmp_path_factory.mktemp("scaled") / "enterprises_100000.csv"
    table.drop(columns=["geometry", "location_precision", "size_class"]).to_csv(path, index=False)
    return path


def test_every_one_of_100000_enterprises_can_be_scrolled_to_and_sorted(dash_duo, scaled_csv):
    app = create_app(Settings(default_language="en", enterprises_file=scaled_csv))

    runtime = current()
    shown = runtime.data.enterprises.iloc[
        runtime.columns.mask(Filters(), runtime.potential["tier"]).nonzero()[0]
    ]
    assert len(shown) > 90_000
    dash_duo.start_server(app, port=8173)
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=60)
    assert number(dash_duo, f"#{ids.TABLE_COUNT}") == len(shown)
    assert "enterprises" in dash_duo.find_element(f"#{ids.TABLE_COUNT}").text
    reveal_table(dash_duo)
    assert dash_duo.driver.execute_script(f"return {GRID}.getDisplayedRowCount()") == len(shown)
    # Only blocks near the screen travel: the grid holds a few hundred rows, not 100,000.
    loaded = dash_duo.driver.execute_script(
        f"let n = 0; {GRID}.forEachNode(r => {{ if (r.data) n++; }}); return n;"
    )
    assert 0 < loaded <= 1000

    # Scroll to the last row: it is there, and it is the smallest employer (largest first).
    dash_duo.driver.execute_script(f"{GRID}.ensureIndexVisible({len(shown) - 1}, 'bottom')")
    last = wait_until(lambda: grid_row(dash_duo, len(shown) - 1))
    assert last["employees"] == shown["employees"].min()
    row = f"#{ids.TABLE} .ag-row[row-index='{len(shown) - 1}'] [col-id='name']"
    wait_until(lambda: dash_duo.find_elements(row) and dash_duo.find_element(row).text == last["name"])

    # Sort by name: the grid asks the server again, and the first row is the first name.
    dash_duo.driver.execute_script(f"{GRID}.ensureIndexVisible(0, 'top')")
    header = dash_duo.find_element(f"#{ids.TABLE} .ag-header-cell[col-id='name'] .ag-header-cell-label")
    header.click()
    first_name = min(shown["name"].astype(str), key=str.lower).lower()
    wait_until(lambda: (grid_row(dash_duo, 0) or {}).get("name", "").lower() == first_name)
    header.click()  # descending
    last_name = max(shown["name"].astype(str), key=str.lower).lower()
    wait_until(lambda: (grid_row(dash_duo, 0) or {}).get("name", "").lower() == last_name)


def test_search_as_you_type_and_employees_move_every_view_and_the_address(dash_duo, project_runtime):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app, port=8174)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en&level=enterprises")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=30)
    enterprises = project_runtime.data.enterprises
    assert number(dash_duo, ".kpi-enterprises") == len(enterprises)

    type_into(dash_duo, ids.filter_id("search"), "Бабушниц")  # Cyrillic finds Latin names
    found = enterprises[enterprises["settlement"].map(fold_text).str.contains("babusnic")]
    assert 0 < len(found) < len(enterprises)
    # A pause while typing may already have searched a prefix ("Бабуш" finds the same firms):
    # the address follows the whole word once its own search has run.
    wait_until(lambda: query(dash_duo).get("q") == "Бабушниц")
    wait_until(lambda: number(dash_duo, ".kpi-enterprises") == len(found))
    wait_until(lambda: number(dash_duo, f"#{ids.TABLE_COUNT}") == len(found))
    points = f"return {MAP}.data[{TRACE_POINTS}].lon.length"
    wait_until(lambda: dash_duo.driver.execute_script(points) == len(found))  # the map follows

    type_into(dash_duo, ids.filter_id("min_employees"), "3")
    chosen = found[found["employees"] >= 3]
    assert 0 < len(chosen) < len(found)
    wait_until(lambda: number(dash_duo, ".kpi-enterprises") == len(chosen))
    wait_until(lambda: query(dash_duo).get("emp") == "3-")  # written when the page is idle
    reveal_table(dash_duo)
    wait_until(lambda: number(dash_duo, f"#{ids.TABLE_COUNT}") == len(chosen))
    names = {grid_row(dash_duo, i)["name"] for i in range(len(chosen)) if grid_row(dash_duo, i)}
    assert names == set(chosen["name"])

    # "Clear all" clears the search and the numbers too.
    reset = dash_duo.find_element(f"#{ids.RESET}")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", reset
    )
    wait_until(lambda: number(dash_duo, ".kpi-enterprises") == len(enterprises))
    assert "q" not in query(dash_duo) and "emp" not in query(dash_duo)


def test_export_is_in_the_readers_language_and_follows_search_and_employees(dash_duo, project_runtime):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app, port=8175)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=sr-Cyrl&q=ni%C5%A1&emp=5-")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=30)
    button = dash_duo.find_element('button[id*=\'"format":"csv"\']')
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button
    )
    folder = Path(dash_duo.download_path)
    found = wait_until(lambda: [p for p in folder.glob("*.csv") if not p.name.endswith(".crdownload")])
    table = pd.read_csv(found[0], dtype=str, keep_default_na=False)
    for column in ("registration_number", "name", "sector", "municipality", "employees"):
        header = column_header(column, "sr-Cyrl")
        assert header in table.columns and any("\u0400" <= ch <= "\u04ff" for ch in header)
    enterprises = project_runtime.data.enterprises
    haystack = enterprises[["name", "registration_number", "settlement"]].fillna("").map(fold_text)
    expected = enterprises[haystack.apply(lambda r: r.str.contains("nis").any(), axis=1)]
    expected = expected[expected["employees"] >= 5]
    assert 0 < len(expected) < len(enterprises)
    numbers = table[column_header("registration_number", "sr-Cyrl")]
    assert set(numbers) == set(expected["registration_number"])
    sectors = table[column_header("sector", "sr-Cyrl")]
    assert set(sectors) <= {
        project_runtime.data.taxonomy.sector_name(s, "sr-Cyrl") for s in expected["sector"]
    }


SLOW_ANSWER_MS = 600  # longer than the fast play's tick (400 ms)


def test_the_founding_years_play_and_every_view_follows(dash_duo, project_runtime):
    app = create_app(Settings(default_language="en"))
    dash_duo.start_server(app, port=8176)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    dash_duo.wait_for_element(f"#{ids.MAP} canvas.maplibregl-canvas", timeout=30)
    first, last = project_runtime.columns.year_span()
    years = pd.to_numeric(project_runtime.data.enterprises["founding_year"], errors="coerce")
    speed = dash_duo.find_element(f"#{ids.PLAY_SPEED}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", speed)
    Select(speed).select_by_value("400")
    play = dash_duo.find_element(f"#{ids.PLAY}")
    entries = dash_duo.driver.execute_script("return window.history.length")
    # A slow server: each year's answer takes longer than a tick. The play waits for the map to
    # show a year before the next, so the views and the address follow it while it plays (a
    # play that moved on every tick would leave them standing until it paused).
    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    slow = {"offline": False, "latency": SLOW_ANSWER_MS, "downloadThroughput": -1, "uploadThroughput": -1}
    dash_duo.driver.execute_cdp_cmd("Network.emulateNetworkConditions", slow)
    press(dash_duo, play)
    wait_until(lambda: dash_duo.find_element(f"#{ids.PLAY}").text == translate("play.pause", "en"))
    wait_until(
        lambda: "years" in query(dash_duo) and int(query(dash_duo)["years"].split("-")[1]) >= first + 3
    )
    dash_duo.driver.execute_cdp_cmd("Network.emulateNetworkConditions", {**slow, "latency": 0})
    press(dash_duo, play)  # pause
    wait_until(lambda: dash_duo.find_element(f"#{ids.PLAY}").text == translate("play.play", "en"))
    time.sleep(1.5)
    start, upto = (int(y) for y in query(dash_duo)["years"].split("-"))
    assert start == first  # cumulative: founded up to the year
    time.sleep(1.5)
    assert query(dash_duo)["years"] == f"{first}-{upto}"  # paused stays put
    # One history entry for the play (Back returns to before it), not one a year.
    assert dash_duo.driver.execute_script("return window.history.length") == entries + 1
    expected = int(years.between(first, upto).sum())
    wait_until(lambda: number(dash_duo, ".kpi-enterprises") == expected)
    timeline = f"return document.getElementById('{ids.TIMELINE}').querySelector('.js-plotly-plot').data[0].y"
    wait_until(lambda: sum(dash_duo.driver.execute_script(timeline)) == expected)  # the charts follow

    press(dash_duo, play)  # on to the end, where it stops by itself
    wait_until(lambda: dash_duo.find_element(f"#{ids.PLAY}").text == translate("play.play", "en"), timeout=60)
    wait_until(lambda: "years" not in query(dash_duo))  # the whole span again
    wait_until(lambda: number(dash_duo, ".kpi-enterprises") == len(project_runtime.data.enterprises))
    shown = dash_duo.driver.execute_script(
        "return [...document.querySelector(arguments[0]).closest('.filter-group')"
        ".querySelectorAll('input')].map(i => i.value)",
        f"[id='{dom_id(ids.filter_id('years'))}']",
    )
    assert shown == [str(first), str(last)]  # the slider back at the whole span

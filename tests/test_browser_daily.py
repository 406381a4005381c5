"""Daily use in headless Chromium (issue 13): every page in every language speaks only that
language (text, tooltips and the chart toolbar), carries ``<html lang>``, offers no upload to
Plotly Cloud, and fits a 390 px phone without sideways scrolling; the explore map is whole above
the fold on a laptop and comes before the filters on a phone."""

from __future__ import annotations

import functools
import time
from urllib.parse import parse_qs, urlparse

import dash
import pytest
import waiting
from wrong_language import wrong_language_words

from dashboard.app import create_app
from dashboard.config import Settings
from dashboard.i18n import LANGUAGES

wait_until = functools.partial(waiting.wait_until, timeout=45.0)

pytestmark = pytest.mark.browser

PORT = 8133
EXTRA_QUERY = {"/profile": "&municipality=pirot", "/present": "&story=forum"}

# Every piece of text a reader meets, in the page's language: visible text (minus code and parts
# marked with another ``lang``, such as the language links) and the texts of tooltips and labels.
PAGE_TEXT = """
const page = document.documentElement.lang;
const foreign = (el) => { const own = el.closest('[lang]'); return own && own.lang !== page; };
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const el = walker.currentNode.parentElement;
  if (!el || el.closest('script, style, code, noscript') || foreign(el)) continue;
  if (!el.getClientRects().length) continue;  // not displayed
  out.push(walker.currentNode.textContent);
}
const labelled = '[title], [aria-label], [placeholder], [alt], [data-title]';
for (const el of document.body.querySelectorAll(labelled)) {
  if (foreign(el)) continue;
  for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-title']) {
    if (el.hasAttribute(name)) out.push(el.getAttribute(name));
  }
}
return out.join('\\n');
"""

CLOUD_BUTTONS = (
    "return document.querySelectorAll("
    '\'[data-attr="sendChartToCloud"], .modebar-btn[data-title^="Share"]\').length'
)


def page_paths() -> list[str]:
    return sorted(p["path"] for p in dash.page_registry.values())


# The page has settled: its layout is in, Dash has no callback requested, waiting or running
# (window.store is the renderer's own state), and every graph on it has been drawn by plotly.
SETTLED = """
if (document.readyState !== 'complete' || !document.querySelector('#_pages_content *')) return false;
const state = window.store && window.store.getState();
if (!state || state.isLoading) return false;
const queues = ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed', 'stored'];
if (queues.some((name) => (state.callbacks[name] || []).length)) return false;
return [...document.querySelectorAll('.dash-graph')].every(
  (graph) => { const plot = graph.querySelector('.js-plotly-plot'); return plot && plot._fullLayout; });
"""
QUIET_POLLS = 3  # in a row, 0.2 s apart: a callback that follows another has left by then


def open_page(dash_duo, path: str, language: str) -> None:
    driver = dash_duo.driver
    driver.get(f"{dash_duo.server_url}{path}?lang={language}{EXTRA_QUERY.get(path, '')}")
    quiet = 0
    deadline = time.time() + 45
    while True:
        quiet = quiet + 1 if driver.execute_script(SETTLED) else 0
        if quiet == QUIET_POLLS:  # read at once: a pause after the last poll would check nothing
            return
        assert time.time() < deadline, f"{path} ({language}) did not settle"
        time.sleep(0.2)


def set_viewport(driver, width: int, height: int, mobile: bool = False) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


@pytest.fixture
def served(dash_duo):
    dash_duo.start_server(create_app(Settings()), port=PORT)
    return dash_duo


def test_every_page_speaks_the_language_of_its_address(served):
    driver = served.driver
    set_viewport(driver, 1280, 900)
    wrong: dict[str, list[str]] = {}
    cloud: list[str] = []
    paths = page_paths()
    assert {"/", "/potential", "/profile", "/compare", "/methodology", "/present"} <= set(paths)
    for path in paths:
        for language in LANGUAGES:
            open_page(served, path, language)
            assert driver.execute_script("return document.documentElement.lang") == language
            text = driver.execute_script(PAGE_TEXT)
            assert len(text) > 100, f"{path} {language} shows almost nothing"
            found = wrong_language_words(text, language)
            if found:
                wrong[f"{path} {language}"] = sorted(set(found))
            # plotly.js's "Share chart" uploads to Plotly Cloud: no page may offer it
            if driver.execute_script(CLOUD_BUTTONS):
                cloud.append(f"{path} {language}")
    assert not wrong, "\n".join(f"{page}: {words}" for page, words in wrong.items())
    assert not cloud, f"offer to upload to Plotly Cloud: {cloud}"


# What sticks out past the phone's screen without a box of its own that scrolls or clips it. The
# screen's width is passed in: with a phone's viewport the browser widens the layout to the
# widest element, so ``innerWidth`` and ``scrollWidth`` agree even while the page scrolls sideways.
STICKING_OUT = """
const screen = arguments[0];
const held = (el) => {
  for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
    if (getComputedStyle(up).overflowX !== 'visible') return true;
  }
  return false;
};
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!el.getClientRects().length || held(el)) continue;
  const right = el.getBoundingClientRect().right;
  if (right > screen + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(right)} px)`);
}
const widest = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
return widest > screen ? [`page ${widest} px`, ...out.slice(0, 3)] : out.slice(0, 3);
"""
# A sheet exactly the paper's size, rendered to PDF and PNG by the export (pages/map_print.py).
PAPER_PAGES = {"/map-print"}


def test_no_page_scrolls_sideways_on_a_phone(served):
    driver = served.driver
    set_viewport(driver, 390, 844, mobile=True)
    too_wide = {}
    for path in page_paths():
        if path in PAPER_PAGES:
            continue
        open_page(served, path, "sr-Latn")
        if found := driver.execute_script(STICKING_OUT, 390):
            too_wide[path] = found
    assert not too_wide, f"wider than the 390 px screen: {too_wide}"


EXPLORE_MAP_JS = "document.querySelector('#region-map .js-plotly-plot')"
# Where the map is on the screen, and the part of the world it shows once MapLibre is at rest.
MAP_ON_SCREEN = f"""
const g = {EXPLORE_MAP_JS};
if (!g || !g._fullLayout || !g._fullLayout.map) return null;
const m = g._fullLayout.map._subplot.map;
if (m.isMoving() || !m.loaded()) return null;
const box = document.getElementById('region-map').getBoundingClientRect();
const b = m.getBounds();
const head = document.querySelector('.app-header').getBoundingClientRect();
return {{top: box.top, bottom: box.bottom, height: box.height, header: head.height,
        view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]}};
"""


def test_the_whole_map_is_in_sight_on_a_laptop(served):
    """Issue 13: the explore map in full above the fold at 1280×720 and up, the whole region in
    it, under a header of one row; in every language (the controls above it wrap by their words)."""
    from dashboard.web.runtime import current

    base = current().map_base
    west, south, east, north = (
        f(base.unit_bounds[code][i] for code in base.district_codes)
        for i, f in enumerate((min, min, max, max))
    )
    driver = served.driver
    checked = [(1280, 720, "sr-Latn"), (1280, 720, "sr-Cyrl"), (1280, 720, "en")]
    checked += [(1366, 768, "sr-Latn"), (1920, 1080, "sr-Latn")]
    for width, height, language in checked:
        set_viewport(driver, width, height)
        driver.get(f"{served.server_url}/?lang={language}")
        where = f"{width}×{height} {language}"
        seen = wait_until(lambda: driver.execute_script(MAP_ON_SCREEN), what=f"map drawn at {where}")
        assert seen["header"] <= 56, f"header wraps at {where}: {seen['header']} px"
        assert seen["bottom"] <= height, f"map ends at {seen['bottom']} px of {height} at {where}"
        assert seen["height"] >= 0.6 * (height - seen["top"]), f"map squeezed at {where}: {seen}"
        view = seen["view"]
        assert view[0] <= west and view[1] <= south and view[2] >= east and view[3] >= north, (
            f"the region is cut at {where}: shows {view}, region {(west, south, east, north)}"
        )


# The part of the world a page's map shows once MapLibre is at rest, and the zoom its figure
# (and the address) holds.
MAP_VIEW = """
const g = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
if (!g || !g._fullLayout || !g._fullLayout.map) return null;
const m = g._fullLayout.map._subplot.map;
if (m.isMoving() || !m.loaded()) return null;
// Dash's graph takes the reader's pans once its plot has resolved, a moment after the map loads.
if (!g._ev || !g._ev.listeners('plotly_relayout').length) return null;
const b = m.getBounds();
return {view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: g._fullLayout.map.zoom,
        shown: m.getZoom(), width: m.getContainer().clientWidth};
"""


def test_a_phone_sees_the_whole_region_in_each_map(served):
    """Issue 13: the region's view is made for a map 720 px wide (analysis/geometry.py); on a
    390 px phone every map shows the whole region (assets/map_fit.js) while the figure keeps the
    zoom it was made with, so an address copied from a phone frames the same area elsewhere."""
    from dashboard.components import ids
    from dashboard.web.runtime import current

    base = current().map_base
    west, south, east, north = (
        f(base.unit_bounds[code][i] for code in base.district_codes)
        for i, f in enumerate((min, min, max, max))
    )
    driver = served.driver
    set_viewport(driver, 390, 844, mobile=True)
    for path, graph, language in (("/", ids.MAP, "sr-Latn"), ("/potential", ids.POTENTIAL_MAP, "sr-Cyrl")):
        driver.get(f"{served.server_url}{path}?lang={language}")
        seen = wait_until(lambda: driver.execute_script(MAP_VIEW, graph), what=f"{path} map drawn")  # noqa: B023
        view = seen["view"]
        assert seen["width"] < 400
        assert view[0] <= west and view[1] <= south and view[2] >= east and view[3] >= north, (
            f"the region is cut on a phone at {path}: shows {view}, region {(west, south, east, north)}"
        )
        assert seen["shown"] < seen["zoom"] - 0.5, f"{path}: the figure's own zoom changed: {seen}"
    # A pan on the phone writes the made-for zoom to the address, not the phone's.
    driver.get(f"{served.server_url}/?lang=en")
    seen = wait_until(lambda: driver.execute_script(MAP_VIEW, ids.MAP), what="map drawn")
    driver.execute_script(
        "const g = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "const m = g._fullLayout.map._subplot.map;"
        "m.panBy([30, 0], {duration: 0}, {originalEvent: new MouseEvent('mouseup')});",
        ids.MAP,
    )
    address = lambda: parse_qs(urlparse(driver.current_url).query).get("at")  # noqa: E731
    at = wait_until(address, what="view in the address")
    zoom = float(at[0].split(",")[-1])
    assert abs(zoom - seen["zoom"]) < 0.05, f"the address holds the phone's zoom: {at} vs {seen}"


# Pages whose controls fold on a phone: the map, a control inside the fold, the fold's row, and
# how far down the first screen the map may start.
FOLDING_PAGES = (
    ("/", "region-map", "#filter-panel-body input", "filter-panel-toggle", 0.7),
    (
        "/potential",
        "potential-map",
        "#potential-controls-body .weight-slider",
        "potential-controls-toggle",
        0.8,
    ),
    ("/clusters", "clusters-map", "#clusters-settings-body input", "clusters-settings-toggle", 0.8),
)
FOLD_STATE = """
return [document.getElementById(arguments[0]).getBoundingClientRect().top,
        document.querySelector(arguments[1]).checkVisibility(),
        document.querySelector('.filter-fold').open];
"""


def test_a_phone_sees_the_map_before_the_filters(served):
    """At 390 px the explore page's filters, the potential page's weights and settings and the
    clusters page's settings fold to their title row, so the key figures and the map come first;
    a tap on the row unfolds them."""
    driver = served.driver
    set_viewport(driver, 390, 844, mobile=True)
    for path, graph, control, toggle, highest in FOLDING_PAGES:
        open_page(served, path, "sr-Latn")
        map_top, control_shown, opened = driver.execute_script(FOLD_STATE, graph, control)
        assert not control_shown and not opened, f"{path}: the controls stand unfolded above the map"
        assert map_top < 844 * highest, f"{path}: the map starts low on the first screen ({map_top} px)"
        driver.find_element("id", toggle).click()
        shown = lambda: driver.execute_script(FOLD_STATE, graph, control)[1]  # noqa: B023, E731
        wait_until(shown, timeout=5, what=f"{path}: controls unfolded")


PRESENT_MAP_JS = "document.querySelector('#present-map .js-plotly-plot')"


def test_the_presenter_reads_from_the_back_frames_the_unit_and_has_a_clean_mode(served):
    from dashboard.outputs.presenting import LABEL_SIZES, REFERENCE_HEIGHT, step_fit
    from dashboard.outputs.stories import Vocabulary, load_story
    from dashboard.web.runtime import current

    driver = served.driver
    runtime = current()
    story = load_story(runtime.settings.stories_folder, "forum", Vocabulary.from_data(runtime.data))
    unit_step = next(i for i, s in enumerate(story.steps) if s.state.filters.municipalities)
    bounds = step_fit(runtime, story.steps[unit_step])["bounds"]
    # Projectors, and a phone held upright (the legend goes under the map there).
    for width, height in ((1920, 1080), (1280, 720), (390, 844)):
        phone = width < 640
        set_viewport(driver, width, height, mobile=phone)
        driver.get(f"{served.server_url}/present?lang=sr-Cyrl&story=forum&step={unit_step + 1}")
        scale = height / REFERENCE_HEIGHT
        wanted = {trace: round(px * scale) for trace, px in LABEL_SIZES.items()}
        traces = list(wanted)

        def drawn_sizes(traces=traces):
            return driver.execute_script(
                f"const g = {PRESENT_MAP_JS}; return g && g.data && g._fullLayout.map &&"
                " arguments[0].map(t => g.data[t].textfont.size)",
                traces,
            )

        expected = [wanted[t] for t in traces]
        wait_until(lambda expected=expected: drawn_sizes() == expected, what=f"labels at {expected} px")
        assert min(wanted.values()) >= (24 if height == 1080 else 16)
        summary = driver.execute_script(
            "return parseFloat(getComputedStyle(document.getElementById('present-summary')).fontSize)"
        )
        if not phone:
            assert summary >= 24 * scale - 0.5
        # Framing: the unit is centred and wholly in view, in the map's part of the stage; the
        # colour bar stands right of it, so it covers no label.
        view = wait_until(
            lambda: driver.execute_script(
                f"const m = {PRESENT_MAP_JS}._fullLayout.map._subplot.map; const b = m.getBounds();"
                " return m.isMoving() ? null : [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];"
            ),
            what="map at rest",
        )
        west, south, east, north = bounds
        assert view[0] <= west and view[1] <= south and view[2] >= east and view[3] >= north
        centre_x, unit_x = (view[0] + view[2]) / 2, (west + east) / 2
        assert abs(centre_x - unit_x) < (view[2] - view[0]) * 0.05
        bar, canvas = driver.execute_script(
            f"const g = {PRESENT_MAP_JS};"
            " const box = (s) => g.querySelector(s).getBoundingClientRect().toJSON();"
            " return [box('.colorbar .cbfills'), box('.maplibregl-canvas')];"
        )
        if phone:  # under the map, across most of its width, which is most of the screen's
            assert bar["top"] >= canvas["bottom"] - 1 and bar["width"] >= 0.6 * canvas["width"], (bar, canvas)
            assert canvas["width"] >= 0.85 * width, canvas
        else:  # beside the map, as tall as a good part of it
            assert bar["left"] >= canvas["right"] - 1, (bar, canvas)
            assert bar["height"] >= 0.5 * canvas["height"], (bar, canvas)
    # Clean mode: H hides the key hints, the language links and the way out; H again shows them.
    hidden = "return getComputedStyle(document.querySelector(arguments[0])).visibility === 'hidden'"
    driver.find_element("css selector", "body").send_keys("h")
    for selector in (".present-keys", ".present-langs", ".present-exit"):
        wait_until(lambda s=selector: driver.execute_script(hidden, s), timeout=5, what=f"{selector} hidden")
    driver.find_element("css selector", "body").send_keys("h")
    assert not driver.execute_script(hidden, ".present-exit")


# What Lighthouse's accessibility audit failed on (issue 13), checked on the drawn page: focusable
# elements inside aria-hidden, form fields and sliders without a name, links under AA contrast.
A11Y_PROBLEMS = """
const problems = [];
const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
for (const el of document.querySelectorAll('[aria-hidden="true"]')) {
  for (const inner of [el, ...el.querySelectorAll(focusable)]) {
    if (inner.matches(focusable) && inner.tabIndex >= 0 && !inner.disabled && inner.getClientRects().length) {
      problems.push('focusable in aria-hidden: ' + inner.outerHTML.slice(0, 80));
    }
  }
}
const named = (el) => el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
  || (el.labels && el.labels.length) || el.getAttribute('title');
for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, [role=slider]')) {
  if (!named(el)) problems.push('no name: ' + el.outerHTML.slice(0, 80));
}
return problems;
"""


def test_no_hidden_focus_and_every_field_has_a_name(served):
    driver = served.driver
    set_viewport(driver, 1280, 900)
    found = {}
    for path in page_paths():
        open_page(served, path, "sr-Cyrl")
        problems = driver.execute_script(A11Y_PROBLEMS)
        if problems:
            found[path] = problems[:5]
    assert not found, found


BAR_BOXES = """
return ['.app-title', '.page-nav', '.lang-switch', '.demo-notice', '.app-menu-toggle'].map((selector) => {
  const el = document.querySelector(selector);
  const box = el && el.getClientRects().length ? el.getBoundingClientRect() : null;
  return box && [selector, ...[box.left, box.top, box.width, box.height].map(Math.round)];
});
"""


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_the_first_html_shows_the_top_bar_where_the_page_will(served, width, height):
    """Before any script has run the page shows its top bar (dashboard/web/shell.py), and each
    of its parts is where the page's own bar puts it: nothing moves when Dash takes over."""
    driver = served.driver
    set_viewport(driver, width, height, mobile=width < 500)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js", "*.js?*"]})
    try:
        driver.get(f"{served.server_url}/potential?lang=sr-Cyrl")
        wait_until(lambda: driver.execute_script("return document.readyState") == "complete")
        before = driver.execute_script(BAR_BOXES)
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    assert "Мапа креативних индустрија" in driver.find_element("css selector", ".app-title").text
    open_page(served, "/potential", "sr-Cyrl")
    assert driver.execute_script("return document.querySelector('._dash-loading')") is None
    assert driver.execute_script(BAR_BOXES) == before


# The comparison chart's scores as drawn: each shown label's size on screen, and how many bars.
BAR_TEXTS = """
const gd = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
if (!gd || !gd.querySelector('.barlayer .point')) return null;
const sizes = [...gd.querySelectorAll('.barlayer .bartext')]
  .filter(t => t.textContent && t.getBoundingClientRect().width > 0)
  // plotly shrinks a label by a transform: its font size times the drawn/own height.
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getBoundingClientRect().height / t.getBBox().height);
return {sizes: sizes, bars: gd.querySelectorAll('.barlayer .point').length};
"""


@pytest.mark.parametrize(
    "width, units, all_shown", [(1280, "pirot,nis", True), (390, "pirot,nis,blace,kursumlija", False)]
)
def test_the_comparison_chart_never_shrinks_a_score_past_reading(served, width, units, all_shown):
    """Four units on a phone left each bar a few pixels wide and plotly shrank its score above
    it to ~5 px; a score that fits only below 10 px is now left to the hover and the summary,
    while on a laptop every score stays on its bar."""
    from dashboard.components import presenting_ids as pid

    driver = served.driver
    set_viewport(driver, width, 844, mobile=width < 500)
    driver.get(f"{served.server_url}/compare?lang=en&municipality={units}")
    drawn = wait_until(lambda: driver.execute_script(BAR_TEXTS, pid.COMPARE_CHART), what="chart drawn")
    assert min(drawn["sizes"], default=10) >= 10, drawn
    assert (len(drawn["sizes"]) == drawn["bars"]) is all_shown, drawn


# The potential page's ranking on a phone: its box, the table's width, each header's right edge.
RANKING_FIT = """
const table = document.querySelector('.ranking-table');
if (!table || !table.querySelector('tbody tr')) return null;
const box = table.closest('.table-responsive').getBoundingClientRect();
return {box: [box.left, box.right], width: table.scrollWidth,
        heads: [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().right)};
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ranking_reads_on_a_phone_without_scrolling_sideways(served, language):
    """At 390 px the rank, municipality, index and tier of every row are in sight; in English
    and Latin the whole ranking fits (its range bar gives way to the range's numbers), where it
    was 100-160 px wider than its card and the tiers began off screen."""
    driver = served.driver
    set_viewport(driver, 390, 844, mobile=True)
    driver.get(f"{served.server_url}/potential?lang={language}")
    fit = wait_until(lambda: driver.execute_script(RANKING_FIT), what="ranking drawn")
    left, right = fit["box"]
    assert all(edge <= right + 0.5 for edge in fit["heads"][:4]), fit
    if language != "sr-Cyrl":
        assert fit["width"] <= right - left + 1, fit

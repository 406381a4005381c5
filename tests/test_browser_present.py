"""Presenter mode end to end in headless Chromium: the forum story stepped with the keyboard at
1920×1080 (a screenshot of every step), at 1280×720, offline; and a view saved into a story
from the map page."""

from __future__ import annotations

import functools
import shutil
import struct
import time
import tomllib
from urllib.parse import parse_qs, urlparse

import pytest
import waiting
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.outputs.stories import load_story

wait_until = functools.partial(waiting.wait_until, timeout=20.0)

pytestmark = pytest.mark.browser

MAP = f"document.querySelector('#{pid.PRESENT_MAP} .js-plotly-plot')"
RANKING = f"document.querySelector('#{pid.PRESENT_RANKING} .js-plotly-plot')"


@pytest.fixture
def stories(tmp_path):
    folder = tmp_path / "stories"
    shutil.copytree(DEFAULT_REGION_DIR / "stories", folder)
    return folder


def viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def press(driver, key) -> None:
    ActionChains(driver).send_keys(key).perform()


def step_in_url(driver) -> int:
    return int(parse_qs(urlparse(driver.current_url).query)["step"][0])


def map_settled(driver, bounds) -> bool:
    """The map has drawn, stopped moving, and shows the step's whole area."""
    return driver.execute_script(
        f"""const g = {MAP}; if (!g || !g._fullLayout || !g._fullLayout.map) return false;
        const m = g._fullLayout.map._subplot.map;
        if (!m.loaded() || m.isMoving()) return false;
        const c = m.getContainer(), a = m.project([arguments[0], arguments[1]]),
              b = m.project([arguments[2], arguments[3]]);
        const inside = [a, b].every(p => p.x >= -2 && p.x <= c.clientWidth + 2
                                      && p.y >= -2 && p.y <= c.clientHeight + 2);
        const filled = Math.max((b.x - a.x) / c.clientWidth, (a.y - b.y) / c.clientHeight);
        return inside && filled > 0.4;""",
        *bounds,
    )


def layout_fits(driver) -> dict:
    return driver.execute_script(
        f"""const r = id => document.getElementById(id).getBoundingClientRect();
        const bar = document.querySelector('.present-bar').getBoundingClientRect();
        const stage = document.querySelector('.present-stage').getBoundingClientRect();
        const title = r('{pid.PRESENT_TITLE}');
        return {{bar: bar.bottom, stage: stage.height, title: title.top, height: window.innerHeight,
                 width: window.innerWidth, overflow: document.querySelector('.present-root').scrollHeight
                 - document.querySelector('.present-root').clientHeight}};"""
    )


def activate(driver, element) -> None:
    """Bring a control into view and press Enter on it: the keyboard, not the mouse."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.send_keys(Keys.ENTER)


def open_save_form(dash_duo) -> None:
    """Once the map page has drawn, open "Add this view to a story" from the keyboard."""
    dash_duo.wait_for_element(f"#{ids.MAP} .js-plotly-plot", timeout=30)
    activate(dash_duo.driver, dash_duo.wait_for_element(".story-saver-summary", timeout=20))
    dash_duo.wait_for_element("details.story-saver[open]", timeout=10)


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_forum_story_runs_with_the_keyboard_offline(dash_duo, stories, tmp_path):
    app = create_app(Settings(default_language="en", stories_dir=stories))
    dash_duo.start_server(app)
    driver = dash_duo.driver
    viewport(driver, 1920, 1080)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/present?lang=en&story=forum")
    story = load_story(stories, "forum")
    from dashboard.outputs.presenting import step_fit
    from dashboard.web.runtime import current

    # A clicker sends PageDown; a keyboard the arrows or the space bar.
    keys = [Keys.PAGE_DOWN, Keys.ARROW_RIGHT, Keys.SPACE]
    shots = []
    for number, step in enumerate(story.steps, start=1):
        dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", step.title.get("en"), timeout=20)
        dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_COUNTER}", f"{number} / {len(story.steps)}")
        assert dash_duo.find_element(f"#{pid.PRESENT_CAPTION}").text == step.caption.get("en")
        wait_until(lambda n=number: step_in_url(driver) == n, what=f"step {number} in the URL")
        if step.show == "map":
            bounds = step_fit(current(), step)["bounds"]
            wait_until(lambda b=bounds: map_settled(driver, b), timeout=45, what=f"the map of step {number}")
            assert driver.execute_script(f"return {RANKING}?.offsetParent") is None  # the chart is hidden
        else:
            wait_until(
                lambda: driver.execute_script(
                    f"const g = {RANKING}; return g && g.offsetParent && g.data.length"
                ),
                what="the ranking",
            )
        time.sleep(0.6)  # let the last frame paint
        fits = layout_fits(driver)
        assert fits["bar"] <= 1080 and fits["overflow"] <= 0 and fits["stage"] > 0.5 * 1080, fits
        assert len(dash_duo.find_element(f"#{pid.PRESENT_SUMMARY}").text) > 40  # the text alternative
        shot = tmp_path / f"present-step-{number}-1920x1080.png"
        driver.save_screenshot(str(shot))
        assert png_size(shot) == (1920, 1080)
        shots.append(shot)
        if number < len(story.steps):
            press(driver, keys[(number - 1) % len(keys)])

    # At the end "next" does nothing; PageUp goes back, Home and End jump.
    assert dash_duo.find_element(f"#{pid.PRESENT_NEXT}").get_attribute("disabled") == "true"
    press(driver, Keys.PAGE_DOWN)
    press(driver, Keys.PAGE_UP)
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", story.steps[-2].title.get("en"))
    press(driver, Keys.HOME)
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", story.steps[0].title.get("en"))
    press(driver, Keys.END)
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", story.steps[-1].title.get("en"))
    press(driver, Keys.ARROW_LEFT)
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", story.steps[-2].title.get("en"))

    # The buttons are reachable and work from the keyboard too.
    driver.execute_script("document.activeElement && document.activeElement.blur()")
    wait_until(
        lambda: (
            press(driver, Keys.TAB) or driver.switch_to.active_element.get_attribute("id") == pid.PRESENT_NEXT
        ),
        what="Tab to reach the Next button",
    )
    press(driver, Keys.ENTER)
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", story.steps[-1].title.get("en"))

    # Nothing the show loaded came from anywhere but this server (data: URIs are not requests).
    origin = urlparse(dash_duo.server_url).netloc
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and {urlparse(u).netloc for u in resources if not u.startswith("data:")} == {origin}
    assert any("/assets/glyphs/" in u for u in resources)  # map labels from the local glyphs
    assert dash_duo.get_logs() == []
    assert len(shots) == len(story.steps) == 4


def test_the_show_fits_a_1280_by_720_projector(dash_duo, stories):
    app = create_app(Settings(default_language="sr-Cyrl", stories_dir=stories))
    dash_duo.start_server(app)
    driver = dash_duo.driver
    viewport(driver, 1280, 720)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/present?story=forum&step=2")
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", "Пирот", timeout=20)
    from dashboard.outputs.presenting import step_fit
    from dashboard.web.runtime import current

    bounds = step_fit(current(), load_story(stories, "forum").steps[1])["bounds"]
    wait_until(lambda: map_settled(driver, bounds), timeout=45, what="the map framed at 1280×720")
    fits = layout_fits(driver)
    assert fits["width"] == 1280 and fits["bar"] <= 720 and fits["overflow"] <= 0, fits
    assert fits["stage"] > 0.5 * 720, fits
    # The same screen proportions as at 1920×1080: the type scales with the screen.
    title_size = driver.execute_script(
        f"return parseFloat(getComputedStyle(document.getElementById('{pid.PRESENT_TITLE}')).fontSize)"
    )
    assert title_size == pytest.approx(720 * 0.054, rel=0.05)


def test_a_view_of_the_map_is_saved_into_a_story(dash_duo, stories):
    app = create_app(Settings(default_language="en", stories_dir=stories))
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en&district=RS-22&sector=arts")
    forum_before = (stories / "forum.toml").read_bytes()
    open_save_form(dash_duo)
    # By default a save starts a NEW story, named after its title: the live talk is untouched.
    assert dash_duo.find_element(f"#{pid.SAVE_STORY}").get_attribute("value") == ""
    dash_duo.find_element(f"#{pid.SAVE_STORY_TITLE}").send_keys("Kreativni Pirot")
    dash_duo.find_element(f"#{pid.SAVE_TITLE_SR}").send_keys("Umetnost u Pirotskom okrugu")
    dash_duo.find_element(f"#{pid.SAVE_TITLE_EN}").send_keys("The arts in Pirot District")
    dash_duo.find_element(f"#{pid.SAVE_CAPTION_EN}").send_keys('Galleries, "studios" and stages.')
    activate(dash_duo.driver, dash_duo.find_element(f"#{pid.SAVE_BUTTON}"))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "Saved as step 1", timeout=20)
    assert (stories / "forum.toml").read_bytes() == forum_before
    new_story = tomllib.loads((stories / "kreativni-pirot.toml").read_text(encoding="utf-8"))
    assert new_story["title"] == {"en": "Kreativni Pirot"}  # the title as typed, not the file name
    saved = new_story["steps"][-1]
    assert parse_qs(saved["view"].lstrip("?")) == {"district": ["RS-22"], "sector": ["arts"]}
    assert saved["title"] == {"sr-Latn": "Umetnost u Pirotskom okrugu", "en": "The arts in Pirot District"}
    assert saved["caption"] == {"en": 'Galleries, "studios" and stages.'}

    # Naming an existing story asks first; only the confirmation writes to it.
    name = dash_duo.find_element(f"#{pid.SAVE_STORY}")
    name.send_keys("forum")
    activate(dash_duo.driver, dash_duo.find_element(f"#{pid.SAVE_BUTTON}"))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "already exists", timeout=20)
    assert (stories / "forum.toml").read_bytes() == forum_before
    activate(dash_duo.driver, dash_duo.wait_for_element(f"#{pid.SAVE_CONFIRM}", timeout=10))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "Saved as step 5", timeout=20)
    saved = tomllib.loads((stories / "forum.toml").read_text(encoding="utf-8"))["steps"][-1]
    assert saved["title"] == {"sr-Latn": "Umetnost u Pirotskom okrugu", "en": "The arts in Pirot District"}

    # A typo in the story name is refused with a reason, and nothing is written.
    before = sorted(p.name for p in stories.iterdir())
    name.clear()
    name.send_keys("../elsewhere")
    activate(dash_duo.driver, dash_duo.find_element(f"#{pid.SAVE_BUTTON}"))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "is not allowed", timeout=20)
    assert sorted(p.name for p in stories.iterdir()) == before

    # The link in the message opens the new step in presenter mode.
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/present?lang=en&story=forum&step=5")
    dash_duo.wait_for_text_to_equal(f"#{pid.PRESENT_TITLE}", "The arts in Pirot District", timeout=20)
    assert dash_duo.get_logs() == []


def test_saving_needs_the_editor_credential_when_one_is_configured(dash_duo, stories):
    app = create_app(Settings(default_language="en", stories_dir=stories, editor_token="letmein"))
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en")
    open_save_form(dash_duo)
    dash_duo.find_element(f"#{pid.SAVE_TITLE_EN}").send_keys("Region")
    before = (stories / "forum.toml").read_bytes()
    dash_duo.find_element(f"#{pid.SAVE_TOKEN}").send_keys("guess")
    activate(dash_duo.driver, dash_duo.find_element(f"#{pid.SAVE_BUTTON}"))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "credential is wrong", timeout=20)
    assert (stories / "forum.toml").read_bytes() == before
    assert sorted(p.stem for p in stories.glob("*.toml")) == ["forum"]
    token = dash_duo.find_element(f"#{pid.SAVE_TOKEN}")
    token.clear()
    token.send_keys("letmein")
    activate(dash_duo.driver, dash_duo.find_element(f"#{pid.SAVE_BUTTON}"))
    dash_duo.wait_for_contains_text(f"#{pid.SAVE_STATUS}", "Saved as step 1", timeout=20)
    assert (stories / "forum.toml").read_bytes() == before  # a new story, named after the title
    assert (stories / "region.toml").exists()

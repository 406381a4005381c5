"""The app's first layout carries the page being opened (dashboard/web/first_layout.py): the
page the router would answer for the address the ``Referer`` names, with a ``Location`` that
already holds that address, so a cold page needs no router round trip; any other request gets
Dash's plain container, as before."""

from __future__ import annotations

import json
import time
from html import unescape

import dash
import pytest
from plotly.utils import PlotlyJSONEncoder
from served_pages import PAGE_PATHS
from waiting import wait_until

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.web.first_layout import MAX_REFERER_CHARS, REFERRER_META, opened_address

HOST = "localhost"  # Flask's test client's


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


def first_layout(app, referer: str | None) -> tuple[dict, object]:
    headers = {"Referer": referer} if referer is not None else {}
    response = app.server.test_client().get("/_dash-layout", headers=headers)
    assert response.status_code == 200
    return response.get_json(), response


def parts(layout: dict) -> dict[str, dict]:
    """The container's children by id: the Location, the content, the title's store."""
    return {child["props"]["id"]: child for child in layout["props"]["children"]}


def as_json(component) -> object:
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def router_page(path: str, **params) -> object:
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return as_json(page["layout"](**params))


@pytest.mark.parametrize("path", sorted(PAGE_PATHS))
def test_the_layout_holds_the_page_the_router_would_answer(app, path):
    address = f"{path}?lang=en&municipality=pirot"
    layout, response = first_layout(app, f"http://{HOST}{address}")
    found = parts(layout)
    assert found["_pages_content"]["props"]["children"] == router_page(path, lang="en", municipality="pirot")
    location = found["_pages_location"]["props"]
    assert location["pathname"] == path
    assert location["search"] == "?lang=en&municipality=pirot"
    assert location["href"] == f"http://{HOST}{address}"
    assert location["hash"] == ""
    assert location["refresh"] == "callback-nav"
    assert "Referer" in response.headers["Vary"]  # one URL, an answer per page
    # the tab's title, which Dash's title callback sets as the layout arrives: the first HTML's
    html = app.server.test_client().get(address).get_data(as_text=True)
    first_title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert found["_pages_store"]["props"]["data"] == {"title": unescape(first_title)}


def test_the_language_and_the_filters_of_the_address_shape_the_layout(app):
    english, _ = first_layout(app, f"http://{HOST}/potential?lang=en")
    cyrillic, _ = first_layout(app, f"http://{HOST}/potential?lang=sr-Cyrl")
    assert json.dumps(parts(english)["_pages_content"]) != json.dumps(parts(cyrillic)["_pages_content"])
    assert parts(cyrillic)["_pages_content"]["props"]["children"] == router_page("/potential", lang="sr-Cyrl")
    # asked again, the same answer (kept per address on the runtime)
    again, _ = first_layout(app, f"http://{HOST}/potential?lang=sr-Cyrl")
    assert again == cyrillic


@pytest.mark.parametrize(
    "referer",
    [
        None,  # no Referer (a proxy's policy, an old client)
        "",
        "http://evil.example/potential?lang=en",  # another host
        f"https://{HOST}.evil.example/",
        f"http://{HOST}/no-such-page?lang=en",  # no page there
        f"http://{HOST}/potential?lang=en#top",  # a Referer never carries a fragment
        f"javascript://{HOST}/",
        "http://[::1/",  # not an address
        f"http://{HOST}/?q=" + "x" * MAX_REFERER_CHARS,
    ],
    ids=["none", "empty", "other host", "host as prefix", "no page", "fragment", "scheme", "bad", "long"],
)
def test_any_other_request_gets_the_plain_container(app, referer):
    layout, response = first_layout(app, referer)
    found = parts(layout)
    assert found["_pages_content"]["props"].get("children") is None
    assert "pathname" not in found["_pages_location"]["props"]  # the router answers, as before
    assert "Referer" in response.headers["Vary"]


def test_a_hostile_query_in_the_referer_draws_a_page(app):
    layout, _ = first_layout(app, f"http://{HOST}/?lang=xx&level=%00&metric=nope&lq=nope&years=9-1")
    content = parts(layout)["_pages_content"]["props"]["children"]
    assert content == router_page("/", lang="xx", level="\x00", metric="nope", lq="nope", years="9-1")


def test_the_first_html_asks_for_the_referer_of_its_layout(app):
    page = app.server.test_client().get("/potential?lang=en").get_data(as_text=True)
    assert REFERRER_META in page.split("</head>")[0]


def test_opened_address_keeps_the_address_as_the_browser_has_it():
    assert opened_address("http://h:8050/potential?lang=en&x=%C5%A1", "h:8050") == (
        "/potential",
        "?lang=en&x=%C5%A1",
        "http://h:8050/potential?lang=en&x=%C5%A1",
    )
    assert opened_address("http://h:8050", "h:8050") == ("/", "", "http://h:8050")
    assert opened_address("http://h:8050/", "other:8050") is None


# Counts the page router's requests (their body names the router's output) from the page's
# first script on.
COUNT_ROUTER_REQUESTS = """
window.cimRouterAsks = 0;
const plainFetch = window.fetch;
window.fetch = function (input, init) {
  const url = typeof input === 'string' ? input : input.url;
  const body = init && typeof init.body === 'string' ? init.body : '';
  if (url.includes('_dash-update-component') && body.includes('_pages_content')) window.cimRouterAsks += 1;
  return plainFetch.apply(this, arguments);
};
"""
SHOWN = "return document.querySelector('#_pages_content ' + arguments[0]) !== null"
ROUTER_ASKS = "return window.cimRouterAsks"


@pytest.mark.browser
def test_a_cold_page_needs_no_router_and_moving_on_still_asks_it(dash_duo):
    dash_duo.start_server(create_app(Settings(default_language="en")))
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_ROUTER_REQUESTS})
    driver.get(f"{dash_duo.server_url}/potential?lang=en&sector=crafts-design")
    wait_until(lambda: driver.execute_script(SHOWN, f"#{ids.POTENTIAL_MAP} .js-plotly-plot"))
    time.sleep(0.5)  # a router request would have left with the page's first callbacks
    assert driver.execute_script(ROUTER_ASKS) == 0
    # The page is the address's: its state came from the query (no callback rewrote it).
    assert "sector=crafts-design" in driver.execute_script("return window.location.search")

    # Moving to another page inside the app asks the router, as before, and so does Back.
    driver.execute_script(
        "window.history.pushState({}, '', '/methodology?lang=en');"
        "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));"
    )
    wait_until(lambda: driver.execute_script(SHOWN, ".method-section"))
    assert driver.execute_script(ROUTER_ASKS) == 1
    driver.back()
    wait_until(lambda: driver.execute_script(SHOWN, f"#{ids.POTENTIAL_MAP}"))
    assert driver.execute_script(ROUTER_ASKS) == 2

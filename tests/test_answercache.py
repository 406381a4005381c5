"""Shared answers of the pure view callbacks (dashboard/web/answercache.py, issue 12's load).

The same request to a listed callback is answered again byte for byte without running the
callback; anything else -- another input, a callback with side effects, new data, a hostile
body -- runs as before. Callbacks are counted where Dash calls them, so without the cache the
"ran once" assertions fail.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from story_requests import save_story_body

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.components.kpis import KPI_NAMES
from dashboard.config import Settings
from dashboard.web import answercache, pagecache, runtime

ROUTE = "/_dash-update-component"
KPI_OUTPUT = '{"name":["ALL"],"type":"kpi"}.children'


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    stories = tmp_path_factory.mktemp("stories")
    return create_app(Settings(stories_dir=stories))


@pytest.fixture
def ran(app) -> Iterator[Counter]:
    """How often Dash called each callback (by output) during the test."""
    counts: Counter = Counter()
    originals = {key: entry["callback"] for key, entry in app.callback_map.items() if "callback" in entry}

    def counting(key, original):
        def run(*args, **kwargs):
            counts[key] += 1
            return original(*args, **kwargs)

        return run

    for key, original in originals.items():
        app.callback_map[key]["callback"] = counting(key, original)
    try:
        yield counts
    finally:
        for key, original in originals.items():
            app.callback_map[key]["callback"] = original


def _view_body(output: str, query: str, language: str = "en") -> dict:
    """A request of one of the map page's views fed by the filter state, as the renderer sends it."""
    if output == KPI_OUTPUT:
        outputs: object = [{"id": ids.kpi_id(name), "property": "children"} for name in KPI_NAMES]
    else:
        component, prop = output.rsplit(".", 1)
        outputs = {"id": component, "property": prop}
    return {
        "output": output,
        "outputs": outputs,
        "inputs": [{"id": ids.FILTER_STATE, "property": "data", "value": {"query": query}}],
        "changedPropIds": [f"{ids.FILTER_STATE}.data"],
        # The badge reads no language.
        "state": []
        if output.startswith(ids.DEMO_BADGE)
        else [{"id": ids.LANGUAGE, "property": "data", "value": language}],
    }


def test_every_listed_callback_is_registered_and_nothing_with_side_effects_is_listed(app):
    rules = answercache.shared_rules(app, ("/",))
    listed = {answercache.outputs_of(key) for key in rules}
    assert set(answercache.SHARED) <= listed  # a renamed output must be noticed here
    names = {app.callback_map[key]["callback"].__name__ for key in rules}
    for never in ("save_explore_view", "on_upload", "on_commit", "on_report", "export", "export_map"):
        assert never not in names
    for never in ("export_tables", "export_comparison", "download_report", "go_to_step", "edit_scenario"):
        assert never not in names
    # Nothing listed reads which input fired (changedPropIds is not in the key).
    assert "climb" not in names and "drill_down" not in names


def test_the_same_request_is_answered_again_byte_for_byte_without_running(app, ran):
    client = app.server.test_client()
    for output in ("sector-chart.figure", KPI_OUTPUT, "demo-badge.hidden"):
        body = _view_body(output, "?sector=arts,publishing")
        first = client.post(ROUTE, json=body)
        assert first.status_code == 200, first.get_data(as_text=True)[:300]
        assert ran[output] == 1
        # Another visitor, who changed something else first (changedPropIds differs).
        second = client.post(ROUTE, json={**body, "changedPropIds": ["explore-filter-state.data", "x.y"]})
        assert ran[output] == 1, "the second identical request ran the callback again"
        assert second.status_code == 200
        assert second.get_data() == first.get_data()
        assert second.headers["Content-Type"] == first.headers["Content-Type"]


def test_a_kept_answer_is_compressed_as_dash_compresses_its_own(app, ran):
    client = app.server.test_client()
    body = _view_body("sector-chart.figure", "?sector=film-media", language="sr-Cyrl")
    headers = {"Accept-Encoding": "gzip"}
    first = client.post(ROUTE, json=body, headers=headers)
    # The second is compressed from the kept answer, the third served compressed as kept.
    for again in (client.post(ROUTE, json=body, headers=headers) for _ in range(2)):
        for name in ("Content-Type", "Content-Encoding", "Vary", "Content-Length"):
            assert again.headers.get(name) == first.headers.get(name), name
        assert gzip.decompress(again.get_data()) == gzip.decompress(first.get_data())
    assert first.headers["Content-Encoding"] == "gzip"
    assert ran["sector-chart.figure"] == 1
    plain = client.post(ROUTE, json=body)  # a client that accepts no compression gets none
    assert "Content-Encoding" not in plain.headers
    assert plain.get_data() == gzip.decompress(first.get_data())


def test_another_input_or_language_is_computed(app, ran):
    client = app.server.test_client()
    output = "size-chart.figure"
    answers = {
        client.post(ROUTE, json=_view_body(output, query, language)).get_data()
        for query, language in (
            ("?sector=arts", "en"),
            ("?sector=heritage", "en"),
            ("?sector=arts", "sr-Latn"),
        )
    }
    assert ran[output] == 3
    assert len(answers) == 3


def test_identical_requests_arriving_together_compute_once(app, ran):
    key = next(k for k in app.callback_map if answercache.outputs_of(k) == {"founding-timeline.figure"})
    counting = app.callback_map[key]["callback"]

    def slow(*args, **kwargs):
        time.sleep(0.2)
        return counting(*args, **kwargs)

    app.callback_map[key]["callback"] = slow
    body = _view_body("founding-timeline.figure", "?sector=crafts-design")
    answers: list[bytes] = []

    def ask() -> None:
        answers.append(app.server.test_client().post(ROUTE, json=body).get_data())

    threads = [threading.Thread(target=ask) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ran[key] == 1
    assert len(answers) == 5 and len(set(answers)) == 1


def test_callbacks_with_side_effects_or_not_listed_always_run(app, ran):
    client = app.server.test_client()
    # Saving a story (refused here: a foreign Host, so nothing is written) runs every time.
    body = save_story_body("never-written", "Never written", "?municipality=pirot")
    foreign = {"Host": "evil.example", "Origin": "http://evil.example"}
    answers = [client.post(ROUTE, json=body, headers=foreign) for _ in range(2)]
    assert all(a.status_code == 200 for a in answers)
    assert ran[body["output"]] == 2
    # A pure callback that is not listed runs every time too.
    pick = {
        "output": f"{ids.POTENTIAL_PROFILE_PICK}.value",
        "outputs": {"id": ids.POTENTIAL_PROFILE_PICK, "property": "value"},
        "inputs": [
            {"id": ids.POTENTIAL_MAP, "property": "clickData", "value": {"points": [{"location": "nis"}]}}
        ],
        "changedPropIds": [f"{ids.POTENTIAL_MAP}.clickData"],
        "state": [],
    }
    for _ in range(2):
        client.post(ROUTE, json=pick)
    assert ran[pick["output"]] == 2


def test_answers_of_old_data_are_not_served_after_a_new_runtime(app, ran):
    client = app.server.test_client()
    body = _view_body("demo-badge.hidden", "?sector=it-software")
    before = runtime.current()
    client.post(ROUTE, json=body)
    client.post(ROUTE, json=body)
    assert ran["demo-badge.hidden"] == 1
    runtime.install(dataclasses.replace(before, generation="after-an-import"))  # as an import does
    try:
        assert answercache.answers() is not before.memo.get(answercache.MEMO_NAME, "answers", object)
        assert client.post(ROUTE, json=body).status_code == 200
        assert ran["demo-badge.hidden"] == 2
        client.post(ROUTE, json=body)
        assert ran["demo-badge.hidden"] == 2
    finally:
        runtime.install(before)


def test_page_opens_are_shared_until_the_stories_change(app, ran):
    client = app.server.test_client()
    body = answercache.router_body("/methodology", "?lang=sr-Latn")
    router = pagecache.router_key(app)
    first = client.post(ROUTE, json=body).get_data()
    assert client.post(ROUTE, json=body).get_data() == first
    assert ran[router] == 1
    # A page not kept (its layout reads files that change) is built every time.
    for _ in range(2):
        client.post(ROUTE, json=answercache.router_body("/present", "?lang=en"))
    assert ran[router] == 3
    # The stories folder changes (a story saved): the kept pages are built again.
    stories = runtime.current().settings.stories_folder
    time.sleep(0.01)
    (stories / "touched.txt").write_text("x")
    client.post(ROUTE, json=body)
    assert ran[router] == 4


def test_a_page_is_shared_whatever_the_order_of_its_query(app, ran):
    client = app.server.test_client()
    code = str(runtime.current().data.municipalities.index[0])
    router = pagecache.router_key(app)
    answers = {
        client.post(ROUTE, json=answercache.router_body("/profile", search)).get_data()
        for search in (f"?lang=sr-Cyrl&municipality={code}", f"?municipality={code}&lang=sr-Cyrl")
    }
    assert ran[router] == 1 and len(answers) == 1


def test_warming_builds_the_pages_before_the_first_visitor(app, ran):
    assert answercache.warm(app, ["/compare"]) == 4  # no language, and each of the three
    built = ran[pagecache.router_key(app)]
    assert built == 4
    client = app.server.test_client()
    for search in ("", "?lang=en", "?lang=sr-Latn"):
        for encoding in ("", answercache.BROWSER_ENCODING):
            headers = {"Accept-Encoding": encoding}
            response = client.post(ROUTE, json=answercache.router_body("/compare", search), headers=headers)
            assert response.status_code == 200
    assert ran[pagecache.router_key(app)] == built


@pytest.mark.parametrize(
    "data",
    [
        b"{not json",
        b'"a string"',
        json.dumps({"output": ["x"], "inputs": [[[[]]]], "state": {"a": 1}}).encode(),
        json.dumps({**_view_body("demo-badge.hidden", "?sector=arts"), "state": {"a": 1}}).encode(),
        json.dumps(
            {"output": "demo-badge.hidden", "outputs": "x", "inputs": "x", "changedPropIds": 3}
        ).encode(),
        json.dumps({**_view_body("demo-badge.hidden", "?sector=arts"), "inputs": [{}]}).encode(),
        json.dumps(
            {
                **_view_body("demo-badge.hidden", "?"),
                "inputs": [{"id": ids.FILTER_STATE, "property": "data", "value": 5}],
            }
        ).encode(),
    ],
)
def test_a_hostile_body_is_refused_as_before_and_never_kept(app, ran, data):
    client = app.server.test_client()
    kept = len(answercache.answers())
    answered = [client.post(ROUTE, data=data, content_type="application/json") for _ in range(2)]
    assert [a.status_code for a in answered] == [400, 400]
    assert len(answercache.answers()) == kept
    # Exactly what Dash's own view answers (through the app's error handling) without the cache.
    shared = app.server.view_functions[ROUTE]
    app.server.view_functions[ROUTE] = shared.__wrapped__
    try:
        plain = client.post(ROUTE, data=data, content_type="application/json")
    finally:
        app.server.view_functions[ROUTE] = shared
    assert answered[1].get_data() == plain.get_data()


def test_a_large_body_goes_to_dash_every_time(app, ran):
    client = app.server.test_client()
    body = _view_body("demo-badge.hidden", "?sector=arts")
    body["inputs"][0]["value"]["padding"] = "x" * (answercache.MAX_BODY_BYTES + 1)  # read by no one
    kept = len(answercache.answers())
    for _ in range(2):
        assert client.post(ROUTE, json=body).status_code == 200
    assert ran["demo-badge.hidden"] == 2
    assert len(answercache.answers()) == kept


def test_the_kept_answers_are_bounded_in_number_and_bytes():
    answers = answercache.Answers(kept=3, kept_bytes=100)
    for key in "abcd":
        answers.put(key, (None, b"x" * 10))
    assert len(answers) == 3 and answers.get("a") is None  # the oldest went first
    answers.get("b")  # b is used: c goes next
    answers.put("e", ("gzip", b"y" * 60))
    assert answers.size <= 100 and answers.get("b") is not None and answers.get("c") is None
    answers.put("huge", (None, b"z" * 101))  # larger than the whole budget: not kept
    assert answers.get("huge") is None and answers.size <= 100

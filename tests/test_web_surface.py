"""The web surface under hostile use (issue 12): callback requests with wrong bodies, a
DNS-rebinding save of a story, markup in names drawn by Plotly, and what a visitor is told
about the server (no paths, no configuration names)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import dash
import pytest
from conftest import write_tiny_region
from plotly.utils import PlotlyJSONEncoder
from served_pages import PAGE_PATHS

from dashboard.app import create_app
from dashboard.components.problems import public_problem, without_paths
from dashboard.config import PROJECT_ROOT, Settings
from dashboard.figures.text import plotly_text
from dashboard.i18n import LANGUAGES
from dashboard.outputs.stories import may_edit
from dashboard.sources.problems import Problem

TRACEBACK = re.compile(r"Traceback|File \"|line \d+, in ")
HOSTILE_NAME = '<b>X</b><a href="http://evil">y</a>'
UPLOAD = "import-upload"  # the import page's upload (its module is Dash's to import: DEVELOPERS.md)


def _layout_text(path: str, **query) -> str:
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return json.dumps(page["layout"](**query).to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)


# ----------------------------------------------------------------------------- callbacks


def _concrete(id_text: str) -> tuple[object, bool]:
    """A component id for a dependency's id: wildcards filled in; whether it is an ALL."""
    if not id_text.startswith("{"):
        return id_text, False
    pattern = json.loads(id_text)
    many = any(value == ["ALL"] for value in pattern.values())
    return {key: ("x" if isinstance(value, list) else value) for key, value in pattern.items()}, many


def _specs(items: list[dict], value: object) -> list:
    specs = []
    for item in items:
        component, many = _concrete(item["id"])
        spec = {"id": component, "property": item["property"], "value": value}
        specs.append([spec] if many else spec)
    return specs


def _outputs(output: str) -> list:
    parts = output.strip(".").split("...") if output.startswith("..") else [output]
    specs = []
    for part in parts:
        part = part.split("@")[0]
        component, _, prop = part.rpartition(".")
        concrete, many = _concrete(component)
        spec = {"id": concrete, "property": prop}
        specs.append([spec] if many else spec)
    return specs


JUNK = [
    "x",
    -1,
    1e308,
    None,
    {"points": "x"},
    {"points": [{"location": {"a": 1}, "pointIndex": "x"}]},
    [["a", {"b": [None]}], 3],
    list(range(20_000)),
]


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("surface")
    settings = Settings(
        stories_dir=folder / "stories",
        store_path=folder / "store.gpkg",
        chromium=folder / "no-chromium",
    )
    (folder / "stories").mkdir()
    app = create_app(settings)
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # dash.callback callbacks join the app on the first request
    return app, client


def _assert_answered(response, what) -> None:
    text = response.get_data(as_text=True)
    assert response.status_code != 500, (what, text[:300])
    assert not TRACEBACK.search(text), (what, text[:300])


def test_every_callback_answers_bad_input_without_a_server_error(fuzz_app):
    """For every server callback: wrong types, nested junk and huge lists in every input give a
    4xx or an answer, never a 500 or a traceback."""
    _, client = fuzz_app
    dependencies = client.get("/_dash-dependencies").get_json()
    server_side = [d for d in dependencies if not d.get("clientside_function")]
    assert len(server_side) > 20
    bad_requests = 0
    for dependency in server_side:
        outputs = _outputs(dependency["output"])
        for value in JUNK:
            inputs = _specs(dependency["inputs"], value)
            first = inputs[0][0] if isinstance(inputs[0], list) else inputs[0]
            body = {
                "output": dependency["output"],
                "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": inputs,
                "state": _specs(dependency["state"], value),
                "changedPropIds": [f"{json.dumps(first['id'], sort_keys=True)}.{first['property']}"],
            }
            response = client.post("/_dash-update-component", json=body)
            _assert_answered(response, (dependency["output"], value))
            bad_requests += response.status_code == 400
    assert bad_requests > 0  # some junk is refused as such (a test that could not fail is none)


@pytest.mark.parametrize(
    "body",
    [
        [],
        "x",
        {},
        {"output": "compare-url-sync.children"},
        {"output": "no-such.thing", "outputs": {"id": "no-such", "property": "thing"}, "inputs": []},
        {"output": "demo-badge.hidden", "outputs": "x", "inputs": "x", "changedPropIds": 3},
        {
            "output": "demo-badge.hidden",
            "outputs": {"id": "demo-badge", "property": "hidden"},
            "inputs": [{}],
        },
        {"output": ["x"], "inputs": [[[[]]]], "state": {"a": 1}},
    ],
)
def test_malformed_callback_bodies_are_refused(fuzz_app, body):
    _, client = fuzz_app
    response = client.post("/_dash-update-component", json=body)
    _assert_answered(response, body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "bad_request"


def test_a_body_that_is_not_json_is_refused(fuzz_app):
    _, client = fuzz_app
    response = client.post("/_dash-update-component", data=b"{not json", content_type="application/json")
    _assert_answered(response, "not json")
    assert response.status_code == 400


# ----------------------------------------------------------------------------- stories


def _save_story(client, headers: dict[str, str]) -> str:
    """ "Add this view to a story" as the browser posts it, with ``headers``."""
    from story_requests import save_story_body

    body = save_story_body("rebinding", "Rebinding", "?municipality=pirot")  # a story not there yet
    response = client.post("/_dash-update-component", json=body, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json())


@pytest.mark.parametrize(
    ("headers", "saved"),
    [
        ({"Host": "127.0.0.1:8050", "Origin": "http://127.0.0.1:8050"}, True),
        ({"Host": "localhost:8050", "Referer": "http://localhost:8050/?lang=en"}, True),
        ({"Host": "evil.example", "Origin": "http://evil.example"}, False),  # DNS rebinding
        ({"Host": "evil.example:8050"}, False),
        ({"Host": "127.0.0.1:8050", "Origin": "http://evil.example"}, False),  # posted from elsewhere
        ({"Host": "127.0.0.1:8050", "Origin": "null"}, False),
        ({"Host": "localhost:8050", "Referer": "http://evil.example/page"}, False),
    ],
)
def test_a_story_is_saved_without_a_credential_only_for_this_computer(fuzz_app, headers, saved):
    """From loopback with no editor credential, a story is saved only when the browser addressed
    the app by its own name, and the page that asked is the app's."""
    _, client = fuzz_app
    from dashboard.web.runtime import current

    story = current().settings.stories_folder / "rebinding.toml"
    story.unlink(missing_ok=True)
    answer = _save_story(client, headers)
    assert story.exists() is saved, answer
    if not saved:
        assert "the computer the app runs on" in answer and "CIM_" not in answer


def test_may_edit_knows_the_configured_host():
    headers = {"Host": "cim.local:8050", "Origin": "http://cim.local:8050"}
    assert may_edit("", None, "127.0.0.1", headers, configured_host="cim.local") is None
    assert may_edit("", None, "127.0.0.1", headers, configured_host="0.0.0.0") == "not_allowed"
    assert may_edit("", None, "127.0.0.1", {"Host": "[::1]:8050"}) is None
    assert may_edit("", None, "10.0.0.2", {"Host": "localhost"}) == "not_allowed"


# ----------------------------------------------------------------------------- markup in names


def test_plotly_text_escapes_markup_and_placeholders():
    assert plotly_text(HOSTILE_NAME) == '&lt;b&gt;X&lt;/b&gt;&lt;a href="http://evil"&gt;y&lt;/a&gt;'
    assert plotly_text("%{x} & 5%") == "&#37;{x} &amp; 5&#37;"
    assert plotly_text(None) == ""


def _upload(text: str) -> str:
    return "data:text/csv;base64," + base64.b64encode(text.encode()).decode()


def test_a_firm_named_with_markup_is_shown_as_text_in_the_import_preview(fuzz_app):
    """The import page's preview map draws the uploaded firms' names in its hover labels."""
    _, client = fuzz_app
    csv = (
        "registration_number,name,nace,municipality,employees,founding_year\n"
        f'12345678,"{HOSTILE_NAME.replace(chr(34), chr(34) * 2)}",59.11,pirot,3,2015\n'
    )
    values = {
        (UPLOAD, "contents"): [_upload(csv)],
        (UPLOAD, "filename"): ["firms.csv"],
        ("import-language", "data"): "en",
    }
    dependencies = client.get("/_dash-dependencies").get_json()
    check = next(
        d for d in dependencies if any(i["id"] == UPLOAD and i["property"] == "contents" for i in d["inputs"])
    )

    def specs(items):
        return [{**item, "value": values.get((item["id"], item["property"]))} for item in items]

    body = {
        "output": check["output"],
        "outputs": _outputs(check["output"]),
        "inputs": specs(check["inputs"]),
        "state": specs(check["state"]),
        "changedPropIds": [f"{UPLOAD}.contents"],
    }
    response = client.post("/_dash-update-component", json=body)
    text = response.get_data(as_text=True)
    assert response.status_code == 200, text[:500]
    figures = _figures(json.dumps(response.get_json()["response"]))
    hover = [t for f in figures for t in f["data"] if t.get("type") == "scattermap" and t.get("text")]
    assert hover, "the preview map was not drawn"
    (label,) = hover[0]["text"]
    assert label.startswith(plotly_text(HOSTILE_NAME) + "<br>")  # escaped; the app's own <br> kept


@pytest.fixture
def hostile_region(tmp_path):
    """The tiny region with a municipality whose name is markup."""
    folder = write_tiny_region(tmp_path / "tiny")
    reference = folder / "reference" / "municipalities.csv"
    hostile = HOSTILE_NAME.replace('"', '""')
    reference.write_text(
        reference.read_text(encoding="utf-8").replace(
            ",Alfa,Алфа,Alpha,", f',"{hostile}","{hostile}","{hostile}",'
        ),
        encoding="utf-8",
    )
    return folder


def _figures(layout_text: str) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "figure" in node.get("props", {}) and node["props"]["figure"]:
                found.append(node["props"]["figure"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(layout_text))
    return found


def _plotly_drawn(figure: dict) -> str:
    """What Plotly draws as SVG text: every trace's hover and category data, names, layout
    (MapLibre ``mode="text"`` label layers left out: MapLibre does not read markup)."""
    traces = [
        t
        for t in figure.get("data", [])
        if not (t.get("type") in ("scattermap", "scattermapbox") and t.get("mode") == "text")
    ]
    drawn = [{k: v for k, v in t.items() if k not in ("geojson",)} for t in traces]
    return json.dumps(
        [drawn, {k: v for k, v in figure.get("layout", {}).items() if k != "map"}], ensure_ascii=False
    )


@pytest.mark.parametrize(
    ("path", "query"), [("/potential", {}), ("/compare", {"municipality": "alpha,beta"})]
)
def test_a_place_named_with_markup_is_escaped_in_figures(hostile_region, path, query):
    create_app(Settings(region_dir=hostile_region))
    figures = _figures(_layout_text(path, lang="en", **query))
    assert figures
    drawn = "".join(_plotly_drawn(f) for f in figures)
    assert plotly_text(HOSTILE_NAME).replace('"', '\\"') in drawn
    assert "<b>X" not in drawn and "<a href" not in drawn


# ----------------------------------------------------------------------------- what visitors see


@pytest.fixture
def damaged_store(tmp_path):
    store = tmp_path / "secret-server-folder" / "store.gpkg"
    store.parent.mkdir()
    store.write_bytes(b"this is not a GeoPackage" * 100)
    return store


def test_no_server_path_or_configuration_name_is_shown(damaged_store):
    """Every page in every language, with a damaged store: the footer names the problem and the
    file, never the folder; no ``CIM_`` setting is named to visitors."""
    app = create_app(Settings(store_path=damaged_store))
    client = app.server.test_client()
    secret = str(damaged_store.parent)
    shown_problem = False
    for path in PAGE_PATHS:
        served = client.get(path).get_data(as_text=True)
        assert secret not in served and "CIM_" not in served
        for language in LANGUAGES:
            text = _layout_text(path, lang=language)
            for forbidden in (secret, str(PROJECT_ROOT), "CIM_", "DATABASE_URL"):
                assert forbidden not in text, (path, language, forbidden)
            shown_problem |= "store.gpkg" in text
    assert shown_problem  # the damaged store is reported, by its name


def test_problems_keep_the_file_name_only():
    problem = Problem(
        file="/srv/cim/data/store.gpkg",
        code="file_unreadable",
        details={"error": "'/srv/cim/data/store.gpkg' not recognized as a supported file format"},
    )
    public = public_problem(problem)
    assert public.file == "store.gpkg"
    assert public.details["error"] == "'store.gpkg' not recognized as a supported file format"
    assert without_paths(r"C:\Users\admin\cim\store.gpkg") == "store.gpkg"
    assert without_paths("see http://example.org/a/b") == "see http://example.org/a/b"


def test_the_import_page_names_no_setting(tmp_path):
    """Without an editor credential the page says so in words, not by a variable's name."""
    create_app(Settings(store_path=tmp_path / "store.gpkg"))
    for language in LANGUAGES:
        text = _layout_text("/import", lang=language)
        assert "CIM_" not in text and str(tmp_path) not in text
    assert "configured by the administrator" in _layout_text("/import", lang="en")


@pytest.mark.browser
def test_plotly_shows_escaped_text_literally_in_chromium():
    """What the escaping is for, checked where it matters: Plotly (the app's own copy) in headless
    Chromium draws an escaped name as typed, in a tick label and in a hover label, with no link,
    no bold text and no placeholder filled in."""
    sync_api = pytest.importorskip("playwright.sync_api")
    import plotly

    name = HOSTILE_NAME + " 5% %{x}"
    script = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [1],
                "y": [plotly_text(name)],
                "customdata": [plotly_text(name)],
                "hovertemplate": "%{customdata} · " + plotly_text(name) + "<extra></extra>",
            }
        ],
        "layout": {"width": 700, "height": 300, "yaxis": {"automargin": True}},
    }
    page_html = (
        f"<html><body><div id=g></div><script>{script}</script>"
        f"<script>Plotly.newPlot('g', {json.dumps(figure)});</script></body></html>"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--use-gl=swiftshader",
                "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page()
            page.set_content(page_html)
            page.wait_for_selector(".ytick text")
            assert page.eval_on_selector_all(".ytick text", "els => els.map(e => e.textContent)") == [name]
            box = page.locator(".bars path").first.bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_selector(".hoverlayer text")
            hover = page.eval_on_selector_all(".hoverlayer text", "els => els.map(e => e.textContent)")
            assert hover == [f"{name} · {name}"]
            assert page.eval_on_selector_all("svg a", "els => els.length") == 0
        finally:
            browser.close()

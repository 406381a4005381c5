"""The served app: offline by construction, robust to bad data, and any region is data."""

from __future__ import annotations

import base64
import json
import re
import shutil

import dash
import pytest
from dash._utils import split_callback_id
from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder
from served_pages import PAGE_PATHS

from dashboard.app import create_app
from dashboard.components.table import DEFAULT_COLUMNS, enterprise_grid
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.sources.region import ManifestError, load_region
from dashboard.web import runtime

EXTERNAL_URL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
CSS_REMOTE = re.compile(r"""url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)


def run_callback(app, output: str, outputs, inputs: list[dict]) -> dict:
    """Call one callback through the app's HTTP endpoint, as the browser does."""
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # dash.callback callbacks join the app on the first request
    changed = [
        f"{json.dumps(i['id'], separators=(',', ':'), sort_keys=True)}.{i['property']}" for i in inputs
    ]
    response = client.post(
        "/_dash-update-component",
        json={
            "output": output,
            "outputs": outputs,
            "inputs": inputs,
            "changedPropIds": changed[:1],
            "state": [],
        },
    )
    return response.get_json()["response"]


def page_text(lang: str | None = None) -> str:
    """All text of the main page's layout as Dash renders it for ``?lang=...``."""
    layout = dash.page_registry["pages.explore"]["layout"](lang=lang)
    return json.dumps(layout.to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)


def test_every_page_is_checked_for_outside_references():
    create_app(Settings())
    assert {p["path"] for p in dash.page_registry.values()} == set(PAGE_PATHS)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_served_page_references_nothing_outside_the_app(path):
    app = create_app(Settings())
    client = app.server.test_client()
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert not EXTERNAL_URL.search(html), EXTERNAL_URL.search(html)
    # Every script and stylesheet the page names is served by this app.
    referenced = re.findall(r"""(?:src|href)="([^"]+)\"""", html)
    assert any(url.endswith(".css") or ".css?" in url for url in referenced)
    for url in referenced:
        if url.startswith("#"):
            continue  # a place on the page itself (the top bar's skip link)
        if url.startswith("?"):
            url = path + url  # the same page in another language (the top bar's links)
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url
    # Stylesheets pull no remote fonts or images.
    for url in (u for u in referenced if ".css" in u):
        assert not CSS_REMOTE.search(client.get(url).get_data(as_text=True)), url
    # The map style names no tile server or remote glyphs; the glyph files exist.
    # The map style the app hands to every map names no tile server and fetches no remote font.
    style = json.dumps(runtime.current().style)
    assert "http" not in style and style.count("/assets/glyphs/") == 1
    assert client.get("/assets/glyphs/Open%20Sans%20Regular/0-255.pbf").status_code == 200
    assert client.get("/assets/glyphs/Open%20Sans%20Bold/1024-1279.pbf").status_code == 200


def test_responses_are_compressed():
    app = create_app(Settings())
    response = app.server.test_client().get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


def test_language_comes_from_the_url():
    create_app(Settings())  # loads the data the page layout reads
    english = page_text("en")
    cyrillic = page_text("sr-Cyrl")
    latin = page_text()
    assert "Creative Industries Map of South Serbia" in english
    assert "Мапа креативних индустрија Јужне Србије" in cyrillic
    assert "Mapa kreativnih industrija Južne Srbije" in latin
    assert "Демонстрациони подаци" in cyrillic  # the synthetic-data badge, in the chosen script


def test_app_starts_with_broken_data_and_says_what_is_wrong(tmp_path):
    region = tmp_path / "data"
    shutil.copytree(DEFAULT_REGION_DIR, region, ignore=shutil.ignore_patterns("store"))
    (region / "geo" / "municipalities.geojson").write_text("not geojson at all", encoding="utf-8")
    (region / "mapping" / "demo_enterprises.csv").write_text(
        "registration_number,name,nace,municipality,employees\n92000001,Good,62.01,nis,3\n92000002,,62.01,nis,x\n",
        encoding="utf-8",
    )
    app = create_app(Settings(region_dir=region, default_language="en"))
    html = page_text()
    assert "Data problems: 3" in html  # corrupt boundaries + empty name + employees not a number
    assert "The file cannot be read" in html
    assert "The business name is empty." in html
    # Without municipal polygons the map says so and falls back to the seats.
    assert "Municipality boundaries are not available" in html
    # The footer's button hands over every problem as CSV, in the page's language.
    response = run_callback(
        app,
        '{"lang":["MATCH"],"type":"problems-report-download"}.data',
        {"id": {"type": "problems-report-download", "lang": "en"}, "property": "data"},
        [{"id": {"type": "problems-report-button", "lang": "en"}, "property": "n_clicks", "value": 1}],
    )
    download = response[
        json.dumps({"lang": "en", "type": "problems-report-download"}, separators=(",", ":"))
    ]["data"]
    report = base64.b64decode(download["content"]).decode("utf-8-sig").splitlines()
    assert report[0].split(",")[:4] == ["File", "Row", "Column", "Value"]
    assert len(report) == 1 + 3 and any("employees" in line and ",x," in line for line in report)


def _components(component) -> list[Component]:
    """Every component with an id in a layout, including those held in props other than children."""
    if isinstance(component, (list, tuple)):
        return [c for item in component for c in _components(item)]
    if isinstance(component, dict):
        return [c for item in component.values() for c in _components(item)]
    if not isinstance(component, Component):
        return []
    own = [component] if getattr(component, "id", None) is not None else []
    return own + [c for name in component._prop_names for c in _components(getattr(component, name, None))]


def test_every_callback_names_components_some_page_has(tmp_path):
    """The browser does not check callbacks against the pages (that would ship every page's
    layout with the first one), so this test does: a typo in an id or a property fails here."""
    region = tmp_path / "data"
    shutil.copytree(DEFAULT_REGION_DIR, region, ignore=shutil.ignore_patterns("store"))
    (region / "mapping" / "demo_enterprises.csv").write_text(
        "registration_number,name,nace,municipality,employees\n92000001,Good,62.01,nis,3\n92000002,,62.01,nis,x\n",
        encoding="utf-8",
    )  # a problem, so the footer's report button is on every page
    app = create_app(Settings(region_dir=region, default_language="en"))
    app.server.test_client().get("/")  # callbacks registered with dash.callback join the app here
    known = _components(app.layout() if callable(app.layout) else app.layout)
    for page in dash.page_registry.values():
        known += _components(page["layout"]() if callable(page["layout"]) else page["layout"])
    # Some components appear only in a state: the breadcrumb once a district is chosen.
    known += _components(dash.page_registry["pages.explore"]["layout"](district="RS-20"))
    # ...a what-if change's remove button once the scenario holds a change...
    known += _components(dash.page_registry["pages.potential"]["layout"](scenario="nis:arts:5"))
    # ...and the enterprise grid once the table scrolls into view.
    known += _components(enterprise_grid(list(DEFAULT_COLUMNS), "en"))

    def matches(have, wanted) -> bool:
        if isinstance(wanted, str) or not isinstance(have, dict):
            return have == wanted
        return have.keys() == wanted.keys() and all(
            isinstance(value, list) or have[key] == value for key, value in wanted.items()
        )

    def exists(wanted, prop: str) -> bool:
        found = [c for c in known if matches(c.id, wanted)]
        return bool(found) and all(prop in c._prop_names for c in found)

    assert app._callback_list, "no callbacks registered"
    for callback in app._callback_list:
        outputs = split_callback_id(callback["output"])
        for reference in [
            *(outputs if isinstance(outputs, list) else [outputs]),
            *callback["inputs"],
            *callback["state"],
        ]:
            wanted = reference["id"]
            wanted = json.loads(wanted) if wanted.startswith("{") else wanted
            prop = reference["property"].split("@")[0]  # allow_duplicate outputs carry "@<hash>"
            assert exists(wanted, prop), f"{callback['output']} uses {wanted!r}.{prop}, which no page has"


def test_a_second_region_needs_data_alone(tiny_region):
    app = create_app(Settings(region_dir=tiny_region, default_language="en"))
    html = page_text()
    assert "Tiny test region" in html
    assert "Alpha" in html and "Second district" in html
    assert "Data problems" not in html  # Cyrillic 'Бета' and 'Alpha' resolved; all rows valid
    # Region as data holds for every text: its title names no other region.
    assert "South Serbia" not in html and "Creative Industries Map" in html
    first_html = app.server.test_client().get("/?lang=en").get_data(as_text=True)
    assert "South Serbia" not in first_html and "Creative Industries Map" in first_html


def test_region_manifest_errors_are_clear(tmp_path):
    with pytest.raises(ManifestError, match="region manifest not found"):
        load_region(tmp_path)
    (tmp_path / "region.toml").write_text('id = "x"\n[files]\nsectors = "s.csv"\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"missing files\.municipality_reference"):
        load_region(tmp_path)
    minimal = '[files]\nsectors = "s"\nnace = "n"\nmunicipality_reference = "m"\ndistrict_reference = "d"\n'
    (tmp_path / "region.toml").write_text(
        'id = "x"\n' + minimal + "[validation]\nregistration_number_digits = 'eight'\n"
    )
    with pytest.raises(ManifestError, match="registration_number_digits must be a whole number"):
        load_region(tmp_path)


def test_requests_far_beyond_the_upload_limit_are_refused_before_any_callback_runs():
    app = create_app(Settings(max_upload_mb=1))
    client = app.server.test_client()
    response = client.post(
        "/_dash-update-component", data=b"x" * (7 * 1024 * 1024), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("?lang=sr-Cyrl", "Потенцијал · Мапа креативних индустрија Јужне Србије"),
        ("?lang=en&sector=arts", "Potential · Creative Industries Map of South Serbia"),
        ("", "Potencijal · Mapa kreativnih industrija Južne Srbije"),  # the default language
    ],
)
def test_the_browser_tab_title_speaks_the_language_of_the_address(search, expected):
    response = run_callback(
        create_app(Settings(default_language="sr-Latn")),
        ".._pages_content.children..._pages_store.data..",
        [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        [
            {"id": "_pages_location", "property": "pathname", "value": "/potential"},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
    )
    assert response["_pages_store"]["data"]["title"] == expected
    # The first HTML (the tab before scripts run, and a link preview) names the page the same way.
    app = create_app(Settings(default_language="sr-Latn"))
    first = app.server.test_client().get("/potential" + search).get_data(as_text=True)
    assert f"<title>{expected}</title>" in first
    assert f'property="og:title" content="{expected}"' in first


def test_hexagons_say_what_they_count_when_a_per_capita_indicator_is_chosen():
    create_app(Settings())
    layout = dash.page_registry["pages.explore"]["layout"]

    def text(**query: str) -> str:
        return json.dumps(layout(**query).to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)

    per_capita = text(lang="sr-Latn", level="hexagon", metric="enterprises_per_1000")
    assert "Šestouglovi prikazuju: Broj preduzeća. Izabrani pokazatelj (Preduzeća na 1.000 stanovnika)" in (
        per_capita
    )
    # Counts and employees are what hexagons show anyway: nothing to explain.
    assert "Hexagons show" not in text(lang="en", level="hexagon", metric="enterprises")
    assert "Hexagons show" not in text(lang="en", level="hexagon", metric="employees")
    assert "Hexagons show" not in text(lang="en", level="municipality", metric="enterprises_per_1000")


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_a_page_loads_plotly_only_when_it_shows_a_graph(path):
    """Pages registered with graphs=False say so in their first HTML (assets/plotly_early.js
    then fetches no plotly.js); the flag must match what the page's layout holds."""
    app = create_app(Settings())
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    layout = json.dumps(page["layout"](lang="en").to_plotly_json(), cls=PlotlyJSONEncoder)
    shows_graph = '"type": "Graph"' in layout
    first_html = app.server.test_client().get(path).get_data(as_text=True)
    assert ('name="cim-graphs" content="none"' in first_html) is (not shows_graph)
    # A page registered with maps=False gets plotly.js without its map traces: it must show none.
    if 'name="cim-graphs" content="charts"' in first_html:
        traces = re.findall(r'"type": "(\w+)"', layout)
        assert shows_graph and not set(traces) & {"choroplethmap", "scattermap", "densitymap"}, traces

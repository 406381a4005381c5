"""Issue 14 in the interface: the clusters and agenda pages, what-if on the potential page,
peers in the profile and comparison, cultural places -- in every language, their callbacks
called as Dash calls them, downloads read back, and the store never touched by a scenario."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
from pathlib import Path

import dash
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.app import create_app
from dashboard.components import beyond_ids as bid
from dashboard.config import Settings
from dashboard.figures.clusters import TRACE_CENTRES, TRACE_HULLS, TRACE_PLACES
from dashboard.i18n import LANGUAGES, translate
from dashboard.web.runtime import current
from tests.conftest import write_tiny_region

SCENARIO = "pirot:crafts-design:20:60,prokuplje:it-software:15:0:2026"


def _find(component, wanted_id):
    return next(c for c in component._traverse() if getattr(c, "id", None) == wanted_id)


def _layout(path: str, **query):
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return page["layout"](**query)


def _json(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)


# ----------------------------------------------------------------------------- a tiny region with clusters


def _tiny_with_clusters(folder: Path) -> Path:
    """Two municipalities: twelve craft firms within a few hundred metres in Alfa (one cluster),
    two firms far apart, two without coordinates (placed at the seat: left out), and a
    cultural-places file with one faulty row."""
    rows = ["registration_number,name,nace,municipality,settlement,lon,lat,employees,founding_year,synthetic"]
    for i in range(12):
        lon, lat = 10.02 + 0.0005 * (i % 4), 50.02 + 0.0005 * (i // 4)
        rows.append(f"C-{i},Atelier {i},32.12,alpha,,{lon:.4f},{lat:.4f},2,{2010 + i},true")
    rows += [
        "F-1,Studio Far,62.01,alpha,,10.09,50.09,3,2020,true",
        "F-2,Print Far,58.11,beta,,10.17,50.04,1,2015,true",
        "S-1,Seat One,62.01,beta,,,,4,2018,true",
        "S-2,Seat Two,58.11,beta,,,,1,2019,true",
    ]
    region = write_tiny_region(folder, enterprises_csv="\n".join(rows) + "\n")
    (region / "culture").mkdir()
    (region / "culture" / "places.csv").write_text(
        "name,kind,municipality,settlement,lon,lat,source,url\n"
        "Museum <b>One</b>,museum,alpha,,10.03,50.03,test list,\n"
        "Library Two,library,Beta,,,,test list,\n"
        "Nowhere,castle,alpha,,,,test list,\n",
        encoding="utf-8",
    )
    manifest = region / "region.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'enterprises = "mapping/enterprises.csv"',
            'enterprises = "mapping/enterprises.csv"\ncultural_places = "culture/places.csv"',
        )
        + "[clusters]\nradius_m = 500\nmin_size = 10\n",
        encoding="utf-8",
    )
    return region


@pytest.fixture(scope="module")
def tiny_app(tmp_path_factory):
    app = create_app(Settings(region_dir=_tiny_with_clusters(tmp_path_factory.mktemp("tiny") / "r")))
    yield app
    create_app(Settings())  # the other modules' tests expect the project's region


def test_the_clusters_page_maps_the_cluster_counts_the_left_out_and_the_cultural_places(tiny_app):
    runtime = current()
    assert runtime.data.cultural_places is not None and len(runtime.data.cultural_places) == 2
    assert any(p.code == "place_kind_unknown" for p in runtime.data.problems)  # the castle is reported
    page = _layout("/clusters", lang="en")
    figure = _find(page, bid.CLUSTERS_MAP).figure
    hulls, centres, places = figure.data[TRACE_HULLS], figure.data[TRACE_CENTRES], figure.data[TRACE_PLACES]
    assert (
        len(hulls.geojson["features"]) == 1 and hulls.geojson["features"][0]["geometry"]["type"] == "Polygon"
    )
    assert list(centres.text) == ["12"]
    assert places.visible and len(places.lon) == 2
    assert "&lt;b&gt;One&lt;/b&gt;" in places.customdata[0][0]  # a place's name is data, never markup
    text = _json(page)
    assert "Left out because they are placed only at the municipal seat: 2 firms." in text
    assert "Clusters: 1 (radius 500 m, at least 10 firms)" in text and "12 of the 14 located" in text
    assert "Purple dots: cultural places (2; places.csv)." in text
    assert "Firms" in text and "2010–2021 (median 2015.5)" in text


def test_clusters_settings_are_bounded_and_every_view_follows_the_state(tiny_app):
    page = sys.modules["pages.clusters"]
    runtime = current()
    default = runtime.data.taxonomy.default_definition
    assert page.derive_state([], default, 500, 10) == ""  # the defaults write nothing
    query = page.derive_state(["crafts-design", "nonsense"], default, 999_999, 1)
    assert query == "?sector=crafts-design&radius=3000&min=3"
    state = page.state_of(runtime, query)
    assert (state.sectors, state.radius_m, state.min_size) == (("crafts-design",), 3000, 3)
    patch = json.dumps(page.show_map(query, "en").to_plotly_json(), cls=PlotlyJSONEncoder)
    assert '"geojson"' in patch and "municipalities" not in patch  # only the cluster traces
    strict = page.derive_state([], default, 100, 13)  # no cluster of 13 firms
    assert "No cluster at these settings" in _json(dash.html.Div(page.show_summary(strict, "en")))
    assert page.show_cards(strict, "en") == []
    cards = _json(dash.html.Div(page.show_cards("", "sr-Cyrl")))
    assert "Кластер 1" in cards
    geojson = json.loads(page.export(1, "", "en")["content"])
    assert [f["properties"]["members"] for f in geojson["features"]] == [12]


# ----------------------------------------------------------------------------- the project's region


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_pages_render_in_every_language(runtime, page_text, language):
    clusters = page_text("/clusters", lang=language)
    assert translate("clusters.page.title", language) in clusters
    assert translate("clusters.card.title", language, cluster=1) in clusters
    assert translate("nav.clusters", language) in clusters and translate("nav.agenda", language) in clusters
    agenda = page_text("/agenda", lang=language, municipality="pirot")
    for kind in ("strength", "cluster", "comparison"):
        assert translate(f"agenda.section.{kind}", language) in agenda
    assert translate("agenda.page.docx", language, format="Word (.docx)") in agenda
    potential = page_text("/potential", lang=language, scenario=SCENARIO)
    assert translate("whatif.comparison", language) in potential
    methodology = page_text("/methodology", lang=language)
    assert translate("methodology.beyond", language) in methodology and "DBSCAN" in methodology
    profile = page_text("/profile", lang=language, municipality="dimitrovgrad")
    assert translate("peers.title", language) in profile
    compare = page_text("/compare", lang=language, municipality="pirot,dimitrovgrad")
    assert translate("peers.compare_title", language) in compare


def test_peers_are_named_in_the_profile_and_the_comparison(runtime, page_text):
    profile = page_text("/profile", lang="en", municipality="dimitrovgrad")
    assert "Among the 8 municipalities under 12,000 inhabitants, Dimitrovgrad ranks" in profile
    assert "Peers (municipalities under 12,000 inhabitants): Babušnica, Bela Palanka" in profile
    compare = page_text("/compare", lang="sr-Latn", municipality="pirot,dimitrovgrad")
    assert "Među uporedivim jedinicama (gradovi, ukupno 3) Pirot je na" in compare
    # the region names no cultural places: the profile does not pretend to count them
    assert "Cultural places" not in profile


def test_the_methodology_page_states_the_cluster_defaults_and_the_agenda_thresholds(runtime, page_text):
    text = page_text("/methodology", lang="en")
    assert "r = 500 m, n = 10" in text
    assert "Rule: location quotient at least 1.25 and at least 5 firms in the sector" in text
    assert "bounds: 12,000, 50,000" in text  # the peer rule, from agenda.toml


def test_the_agenda_picks_a_municipality_and_downloads_markdown_and_word(runtime):
    page = sys.modules["pages.agenda"]
    assert page.pick("nis") == "?municipality=nis" and page.pick("atlantis") is dash.no_update
    shown = _json(dash.html.Div(page.show_draft("nis", "sr-Cyrl")))
    assert "Нацрт агенде развоја креативних индустрија: Ниш" in shown
    assert "Правило:" in shown  # every statement with its rule
    text, name = page.markdown_file(runtime, "pirot", "en")
    assert name == "agenda-pirot-en.md"
    assert text.startswith("# Draft creative-industries agenda: Pirot")
    assert "## Strengths" in text and "*Rule: location quotient at least 1.25" in text
    from docx import Document

    content, name = page.docx_file(runtime, "pirot", "sr-Latn")
    assert name == "agenda-pirot-sr-Latn.docx"
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Nacrt agende razvoja kreativnih industrija: Pirot"
    assert "Snage" in paragraphs and "Poređenje" in paragraphs
    assert any(p.startswith("Sektor „Zanati i dizajn“ je izražen") for p in paragraphs)


def test_the_agenda_download_through_the_app_is_a_word_file(runtime):
    """The buttons as the browser presses them: Dash's endpoint returns the file itself."""
    app = dash.get_app()
    client = app.server.test_client()
    client.get("/agenda")
    response = client.post(
        "/_dash-update-component",
        json={
            "output": f"{bid.AGENDA_DOWNLOAD}.data",
            "outputs": {"id": bid.AGENDA_DOWNLOAD, "property": "data"},
            "inputs": [
                {"id": bid.AGENDA_MARKDOWN, "property": "n_clicks", "value": None},
                {"id": bid.AGENDA_DOCX, "property": "n_clicks", "value": 1},
            ],
            "state": [
                {"id": bid.AGENDA_PICK, "property": "value", "value": "dimitrovgrad"},
                {"id": bid.AGENDA_LANGUAGE, "property": "data", "value": "en"},
            ],
            "changedPropIds": [f"{bid.AGENDA_DOCX}.n_clicks"],
        },
    )
    sent = response.get_json()["response"][bid.AGENDA_DOWNLOAD]["data"]
    assert sent["filename"] == "agenda-dimitrovgrad-en.docx" and sent["base64"]
    from docx import Document

    document = Document(io.BytesIO(base64.b64decode(sent["content"])))
    assert document.paragraphs[0].text == "Draft creative-industries agenda: Dimitrovgrad"


# ----------------------------------------------------------------------------- what-if


def test_a_scenario_in_the_address_survives_a_reload(runtime):
    page = _layout("/potential", lang="en", scenario=SCENARIO + ",atlantis:arts:5")
    query = _find(page, "potential-query").data
    assert f"scenario={SCENARIO}" in query and "atlantis" not in query
    assert _find(page, bid.WHATIF_SCENARIO).data == SCENARIO
    again = _layout("/potential", lang="en", **dict([query.lstrip("?").split("=", 1)]))  # the reload
    assert _find(again, bid.WHATIF_SCENARIO).data == SCENARIO
    text = _json(_find(again, bid.WHATIF_RESULT))
    assert "Firms added: 35" in text
    assert "Indicators: Pirot" in text and "Indicators: Prokuplje" in text
    # The header's language links keep the scenario.
    assert f"?lang=sr-Cyrl&scenario={SCENARIO}" in _json(page)


def test_the_form_adds_removes_and_clears_changes_and_the_view_shows_them(runtime):
    from dashboard.components.whatif_views import edit_scenario, read_scenario

    units, sectors = set(runtime.data.municipalities.index), set(runtime.data.taxonomy.sector_codes)

    def press(action, text, clicked=True, fields=(None,) * 5):
        after = edit_scenario(read_scenario(runtime, text), action, clicked, fields, units, sectors)
        return None if after is None else after.to_query()

    one = press(bid.WHATIF_ADD, "", fields=("pirot", "crafts-design", 20, 60, None))
    assert one == "pirot:crafts-design:20:60"
    two = press(bid.WHATIF_ADD, one, fields=("nis", "arts", "5", 0, 2026))
    assert two == "pirot:crafts-design:20:60,nis:arts:5:0:2026"
    assert press(bid.WHATIF_ADD, two, fields=("nis", None, 5, 0, None)) is None  # no sector
    assert press(bid.WHATIF_ADD, two, fields=("nis", "arts", 0, 0, None)) is None  # no firms
    assert press(bid.WHATIF_ADD, two, fields=("atlantis", "arts", 3, 0, None)) is None
    assert press(bid.remove_id(0), two) == "nis:arts:5:0:2026"
    assert press(bid.remove_id(0), two, clicked=False) == two  # a button drawn anew is no click
    assert press(bid.remove_id(7), two) == two
    assert press(bid.WHATIF_CLEAR, two) == ""

    potential = sys.modules["pages.potential"]
    query, _, _ = potential.derive_state(
        {}, "minmax", 5, None, [], [], "index", "", None, "nis:arts:5", "", ""
    )
    assert query.endswith("scenario=nis:arts:5")
    key = potential._analysis_key(potential.PotentialState())
    view = _json(dash.html.Div(potential.show_whatif(key, "nis:arts:5", "en")))
    assert "Indicators: Niš" in view and "+5" in view and "Firms added: 5" in view
    assert potential.show_whatif(key, "", "en") == []
    assert "The scenario is empty" in _json(potential.show_changes("", "en"))
    assert "Niš: Music, performing and visual arts, +5 firms" in _json(
        potential.show_changes("nis:arts:5", "en")
    )


def test_the_form_through_the_app_adds_a_change(runtime):
    """The add button as the browser presses it (Dash's own callback context)."""
    client = dash.get_app().server.test_client()
    client.get("/potential")
    fields = {
        bid.WHATIF_MUNICIPALITY: "prokuplje",
        bid.WHATIF_SECTOR: "it-software",
        bid.WHATIF_FIRMS: 15,
        bid.WHATIF_EMPLOYEES: 0,
        bid.WHATIF_YEAR: 2026,
        bid.WHATIF_SCENARIO: "pirot:crafts-design:20:60",
        "potential-language": "en",
    }
    response = client.post(
        "/_dash-update-component",
        json={
            "output": f"..{bid.WHATIF_SCENARIO}.data...{bid.WHATIF_NOTICE}.children..",
            "outputs": [
                {"id": bid.WHATIF_SCENARIO, "property": "data"},
                {"id": bid.WHATIF_NOTICE, "property": "children"},
            ],
            "inputs": [
                {"id": bid.WHATIF_ADD, "property": "n_clicks", "value": 1},
                {"id": bid.WHATIF_CLEAR, "property": "n_clicks", "value": None},
                [],
            ],
            "state": [
                {
                    "id": key,
                    "property": "data" if key in (bid.WHATIF_SCENARIO, "potential-language") else "value",
                    "value": value,
                }
                for key, value in fields.items()
            ],
            "changedPropIds": [f"{bid.WHATIF_ADD}.n_clicks"],
        },
    )
    assert response.get_json()["response"][bid.WHATIF_SCENARIO]["data"] == SCENARIO


def test_a_scenario_never_touches_the_store_or_the_served_data(tmp_path, project_data):
    """With a GeoPackage store serving the data: scenarios through the page's views leave the
    store's file and the runtime's enterprise tables exactly as they were."""
    from dashboard.importing.pipeline import run_import
    from dashboard.importing.readers import Source
    from dashboard.store.geopackage import GeoPackageStore

    store_path = tmp_path / "enterprises.gpkg"
    example = Path("data/mapping/example_register_extract.csv")
    store = GeoPackageStore(store_path)
    assert run_import(
        [Source(example.name, example.read_bytes())], store, project_data.validation_context()
    ).committed
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    generation = store.generation()
    try:
        create_app(Settings(store_path=store_path))
        runtime = current()
        served = len(runtime.data.enterprises)
        employees = runtime.columns.employees.copy()
        assert served == len(store.read())  # the app serves the store
        page = _layout("/potential", lang="en", scenario="pirot:crafts-design:2000:6000,nis:arts:500")
        assert "Firms added: 2,500" in _json(_find(page, bid.WHATIF_RESULT))
        potential = sys.modules["pages.potential"]
        potential.show_whatif(potential._analysis_key(potential.PotentialState()), "blace:arts:40:80", "en")
        assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
        assert store.generation() == generation and len(store.read()) == served
        assert len(runtime.data.enterprises) == served and len(runtime.columns) == served
        assert (runtime.columns.employees == employees).all()
    finally:
        create_app(Settings())

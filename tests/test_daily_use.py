"""Daily use without a browser (issue 13): one language per page (text, credits, source notes,
the chart toolbar, ``<html lang>``), exports in the reader's language, the presenter's type and
framing, and saving a view into a story without touching a live talk."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib
from collections.abc import Iterator

import dash
import pandas as pd
import pytest
from dash.development.base_component import Component
from openpyxl import load_workbook
from wrong_language import wrong_language_words

from dashboard.components.story_saver import save_view, story_file_name
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.figures.config import TOOLBAR_TEXTS, graph_config
from dashboard.i18n import LANGUAGES, localized_text
from dashboard.outputs.exporting import export_frame, export_table, reader_names
from dashboard.outputs.presenting import LEGEND_SIZE, MAP_DOMAIN, map_font_sizes, present_map, step_view
from dashboard.outputs.profiles import comparison_rows, data_facts, potential_analysis
from dashboard.outputs.stories import Step, Text
from dashboard.outputs.tables import comparison_frame, indicator_frame, ranking_frame

EXTRA = {"/profile": {"municipality": "pirot"}, "/present": {"story": "forum"}}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


# ----------------------------------------------------------------------------- the checker


def test_the_checker_finds_words_of_the_wrong_language_and_script():
    assert wrong_language_words("РЗС, Попис становништва 2022, final results", "sr-Cyrl") == [
        "final",
        "results",
    ]
    assert wrong_language_words("Popis 2022, 2022 Census of Population", "sr-Latn") == [
        "Census",
        "Population",
    ]
    assert wrong_language_words("Population of Ниш", "en") == ["Ниш"]
    # proper names, acronyms, file names, codes and numbers are not words of a language
    cyrillic = "© сарадници пројекта OpenStreetMap, GeoNames (CC BY 4.0), demo_enterprises.csv, RS-20, PNG"
    assert wrong_language_words(cyrillic, "sr-Cyrl") == []


# ----------------------------------------------------------------------------- pages


def _texts(value, language: str) -> Iterator[str]:
    """Every text a reader meets in a rendered layout, minus code and parts in another language."""
    if isinstance(value, Component):
        own = getattr(value, "lang", None)
        if (own and own != language) or type(value).__name__ in ("Code", "Store", "Graph"):
            return
        props = value.to_plotly_json()["props"]
        yield from (props[name] for name in ATTRIBUTES if isinstance(props.get(name), str))
        yield from _texts(getattr(value, "children", None), language)
        for name in ("label", "options", "placeholder"):
            yield from _texts(getattr(value, name, None), language)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, language)
    elif isinstance(value, dict):
        yield from _texts(value.get("label"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_in_one_language_and_script(runtime, language):
    wrong = {}
    for page in dash.page_registry.values():
        layout = page["layout"](lang=language, **EXTRA.get(page["path"], {}))
        found = wrong_language_words("\n".join(_texts(layout, language)), language)
        if found:
            wrong[page["path"]] = sorted(set(found))
    assert not wrong, wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_html_says_its_language(runtime, language):
    app = dash.get_app()
    for path in ("/", "/methodology", "/present"):
        page = app.server.test_client().get(f"{path}?lang={language}").get_data(as_text=True)
        assert f'<html lang="{language}">' in page


def test_credits_and_source_notes_are_in_the_page_language(runtime):
    data = runtime.data
    facts = data_facts(runtime, "pirot", None)
    for language in LANGUAGES:
        texts = [*data.region.credits(language).values(), facts.source("population_source", language)]
        texts += [facts.source("area_source", language), *facts.credits(language).values()]
        assert not wrong_language_words(" ".join(texts), language), language
    assert "Popis" in facts.source("population_source", "sr-Latn")
    assert "Попис" in facts.source("population_source", "sr-Cyrl")
    assert "сарадници" in data.region.credits("sr-Cyrl")["boundaries"]
    assert "Census" in facts.source("population_source", "en")
    assert not any("synthetic demo data" in source for source in facts.enterprise_sources)
    # the Cyrillic falls back to the transliterated Latin where a table gives no Cyrillic
    assert localized_text({"note": "x", "note_lat": "Opština"}, "note", "sr-Cyrl") == "Општина"
    # the map's own credit line (MapLibre's attribution) too
    assert "сарадници" in runtime.style_in("sr-Cyrl")["sources"]["credits"]["attribution"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_toolbar_never_offers_plotly_cloud_and_speaks_the_page_language(language):
    for kind in ("map", "selectable-map", "static"):
        config = graph_config(language, kind)
        assert config["showSendToCloud"] is False and config["displaylogo"] is False
        assert config["locale"] == language
    removed = graph_config(language)["modeBarButtonsToRemove"]
    assert "sendChartToCloud" in removed and "lasso2d" in removed
    assert "lasso2d" not in graph_config(language, "selectable-map")["modeBarButtonsToRemove"]
    dictionary = graph_config(language)["locales"][language]["dictionary"]
    assert set(dictionary) == set(TOOLBAR_TEXTS)
    tooltips = " ".join(dictionary.values())
    assert not wrong_language_words(tooltips, language)
    if language != "en":
        assert dictionary["Zoom in"] != "Zoom in"


def test_links_are_legible_on_the_page_background():
    """Lighthouse's contrast failure on /methodology: Bootstrap's link blue on the page's grey."""
    from test_accessibility import AA_TEXT, contrast, css_rules

    rules = css_rules("theme.css")
    background = rules["body"]["background"]
    for selector in ("a", "a:hover"):
        assert contrast(rules[selector]["color"], background) >= AA_TEXT
        assert contrast(rules[selector]["color"], "#ffffff") >= AA_TEXT
    assert rules[":root"]["--bs-link-color"] == rules["a"]["color"]


def test_the_header_folds_into_a_menu_on_phones(runtime):
    from plotly.utils import PlotlyJSONEncoder

    from dashboard.components.header import MENU, MENU_TOGGLE, header

    bar = json.dumps(
        header("sr-Cyrl", "Регион", False).to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False
    )
    assert f'"aria-controls": "{MENU}"' in bar and f'"id": "{MENU_TOGGLE}"' in bar and "Мени" in bar
    css = (DEFAULT_REGION_DIR.parent / "assets" / "theme.css").read_text(encoding="utf-8")
    phone = css[css.index("@media (max-width: 1279.98px)") :]
    assert ".app-menu { display: none;" in phone and ".app-menu.open { display: flex; }" in phone


# ----------------------------------------------------------------------------- exports


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_enterprises_export_in_the_readers_language_with_codes_kept(runtime):
    data = runtime.data
    table = data.enterprises[data.enterprises["municipality"] == "pirot"].head(5)
    for language, header, name in (
        ("sr-Cyrl", "Шифра општине", "Пирот"),
        ("sr-Latn", "Šifra opštine", "Pirot"),
        ("en", "Municipality code", "Pirot"),
    ):
        names = reader_names(data, language)
        rows = _csv_rows(export_table(table, "csv", names=names))
        assert {row[header] for row in rows} == {"pirot"}  # the code, kept
        assert name in {value for row in rows for value in row.values()}
        headers = list(rows[0])
        assert not wrong_language_words(" ".join(headers), language), headers
        sector_names = set(names.names["sector"].values())
        assert any(value in sector_names for row in rows for value in row.values())
        book = load_workbook(io.BytesIO(export_table(table, "xlsx", names=names)))
        assert [cell.value for cell in next(book.active.iter_rows())] == headers
        features = json.loads(export_table(table, "geojson", names=names))["features"]
        assert features[0]["geometry"]["type"] == "Point" and header in features[0]["properties"]
    # without a language: the data's own names and codes, as before
    assert "municipality" in _csv_rows(export_table(table, "csv"))[0]


def test_the_potential_ranking_indicators_and_comparison_export(runtime):
    analysis = potential_analysis(runtime, (), ())
    for language in LANGUAGES:
        ranking = ranking_frame(runtime, analysis, language)
        assert len(ranking) == len(runtime.data.municipalities)
        assert list(ranking.iloc[:, 0]) == sorted(ranking.iloc[:, 0])  # best first
        indicators = indicator_frame(runtime, analysis, language)
        assert len(indicators) == len(runtime.data.municipalities) + len(runtime.data.districts) + 1
        codes = ["nis", "pirot"]
        rows = comparison_rows(runtime, codes)
        comparison = comparison_frame(runtime, rows, codes, language, lambda row: (row.key, ""))
        assert len(comparison) == len(rows)
        for frame in (ranking, indicators, comparison):
            assert not wrong_language_words(" ".join(map(str, frame.columns)), language)
            back = _csv_rows(export_frame(frame, "csv"))
            assert list(back[0]) == [str(c) for c in frame.columns] and len(back) == len(frame)
            book = load_workbook(io.BytesIO(export_frame(frame, "xlsx", "x")))
            assert book.active.max_row == len(frame) + 1
    # numbers stay numbers: the index and the rank range sort in a spreadsheet
    english = ranking_frame(runtime, analysis, "en")
    assert pd.api.types.is_numeric_dtype(english["Potential index"])
    assert (english["Best rank (90 % of weightings)"] <= english["Worst rank (90 % of weightings)"]).all()


# ----------------------------------------------------------------------------- presenter


def test_the_presenter_type_reads_from_the_back_and_the_legend_stands_apart(runtime):
    assert min(px for _, px in map_font_sizes()) >= 24  # at 1080p; the browser scales them
    view = step_view(runtime, Step(Text({"en": "P"}), "?district=RS-22&municipality=pirot"), "en")
    figure = present_map(runtime, view.explore, "en")
    assert list(figure.layout.map.domain.x) == MAP_DOMAIN["x"]
    bars = [t.colorbar for t in figure.data[:4] if getattr(t, "colorbar", None) and t.colorbar.x is not None]
    assert bars and all(bar.x > MAP_DOMAIN["x"][1] for bar in bars)  # outside the map: covers no label
    assert all(bar.tickfont.size == LEGEND_SIZE for bar in bars)
    assert view.fit["width"] == pytest.approx(MAP_DOMAIN["x"][1] - MAP_DOMAIN["x"][0])


# ----------------------------------------------------------------------------- stories


def test_a_new_story_is_named_after_its_title_and_never_replaces_one():
    assert story_file_name("Kreativni Pirot", []) == "kreativni-pirot"
    assert story_file_name("Креативни Пирот", ["kreativni-pirot"]) == "kreativni-pirot-2"
    assert story_file_name("Đerdap: šta dalje?", []) == "djerdap-sta-dalje"
    assert story_file_name("", []) == "prica"


def test_saving_into_an_existing_story_needs_a_confirmation(runtime, tmp_path):
    folder = tmp_path / "stories"
    shutil.copytree(DEFAULT_REGION_DIR / "stories", folder)
    settings = Settings(stories_dir=folder)
    forum = (folder / "forum.toml").read_bytes()
    texts = ("Kreativni Pirot", "Pirot", "Pirot", "", "")

    def save(story, confirmed=False):
        return save_view(
            settings,
            runtime.data,
            story,
            texts,
            None,
            "127.0.0.1",
            "?district=RS-22",
            "sr-Latn",
            confirmed=confirmed,
        )

    _, waiting = save("")  # the default: a new story
    assert waiting is None and (folder / "forum.toml").read_bytes() == forum
    new = tomllib.loads((folder / "kreativni-pirot.toml").read_text(encoding="utf-8"))
    assert new["title"] == {"sr-Latn": "Kreativni Pirot"} and len(new["steps"]) == 1
    _, waiting = save("forum")
    assert waiting == "forum" and (folder / "forum.toml").read_bytes() == forum
    _, waiting = save("forum", confirmed=True)
    assert waiting is None and (folder / "forum.toml").read_bytes() != forum

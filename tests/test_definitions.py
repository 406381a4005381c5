"""Named definitions of a creative enterprise (issue 10): data in the taxonomy, a filter on every
count, in the URL, and the Pirot kilim (NACE 13.93) imported and counted under the extended
definition only."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.analysis.columns import EnterpriseColumns
from dashboard.analysis.definition_potential import potential_under, tiers_for
from dashboard.analysis.indicators import Filters, filter_mask
from dashboard.analysis.summaries import ranking_summary
from dashboard.analysis.views import shown_rows, unit_names, units_inside
from dashboard.components.definition_counts import definition_counts_text
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.i18n import translate
from dashboard.outputs.exporting import export_table
from dashboard.outputs.presenting import step_view
from dashboard.outputs.profiles import comparison_rows, municipality_profile, potential_analysis
from dashboard.outputs.stories import Step, Text
from dashboard.sources.bundle import load_region_data
from dashboard.sources.enterprises import classify_nace
from dashboard.sources.taxonomy import IMPLICIT_DEFINITION, load_taxonomy
from dashboard.valorization.state import PotentialState, analyse_state
from dashboard.web.runtime import Runtime
from dashboard.web.state import ExploreState, PotentialPageState

TAXONOMY = DEFAULT_REGION_DIR / "taxonomy"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def taxonomy():
    found, problems = load_taxonomy(
        TAXONOMY / "sectors.csv", TAXONOMY / "nace_creative.csv", TAXONOMY / "definitions.csv", "extended"
    )
    assert problems == []
    return found


# ----------------------------------------------------------------------------- the data


def test_the_region_has_three_named_definitions_with_the_extended_one_by_default(project_data):
    taxonomy = project_data.taxonomy
    assert taxonomy.definition_ids == ["narrow", "cultural", "extended"]
    assert taxonomy.default_definition == "extended"  # data/region.toml [definitions] default
    assert taxonomy.definition_name("narrow", "sr-Cyrl").startswith("Креативне индустрије")


def test_kilim_pottery_and_printing_are_in_the_definitions_the_sources_give(taxonomy):
    narrow, cultural, extended = (set(taxonomy.classes_in(d)) for d in ("narrow", "cultural", "extended"))
    assert len(narrow) == 31  # DCMS
    assert {
        "13.93",
        "23.41",
        "16.29",
        "32.13",
        "13.92",
        "13.99",
        "23.13",
        "23.19",
        "31.09",
    } <= extended - narrow
    assert "13.93" not in cultural and "23.41" not in cultural
    assert {"18.11", "18.12", "18.13", "18.14", "32.12", "32.20", "47.61", "47.62", "47.63"} <= cultural
    assert {"59.11", "60.10", "90.01", "91.01", "91.03"} <= cultural
    assert {"62.01", "62.02", "70.21", "73.12"}.isdisjoint(cultural)  # software and PR are not culture
    assert narrow | cultural <= extended  # extended is the union plus the crafts
    # Every new class has a sector and a UNESCO field; the uncertain ones say so.
    assert taxonomy.sector_of("13.93") == "crafts-design"
    assert taxonomy.classes.at["13.93", "unesco_field"] == "crafts-folk-art"
    assert taxonomy.inclusion("extended")["31.09"] == "uncertain"
    assert taxonomy.inclusion("extended")["13.93"] == "yes"
    assert "uncertain" in taxonomy.classes.at["31.09", "source"]


def test_a_class_file_without_definition_columns_has_one_implicit_definition(tmp_path):
    classes = pd.read_csv(TAXONOMY / "nace_creative.csv", dtype=str, keep_default_na=False)
    classes = classes[[c for c in classes.columns if not c.startswith("in_")]]
    classes.to_csv(tmp_path / "nace.csv", index=False)
    taxonomy, problems = load_taxonomy(TAXONOMY / "sectors.csv", tmp_path / "nace.csv")
    assert problems == []
    assert taxonomy.definition_ids == [IMPLICIT_DEFINITION] and not taxonomy.has_definitions
    assert len(taxonomy.classes_in(IMPLICIT_DEFINITION)) == len(classes)
    assert taxonomy.sector_of("13.93") == "crafts-design"
    assert definition_counts_text(taxonomy, {IMPLICIT_DEFINITION: 5}, "en") == ""


def test_a_typo_in_a_definition_column_is_a_problem_and_does_not_widen_it(tmp_path):
    classes = pd.read_csv(TAXONOMY / "nace_creative.csv", dtype=str, keep_default_na=False)
    classes.loc[classes["nace"] == "62.01", "in_cultural"] = "yess"
    classes.to_csv(tmp_path / "nace.csv", index=False)
    taxonomy, problems = load_taxonomy(
        TAXONOMY / "sectors.csv", tmp_path / "nace.csv", TAXONOMY / "definitions.csv", "no-such"
    )
    codes = [(p.code, p.column, p.value) for p in problems]
    assert ("definition_invalid", "in_cultural", "yess") in codes
    assert ("definition_invalid", "default", "no-such") in codes
    assert "62.01" not in taxonomy.classes_in("cultural")
    assert taxonomy.default_definition == "extended"  # the widest, when the named one is unknown
    text = translate("problem.definition_invalid", "sr-Cyrl", **problems[0].details)
    assert "yes" in text and "uncertain" in text  # the allowed values stay as they are written


def test_groups_and_divisions_belong_to_the_definitions_that_hold_all_their_classes(taxonomy):
    found = classify_nace(pd.Series(["13.93", "13.9", "18.1", "32.1", "10.71", "59"]), taxonomy)
    assert found["kind"].tolist() == ["class", "coarse", "coarse", "coarse", "not_creative", "ambiguous"]
    bit = {d: 1 << i for i, d in enumerate(taxonomy.definition_ids)}
    assert found["definitions"].tolist() == [
        bit["extended"],
        bit["extended"],
        bit["cultural"] | bit["extended"],
        bit["extended"],  # 32.1 holds 32.12 (all three) and 32.13 (extended only)
        0,
        0,
    ]


# ----------------------------------------------------------------------------- filtering


@pytest.mark.parametrize("definition", ["", "narrow", "cultural", "extended", "no-such"])
def test_fast_and_readable_masks_agree_under_every_definition(project_runtime, definition):
    columns, data = project_runtime.columns, project_runtime.data
    tiers = project_runtime.potential["tier"]
    for filters in (
        Filters(definition=definition),
        Filters(sectors=("crafts-design",), definition=definition),
    ):
        fast = columns.mask(filters, tiers)
        slow = filter_mask(data.enterprises, filters, tiers, data.taxonomy)
        assert np.array_equal(fast, slow)


def test_counts_per_definition_side_by_side(project_runtime):
    columns, enterprises = project_runtime.columns, project_runtime.data.enterprises
    table = columns.count_by_definition()
    assert list(table.columns) == ["narrow", "cultural", "extended"]
    in_pirot = enterprises["municipality"] == "pirot"
    narrow = set(project_runtime.data.taxonomy.classes_in("narrow"))
    assert table.at["pirot", "narrow"] == (in_pirot & enterprises["nace"].isin(narrow)).sum()
    assert table.at["pirot", "extended"] == in_pirot.sum()  # every demo class is in the extended set
    assert table.at["pirot", "narrow"] < table.at["pirot", "extended"]
    assert (table["extended"] >= table["narrow"]).all() and (table["extended"] >= table["cultural"]).all()


def test_the_demo_has_kilim_pottery_and_woodcarving_workshops_still_synthetic(project_data):
    enterprises = project_data.enterprises
    crafts = enterprises[enterprises["nace"].isin(["13.93", "23.41", "16.29"])]
    assert set(crafts["nace"]) == {"13.93", "23.41", "16.29"}
    assert crafts["synthetic"].all() and crafts["registration_number"].str.startswith("DEMO-").all()
    assert (enterprises["source"] == "synthetic").all()  # a token, not a path in one language


def test_potential_is_computed_under_the_chosen_definition(project_runtime):
    def enterprises(definition: str) -> float:
        analysis = analyse_state(
            project_runtime.columns,
            project_runtime.data.municipalities,
            project_runtime.potential["tier"],
            PotentialState(definition=definition),
        )
        return analysis.indicators.municipalities.at["pirot", "enterprises"]

    counts = project_runtime.columns.count_by_definition().loc["pirot"]
    assert enterprises("narrow") == counts["narrow"] and enterprises("") == counts["extended"]


# ----------------------------------------------------------------------------- state and pages


def test_definition_in_the_explore_and_potential_addresses_round_trips():
    state = ExploreState.from_query({"definition": "narrow", "sector": "arts"})
    assert state.filters.definition == "narrow" and "definition=narrow" in state.to_query("en")
    assert ExploreState.from_query({}).filters.definition == ""
    assert ExploreState.from_query({"definition": "<b>x</b>"}).filters.definition == ""
    page = PotentialPageState.from_query({"definition": "cultural", "sector": "arts"}, ["arts"])
    assert page.analysis.definition == "cultural"
    assert PotentialPageState.from_query(dict(p.split("=") for p in page.to_query()[1:].split("&"))) == page


def test_filters_read_the_definition_control_like_any_other():
    assert Filters.from_values(definition="narrow", sectors=["arts"]).definition == "narrow"
    assert Filters.from_values(definition=[], sectors=None).definition == ""  # cleared: the default
    assert Filters(definition="narrow").without("sectors").definition == "narrow"


def test_profile_and_comparison_show_counts_under_each_definition(project_runtime):
    profile = municipality_profile(project_runtime, "pirot")
    counts = project_runtime.columns.count_by_definition().loc["pirot"]
    assert profile.definition_counts == {d: int(n) for d, n in counts.items()}
    text = definition_counts_text(project_runtime.data.taxonomy, profile.definition_counts, "en")
    assert (
        text
        == f"{counts['narrow']:,} narrow · {counts['cultural']:,} cultural · {counts['extended']:,} extended"
    )
    rows = [r for r in comparison_rows(project_runtime, ["pirot", "nis"]) if r.kind == "definition"]
    assert [r.key for r in rows] == ["narrow", "cultural", "extended"]
    assert rows[0].values["pirot"] == counts["narrow"]


@pytest.mark.parametrize("language", ["sr-Latn", "sr-Cyrl", "en"])
def test_pages_offer_the_switch_and_methodology_explains_the_definitions(page_text, language):
    explore = page_text("/", lang=language, definition="narrow")
    assert '{"type": "filter", "name": "definition"}' in explore and '"value": "narrow"' in explore
    potential = page_text("/potential", lang=language, definition="cultural")
    assert '"id": "potential-definition"' in potential and '"value": "cultural"' in potential
    methodology = page_text("/methodology", lang=language)
    assert translate("methodology.definitions", language) in methodology
    assert '"13.93"' in methodology and "in_heritage" in methodology
    profile = page_text("/profile", lang=language, municipality="pirot")
    assert translate("definitions.counts", language, counts="").strip() in profile


# ----------------------------------------------------------------------------- import


KILIM_EXTRACT = (
    "Matični broj;Poslovno ime;Šifra delatnosti;Opština;Mesto;Broj zaposlenih;Godina osnivanja\n"
    "99100001;Ćilimarska radionica Šarena čuka PR (izmišljeno);1393;Pirot;Pirot;3;2016\n"
    "99100002;Studio Kadar DOO (izmišljeno);5911;Niš;Niš;7;2014\n"
)


def test_command_line_import_of_a_cp1250_register_extract_keeps_the_kilim_workshop(tmp_path):
    """`python -m dashboard import` of a Windows-1250 extract whose first firm weaves kilims
    (13.93) stores it; the map counts it under the extended definition and not the narrow one."""
    extract = tmp_path / "register_cp1250.csv"
    extract.write_bytes(KILIM_EXTRACT.encode("cp1250"))
    store = tmp_path / "store.gpkg"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CIM_") and k != "DATABASE_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(extract), "--store", str(store), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,  # the report is written beside the run, not into the repository
        env=environment,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Enterprises stored: 2" in done.stdout
    assert "exactly" in done.stdout.lower() or "settlement" in done.stdout.lower()

    runtime = Runtime.load(replace(Settings(), store_path=store))
    enterprises = runtime.data.enterprises
    kilim = enterprises[enterprises["registration_number"] == "99100001"]
    assert kilim["nace"].tolist() == ["13.93"] and kilim["name"].str.contains("Ćilimarska").all()
    tiers = runtime.potential["tier"]
    in_pirot = Filters(municipalities=("pirot",))
    assert runtime.columns.mask(replace(in_pirot, definition="extended"), tiers).sum() == 1
    assert runtime.columns.mask(replace(in_pirot, definition="narrow"), tiers).sum() == 0
    assert runtime.columns.mask(in_pirot, tiers).sum() == 1  # the region's default is extended


def test_a_class_in_no_definition_is_refused_naming_the_definitions(project_data):
    context = project_data.validation_context()
    from dashboard.sources.enterprises import validate_enterprises

    raw = pd.DataFrame(
        [["99100003", "Pekara", "10.71", "pirot", "1"]],
        columns=["registration_number", "name", "nace", "municipality", "employees"],
    )
    table, problems = validate_enterprises(raw, "x.csv", context)
    assert table.empty and [p.code for p in problems] == ["nace_not_creative"]
    message = translate("problem.nace_not_creative", "en", **problems[0].details)
    assert "narrow, cultural, extended" in message


def test_the_tiny_region_still_loads_with_the_copied_taxonomy(tiny_region):
    shutil.copy(TAXONOMY / "nace_creative.csv", tiny_region / "taxonomy" / "nace_creative.csv")
    data = load_region_data(Settings(region_dir=tiny_region))
    assert data.errors == [] and len(data.enterprises) == 3
    # No [definitions] default: the widest definition, so nothing mapped is hidden at first.
    assert data.taxonomy.default_definition == "extended"
    columns = EnterpriseColumns.build(
        data.enterprises,
        districts=list(data.districts.index),
        municipalities=list(data.municipalities.index),
        sectors=data.taxonomy.sector_codes,
        size_classes=["micro", "small", "medium", "large"],
        hexagons=[""],
        taxonomy=data.taxonomy,
    )
    assert columns.mask(Filters(), pd.Series(dtype=object)).sum() == 3
    assert columns.mask(Filters(definition="cultural"), pd.Series(dtype=object)).sum() == 2  # not 62.01


# ----------------------------------------------------------------------------- every page that counts


def test_the_profile_counts_under_the_chosen_definition_and_keeps_the_counts_side_by_side(project_runtime):
    counts = project_runtime.columns.count_by_definition().loc["pirot"]
    assert counts["narrow"] < counts["extended"]  # else the test could not tell them apart
    default, narrow = (municipality_profile(project_runtime, "pirot", d) for d in ("", "narrow"))
    figures = {d: {row.key: row.own for row in p.figures} for d, p in (("", default), ("narrow", narrow))}
    assert figures["narrow"]["enterprises"] == counts["narrow"]
    assert figures[""]["enterprises"] == counts["extended"]  # the region's default
    assert sum(s.count for s in narrow.sectors) == counts["narrow"]
    assert sum(s.count for s in default.sectors) == counts["extended"]
    assert narrow.definition == "narrow" and default.definition == "extended"
    assert narrow.definition_counts == default.definition_counts == {d: int(n) for d, n in counts.items()}
    # The potential shown is the index under that definition: the same tier the tier filter uses.
    for code in ("razanj", "dimitrovgrad"):  # the two whose tier the definition changes
        tiers = {d: municipality_profile(project_runtime, code, d).potential.tier for d in ("", "narrow")}
        assert tiers["narrow"] == tiers_for(project_runtime, "narrow")[code]
        assert tiers[""] == project_runtime.potential.at[code, "tier"] != tiers["narrow"]


def test_the_comparison_counts_under_the_chosen_definition(project_runtime):
    by_definition = project_runtime.columns.count_by_definition()
    codes = ["pirot", "nis"]

    def rows(definition: str) -> dict[tuple[str, str], dict]:
        return {(r.kind, r.key): r.values for r in comparison_rows(project_runtime, codes, definition)}

    narrow, default = rows("narrow"), rows("")
    assert narrow[("indicator", "enterprises")] == {c: by_definition.at[c, "narrow"] for c in codes}
    assert default[("indicator", "enterprises")] == {c: by_definition.at[c, "extended"] for c in codes}
    for d in ("narrow", "cultural", "extended"):  # the side-by-side rows stay whatever is chosen
        assert (
            narrow[("definition", d)]
            == default[("definition", d)]
            == {c: by_definition.at[c, d] for c in codes}
        )
    crafts = ("sector", "crafts-design")
    assert narrow[crafts]["pirot"] < default[crafts]["pirot"]  # kilim and pottery are not DCMS
    analysis = potential_analysis(project_runtime, definition="narrow")
    assert narrow[("score", "score")] == {c: float(analysis.index.score[c]) for c in codes}


@pytest.mark.parametrize("language", ["sr-Latn", "sr-Cyrl", "en"])
def test_profile_and_comparison_pages_have_the_switch_in_their_address(page_text, language, project_data):
    taxonomy = project_data.taxonomy
    narrow_name = taxonomy.definition_name("narrow", language)
    profile = page_text("/profile", lang=language, municipality="pirot", definition="narrow")
    assert '"id": "profile-definition"' in profile and '"value": "narrow"' in profile
    assert translate("definitions.counted_under", language, definition=narrow_name) in profile
    assert "municipality=pirot&definition=narrow" in profile  # the language links keep it
    printed = page_text("/profile", lang=language, municipality="pirot", definition="narrow", print="1")
    assert translate("definitions.counted_under", language, definition=narrow_name) in printed
    compare = page_text("/compare", lang=language, municipality="pirot,nis", definition="narrow")
    assert '"id": "compare-definition"' in compare and '"value": "narrow"' in compare
    assert translate("definitions.counted_under", language, definition=narrow_name) in compare
    assert "municipality=pirot,nis&definition=narrow" in compare
    # No choice (or one the region does not have): the default, and nothing added to the address.
    plain = page_text("/compare", lang=language, municipality="pirot,nis", definition="<b>")
    default_name = taxonomy.definition_name("extended", language)
    assert translate("definitions.counted_under", language, definition=default_name) in plain
    assert "definition=" not in plain


def test_the_profile_export_renders_the_chosen_definition(runtime):
    import dash

    page = next(p for p in dash.page_registry.values() if p["path"] == "/profile")
    export_url = sys.modules[page["module"]].export_url
    url = export_url("http://127.0.0.1:8151", "pirot", "en", "narrow")
    assert url == "http://127.0.0.1:8151/profile?municipality=pirot&lang=en&definition=narrow&print=1"
    assert "definition" not in export_url("http://127.0.0.1:8151", "pirot", "en")


def test_a_presenter_step_with_a_definition_shows_its_counts(runtime):
    counts = runtime.columns.count_by_definition().loc["pirot"]
    for definition, expected in (("narrow", counts["narrow"]), ("", counts["extended"])):
        query = f"?municipality=pirot&definition={definition}" if definition else "?municipality=pirot"
        view = step_view(runtime, Step(Text({"en": "P"}), query), "en")
        assert view.explore.totals["enterprises"] == expected
    # A ranking step ranks the municipalities by the index under the step's definition.
    ranked = step_view(runtime, Step(Text({"en": "R"}), "?definition=narrow", show="ranking"), "en")
    narrow = potential_analysis(runtime, definition="narrow")
    names = unit_names(runtime.data.municipalities, "en")
    assert ranked.summary == ranking_summary(narrow.index, narrow.robustness, names, "en")
    assert ranked.summary != step_view(runtime, Step(Text({"en": "R"}), "", show="ranking"), "en").summary


def test_the_presenter_keeps_its_story_and_step_across_the_language_switch(page_text):
    text = page_text("/present", lang="en", story="forum", step="3")
    for language in ("sr-Latn", "sr-Cyrl", "en"):
        assert f"?lang={language}&story=forum&step=3" in text


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_the_explore_export_holds_the_enterprises_of_the_chosen_definition(runtime, fmt):
    """The export callback writes ``shown_rows(runtime, filters, selection)`` of the page's
    filters, the definition among them (``Filters.from_values``, as the page reads its panel)."""
    enterprises, taxonomy = runtime.data.enterprises, runtime.data.taxonomy
    narrow = set(taxonomy.classes_in("narrow"))
    filters = Filters.from_values(definition="narrow", municipalities=["pirot"])
    rows = shown_rows(runtime, filters)
    content = export_table(enterprises.iloc[rows], fmt)
    if fmt == "csv":
        exported = pd.read_csv(io.BytesIO(content), dtype=str, encoding="utf-8-sig")["nace"]
    else:
        exported = pd.Series([f["properties"]["nace"] for f in json.loads(content)["features"]])
    assert len(exported) == runtime.columns.count_by_definition().at["pirot", "narrow"]
    assert set(exported) <= narrow and "13.93" not in set(exported)
    everything = shown_rows(runtime, Filters.from_values(municipalities=["pirot"]))
    assert "13.93" in set(enterprises.iloc[everything]["nace"])  # the default keeps the kilims


def test_the_tier_filter_uses_the_tiers_of_the_chosen_definition(runtime):
    narrow, default = tiers_for(runtime, "narrow"), tiers_for(runtime, "")
    assert default.equals(runtime.potential["tier"])
    changed = list(narrow.index[narrow != default])
    assert changed  # the demonstration data has municipalities whose tier the definition moves
    columns, municipality = runtime.columns, runtime.data.enterprises["municipality"].to_numpy()
    for tier in ("high", "medium", "low"):
        rows = shown_rows(runtime, Filters(tiers=(tier,), definition="narrow"))
        assert set(municipality[rows]) <= set(narrow.index[narrow == tier])
        assert set(municipality[rows]) == set(narrow.index[narrow == tier]) & set(
            municipality[columns.in_definition("narrow")]
        )
        inside = units_inside(runtime, Filters(tiers=(tier,), definition="narrow"))[1]
        assert set(inside.index[inside]) == set(narrow.index[narrow == tier])
    assert potential_under(runtime, "narrow") is potential_under(runtime, "narrow")  # computed once, kept


def test_the_map_page_panel_of_a_municipality_gives_its_tier_under_the_chosen_definition(runtime):
    import dash

    from dashboard.components import ids

    page = next(p for p in dash.page_registry.values() if p["path"] == "/")

    def panel(definition: str) -> str:
        layout = page["layout"](lang="en", municipality="razanj", definition=definition)
        found = [c for c in layout._traverse() if getattr(c, "id", None) == ids.PROFILE]
        return json.dumps(found[0].to_plotly_json(), cls=PlotlyJSONEncoder)

    narrow, default = tiers_for(runtime, "narrow")["razanj"], tiers_for(runtime, "")["razanj"]
    assert narrow != default
    assert translate(f"tier.{narrow}", "en") in panel("narrow")
    assert translate(f"tier.{default}", "en") not in panel("narrow")
    assert translate(f"tier.{default}", "en") in panel("")


def test_a_story_step_naming_a_definition_the_region_lacks_is_a_problem(project_data):
    from dashboard.outputs.stories import Vocabulary, check_view

    vocabulary = Vocabulary.from_data(project_data)
    assert check_view("?municipality=pirot&definition=narrow", vocabulary) == []
    assert check_view("?definition=narow", vocabulary) == [
        ("unknown_code", {"name": "definition", "value": "narow"})
    ]


def test_switching_the_definition_on_the_profile_and_comparison_pages(runtime):
    """The pages' callbacks (reached through the modules Dash imported) with the switch moved."""
    counts = runtime.columns.count_by_definition()
    profile, compare = sys.modules["pages.profile"], sys.modules["pages.compare"]
    sheet, links = profile.pick("pirot", "narrow", "en")
    assert links[2] == "?lang=en&municipality=pirot&definition=narrow"
    text = json.dumps(sheet, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert (
        translate(
            "definitions.counted_under",
            "en",
            definition=runtime.data.taxonomy.definition_name("narrow", "en"),
        )
        in text
    )
    assert f'"{counts.at["pirot", "narrow"]}"' in text and f'"{counts.at["pirot", "extended"]}"' not in text
    content, _, _, links = compare.choose(["pirot", "nis"], "cultural", "sr-Latn")
    shown = json.dumps(content, cls=PlotlyJSONEncoder, ensure_ascii=False)
    cultural_name = runtime.data.taxonomy.definition_name("cultural", "sr-Latn")
    assert translate("definitions.counted_under", "sr-Latn", definition=cultural_name) in shown
    assert links[0] == "?lang=sr-Latn&municipality=pirot,nis&definition=cultural"
    _, _, _, links = compare.choose(["pirot", "nis"], "no-such", "sr-Latn")
    assert links[0] == "?lang=sr-Latn&municipality=pirot,nis"

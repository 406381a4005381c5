"""The sentence that describes the map names what the map shows, in the reader's language."""

from __future__ import annotations

from dashboard.analysis.indicators import Filters
from dashboard.analysis.summaries import map_summary
from dashboard.analysis.views import explore_view


def test_summary_names_the_extremes_of_the_choropleth(project_runtime):
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises", "en")
    counts = project_runtime.data.enterprises["municipality"].value_counts()
    sentence = map_summary(view.map, view.totals["enterprises"], "en")
    assert sentence.startswith("Enterprises by municipality: highest in Niš")
    assert f"({counts['nis']:,})" in sentence
    assert f"Enterprises shown: {len(project_runtime.data.enterprises):,}." in sentence


def test_summary_follows_level_language_and_script(project_runtime):
    view = explore_view(project_runtime, Filters(), "district", "enterprises_per_1000", "sr-Cyrl")
    sentence = map_summary(view.map, view.totals["enterprises"], "sr-Cyrl")
    assert sentence.startswith("Предузећа на 1.000 становника по окрузима: највише")
    hexagons = explore_view(project_runtime, Filters(sectors=("heritage",)), "hexagon", "enterprises", "en")
    assert "hexagons" in map_summary(hexagons.map, hexagons.totals["enterprises"], "en")


def test_summary_of_a_district_names_only_its_own_municipalities(project_runtime):
    from dashboard.analysis.views import units_in_scope

    filters = Filters(districts=("RS-21",))
    view = explore_view(project_runtime, filters, "municipality", "enterprises", "en")
    sentence = map_summary(
        view.map, view.totals["enterprises"], "en", units_in_scope(project_runtime, filters)
    )
    toplica = {"Prokuplje", "Blace", "Kuršumlija", "Žitorađa"}
    named = {name for name in toplica | {"Niš", "Pirot", "Aleksinac"} if name in sentence}
    assert named and named <= toplica  # not "lowest in Niš (0)", which is outside the filter


def test_summary_of_one_municipality_gives_its_value_and_the_presenter_says_the_same(project_runtime):
    """Not "highest in Pirot, lowest in Niš (0)" for a view of Pirot alone: the other units are
    only context on the map."""
    from dashboard.analysis.views import units_in_scope
    from dashboard.config import DEFAULT_REGION_DIR
    from dashboard.outputs.presenting import step_view
    from dashboard.outputs.stories import load_story

    filters = Filters(municipalities=("pirot",))
    view = explore_view(project_runtime, filters, "municipality", "enterprises", "en")
    in_pirot = int((project_runtime.data.enterprises["municipality"] == "pirot").sum())
    within = units_in_scope(project_runtime, filters)
    sentence = map_summary(view.map, view.totals["enterprises"], "en", within)
    assert sentence == f"Enterprises in Pirot: {in_pirot:,}. Enterprises shown: {in_pirot:,}."

    story = load_story(DEFAULT_REGION_DIR / "stories", "forum")
    pirot_step = next(step for step in story.steps if step.state.filters.municipalities == ("pirot",))
    summary = step_view(project_runtime, pirot_step, "en").summary
    assert summary.startswith("Enterprises per 1,000 inhabitants in Pirot: ") and "Niš" not in summary

"""The sentence that describes the map names what the map shows, in the reader's language."""

from __future__ import annotations

from dashboard.indicators import Filters
from dashboard.summaries import map_summary
from dashboard.views import explore_view


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
    from dashboard.views import units_in_scope

    filters = Filters(districts=("RS-21",))
    view = explore_view(project_runtime, filters, "municipality", "enterprises", "en")
    sentence = map_summary(
        view.map, view.totals["enterprises"], "en", units_in_scope(project_runtime, filters)
    )
    toplica = {"Prokuplje", "Blace", "Kuršumlija", "Žitorađa"}
    named = {name for name in toplica | {"Niš", "Pirot", "Aleksinac"} if name in sentence}
    assert named and named <= toplica  # not "lowest in Niš (0)", which is outside the filter

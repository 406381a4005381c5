"""Presenter mode without a browser: where each step of a story looks, what it says in words,
and the presenter page opened at a step."""

from __future__ import annotations

from dashboard.outputs.presenting import present_map, ranking_figure, step_fit, step_view
from dashboard.outputs.stories import Step, Text


def test_a_step_frames_its_units(runtime):
    pirot = step_fit(runtime, Step(Text({"en": "P"}), "?district=RS-22&municipality=pirot"))
    assert pirot["bounds"] == list(runtime.map_base.unit_bounds["pirot"]) and pirot["fill"] < 1
    district = step_fit(runtime, Step(Text({"en": "D"}), "?district=RS-22"))
    assert district["bounds"] == list(runtime.map_base.unit_bounds["RS-22"])
    region = step_fit(runtime, Step(Text({"en": "R"}), ""))
    west, south, east, north = region["bounds"]
    assert west < 21.0 and east > 22.9 and south < 42.9 and north > 43.8
    at = step_fit(runtime, Step(Text({"en": "A"}), "?at=43.15,22.58,9"))
    assert at["bounds"][0] < 22.58 < at["bounds"][2] and at["bounds"][1] < 43.15 < at["bounds"][3]


def test_a_step_says_in_words_what_it_shows(runtime):
    shown = step_view(runtime, Step(Text({"en": "C"}), "?district=RS-22&sector=crafts-design"), "en")
    assert shown.show == "map" and shown.explore.totals["enterprises"] > 0
    assert shown.summary.startswith("Enterprises per 1,000 inhabitants by municipality: highest in Pirot")
    ranking = step_view(runtime, Step(Text({"en": "R"}), "", show="ranking"), "sr-Latn")
    assert ranking.show == "ranking" and ranking.explore is None
    assert ranking.summary.startswith("Razvojni potencijal 15 opština: najviši Niš")


def test_the_presenter_map_is_the_explore_map_in_larger_type(runtime):
    shown = step_view(runtime, Step(Text({"en": "R"}), ""), "en")
    figure = present_map(runtime, shown.explore, "en")
    assert figure.layout.height is None and figure.layout.map.style == runtime.style
    points = [t for t in figure.data if t.type == "scattermap"]
    labels = [t for t in points if t.mode == "text"]
    assert labels and all(t.textfont.family.startswith("Open Sans") and t.textfont.size >= 16 for t in labels)
    assert {t.marker.symbol for t in points if t.mode == "markers"} <= {None, "circle"}


def test_the_ranking_names_every_unit_with_its_rank_range(runtime):
    figure = ranking_figure(runtime, Step(Text({"en": "R"}), "", show="ranking"), "en")
    labels = figure.data[0].y
    assert len(labels) == len(runtime.data.municipalities)
    assert labels[-1].startswith("1. ")  # best on top (plotly draws the first category lowest)
    assert all("(" in label and ")" in label for label in labels)


def test_presenter_mode_opens_the_story_at_the_step_in_the_url(runtime, page_text):
    text = page_text("/present", lang="en", story="forum", step="3")
    assert "Crafts and design in Pirot District" in text and "3 / 4" in text
    assert "Three districts" not in text
    missing = page_text("/present", lang="en", story="no-such-story")
    assert "There is no story called" in missing and "forum" in missing

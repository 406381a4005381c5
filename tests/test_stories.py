"""Presenter stories: reading and checking the human-editable files, and saving a view into one
without ever leaving a file half-written or losing what a person wrote in it."""

from __future__ import annotations

import os
import shutil
import threading
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.analysis.indicators import Filters
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.i18n import LANGUAGES
from dashboard.outputs.stories import (
    Step,
    StoryError,
    Text,
    Vocabulary,
    append_step,
    check_view,
    list_stories,
    load_story,
    may_edit,
    parse_story,
    step_toml,
    toml_string,
)
from dashboard.web.state import ExploreState

FORUM = DEFAULT_REGION_DIR / "stories" / "forum.toml"


@pytest.fixture(scope="module")
def vocabulary(project_data) -> Vocabulary:
    return Vocabulary.from_data(project_data)


@pytest.fixture
def folder(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(FORUM, stories / "forum.toml")
    return stories


def step(title="Pirot", view="?municipality=pirot", caption="") -> Step:
    return Step(Text({"sr-Latn": title}), view, Text({"en": caption} if caption else {}))


# ----------------------------------------------------------------------------- the forum story


def test_the_forum_story_is_valid_and_reads_in_three_languages(vocabulary):
    story = load_story(FORUM.parent, "forum", vocabulary)
    assert story.problems == ()
    assert [s.show for s in story.steps] == ["map", "map", "map", "ranking"]
    assert story.steps[1].state.filters.municipalities == ("pirot",)
    assert story.steps[2].state.filters.sectors == ("crafts-design",)
    assert story.steps[2].title.get("en") == "Crafts and design in Pirot District"
    assert story.steps[2].title.get("sr-Latn") == "Zanati i dizajn u Pirotskom okrugu"
    assert story.steps[2].title.get("sr-Cyrl") == "Занати и дизајн у Пиротском округу"
    assert story.steps[1].title.get("sr-Cyrl") == "Пирот"
    for language in LANGUAGES:
        assert all(s.title.get(language) and s.caption.get(language) for s in story.steps)
    assert story.title.get("sr-Cyrl") == "Креативна економија Јужне Србије"


def test_the_stories_folder_follows_the_region(tmp_path):
    assert Settings().stories_folder == DEFAULT_REGION_DIR / "stories"
    assert Settings(region_dir=tmp_path).stories_folder == tmp_path / "stories"
    assert Settings(stories_dir=tmp_path / "x").stories_folder == tmp_path / "x"
    assert Settings.from_env({"CIM_STORIES_DIR": str(tmp_path)}).stories_folder == tmp_path
    assert list_stories(DEFAULT_REGION_DIR / "stories")[:1] == ["forum"]
    assert list_stories(tmp_path / "none") == []


# ----------------------------------------------------------------------------- texts


def test_a_text_missing_in_one_language_is_derived_from_another():
    latin = Text({"sr-Latn": "Džep i ljiljan"})
    assert latin.get("sr-Cyrl") == "Џеп и љиљан"
    assert latin.get("en") == "Džep i ljiljan"
    cyrillic = Text({"sr-Cyrl": "Њива"})
    assert cyrillic.get("sr-Latn") == "Njiva"
    assert Text({"en": "Field"}).get("sr-Cyrl") == "Field"
    assert Text({"sr-Latn": "Polje", "en": "Field"}).get("en") == "Field"
    assert not Text({"en": "  "})
    form = Text.serbian_and_english("Ниш", "Nis")
    assert form.values == {"sr-Cyrl": "Ниш", "en": "Nis"}
    assert Text.serbian_and_english("Niš", "").values == {"sr-Latn": "Niš"}


# ----------------------------------------------------------------------------- checking


def test_views_the_explore_page_writes_are_valid(vocabulary):
    state = ExploreState(
        filters=Filters(districts=("RS-22",), sectors=("crafts-design", "arts"), years=(2010, 2020)),
        level="enterprises",
        metric="location_quotient",
        lq_sector="arts",
        view=(43.15, 22.58, 9.5),
    )
    assert check_view(state.to_query(), vocabulary) == []
    assert check_view(state.to_query("en"), vocabulary) == []
    assert check_view("", vocabulary) == []


@pytest.mark.parametrize(
    ("view", "problem"),
    [
        ("?municipality=pirott", ("unknown_code", {"name": "municipality", "value": "pirott"})),
        ("?sector=crafts", ("unknown_code", {"name": "sector", "value": "crafts"})),
        ("?colour=red", ("unknown_parameter", {"name": "colour"})),
        ("?level=galaxy", ("bad_value", {"name": "level", "value": "galaxy"})),
        ("?metric=happiness", ("bad_value", {"name": "metric", "value": "happiness"})),
        ("?years=soon", ("bad_value", {"name": "years", "value": "soon"})),
        ("?at=95,0,3", ("bad_value", {"name": "at", "value": "95,0,3"})),
        ("?metric=location_quotient&lq=nope", ("unknown_code", {"name": "lq", "value": "nope"})),
    ],
)
def test_a_view_with_a_typo_is_reported(vocabulary, view, problem):
    assert check_view(view, vocabulary) == [problem]


def test_steps_with_problems_are_reported_and_left_out(vocabulary):
    text = """
title.en = "Test"

[[steps]]
view = "?municipality=pirot"
title.en = "Good"

[[steps]]
view = "?municipality=atlantis"
title.en = "Bad code"

[[steps]]
view = ""

[[steps]]
view = ""
show = "video"
title.xx = "Unknown language"
colour = "red"
"""
    story = parse_story("test", text, vocabulary)
    assert [s.title.get("en") for s in story.steps] == ["Good"]
    codes = [(p.step, p.code) for p in story.problems]
    assert (2, "unknown_code") in codes
    assert (3, "no_title") in codes
    assert {(4, "unknown_language"), (4, "unknown_field"), (4, "bad_value"), (4, "no_title")} <= set(codes)
    for language in LANGUAGES:
        message = story.problems[0].message(language)
        assert "2" in message and "atlantis" in message
    assert (
        story.problems[0].message("en")
        == "Step 2: The view names an unknown code “atlantis” in “municipality”."
    )


def test_a_broken_or_missing_file_is_a_problem_not_a_crash(folder, vocabulary):
    (folder / "broken.toml").write_text('title.en = "unterminated\n', encoding="utf-8")
    broken = load_story(folder, "broken", vocabulary)
    assert broken.steps == () and broken.problems[0].code == "unreadable"
    assert "cannot be read" in broken.problems[0].message("en")
    missing = load_story(folder, "nowhere", vocabulary)
    assert missing.problems[0].code == "missing"
    assert load_story(folder, "../etc/passwd").problems[0].code == "bad_name"
    (folder / "empty.toml").write_text('title.en = "Nothing"\n', encoding="utf-8")
    assert load_story(folder, "empty").problems[0].code == "no_steps"
    assert load_story(folder, "empty").title.get("en") == "Nothing"


# ----------------------------------------------------------------------------- saving


def test_a_step_is_appended_as_text_keeping_what_a_person_wrote(folder, vocabulary):
    before = (folder / "forum.toml").read_text(encoding="utf-8")
    new = Step(
        Text({"sr-Latn": 'Niš: „IT” i "film"', "en": "Niš \\ IT"}),
        "?municipality=nis&sector=it-software",
        Text({"en": "Line one\nline two"}),
    )
    story = append_step(folder, "forum", new, vocabulary)
    after = (folder / "forum.toml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # comments and layout untouched
    assert "# The story shown at the Creative Economy Forum" in after
    assert len(story.steps) == 5 and story.problems == ()
    assert story.steps[-1].title.get("sr-Latn") == 'Niš: „IT” i "film"'
    assert story.steps[-1].title.get("en") == "Niš \\ IT"
    assert story.steps[-1].caption.get("en") == "Line one\nline two"
    assert story.steps[-1].state.filters.sectors == ("it-software",)
    assert load_story(folder, "forum", vocabulary) == story


def test_a_new_name_starts_a_new_story(folder, vocabulary):
    story = append_step(folder, "council-2027", step(), vocabulary, new_title=Text({"en": "Council"}))
    assert (folder / "council-2027.toml").exists()
    assert story.title.get("en") == "Council" and len(story.steps) == 1
    assert "council-2027" in list_stories(folder)
    append_step(folder, "council-2027", step("Second"), vocabulary)
    assert [s.title.get("sr-Latn") for s in load_story(folder, "council-2027").steps] == ["Pirot", "Second"]


@pytest.mark.parametrize(
    ("name", "new", "code"),
    [
        ("../outside", step(), "bad_name"),
        ("Forum", step(), "bad_name"),
        ("forum", Step(Text(), "?municipality=pirot"), "no_title"),
        ("forum", step(view="?municipality=atlantis"), "unknown_code"),
        ("forum", step(title="x" * 200), "too_long"),
        ("forum", step(title="two\nlines"), "bad_text"),
    ],
)
def test_an_invalid_step_or_name_changes_nothing(folder, vocabulary, name, new, code):
    before = sorted((p.name, p.read_bytes()) for p in folder.parent.rglob("*") if p.is_file())
    with pytest.raises(StoryError) as raised:
        append_step(folder, name, new, vocabulary)
    assert raised.value.problem.code == code
    assert sorted((p.name, p.read_bytes()) for p in folder.parent.rglob("*") if p.is_file()) == before


def test_a_file_that_does_not_parse_is_never_overwritten(folder, vocabulary):
    path = folder / "forum.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[steps]\nhalf-typed", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoryError) as raised:
        append_step(folder, "forum", step(), vocabulary)
    assert raised.value.problem.code == "unreadable"
    assert path.read_bytes() == before


def test_steps_written_inline_cannot_be_appended_to(folder, vocabulary):
    path = folder / "inline.toml"
    path.write_text(
        'title.en = "Inline"\nsteps = [{ view = "", title = { en = "One" } }]\n', encoding="utf-8"
    )
    before = path.read_bytes()
    with pytest.raises(StoryError) as raised:
        append_step(folder, "inline", step(), vocabulary)
    assert raised.value.problem.code == "cannot_append"
    assert path.read_bytes() == before


def test_a_failed_write_leaves_the_old_file_and_no_debris(folder, vocabulary, monkeypatch):
    path = folder / "forum.toml"
    before = path.read_bytes()

    def failing_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StoryError) as raised:
        append_step(folder, "forum", step(), vocabulary)
    assert raised.value.problem.code == "not_written"
    assert "disk full" in raised.value.problem.message("en")
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["forum.toml"]


def test_concurrent_saves_all_land(folder, vocabulary):
    errors = []

    def save(number: int) -> None:
        try:
            append_step(folder, "forum", step(f"Step {number}"), vocabulary)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    titles = [s.title.get("sr-Latn") for s in load_story(folder, "forum", vocabulary).steps]
    assert len(titles) == 12 and {f"Step {n}" for n in range(8)} <= set(titles)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_survives_the_round_trip_through_the_file(text):
    assert tomllib.loads(f"value = {toml_string(text)}\n")["value"] == text


def test_a_step_block_reads_back_as_the_step():
    new = Step(Text({"sr-Latn": "A", "en": "B"}), "?sector=arts", Text({"sr-Cyrl": "Ц"}), "ranking")
    raw = tomllib.loads(step_toml(new))["steps"][0]
    assert raw == {
        "view": "?sector=arts",
        "show": "ranking",
        "title": {"sr-Latn": "A", "en": "B"},
        "caption": {"sr-Cyrl": "Ц"},
    }


# ----------------------------------------------------------------------------- who may save


@pytest.mark.parametrize(
    ("configured", "given", "address", "answer"),
    [
        ("", None, "127.0.0.1", None),
        ("", None, "::1", None),
        ("", None, "192.168.1.20", "not_allowed"),
        ("", None, None, "not_allowed"),
        ("s3cret", None, "127.0.0.1", "wrong_token"),
        ("s3cret", "guess", "127.0.0.1", "wrong_token"),
        ("s3cret", "s3cret", "192.168.1.20", None),
    ],
)
def test_who_may_save_a_story(configured, given, address, answer):
    assert may_edit(configured, given, address) == answer

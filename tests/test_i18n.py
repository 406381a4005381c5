"""The translation layer: complete catalogue, correct transliteration and number formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.i18n import LANGUAGES, format_number, format_percent, to_cyrillic, translate
from dashboard.i18n.catalogue import MESSAGES
from dashboard.i18n.script import to_latin
from dashboard.sources.problems import PROBLEM_CODES, Problem

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"


def test_every_message_exists_in_serbian_latin_and_english():
    for key, entry in MESSAGES.items():
        assert entry.get("sr-Latn"), key
        assert entry.get("en"), key
        for language in LANGUAGES:
            assert translate(key, language, **{name: "x" for name in re.findall(r"{(\w+)}", entry["en"])})


def test_placeholders_agree_between_languages():
    for key, entry in MESSAGES.items():
        assert set(re.findall(r"{(\w+)}", entry["en"])) == set(re.findall(r"{(\w+)}", entry["sr-Latn"])), key


def test_every_key_used_in_code_is_in_the_catalogue():
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r'translate\(\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
    assert used, "no translate() calls found: the scan is broken"
    assert used - set(MESSAGES) == set()


def test_every_problem_code_has_a_description():
    assert {c for c in PROBLEM_CODES if f"problem.{c}" not in MESSAGES} == set()
    assert {k for k in MESSAGES if k.startswith("problem.")} == {f"problem.{c}" for c in PROBLEM_CODES}


def test_a_problem_with_an_unlisted_code_is_refused():
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem(file="x.csv", code="something_new")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ljubljana", "Љубљана"),
        ("Njegoš", "Његош"),
        ("DŽEP džak", "ЏЕП џак"),
        ("Žitorađa", "Житорађа"),
        ("Broj {count} NACE šifara", "Број {count} NACE шифара"),
        ("podaci.csv", "podaci.csv"),
        ("nije u region.toml", "није у region.toml"),
        ("vidi README.md", "види README.md"),
    ],
)
def test_latin_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


def test_transliteration_round_trips_names():
    for name in ("Niš", "Gadžin Han", "Ražanj", "Babušnica", "Kuršumlija", "Žitorađa", "Merošina"):
        assert to_latin(to_cyrillic(name)) == name


def test_number_formats_per_language():
    assert format_number(1234.5, "sr-Latn", 1) == "1.234,5"
    assert format_number(1234.5, "sr-Cyrl", 1) == "1.234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(float("nan"), "en") == "–"
    assert format_percent(0.25, "sr-Latn") == "25,0 %"
    assert format_percent(0.25, "en") == "25.0%"


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        translate("no.such.key", "en")


def test_the_table_grid_speaks_the_page_language_with_keys_ag_grid_knows():
    """AG Grid draws its pager and filter menus itself; ``localeText`` gives it our words.
    A key AG Grid does not use would silently stay English, so each must be one it looks up."""
    import dash_ag_grid

    from dashboard.components.table import enterprise_grid, grid_locale

    folder = Path(dash_ag_grid.__file__).parent
    code = "".join(
        (folder / name).read_text(encoding="utf-8") for name in ("dash_ag_grid.min.js", "async-community.js")
    )
    cyrillic = grid_locale("sr-Cyrl")
    assert cyrillic["nextPage"] == "Следећа страна" and grid_locale("en")["of"] == "of"
    assert {"page", "of", "to", "nextPage", "noRowsToShow", "contains"} <= set(cyrillic)

    # A key AG Grid knows is looked up as ("key","Default") or listed in its English table as key:"…".
    def looked_up(key: str) -> bool:
        return bool(re.search(rf'\("{key}","|[{{,]{key}:"', code))

    assert [key for key in cyrillic if not looked_up(key)] == []
    assert not looked_up("in")  # a made-up short key fails
    grid = enterprise_grid([], "sr-Latn")
    assert grid.dashGridOptions["localeText"]["lastPage"] == "Poslednja strana"


def test_a_message_can_hold_components_where_its_placeholders_are():
    from dash import html

    from dashboard.i18n.rich import translate_parts

    code = html.Code("in_heritage")
    parts = translate_parts("methodology.definitions_add", "sr-Cyrl", classes_file="a.csv", column=code,
                            yes=html.Code("yes"), uncertain="?", definitions_file="d.csv",
                            setting="s", manifest="region.toml")  # fmt: skip
    assert parts[1] is code and parts[3].children == "yes"
    text = "".join(p if isinstance(p, str) else p.children for p in parts)
    assert text == translate("methodology.definitions_add", "sr-Cyrl", classes_file="a.csv",
                             column="in_heritage", yes="yes", uncertain="?", definitions_file="d.csv",
                             setting="s", manifest="region.toml")  # fmt: skip
    assert translate_parts("app.title", "en") == [translate("app.title", "en")]


# A compass point is the first letter of a word ("S" for sever, north), not a formula's symbol:
# written С in Cyrillic like the word it stands for.
COMPASS_POINTS = frozenset({"map_print.north"})


def test_formula_symbols_stay_latin_in_cyrillic_text():
    """The methodology's symbols (N, P, W, T, ...) are the formulas' letters: a Cyrillic 'Т'
    beside a Latin 'W' in one sentence reads as two different things."""
    symbols = {k.split(".", 1)[1] for k in MESSAGES if k.startswith("symbol.") and k[7:].isupper()}
    assert {"W", "T", "N", "P"} <= symbols
    standalone = r"(?<![\w.]){}(?!\w)"
    for key, entry in MESSAGES.items():
        if key in COMPASS_POINTS:
            continue
        used = {s for s in symbols if re.search(standalone.format(s), entry["sr-Latn"])}
        cyrillic = translate(key, "sr-Cyrl")
        assert all(re.search(standalone.format(s), cyrillic) for s in used), (key, cyrillic)

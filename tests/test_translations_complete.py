"""No untranslated string on any page, in any language: a catalogue check, not a guess.

Every registered page's layout is rendered (through ``dash.page_registry``) in each language
with ``translate`` patched to wrap every message it returns in markers. Then every visible
text of the component tree -- children, titles, placeholders, alt texts, aria labels, option
labels, table headers, figure titles, axis titles, legend names, hover templates -- must be
made only of wrapped catalogue messages and *data*: unit, district, region and sector names
in the page's language, story texts, source and file names, numbers, codes and punctuation.
Anything else is a string that reached the page without passing through the catalogue.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import dash
import pytest
from dash.development.base_component import Component

import dashboard.i18n as i18n
from dashboard.app import create_app
from dashboard.config import Settings
from dashboard.i18n import (
    LANGUAGE_LABELS,
    LANGUAGE_NAMES,
    LANGUAGE_SHORT,
    LANGUAGES,
    localized_name,
    localized_text,
)
from dashboard.i18n.script import to_cyrillic
from dashboard.outputs.stories import Vocabulary, list_stories, load_story

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ message ⟧
WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TEXT_PROPS = ("children", "title", "placeholder", "alt", "aria-label", "label", "headerName")
# What is left of a text once messages and data are taken out must be free of words.
NEUTRAL = re.compile(r"^[\W\d_×²]*$")
PLOTLY_MARKUP = re.compile(r"%\{[^}]*\}|<[^>]+>")
# Units, symbols and file-format names, which read the same in every language.
TOKENS = ("GeoPackage", "GeoJSON", "XLSX", "CSV", "PDF", "PNG", "km²", "LQ")
NOTATION = {"Code"}  # formulas and code: symbols, not words to translate


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


def _data_texts(language: str) -> list[str]:
    """Everything on a page that is data rather than interface text, in this language."""
    from dashboard.web.runtime import current

    runtime = current()
    data = runtime.data
    texts: set[str] = {*LANGUAGE_LABELS.values(), *LANGUAGE_SHORT.values(), *LANGUAGE_NAMES.values()}
    for table in (data.municipalities, data.districts):
        texts |= {localized_name(row.to_dict(), language) for _, row in table.iterrows()}
    texts |= {data.region.name(language)}
    # the app's title as the region names itself ([title] in region.toml; Cyrillic may come
    # transliterated from the Latin, as dashboard.components.page_title.app_title does)
    texts |= {data.region.title(language) or ""}
    if language == "sr-Cyrl":
        texts |= {to_cyrillic(data.region.title("sr-Latn") or "")}
    texts |= {data.taxonomy.sector_name(code, language) for code in data.taxonomy.sector_codes}
    taxonomy = data.taxonomy  # the definitions of "creative" and class titles are region data too
    texts |= {taxonomy.definition_name(d, language) for d in taxonomy.definition_ids}
    texts |= {taxonomy.definition_short(d, language) for d in taxonomy.definition_ids}
    texts |= {str(v) for v in taxonomy.definitions["source"]}
    texts |= {taxonomy.class_title(code, language) for code in taxonomy.classes.index}
    texts |= set(data.region.credits(language).values())
    if data.enterprises_file:
        texts.add(data.enterprises_file.name)
    for column in ("population_source", "area_source"):
        if column in data.municipalities:
            records = data.municipalities.to_dict("records")
            texts |= {localized_text(row, column, language) for row in records}
    if "source" in data.enterprises:
        texts |= {str(v) for v in data.enterprises["source"].dropna().unique()}
    folder = runtime.settings.stories_folder
    for name in list_stories(folder):
        story = load_story(folder, name, Vocabulary.from_data(data))
        texts |= {name, story.title.get(language)}
        for step in story.steps:
            texts |= {step.title.get(language), step.caption.get(language)}
    return sorted((t for t in texts if t), key=len, reverse=True)


def _strings(value, path: str) -> Iterator[tuple[str, str]]:
    """Every visible text in a rendered component tree (``to_plotly_json`` form) or figure."""
    if isinstance(value, Component):
        value = value.to_plotly_json()
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (list, tuple)):
        # A sentence with inline notation (a file name as html.Code) is one text around it:
        # the message it comes from is checked whole, the notation left out.
        run: list[str] = []
        for position, item in enumerate(value):
            if isinstance(item, str) or _is_notation(item):
                run.append(item if isinstance(item, str) else " ")
                continue
            if any(run):
                yield f"{path}[{position - len(run)}:{position}]", "".join(run)
            run = []
            yield from _strings(item, f"{path}[{position}]")
        if any(run):
            yield f"{path}[{len(value) - len(run)}:]", "".join(run)
    elif isinstance(value, dict) and "props" in value and "type" in value:
        props = value["props"]
        if value["type"] in NOTATION:
            return
        where = f"{path}/{value['type']}#{props.get('id', '')}"
        for name in TEXT_PROPS:
            if name in props:
                yield from _strings(props[name], f"{where}.{name}")
        for name in ("options",):
            for position, option in enumerate(props.get(name) or []):
                if isinstance(option, dict):
                    yield from _strings(option.get("label"), f"{where}.options[{position}]")
        for name, label in (props.get("labels") or {}).items():  # dcc.Dropdown's own words
            yield f"{where}.labels.{name}", label.replace("{num_selected}", "")
        for definition in props.get("columnDefs") or []:
            yield from _strings(definition.get("headerName"), f"{where}.columnDefs")
        if value["type"] == "Graph" and props.get("figure"):
            yield from _figure_strings(props["figure"], f"{where}.figure")
    elif isinstance(value, dict):
        for key in ("label",):
            if key in value:
                yield from _strings(value[key], f"{path}.{key}")


def _is_notation(value) -> bool:
    if isinstance(value, Component):
        return type(value).__name__ in NOTATION
    return isinstance(value, dict) and value.get("type") in NOTATION


def _figure_strings(figure, path: str) -> Iterator[tuple[str, str]]:
    figure = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    layout = figure.get("layout", {})

    def titles(node, where):
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "text" and isinstance(item, str) and where.endswith("title"):
                    yield f"{path}.{where}", item
                elif key == "ticktext":
                    for tick in item or []:
                        yield f"{path}.{where}.ticktext", str(tick)
                else:
                    yield from titles(item, key if key != "font" else where)

    yield from titles(layout, "layout")
    for trace in figure.get("data", []):
        yield from titles({k: v for k, v in trace.items() if k in ("colorbar", "title")}, "trace")
        if trace.get("showlegend") is not False and trace.get("name"):
            yield f"{path}.trace.name", str(trace["name"])
        if trace.get("hovertemplate"):
            yield f"{path}.trace.hovertemplate", str(trace["hovertemplate"])
        if trace.get("mode") == "text" and trace.get("text"):
            for text in trace["text"]:
                yield f"{path}.trace.text", str(text)


def _leftover(text: str, data: list[str]) -> str:
    text = PLOTLY_MARKUP.sub(" ", text)
    while WRAPPED.search(text):
        text = WRAPPED.sub(" ", text)
    for item in data:
        text = text.replace(item, " ")
    for token in TOKENS:
        text = text.replace(token, " ")
    return text


def _render_all(language: str) -> Iterator[tuple[str, str]]:
    for module, page in dash.page_registry.items():
        variants = [{}]
        if page["path"] == "/present":
            variants += [{"step": str(n)} for n in range(2, 6)]
        for params in variants:
            layout = page["layout"](lang=language, **params)
            yield from _strings(layout, f"{module}{params or ''}")


@pytest.fixture
def wrapped_translate(monkeypatch):
    """``translate`` in every module of the app returns ⟦its message⟧."""
    original = i18n.translate

    def translate(key, language, **params):
        return OPEN + original(key, language, **params) + CLOSE

    for name, module in list(sys.modules.items()):
        if name.startswith(("dashboard", "pages")) and getattr(module, "translate", None) is original:
            monkeypatch.setattr(module, "translate", translate)
    return translate


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_visible_text_is_a_catalogue_message_or_data(app, wrapped_translate, language):
    data = _data_texts(language)
    found = []
    messages = 0
    for where, text in _render_all(language):
        messages += text.count(OPEN)
        rest = _leftover(text, data)
        if not NEUTRAL.match(rest):
            found.append(f"{where}: {text!r} (left: {rest.strip()!r})")
    assert messages > 200, "the patch did not reach the pages: no message was wrapped"
    assert found == [], "untranslated text:\n" + "\n".join(found[:40])


def _dropdowns_without_labels(language: str) -> list[str]:
    missing = []

    def walk(node, page):
        if isinstance(node, Component):
            if type(node).__name__ == "Dropdown" and not getattr(node, "labels", None):
                missing.append(f"{page}: dropdown {getattr(node, 'id', '')}")
            children = getattr(node, "children", None)
            for child in children if isinstance(children, (list, tuple)) else [children]:
                walk(child, page)
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child, page)

    for module, page in dash.page_registry.items():
        walk(page["layout"](lang=language), module)
    return missing


OWN_WORDS_DONE = ("pages.present", "pages.profile", "pages.compare")


@pytest.mark.parametrize("language", LANGUAGES)
def test_dropdowns_draw_their_own_words_in_the_language(app, language):
    """dcc.Dropdown writes "Select All", "3 selected", "No options found" in English unless it
    is given ``labels`` (``dashboard.i18n.widgets.dropdown_labels``)."""
    missing = _dropdowns_without_labels(language)
    assert [m for m in missing if m.startswith(OWN_WORDS_DONE)] == []


def test_every_dropdown_in_the_app_draws_its_words_in_the_language(app):
    assert _dropdowns_without_labels("sr-Latn") == []


def test_the_check_catches_a_hard_coded_string(app, wrapped_translate):
    """The walker is not blind: a literal string in a layout is reported."""
    from dash import html

    tree = html.Div([html.H1("Hard-coded title"), html.P(i18n.translate("app.title", "en"))])
    leftovers = [_leftover(text, []) for _, text in _strings(tree.to_plotly_json(), "test")]
    assert [r.strip() for r in leftovers if not NEUTRAL.match(r)] == ["Hard-coded title"]


def test_a_sentence_around_inline_code_is_checked_whole(app, wrapped_translate):
    """A message split by ``translate_parts`` around html.Code reads as one wrapped message; a
    literal word beside the code is still reported, and the code itself is left out."""
    from dash import html

    from dashboard.i18n.rich import translate_parts

    parts = translate_parts("methodology.beyond.whatif", "en", example=html.Code("/potential?x=1"))
    assert any(type(p).__name__ == "Code" for p in parts) and len(parts) == 3
    texts = [text for _, text in _strings(html.P(parts).to_plotly_json(), "test")]
    assert len(texts) == 1 and NEUTRAL.match(_leftover(texts[0], []))
    mixed = html.P([*parts, " plus a hard-coded tail"]).to_plotly_json()
    leftovers = [_leftover(text, []).strip() for _, text in _strings(mixed, "test")]
    assert leftovers == ["plus a hard-coded tail"]


# Latin that Serbian Cyrillic text keeps: acronyms and constants, key names, product and format
# names, file and field names of the story and taxonomy formats and the tables of region.toml and
# agenda.toml ([clusters], [peers]), mathematical notation (ln, min, max and one-letter variables
# such as x, S, W or the z of z-scores, with subscripts: N_m, N_s,m, Σ_s, LQ_s,m, max_s).
KEPT_LATIN = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Z0-9_]+(?:-\d+)?|PageDown|PageUp|Home|End|GeoJSON|GeoPackage|"
    r"Windows-\d+|UTF-8|km²|LQ|Markdown|Word|sr-Latn|sr-Cyrl|en|view|title|caption|\[\[steps\]\]|"
    r"\[[a-z_]+\]|(?:[A-Z]{1,2}|Σ|max|min)_[a-z](?:,[a-z])?|"
    r"data/stories|README\.md|in_\w+|yes|uncertain|\[definitions\] default|"
    r"[\w-]*\.(?:csv|toml|gpkg|xlsx|docx|geojson|pdf|png)|ln|min|max|[A-Za-z])(?!\w)"
)
REFERENCES = "#references"  # bibliographic references keep their original titles


def test_cyrillic_pages_carry_no_latin_words_outside_data_and_notation(app):
    """Serbian Cyrillic reads as Cyrillic: Latin letters appear only in data (file names,
    sources, codes) and in what transliteration rightly keeps (see ``KEPT_LATIN``)."""
    data = [t for t in _data_texts("sr-Cyrl") if re.search("[A-Za-z]", t)]
    found = []
    for where, text in _render_all("sr-Cyrl"):
        if REFERENCES in where:
            continue
        rest = PLOTLY_MARKUP.sub(" ", text)
        for item in data:
            rest = rest.replace(item, " ")
        rest = KEPT_LATIN.sub(" ", rest)
        if re.search("[A-Za-zČĆŽŠĐčćžšđ]", rest):
            found.append(f"{where}: {text!r} (left: {rest.strip()!r})")
    assert found == [], "Latin text on a Cyrillic page:\n" + "\n".join(found[:40])

"""Words of the wrong language or script in a page's text (issue 13: "one language at a time").

Used by the browser walk over every page (tests/test_browser_daily.py) and checked on its own in
tests/test_daily_use.py. Proper names of projects, licences, file formats and keys are allowed;
file names, paths, addresses and codes (anything with ``_``, ``.``, ``/``, ``@`` or a digit
inside) are not words.
"""

from __future__ import annotations

import re

# Names that stay in Latin letters in Serbian Cyrillic typography, and key names on a keyboard.
PROPER_NAMES = frozenset(
    {
        "OpenStreetMap", "GeoNames", "geoBoundaries", "ODbL", "World", "Data", "Bank", "MapLibre",
        "Plotly", "GeoJSON", "GeoPackage", "PostGIS", "XLSX", "TOML", "README", "NACE", "DEMO",
        "PageDown", "PageUp", "Home", "Space", "Enter", "Esc", "Shift", "Eurostat", "UNESCO", "DBSCAN",
        "DCMS", "OECD", "Markdown", "Word",
    }
)  # fmt: skip
# Common English words that have no business on a Serbian page.
ENGLISH_WORDS = frozenset(
    {
        "the", "and", "with", "from", "for", "this", "that", "census", "population", "results",
        "final", "rounded", "integer", "yearbook", "synthetic", "contributors", "public", "domain",
        "share", "chart", "download", "source", "sources", "municipality", "municipalities",
        "district", "districts", "enterprises", "enterprise", "sector", "sectors", "zoom", "reset",
        "view", "select", "lasso", "pan", "image", "plot", "index", "rank", "ranking", "table", "map",
        "show", "hide", "exit", "next", "previous", "step", "story",
    }
)  # fmt: skip
TOKEN = re.compile(r"\S+")
LETTERS = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-zČĆŽŠĐčćžšđ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _words(text: str) -> list[str]:
    words: list[str] = []
    for token in TOKEN.findall(text):
        core = token.strip("()[]{}«»„“”\"'‘’,;:!?…·–—")
        if re.search(r"[_./@\\\d]", core) or "://" in token:
            continue  # a file name, path, address, code or number
        words += LETTERS.findall(core)
    return words


def wrong_language_words(text: str, language: str) -> list[str]:
    """The words in ``text`` that a reader of ``language`` should not see, in order."""
    wrong: list[str] = []
    for word in _words(text):
        if word in PROPER_NAMES:
            continue
        if language == "sr-Cyrl":
            if LATIN.search(word) and len(word) >= 4:
                wrong.append(word)  # shorter Latin tokens are acronyms (RZS, PNG, LQ)
        elif language == "sr-Latn":
            if CYRILLIC.search(word) or word.lower() in ENGLISH_WORDS:
                wrong.append(word)
        elif CYRILLIC.search(word):
            wrong.append(word)
    return wrong

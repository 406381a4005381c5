"""The translation layer: every user-facing string goes through :func:`translate`.

Serbian Cyrillic is derived from Serbian Latin by a deterministic
transliteration (the two scripts map one-to-one), unless the catalogue gives a
Cyrillic text of its own; so the Latin text is the one to write and review.
"""

from dashboard.i18n.catalogue import MESSAGES
from dashboard.i18n.format import format_number, format_percent
from dashboard.i18n.script import to_cyrillic

LANGUAGES: tuple[str, ...] = ("sr-Latn", "sr-Cyrl", "en")
LANGUAGE_LABELS = {"sr-Latn": "Srpski", "sr-Cyrl": "Српски", "en": "English"}
# Each language named in itself, short (a laptop's one-row header) and with its script (the
# links' accessible names: they contain both the short and the full label).
LANGUAGE_SHORT = {"sr-Latn": "Lat", "sr-Cyrl": "Ћир", "en": "EN"}
LANGUAGE_NAMES = {"sr-Latn": "Srpski (latinica)", "sr-Cyrl": "Српски (ћирилица)", "en": "English"}


def normalise_language(language: str | None, default: str = "sr-Latn") -> str:
    """Map whatever the URL says to a supported language code."""
    return language if language in LANGUAGES else default


def translate(key: str, language: str, **params: object) -> str:
    """The text for ``key`` in ``language``, with ``{name}`` placeholders filled.

    An unknown key raises ``KeyError``: a missing translation is a bug the tests
    must catch, not a string to show the audience.
    """
    entry = MESSAGES[key]
    if language == "sr-Cyrl":
        text = entry.get("sr-Cyrl") or to_cyrillic(entry["sr-Latn"])
    else:
        text = entry[language]
    return text.format(**params) if params else text


def localized_name(row: object, language: str) -> str:
    """Pick the right name column (``name_lat``/``name_cyr``/``name_en``) of a data row."""
    column = {"sr-Latn": "name_lat", "sr-Cyrl": "name_cyr", "en": "name_en"}[language]
    return str(getattr(row, column) if not isinstance(row, dict) else row[column])


SCRIPT_SUFFIXES = {"sr-Latn": "_lat", "sr-Cyrl": "_cyr", "en": ""}


def localized_text(row: object, column: str, language: str) -> str:
    """A data row's free text (a source note) in ``language``: ``<column>_lat`` in Serbian
    Latin, ``<column>_cyr`` in Cyrillic (else the Latin transliterated), ``<column>`` itself in
    English. A table without the translated columns gives its one text in every language."""
    values = row if isinstance(row, dict) else getattr(row, "to_dict", lambda: vars(row))()

    def text(name: str) -> str:
        value = values.get(name)
        return "" if value is None or value != value else str(value).strip()  # NaN != NaN

    chosen = text(column + SCRIPT_SUFFIXES[language])
    if not chosen and language == "sr-Cyrl" and text(column + "_lat"):
        chosen = to_cyrillic(text(column + "_lat"))
    return chosen or text(column)


__all__ = [
    "LANGUAGES",
    "LANGUAGE_LABELS",
    "LANGUAGE_NAMES",
    "LANGUAGE_SHORT",
    "format_number",
    "format_percent",
    "localized_name",
    "localized_text",
    "normalise_language",
    "to_cyrillic",
    "translate",
]

"""Serbian Latin -> Cyrillic transliteration.

Serbian has an exact one-to-one mapping between its two alphabets, with three
Latin digraphs (lj, nj, dž) for single Cyrillic letters. Tokens that are not
Serbian words -- placeholders, acronyms such as NACE or IT, URLs -- are left as
they are, which is also how Serbian Cyrillic typography treats them.
"""

from __future__ import annotations

import re

_DIGRAPHS = {
    "lj": "љ",
    "Lj": "Љ",
    "LJ": "Љ",
    "nj": "њ",
    "Nj": "Њ",
    "NJ": "Њ",
    "dž": "џ",
    "Dž": "Џ",
    "DŽ": "Џ",
}
_LETTERS = dict(
    zip(
        "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ",
        "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ",
        strict=True,
    )
)
# Placeholders, URLs/e-mails/file names, and all-capital Latin acronyms stay Latin.
_KEEP = re.compile(
    r"\{[^}]*\}|\S+://\S+|\S+@\S+|\b\w+\.(?:csv|xlsx|geojson|gpkg|pdf|png|toml|docx|md|json)\b"
    r"|\b[A-Z][A-Z0-9]+\b|\bGeoNames\b|\bOpenStreetMap\b|\bgeoBoundaries\b"
    r"|\bNatural Earth\b|\bODbL\b|\bMapLibre\b|\bPlotly\b|\bDash\b"
)
_WORD = re.compile(r"dž|Dž|DŽ|lj|Lj|LJ|nj|Nj|NJ|.", re.DOTALL)


def _convert(segment: str) -> str:
    return "".join(_DIGRAPHS.get(m, _LETTERS.get(m, m)) for m in _WORD.findall(segment))


def to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin text to Serbian Cyrillic, keeping protected tokens."""
    out: list[str] = []
    position = 0
    for match in _KEEP.finditer(text):
        out.append(_convert(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_convert(text[position:]))
    return "".join(out)


_TO_LATIN = {cyr: lat for lat, cyr in _LETTERS.items()} | {
    "љ": "lj",
    "Љ": "Lj",
    "њ": "nj",
    "Њ": "Nj",
    "џ": "dž",
    "Џ": "Dž",
}


def to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic to Latin (used to match names typed in either script)."""
    return "".join(_TO_LATIN.get(ch, ch) for ch in text)

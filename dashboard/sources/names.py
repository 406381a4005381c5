"""Matching place names however they are written: script, case, accents, suffixes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from dashboard.i18n.script import to_latin

_SUFFIXES = ("grad ", "opstina ", "city of ", " city", " municipality", " opstina", " grad")


def normalise_name(text: str) -> str:
    """'Grad NIŠ', 'Ниш', 'Nis City' -> 'nis'; 'Žitorađa' -> 'zitoradja'."""
    latin = to_latin(str(text)).replace("đ", "dj").replace("Đ", "Dj")
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    folded = " ".join(ascii_text.lower().replace("-", " ").split())
    for suffix in _SUFFIXES:
        if folded.startswith(suffix) and suffix.endswith(" "):
            folded = folded[len(suffix) :]
        elif folded.endswith(suffix) and suffix.startswith(" "):
            folded = folded[: -len(suffix)]
    return folded


def name_index(rows: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Lookup from every normalised spelling (code and names) to the canonical code."""
    index: dict[str, str] = {}
    for code, names in rows:
        index[normalise_name(code)] = code
        for name in names:
            if isinstance(name, str) and name:
                index[normalise_name(name)] = code
    return index

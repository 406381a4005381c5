"""Number formats per language: Serbian writes 1.234,5 where English writes 1,234.5."""

from __future__ import annotations

import math


def format_number(value: float | int | None, language: str, decimals: int = 0) -> str:
    """Group thousands and set the decimal mark the way readers of ``language`` expect."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if language.startswith("sr"):
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text


def format_percent(share: float | None, language: str, decimals: int = 1) -> str:
    """A share (0.25) as a percentage ('25,0 %' in Serbian, '25.0%' in English)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    number = format_number(share * 100, language, decimals)
    return f"{number} %" if language.startswith("sr") else f"{number}%"

"""Dates per language: Serbian writes 23. 11. 2026., English 23 November 2026.

Serbian uses the numeric form with a full stop after day, month and year (in either script:
digits are the same); English spells the month, so that no reader has to guess which
number is the day.
"""

from __future__ import annotations

import datetime as dt

from dashboard.i18n import translate

MONTHS = tuple(f"month.{n}" for n in range(1, 13))


def format_date(value: dt.date | dt.datetime | None, language: str) -> str:
    if value is None:
        return "–"
    if language.startswith("sr"):
        return f"{value.day}. {value.month}. {value.year}."
    return f"{value.day} {translate(MONTHS[value.month - 1], language)} {value.year}"

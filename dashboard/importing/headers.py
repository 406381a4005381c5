"""Recognising column headers as they come: Serbian (Latin or Cyrillic) or English,
any case, with or without diacritics, plus an explicit mapping for anything else.

Headers are compared after :func:`normalise_header` ('Matični broj', 'МАТИЧНИ БРОЈ'
and 'maticni_broj' all become 'maticni broj'), so each field needs each wording
once. A header that names no field is reported (``column_ignored``) rather than
dropped silently; two headers naming the same field are an error
(``column_ambiguous``) unless the mapping file settles it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dashboard.i18n.script import to_latin
from dashboard.sources.problems import Problem
from dashboard.sources.schema import SCHEMA

# Every field of the enterprise schema, with the headers that mean it. Written once in
# Latin without diacritics where Serbian has them (normalisation handles the rest).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "registration_number": (
        "registration_number",
        "registration number",
        "registration no",
        "reg no",
        "company number",
        "company id",
        "maticni broj",
        "maticni broj preduzeca",
        "maticni broj privrednog subjekta",
        "maticni broj pravnog lica",
        "mb",
    ),
    "name": (
        "name",
        "business name",
        "company name",
        "company",
        "enterprise",
        "poslovno ime",
        "naziv",
        "naziv preduzeca",
        "naziv privrednog subjekta",
        "ime",
        "puno poslovno ime",
    ),
    "nace": (
        "nace",
        "nace code",
        "nace rev 2",
        "activity code",
        "kd",
        "kd 2010",
        "sifra delatnosti",
        "sifra pretezne delatnosti",
        "pretezna delatnost sifra",
        "delatnost sifra",
        "sifra",
    ),
    "sector": ("sector", "creative sector", "sektor", "kreativni sektor"),
    "district": ("district", "okrug", "upravni okrug"),
    "municipality": (
        "municipality",
        "municipality city",
        "city municipality",
        "local self government unit",
        "lsg",
        "opstina",
        "opstina grad",
        "grad opstina",
        "opstina sedista",
        "jedinica lokalne samouprave",
        "jls",
    ),
    "settlement": (
        "settlement",
        "place",
        "town",
        "village",
        "mesto",
        "naselje",
        "naseljeno mesto",
        "mesto sedista",
    ),
    "address": ("address", "street", "street address", "adresa", "adresa sedista", "ulica i broj", "ulica"),
    "lon": ("lon", "lng", "long", "longitude", "x", "geografska duzina", "duzina", "g duzina"),
    "lat": ("lat", "latitude", "y", "geografska sirina", "sirina", "g sirina"),
    "employees": (
        "employees",
        "number of employees",
        "employee count",
        "staff",
        "broj zaposlenih",
        "zaposleni",
        "zaposlenih",
        "broj radnika",
    ),
    "founding_year": (
        "founding_year",
        "founding year",
        "year founded",
        "founded",
        "year of founding",
        "founding date",
        "date founded",
        "registration date",
        "godina osnivanja",
        "datum osnivanja",
        "osnovano",
        "godina registracije",
        "datum registracije",
    ),
    "legal_form": ("legal_form", "legal form", "pravna forma", "pravni oblik", "oblik organizovanja"),
    "source": ("source", "izvor", "izvor podataka"),
    "synthetic": ("synthetic", "sinteticki"),
}
FIELDS = tuple(FIELD_ALIASES)
assert set(FIELDS) == set(SCHEMA), "every schema field needs its header aliases"

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise_header(text: object) -> str:
    """'Matični broj*', 'МАТИЧНИ БРОЈ', 'maticni_broj' -> 'maticni broj'; 'Šifra' -> 'sifra'."""
    latin = to_latin(str(text)).replace("đ", "dj").replace("Đ", "Dj")
    folded = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
    return " ".join(_NON_ALNUM.sub(" ", folded).split())


def _without_brackets(text: object) -> str:
    """'Broj zaposlenih (2024)' -> 'broj zaposlenih': a second chance for annotated headers."""
    return normalise_header(_BRACKETS.sub(" ", str(text)))


_INDEX: dict[str, str] = {
    normalise_header(alias): name for name, aliases in FIELD_ALIASES.items() for alias in aliases
}


@dataclass
class ColumnMatch:
    """Which source header feeds which field; headers left over; problems found."""

    fields: dict[str, str] = field(default_factory=dict)  # field -> source header
    ignored: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def missing(self, required: Iterable[str]) -> list[str]:
        return [name for name in required if name not in self.fields]


def recognise_columns(
    headers: Iterable[object], file: str, explicit: Mapping[str, str | None] | None = None
) -> ColumnMatch:
    """Match ``headers`` to schema fields.

    ``explicit`` maps normalised source headers to a field (or ``None``: ignore the
    column) and wins over the built-in aliases.
    """
    explicit = explicit or {}
    match = ColumnMatch()
    candidates: dict[str, list[str]] = {}
    for header in headers:
        text = str(header)
        key = normalise_header(text)
        if key in explicit:
            target = explicit[key]
            if target is None:
                continue
            if target in match.fields and match.fields[target] != text:
                match.problems.append(
                    Problem(
                        file=file,
                        code="column_ambiguous",
                        column=target,
                        value=f"{match.fields[target]}, {text}",
                    )
                )
            match.fields[target] = text
            continue
        name = _INDEX.get(key) or _INDEX.get(_without_brackets(text))
        if name is None:
            if key:
                match.ignored.append(text)
            continue
        candidates.setdefault(name, []).append(text)
    for name, sources in candidates.items():
        if name in match.fields:  # the mapping file named a column for it: the others are extra
            match.ignored.extend(sources)
        elif len(sources) > 1:
            match.problems.append(
                Problem(file=file, code="column_ambiguous", column=name, value=", ".join(sources))
            )
        else:
            match.fields[name] = sources[0]
    for header in match.ignored:
        match.problems.append(Problem(file=file, code="column_ignored", column=header, severity="warning"))
    return match

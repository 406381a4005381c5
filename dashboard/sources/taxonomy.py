"""The creative-sector taxonomy: NACE Rev. 2 / KD 2010 classes -> creative sector, and the
named definitions of "creative" that include each class.

Schema: ``sectors`` (index sector_code: name_en, name_sr_lat, name_sr_cyr, color,
sort_order), ``classes`` (index nace 'dd.dd': name_en, name_sr, sector_code,
unesco_field, and one ``in_<definition>`` column per definition holding ``yes``,
``uncertain`` or nothing) and ``definitions`` (index definition id: name_en,
name_sr_lat, name_sr_cyr, source). Which definitions exist is data: the ``in_``
columns of the class file, named and sourced in the optional definitions file
(``data/taxonomy/README.md``). A class file without such columns has one implicit
definition holding every class, so a region needs none of this to work.

An enterprise belongs to a definition when its class does; membership is an integer
with bit *i* set for the *i*-th definition (:meth:`Taxonomy.member_bits`), so the
app filters by definition with one integer test per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.i18n.script import to_cyrillic
from dashboard.sources.problems import DataFileError, Problem
from dashboard.sources.tables import read_csv_table

SECTOR_COLUMNS = ("sector_code", "name_en", "name_sr_lat", "name_sr_cyr", "color", "sort_order")
CLASS_COLUMNS = ("nace", "name_en", "name_sr", "sector_code", "unesco_field")
DEFINITION_COLUMNS = ("definition", "name_en", "name_sr_lat", "name_sr_cyr")
INCLUSION_PREFIX = "in_"  # a class file's column per definition: in_narrow, in_extended, ...
IMPLICIT_DEFINITION = "all"  # the one definition of a class file without in_ columns
YES, UNCERTAIN = "yes", "uncertain"
_INCLUSION_WORDS = {
    "": "",
    "no": "",
    "0": "",
    "yes": YES,
    "y": YES,
    "1": YES,
    "x": YES,
    "true": YES,
    "da": YES,
    "uncertain": UNCERTAIN,
    "?": UNCERTAIN,
}
# What a definition problem's message names as the allowed values (kept as written, untranslated).
INCLUSION_DETAILS = {"yes": YES, "uncertain": UNCERTAIN}
MAX_DEFINITIONS = 62  # bits of a signed 64-bit membership mask
_NACE = re.compile(r"^\s*(\d{2})\.?(\d{1,2})?\s*$")


def normalise_nace(code: object) -> str | None:
    """'5911', '59.11', ' 59.11 ' -> '59.11'; '59.1' -> '59.1'; '59' -> '59'; junk -> None."""
    text = str(code).strip()
    if text.endswith(".0") and len(text.replace(".", "")) == 5:  # 5911.0 from a spreadsheet
        text = text[:-2]
    match = _NACE.match(text)
    if not match:
        return None
    division, rest = match.groups()
    return f"{division}.{rest}" if rest else division


def _implicit_definitions() -> pd.DataFrame:
    return pd.DataFrame(
        {"name_en": [""], "name_sr_lat": [""], "name_sr_cyr": [""], "source": [""]},
        index=pd.Index([IMPLICIT_DEFINITION], name="definition"),
    )


@dataclass(frozen=True)
class Taxonomy:
    sectors: pd.DataFrame
    classes: pd.DataFrame
    # One row per definition, in display order; the implicit one when the class file has none.
    definitions: pd.DataFrame = field(default_factory=_implicit_definitions)
    default_definition: str = IMPLICIT_DEFINITION

    @property
    def sector_codes(self) -> list[str]:
        return list(self.sectors.index)

    @property
    def definition_ids(self) -> list[str]:
        return list(self.definitions.index)

    @property
    def has_definitions(self) -> bool:
        """True when the region names definitions (more than the implicit one)."""
        return self.definition_ids != [IMPLICIT_DEFINITION]

    def sector_of(self, nace: str | None) -> str | None:
        """The sector of a 4-digit class, or None when the class is not creative."""
        if nace is None or nace not in self.classes.index or not self.class_bits(nace):
            return None
        return str(self.classes.at[nace, "sector_code"])

    def sector_name(self, sector_code: str, language: str) -> str:
        column = {"sr-Latn": "name_sr_lat", "sr-Cyrl": "name_sr_cyr", "en": "name_en"}[language]
        return str(self.sectors.at[sector_code, column])

    def colors(self) -> dict[str, str]:
        return self.sectors["color"].to_dict()

    # --- definitions -------------------------------------------------------------------------

    def resolve(self, definition: str | None) -> str:
        """The definition a filter means: the one named when the taxonomy has it, else the
        region's default (an empty or unknown name in a URL is not an empty selection)."""
        return definition if definition in self.definitions.index else self.default_definition

    def definition_name(self, definition: str, language: str) -> str:
        """The definition's name in ``language`` (its id when the file gives none)."""
        column = {"sr-Latn": "name_sr_lat", "sr-Cyrl": "name_sr_cyr", "en": "name_en"}[language]
        if definition not in self.definitions.index:
            return definition
        return str(self.definitions.at[definition, column] or "") or definition

    def definition_short(self, definition: str, language: str) -> str:
        """A one-word label ("narrow") for counts side by side; the full name when none is given."""
        column = {"sr-Latn": "short_sr_lat", "sr-Cyrl": "short_sr_cyr", "en": "short_en"}[language]
        if definition in self.definitions.index and column in self.definitions.columns:
            short = str(self.definitions.at[definition, column] or "")
            if short:
                return short
        return self.definition_name(definition, language)

    def class_title(self, nace: str, language: str) -> str:
        """A class's title in ``language``: the KD 2010 title in Serbian (Cyrillic transliterated
        from the Latin), the NACE one in English."""
        if language == "en":
            return str(self.classes.at[nace, "name_en"])
        title = str(self.classes.at[nace, "name_sr"] if "name_sr" in self.classes else "")
        return to_cyrillic(title) if language == "sr-Cyrl" else title

    def inclusion(self, definition: str) -> pd.Series:
        """Per class: ``yes``, ``uncertain`` or '' (not included) in ``definition``."""
        column = INCLUSION_PREFIX + definition
        if column in self.classes.columns:
            return self.classes[column]
        fill = YES if definition == IMPLICIT_DEFINITION and not self.has_definitions else ""
        return pd.Series(fill, index=self.classes.index, dtype=object)

    def classes_in(self, definition: str) -> list[str]:
        """The 4-digit classes ``definition`` includes (certainly or not)."""
        included = self.inclusion(definition)
        return list(included.index[included != ""])

    def class_bits(self, nace: str) -> int:
        """Membership of one 4-digit class: bit i set when definition i includes it."""
        return int(self.membership.get(nace, 0))

    def bit(self, definition: str) -> int:
        """The mask bit of a definition (of the default when it is unknown)."""
        return 1 << self.definition_ids.index(self.resolve(definition))

    @cached_property
    def membership(self) -> pd.Series:
        """Per class, its membership bits (computed once per taxonomy)."""
        bits = pd.Series(0, index=self.classes.index, dtype=np.int64)
        for position, definition in enumerate(self.definition_ids):
            bits |= (self.inclusion(definition) != "").astype(np.int64) * (1 << position)
        return bits

    def member_bits(self, nace: pd.Series) -> np.ndarray:
        """Membership mask per normalised NACE code (see :func:`prefix_bits` for groups and
        divisions); 0 for a code in no definition or none at all."""
        bits = self.membership
        lookup = {code: prefix_bits(code, bits) for code in nace.dropna().unique()}
        return nace.map(lookup).fillna(0).to_numpy(dtype=np.int64)


def prefix_bits(code: str, bits: pd.Series) -> int:
    """Membership of a class (its own), or of a group/division: the definitions that include
    *every* creative class under it, since the code does not say which of them the firm is in."""
    if len(code) == 5 or bits.empty:
        return int(bits.get(code, 0))
    prefix = code + "." if len(code) == 2 else code
    under = bits[bits.index.str.startswith(prefix) & (bits != 0)]
    if under.empty:
        return 0
    return int(np.bitwise_and.reduce(under.to_numpy()))


def _normalise_inclusions(
    classes: pd.DataFrame, file: str, problems: list[Problem]
) -> tuple[pd.DataFrame, list[str]]:
    """``in_`` columns read as yes / uncertain / ''; anything else is a problem and counts as not
    included (a typo must not silently widen a definition)."""
    found = [c[len(INCLUSION_PREFIX) :] for c in classes.columns if c.startswith(INCLUSION_PREFIX)]
    for definition in found:
        column = INCLUSION_PREFIX + definition
        words = classes[column].str.strip().str.lower()
        known = words.map(_INCLUSION_WORDS)
        for index in classes.index[known.isna()]:
            problems.append(
                Problem(
                    file=file,
                    code="definition_invalid",
                    details=INCLUSION_DETAILS,
                    row=index + 2,
                    column=column,
                    value=classes.at[index, column],
                )
            )
        classes[column] = known.fillna("")
    return classes, found


def _definition_table(path: Path | None, found: list[str], problems: list[Problem]) -> pd.DataFrame:
    """Names and sources of the definitions found in the class file, in the definitions file's
    order; a definition the file does not describe is named by its id."""
    if not found:
        return _implicit_definitions()
    table = pd.DataFrame(columns=[*DEFINITION_COLUMNS[1:], "source", "sort_order"]).rename_axis("definition")
    if path is not None:
        try:
            frame = read_csv_table(path, DEFINITION_COLUMNS, "definitions")
        except DataFileError as error:
            problems.append(error.problem)
        else:
            frame["sort_order"] = pd.to_numeric(frame.get("sort_order"), errors="coerce")
            for index in frame.index[~frame["definition"].isin(found)]:
                problems.append(
                    Problem(
                        file=path.name,
                        code="definition_invalid",
                        details=INCLUSION_DETAILS,
                        row=index + 2,
                        column="definition",
                        value=frame.at[index, "definition"],
                    )
                )
            frame = frame[frame["definition"].isin(found)].drop_duplicates("definition")
            table = frame.sort_values("sort_order", kind="stable").set_index("definition")
    missing = [d for d in found if d not in table.index][:MAX_DEFINITIONS]
    extra = pd.DataFrame({"name_en": missing, "name_sr_lat": missing, "name_sr_cyr": missing}, index=missing)
    table = pd.concat([table, extra.rename_axis("definition")])
    if "source" not in table:
        table["source"] = ""
    return table.fillna("").head(MAX_DEFINITIONS)


def load_taxonomy(
    sectors_path: Path | None,
    classes_path: Path | None,
    definitions_path: Path | None = None,
    default_definition: str | None = None,
) -> tuple[Taxonomy, list[Problem]]:
    """Sectors, classes and definitions. ``default_definition`` is the region's choice
    (``region.toml``); without one the definition that includes the most classes is the
    default, so nothing mapped is hidden until the reader narrows it."""
    sectors = read_csv_table(sectors_path, SECTOR_COLUMNS, "sectors")
    classes = read_csv_table(classes_path, CLASS_COLUMNS, "NACE classes")
    problems: list[Problem] = []
    sectors["sort_order"] = pd.to_numeric(sectors["sort_order"], errors="coerce").fillna(99)
    sectors = sectors.sort_values("sort_order").set_index("sector_code")

    file = classes_path.name if classes_path else ""
    keep = []
    for index, row in classes.iterrows():
        code = normalise_nace(row["nace"])
        if code is None or len(code) != 5:
            problems.append(
                Problem(file=file, code="invalid_nace", row=index + 2, column="nace", value=row["nace"])
            )
        elif row["sector_code"] not in sectors.index:
            problems.append(
                Problem(
                    file=file,
                    code="unknown_sector",
                    row=index + 2,
                    column="sector_code",
                    value=row["sector_code"],
                )
            )
        else:
            keep.append(index)
    classes, found = _normalise_inclusions(classes, file, problems)
    classes = classes.loc[keep].assign(nace=lambda f: f["nace"].map(normalise_nace)).set_index("nace")
    definitions = _definition_table(definitions_path, found, problems)
    widest = max(
        definitions.index,
        key=lambda d: int(
            (classes.get(INCLUSION_PREFIX + d, pd.Series(YES, index=classes.index)) != "").sum()
        ),
    )
    default = widest
    if default_definition:
        if default_definition in definitions.index:
            default = default_definition
        else:
            problems.append(
                Problem(
                    file="region.toml",
                    code="definition_invalid",
                    details=INCLUSION_DETAILS,
                    column="default",
                    value=default_definition,
                )
            )
    taxonomy = Taxonomy(sectors=sectors, classes=classes, definitions=definitions, default_definition=default)
    return taxonomy, problems

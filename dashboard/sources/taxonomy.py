"""The creative-sector taxonomy: NACE Rev. 2 / KD 2010 classes -> creative sector.

Schema: ``sectors`` (index sector_code: name_en, name_sr_lat, name_sr_cyr, color,
sort_order) and ``classes`` (index nace 'dd.dd': name_en, name_sr, sector_code,
unesco_field, definition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.sources.problems import Problem
from dashboard.sources.tables import read_csv_table

SECTOR_COLUMNS = ("sector_code", "name_en", "name_sr_lat", "name_sr_cyr", "color", "sort_order")
CLASS_COLUMNS = ("nace", "name_en", "name_sr", "sector_code", "unesco_field", "definition")
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


@dataclass(frozen=True)
class Taxonomy:
    sectors: pd.DataFrame
    classes: pd.DataFrame

    @property
    def sector_codes(self) -> list[str]:
        return list(self.sectors.index)

    def sector_of(self, nace: str | None) -> str | None:
        """The sector of a 4-digit class, or None when the class is not creative."""
        if nace is None or nace not in self.classes.index:
            return None
        return str(self.classes.at[nace, "sector_code"])

    def sector_name(self, sector_code: str, language: str) -> str:
        column = {"sr-Latn": "name_sr_lat", "sr-Cyrl": "name_sr_cyr", "en": "name_en"}[language]
        return str(self.sectors.at[sector_code, column])

    def colors(self) -> dict[str, str]:
        return self.sectors["color"].to_dict()


def load_taxonomy(sectors_path: Path | None, classes_path: Path | None) -> tuple[Taxonomy, list[Problem]]:
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
    classes = classes.loc[keep].assign(nace=lambda f: f["nace"].map(normalise_nace))
    return Taxonomy(sectors=sectors, classes=classes.set_index("nace")), problems

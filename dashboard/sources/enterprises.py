"""Mapped creative enterprises: the documented schema and its validation.

A file's columns (CSV, canonical English names) are checked row by row and
every problem is reported with file, row, column and value. Invalid rows are
left out of the table and listed -- never dropped silently. Derived columns
(sector, district, location precision, size class) are computed here, once,
so that indicators and figures can trust the table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.sources.boundaries import Boundaries
from dashboard.sources.names import name_index, normalise_name
from dashboard.sources.problems import DataFileError, Problem
from dashboard.sources.schema import (
    EARLIEST_FOUNDING_YEAR,
    REQUIRED_COLUMNS,
    empty_enterprises,
    size_class,
)
from dashboard.sources.tables import read_csv_table, spreadsheet_row
from dashboard.sources.taxonomy import Taxonomy, normalise_nace, prefix_bits

TRUE_WORDS = {"1", "true", "yes", "da", "да", "y"}
# No enterprise of one region employs a million people (a country's largest employers have tens
# of thousands); a larger count is a typing or export error. Far below what every store keeps
# (dashboard.store.base.MAX_STORED_INTEGER, PostGIS integer), so a checked row always fits.
MAX_EMPLOYEES = 1_000_000
# Longer is no business name or address but pasted text; it would also stretch every label.
MAX_TEXT_CHARS = 300
TEXT_FIELDS = ("name", "municipality", "settlement", "address", "legal_form", "source")
# Removed from text, with a warning: C0/C1 control characters (a NUL cuts text in GDAL and
# PostgreSQL) and the bidirectional embeddings, overrides and isolates that make a name read
# differently from what it holds.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing: a name made only of these (and spaces) is empty.
_BLANK = re.compile(r"[\s\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")  # no exponent: '2e3' is no year
_DATE_TEXT = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{4}\.?|\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?")
_SYNTHETIC_NUMBER = re.compile(r"DEMO-[0-9]+")  # scripts/generate_demo_data.py, synthetic rows only
_REGISTRATION_TEXT = re.compile(r"[A-Za-z0-9][A-Za-z0-9./-]{0,39}")  # when the region sets no rule


@dataclass(frozen=True)
class ValidationContext:
    """What rows are checked against: the region's units, taxonomy and boundaries."""

    municipalities: pd.DataFrame  # reference table indexed by code
    taxonomy: Taxonomy
    boundaries: Boundaries
    settlements: pd.DataFrame | None = None  # name, municipality, lon, lat
    # Read when the context is made, not when this module was imported: a server running over
    # New Year must accept firms founded in the new year.
    current_year: int = field(default_factory=lambda: dt.date.today().year)
    registration_digits: int | None = None  # see Region.registration_digits


def load_enterprises(path: Path | None, context: ValidationContext) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read and validate an enterprise CSV. A missing file is a problem, not a crash."""
    try:
        raw = read_csv_table(path, REQUIRED_COLUMNS, "enterprises")
    except DataFileError as error:
        return empty_enterprises(), [error.problem]
    return validate_enterprises(raw, path.name if path else "", context)


class _RowProblems:
    """Collects problems and remembers which rows an error disqualifies."""

    def __init__(self, raw: pd.DataFrame, file: str) -> None:
        self.raw, self.file = raw, file
        self.problems: list[Problem] = []
        self.rejected = pd.Series(False, index=raw.index)

    def add(
        self,
        mask: pd.Series,
        code: str,
        column: str,
        *,
        severity: str = "error",
        values: pd.Series | None = None,
        details: dict | None = None,
    ) -> None:
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        source = values if values is not None else _text(self.raw, column)
        for index in self.raw.index[mask]:
            self.problems.append(
                Problem(
                    file=self.file,
                    code=code,
                    row=spreadsheet_row(index),
                    column=column,
                    value=str(source.at[index]),
                    details=details or {},
                    severity=severity,
                )
            )
        if severity == "error":
            self.rejected |= mask


def _text(raw: pd.DataFrame, column: str) -> pd.Series:
    if column not in raw.columns:
        return pd.Series("", index=raw.index, dtype=object)
    return raw[column].fillna("").astype(str).str.strip()


def _number(raw: pd.DataFrame, column: str, plain: bool = False) -> tuple[pd.Series, pd.Series]:
    """Parsed numbers and a mask of non-empty text that is not a number (decimal comma ok).
    ``plain``: digits with at most a decimal part, so '2e3', '1e20', 'inf' and non-ASCII
    digits are not numbers (a count or a year is never written so)."""
    text = _text(raw, column)
    if plain:
        text = text.where(text.str.fullmatch(_PLAIN_NUMBER) | (text == ""), "not a number")
    values = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    return values, (text != "") & values.isna()


def _printable(text: str) -> str:
    """Invisible characters spelled out, so a report shows what was removed: '<U+202E>'."""
    return _INVISIBLE.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)


def _repaired_mojibake(text: str) -> str:
    """'Studio Ĺ˝uÄ‡ko' -> 'Studio Žućko': UTF-8 bytes that were read as Windows-1250. Real text
    almost never survives this round trip changed, so a change means garbled text; '' if none."""
    if text.isascii():
        return ""
    try:
        fixed = text.encode("cp1250").decode("utf-8")
    except UnicodeError:
        return ""
    return fixed if fixed != text else ""


def _clean_texts(raw: pd.DataFrame, check: _RowProblems) -> pd.DataFrame:
    """Free-text columns without control and direction-override characters (a warning per
    cell), and an error for text too long or garbled by mixed encodings."""
    raw = raw.copy()
    for column in TEXT_FIELDS:
        if column not in raw.columns:
            continue
        text = _text(raw, column)
        odd = text.str.contains(_INVISIBLE)
        if odd.any():
            check.add(odd, "text_cleaned", column, severity="warning", values=text.map(_printable))
            cleaned = (
                text[odd].str.replace(r"[\t\n\r]+", " ", regex=True).str.replace(_INVISIBLE, "", regex=True)
            )
            text = text.where(~odd, cleaned.str.strip())
        raw[column] = text
        check.add(
            text.str.len() > MAX_TEXT_CHARS,
            "text_too_long",
            column,
            values=text.str.slice(0, 60) + "…",
            details={"limit": MAX_TEXT_CHARS},
        )
        repaired = text.map(_repaired_mojibake)
        for index in repaired.index[repaired != ""]:
            check.add(
                pd.Series(repaired.index == index, index=repaired.index),
                "mojibake",
                column,
                values=text,
                details={"repaired": repaired.at[index]},
            )
    check.raw = raw
    return raw


def registration_key(numbers: pd.Series, digits: int | None) -> pd.Series:
    """The form two rows of one firm share: spaces removed, lost leading zeros restored (as
    validation does), so '41 000 081', '41000081' and a cell holding 41000081 are one firm."""
    compact = numbers.fillna("").astype(str).str.replace(r"\s+", "", regex=True)
    if not digits:
        return compact
    length = compact.str.len()
    short = compact.str.fullmatch(r"[0-9]+") & (length < digits) & (length >= digits - MAX_LOST_ZEROS)
    return compact.where(~short, compact.str.zfill(digits))


def _registration_numbers(raw: pd.DataFrame, context: ValidationContext, check: _RowProblems) -> pd.Series:
    """Registration numbers as the register writes them: spaces removed ('41 000 081', with a
    warning), lost leading zeros restored, and checked against the region's rule (exactly
    ``registration_digits`` ASCII digits; synthetic demo rows may be 'DEMO-<n>') or, without a
    rule, plain letters, digits and separators. A formula, a sentence or Arabic-Indic digits
    are errors, so one firm never becomes two."""
    written = _text(raw, "registration_number")
    compact = written.str.replace(r"\s+", "", regex=True)
    check.add(
        (compact != written) & (compact != ""),
        "registration_number_spaces",
        "registration_number",
        severity="warning",
    )
    numbers = _restore_leading_zeros(compact, context, check)
    digits = context.registration_digits
    if digits:
        synthetic = _text(raw, "synthetic").str.lower().isin(TRUE_WORDS)
        valid = numbers.str.fullmatch(f"[0-9]{{{digits}}}") | (
            synthetic & numbers.str.fullmatch(_SYNTHETIC_NUMBER)
        )
        check.add(
            ~valid & (numbers != ""),
            "registration_number_not_digits",
            "registration_number",
            details={"digits": digits},
        )
    else:
        check.add(
            ~numbers.str.fullmatch(_REGISTRATION_TEXT) & (numbers != ""),
            "registration_number_invalid",
            "registration_number",
        )
    return numbers


MAX_LOST_ZEROS = 2  # more digits missing is likelier another number than zeros a spreadsheet dropped


def _restore_leading_zeros(numbers: pd.Series, context: ValidationContext, check: _RowProblems) -> pd.Series:
    """Pad all-digit registration numbers one or two digits short of the region's length with
    zeros, and say so: "7654321" from a spreadsheet number cell is the register's "07654321".
    Anything shorter is not a lost zero and is left as it is."""
    digits = context.registration_digits
    if not digits:
        return numbers
    length = numbers.str.len()
    short = numbers.str.fullmatch(r"[0-9]+") & (length < digits) & (length >= digits - MAX_LOST_ZEROS)
    check.add(
        short,
        "registration_number_padded",
        "registration_number",
        severity="warning",
        details={"digits": digits},
    )
    return numbers.where(~short, numbers.str.zfill(digits))


def validate_enterprises(
    raw: pd.DataFrame, file: str, context: ValidationContext
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    raw = raw.reset_index(drop=True)
    check = _RowProblems(raw, file)
    out = pd.DataFrame(index=raw.index)
    raw = _clean_texts(raw, check)

    # Identity and name.
    out["registration_number"] = _registration_numbers(raw, context, check)
    check.add(out["registration_number"] == "", "missing_value", "registration_number")
    duplicated = out["registration_number"].duplicated(keep="first") & (out["registration_number"] != "")
    check.add(duplicated, "duplicate_registration_number", "registration_number")
    out["name"] = _text(raw, "name")
    check.add(out["name"].str.replace(_BLANK, "", regex=True) == "", "empty_name", "name")

    # Activity -> sector (and UNESCO field); see ``classify_nace`` for groups and divisions.
    nace = _text(raw, "nace").map(normalise_nace)
    check.add(nace.isna(), "invalid_nace", "nace")
    out["nace"] = nace
    classified = classify_nace(nace, context.taxonomy)
    out["sector"] = classified["sector"]
    out["unesco_field"] = classified["unesco_field"]
    kind = classified["kind"]
    check.add(
        kind == "not_creative",
        "nace_not_creative",
        "nace",
        details={"definitions": ", ".join(context.taxonomy.definition_ids)},
    )
    check.add(kind == "ambiguous", "nace_ambiguous", "nace")
    for sector in classified.loc[kind == "coarse", "sector"].unique():
        check.add(
            (kind == "coarse") & (out["sector"] == sector),
            "nace_coarse",
            "nace",
            severity="warning",
            details={"sector": sector},
        )
    declared_sector = _text(raw, "sector")
    check.add(
        (declared_sector != "") & out["sector"].notna() & (declared_sector != out["sector"]),
        "sector_mismatch",
        "sector",
        severity="warning",
    )

    # Municipality -> district.
    reference = context.municipalities
    index = name_index((code, (r.name_lat, r.name_cyr, r.name_en)) for code, r in reference.iterrows())
    out["municipality"] = _text(raw, "municipality").map(lambda v: index.get(normalise_name(v)))
    check.add(out["municipality"].isna(), "unknown_municipality", "municipality")
    out["district"] = out["municipality"].map(reference["district_code"])
    out["settlement"] = _text(raw, "settlement")
    out["address"] = _text(raw, "address")

    # Employees and founding year.
    employees, not_number = _number(raw, "employees", plain=True)
    check.add(not_number, "employees_not_a_number", "employees")
    check.add(_text(raw, "employees") == "", "missing_value", "employees")
    check.add(employees < 0, "employees_negative", "employees")
    check.add(employees.notna() & (employees % 1 != 0), "employees_not_whole", "employees")
    check.add(
        employees > MAX_EMPLOYEES, "employees_implausible", "employees", details={"limit": MAX_EMPLOYEES}
    )
    out["employees"] = employees.where(employees <= MAX_EMPLOYEES)
    year, not_number = _number(raw, "founding_year", plain=True)
    impossible_date = _text(raw, "founding_year").str.fullmatch(_DATE_TEXT)  # valid ones became years
    check.add(impossible_date, "founding_date_impossible", "founding_year")
    check.add(
        (not_number & ~impossible_date) | (year.notna() & (year % 1 != 0)),
        "year_not_a_number",
        "founding_year",
    )
    check.add(
        year > context.current_year,
        "future_founding_year",
        "founding_year",
        details={"year": context.current_year},
    )
    check.add(year < EARLIEST_FOUNDING_YEAR, "implausible_founding_year", "founding_year")
    out["founding_year"] = year

    out["legal_form"] = _text(raw, "legal_form")
    out["source"] = _text(raw, "source").where(_text(raw, "source") != "", file)
    out["synthetic"] = _text(raw, "synthetic").str.lower().isin(TRUE_WORDS)

    _place(raw, out, check, context)

    valid = out[~check.rejected].copy()
    valid["employees"] = valid["employees"].astype("int64")
    valid["founding_year"] = valid["founding_year"].astype("Int64")
    valid["size_class"] = size_class(valid["employees"])
    frame = gpd.GeoDataFrame(
        valid, geometry=gpd.points_from_xy(valid["lon"], valid["lat"]), crs="EPSG:4326"
    ).reset_index(drop=True)
    return frame, check.problems


def classify_nace(nace: pd.Series, taxonomy: Taxonomy) -> pd.DataFrame:
    """Sector, UNESCO field and definition membership of normalised NACE codes, and what kind
    of match it was.

    A 4-digit class ('59.11') in at least one of the region's definitions of "creative" takes
    its sector from the taxonomy (``kind`` 'class'); in none, it is 'not_creative'. A 3-digit
    group ('59.1') or 2-digit division ('59') is accepted ('coarse', reported as a warning)
    only when every creative class under it belongs to one sector, and it belongs to the
    definitions that include all of those classes; when they span several sectors, or no one
    definition includes them all, the code cannot be classified ('ambiguous'); with no
    creative class under it it is 'not_creative'. Unparseable codes (NaN) get kind 'invalid'.
    ``definitions`` is the membership mask (:meth:`Taxonomy.member_bits`), 0 when refused.
    """
    classes = taxonomy.classes
    bits = taxonomy.membership
    fields = (
        classes["unesco_field"] if "unesco_field" in classes.columns else pd.Series("", index=classes.index)
    )
    lookup: dict[str, tuple[str | None, str, str, int]] = {}
    for code in nace.dropna().unique():
        if len(code) == 5:
            if bits.get(code, 0):
                sector = str(classes.at[code, "sector_code"])
                lookup[code] = (sector, str(fields.get(code) or ""), "class", int(bits[code]))
            else:
                lookup[code] = (None, "", "not_creative", 0)
            continue
        prefix = code + "." if len(code) == 2 else code
        under = classes.index[classes.index.str.startswith(prefix) & (bits.reindex(classes.index) != 0)]
        sectors = set(classes.loc[under, "sector_code"])
        members = prefix_bits(code, bits)
        if not sectors:
            lookup[code] = (None, "", "not_creative", 0)
        elif len(sectors) > 1 or not members:
            lookup[code] = (None, "", "ambiguous", 0)
        else:
            unesco = {str(f) for f in fields.loc[under] if isinstance(f, str) and f}
            lookup[code] = (sectors.pop(), unesco.pop() if len(unesco) == 1 else "", "coarse", members)
    found = nace.map(lookup)
    return pd.DataFrame(
        {
            "sector": found.map(lambda v: v[0] if isinstance(v, tuple) else None),
            "unesco_field": found.map(lambda v: v[1] if isinstance(v, tuple) else ""),
            "kind": found.map(lambda v: v[2] if isinstance(v, tuple) else "invalid"),
            "definitions": found.map(lambda v: v[3] if isinstance(v, tuple) else 0).astype(np.int64),
        },
        index=nace.index,
    )


def _place(raw: pd.DataFrame, out: pd.DataFrame, check: _RowProblems, context: ValidationContext) -> None:
    """Coordinates as given when they are valid; else the settlement; else the seat."""
    lon, lon_bad = _number(raw, "lon")
    lat, lat_bad = _number(raw, "lat")
    check.add(lon_bad, "coordinate_not_a_number", "lon")
    check.add(lat_bad, "coordinate_not_a_number", "lat")
    given = lon.notna() & lat.notna()
    pair = _text(raw, "lon") + ", " + _text(raw, "lat")
    check.add(lon.notna() ^ lat.notna(), "coordinate_incomplete", "lon", values=pair)

    municipalities = context.boundaries.municipalities
    if given.any():
        inside = _municipality_at(lon.where(given), lat.where(given), municipalities, context)
        swapped = _municipality_at(lat.where(given), lon.where(given), municipalities, context)
        outside = given & inside.isna()
        check.add(outside & swapped.notna(), "coordinates_swapped", "lon", values=pair)
        check.add(outside & swapped.isna(), "coordinates_outside_region", "lon", values=pair)
        elsewhere = (
            given
            & inside.notna()
            & (inside != "?")
            & out["municipality"].notna()
            & (inside != out["municipality"])
        )
        check.add(
            elsewhere,
            "coordinates_in_other_municipality",
            "lon",
            severity="warning",
            values=pair + " → " + inside.fillna(""),
        )

    out["lon"], out["lat"] = lon.where(given), lat.where(given)
    out["location_precision"] = np.where(given, "exact", "")

    settlements = context.settlements
    need = ~given & out["municipality"].notna()
    if settlements is not None and need.any():
        keys = settlements.assign(key=settlements["name"].map(normalise_name))
        keys = keys.drop_duplicates(["municipality", "key"]).set_index(["municipality", "key"])
        wanted = pd.MultiIndex.from_arrays([out["municipality"], out["settlement"].map(normalise_name)])
        found = keys.reindex(wanted)
        hit = need & found["lon"].notna().to_numpy()
        out.loc[hit, "lon"] = found["lon"].to_numpy()[hit.to_numpy()]
        out.loc[hit, "lat"] = found["lat"].to_numpy()[hit.to_numpy()]
        out.loc[hit, "location_precision"] = "settlement"
        need &= ~hit
    if need.any():
        seats = context.municipalities
        out.loc[need, "lon"] = out.loc[need, "municipality"].map(seats["seat_lon"]).astype(float)
        out.loc[need, "lat"] = out.loc[need, "municipality"].map(seats["seat_lat"]).astype(float)
        out.loc[need, "location_precision"] = "municipality"


def _municipality_at(
    lon: pd.Series, lat: pd.Series, municipalities: gpd.GeoDataFrame | None, context: ValidationContext
) -> pd.Series:
    """Code of the municipality containing each point (NaN outside), or a bounding-box test
    against the region's seats when no boundaries are loaded."""
    result = pd.Series(np.nan, index=lon.index, dtype=object)
    present = lon.notna() & lat.notna()
    if not present.any():
        return result
    if municipalities is not None and not municipalities.empty:
        points = gpd.GeoDataFrame(
            geometry=gpd.points_from_xy(lon[present], lat[present]), index=lon.index[present], crs="EPSG:4326"
        )
        joined = gpd.sjoin(points, municipalities[["geometry"]], predicate="within", how="left")
        joined = joined[~joined.index.duplicated(keep="first")]
        result.loc[joined.index] = joined["code"].to_numpy()
        return result
    seats = context.municipalities
    margin = 0.3  # degrees around the seats: a coarse guard when no polygons exist
    box = (
        (lon >= seats["seat_lon"].min() - margin)
        & (lon <= seats["seat_lon"].max() + margin)
        & (lat >= seats["seat_lat"].min() - margin)
        & (lat <= seats["seat_lat"].max() + margin)
    )
    result[present & box] = "?"
    return result

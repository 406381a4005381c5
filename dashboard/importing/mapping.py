"""The explicit mapping file: which source column is which field, and how to read the file.

Two forms, chosen by the file's extension:

* TOML (``.toml``)::

      [columns]                      # source header = field ("" ignores the column)
      "PIB / MB" = "registration_number"
      "Naziv firme" = "name"
      "Napomena" = ""

      [read]                         # all optional; detected when absent
      encoding = "windows-1250"      # utf-8 | utf-8-sig | windows-1250 | utf-16
      separator = ";"                # , ; tab |
      decimal = ","                  # , or .
      sheet = "Preduzeća"            # XLSX sheet name (default: the first)
      layer = "enterprises"          # GeoPackage layer (default: the first)

* CSV (``.csv``) with the two columns ``source,field``.

Source headers are matched like built-in ones (case, script and accents do not
matter). Every mistake in the file is a ``mapping_invalid`` problem.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.importing.headers import FIELDS, normalise_header
from dashboard.sources.problems import DataFileError, Problem

ENCODINGS = ("utf-8", "utf-8-sig", "windows-1250", "cp1250", "utf-16")
SEPARATORS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}
READ_KEYS = ("encoding", "separator", "decimal", "sheet", "layer")


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str | None] = field(default_factory=dict)  # normalised header -> field / None
    encoding: str | None = None
    separator: str | None = None
    decimal: str | None = None
    sheet: str | None = None
    layer: str | None = None


def _invalid(file: str, value: str, column: str | None = None) -> DataFileError:
    return DataFileError(Problem(file=file, code="mapping_invalid", column=column, value=value))


def parse_mapping(data: bytes, name: str) -> Mapping:
    """Read a mapping file's bytes; raise DataFileError(mapping_invalid) on any mistake."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(name, "not UTF-8") from exc
    if name.lower().endswith(".csv"):
        rows = list(csv.reader(io.StringIO(text)))
        if not rows or [normalise_header(c) for c in rows[0][:2]] != ["source", "field"]:
            raise _invalid(name, "the header must be: source,field")
        pairs = [(row[0], row[1] if len(row) > 1 else "") for row in rows[1:] if any(c.strip() for c in row)]
        read: dict[str, object] = {}
    else:
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _invalid(name, str(exc)) from exc
        unknown = set(document) - {"columns", "read"}
        if unknown:
            raise _invalid(name, ", ".join(sorted(unknown)))
        columns = document.get("columns", {})
        read = document.get("read", {})
        if not isinstance(columns, dict) or not isinstance(read, dict):
            raise _invalid(name, "[columns] and [read] must be tables")
        pairs = list(columns.items())
    mapped: dict[str, str | None] = {}
    for source, target in pairs:
        target = str(target).strip()
        if target and target not in FIELDS:
            raise _invalid(name, f"{source} = {target}", column=str(source))
        mapped[normalise_header(source)] = target or None
    unknown_read = set(read) - set(READ_KEYS)
    if unknown_read:
        raise _invalid(name, ", ".join(sorted(unknown_read)))
    encoding = read.get("encoding")
    if encoding is not None and str(encoding).lower() not in ENCODINGS:
        raise _invalid(name, f"encoding = {encoding}")
    separator = read.get("separator")
    if separator is not None and separator not in SEPARATORS:
        raise _invalid(name, f"separator = {separator}")
    decimal = read.get("decimal")
    if decimal is not None and decimal not in (",", "."):
        raise _invalid(name, f"decimal = {decimal}")
    return Mapping(
        columns=mapped,
        encoding=str(encoding).lower() if encoding else None,
        separator=SEPARATORS[separator] if separator else None,
        decimal=decimal,
        sheet=str(read["sheet"]) if read.get("sheet") else None,
        layer=str(read["layer"]) if read.get("layer") else None,
    )


def load_mapping(path: Path) -> Mapping:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError(Problem(file=path.name, code="file_missing", value=str(path))) from exc
    return parse_mapping(data, path.name)

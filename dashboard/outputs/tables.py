"""The tables the potential and comparison pages show, as plain frames in the reader's
language, for :func:`dashboard.outputs.exporting.export_frame` (CSV and XLSX).

Numbers stay numbers (a spreadsheet can sort and sum them); only headers, names and words
are translated. Codes are kept in a column of their own, as in the enterprise exports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from dashboard.analysis.views import unit_names
from dashboard.i18n import translate
from dashboard.outputs.profiles import CompareRow
from dashboard.valorization import Analysis
from dashboard.valorization.registry import DIMENSIONS, INDICATORS
from dashboard.web.runtime import Runtime


def ranking_frame(runtime: Runtime, analysis: Analysis, language: str) -> pd.DataFrame:
    """The potential ranking: rank, name, code, index, tier, the middle-90 % rank range and
    every dimension's score, best first (as the page lists it)."""
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    order = index.score.sort_values(ascending=False, kind="stable").index
    rows = []
    for code in order:
        row = {
            translate("export.col.rank", language): int(index.rank[code]),
            translate("label.municipality", language): names.get(code, code),
            translate("export.col.code", language): code,
            translate("export.col.index", language): round(float(index.score[code]), 2),
            translate("export.col.tier", language): translate(f"tier.{index.tier[code]}", language),
            translate("export.col.best", language): int(robustness.best[code]),
            translate("export.col.worst", language): int(robustness.worst[code]),
        }
        for dimension in DIMENSIONS:
            if dimension.key in index.dimensions.columns:
                header = translate("export.col.dimension", language, name=dimension.name(language))
                row[header] = round(float(index.dimensions.at[code, dimension.key]), 2)
        rows.append(row)
    return pd.DataFrame(rows)


def indicator_frame(runtime: Runtime, analysis: Analysis, language: str) -> pd.DataFrame:
    """Every indicator for every municipality, district and the region: one row per unit."""
    indicators = analysis.indicators
    levels = (
        ("municipality", indicators.municipalities, unit_names(runtime.data.municipalities, language)),
        ("district", indicators.districts, unit_names(runtime.data.districts, language)),
    )
    keys = [i for i in INDICATORS if i.key in indicators.municipalities.columns]
    level_header = translate("export.col.level", language)
    unit_header = translate("export.col.unit", language)
    code_header = translate("export.col.code", language)
    rows = []
    for level, table, names in levels:
        for code in table.index:
            row = {
                level_header: translate(f"export.level.{level}", language),
                unit_header: names.get(code, code),
                code_header: code,
            }
            row |= {_indicator_header(i, language): _number(table.at[code, i.key]) for i in keys}
            rows.append(row)
    region = {
        level_header: translate("export.level.region", language),
        unit_header: runtime.data.region.name(language),
        code_header: runtime.data.region.id,
    }
    region |= {_indicator_header(i, language): _number(indicators.region.get(i.key)) for i in keys}
    rows.append(region)
    return pd.DataFrame(rows)


def comparison_frame(
    runtime: Runtime,
    rows: Sequence[CompareRow],
    codes: Sequence[str],
    language: str,
    label: Callable[[CompareRow], tuple[str, str]],
) -> pd.DataFrame:
    """The comparison: one row per line of the page's table, one column per municipality and
    the region. ``label(row) -> (name, unit)`` is the page's own wording of a line."""
    names = unit_names(runtime.data.municipalities, language)
    records = []
    for row in rows:
        name, unit = label(row)
        record = {
            translate("export.col.group", language): translate(f"compare.group.{row.group}", language),
            translate("export.col.row", language): name,
            translate("export.col.measure", language): unit,
        }
        for code in codes:
            record[names.get(code, code)] = _cell(row, row.values.get(code), language)
        record[translate("export.col.region", language)] = _cell(row, row.region, language)
        records.append(record)
    return pd.DataFrame(records)


def _indicator_header(indicator, language: str) -> str:
    unit = indicator.unit_label(language)
    return f"{indicator.name(language)} ({unit})" if unit else indicator.name(language)


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else round(number, 6)


def _cell(row: CompareRow, value, language: str):
    """A comparison value as a spreadsheet cell: numbers as numbers, a rank range as text."""
    if value is None:
        return None
    if row.kind == "range":
        best, worst = value
        return f"{best}–{worst}" if best != worst else str(best)
    if row.kind == "tier":
        return translate(f"tier.{value}", language)
    return _number(value) if not isinstance(value, str) else value

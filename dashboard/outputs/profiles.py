"""A municipality on one page, and municipalities side by side: the figures behind the profile
and comparison pages, as pure functions of the loaded data (no Dash here).

The potential index, its dimensions, tiers and rank ranges come from
:mod:`dashboard.valorization` (default weights, all enterprises -- the same index the explore
page's potential filter uses); the indicators are its registry's, so the profile, the
comparison and the methodology page can never define a figure differently.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard.analysis.mapmodel import MapBase
from dashboard.i18n import LANGUAGES, format_number, format_percent, localized_text
from dashboard.valorization import Analysis
from dashboard.valorization.registry import BY_KEY, DIMENSIONS, INDICATORS, Indicator
from dashboard.valorization.robustness import COVERAGE
from dashboard.valorization.state import PotentialState, analyse_state
from dashboard.web.runtime import Runtime

# The key figures of a profile, in the order shown (registry keys; any the registry lacks are skipped).
PROFILE_FIGURES = (
    "enterprises",
    "enterprises_per_1000",
    "employees",
    "employees_per_1000",
    "average_size",
    "micro_share",
    "diversity",
    "growth",
    "region_share",
)
MIN_COMPARED, MAX_COMPARED = 2, 4


def potential_analysis(
    runtime: Runtime, sectors: Sequence[str] = (), sizes: Sequence[str] = (), definition: str | None = ""
) -> Analysis:
    """The potential index with default weights on the chosen sectors and sizes (all when
    empty) under the chosen definition of "creative" ('' or unknown: the region's default),
    with its rank ranges; computed once per data set and selection."""
    chosen = runtime.columns.resolve(definition)
    return runtime.memo.get(
        "profile-analysis",
        (tuple(sectors), tuple(sizes), chosen),
        lambda: analyse_state(
            runtime.columns,
            runtime.data.municipalities,
            runtime.potential["tier"],
            PotentialState(sectors=tuple(sectors), sizes=tuple(sizes), definition=chosen),
            list(runtime.data.districts.index),
        ),
    )


def format_indicator(indicator: Indicator, value: float | None, language: str) -> str:
    """An indicator's value the way the registry says to show it (percent, decimals)."""
    if value is None or not np.isfinite(value):
        return "–"
    if indicator.percent:
        return format_percent(float(value), language, indicator.decimals)
    return format_number(float(value), language, indicator.decimals)


# ----------------------------------------------------------------------------- profile


@dataclass(frozen=True)
class FigureRow:
    key: str  # registry indicator key
    own: float
    district: float
    region: float


@dataclass(frozen=True)
class SectorShare:
    sector: str
    count: int
    share: float  # of the municipality's enterprises
    region_share: float  # the sector's share in the whole region
    lq: float  # location quotient against the region


@dataclass(frozen=True)
class Potential:
    score: float
    rank: int
    count: int  # municipalities ranked
    tier: str
    dimensions: dict[str, float]  # 0-100 score per dimension
    contributions: dict[str, float]  # weight × score; they add up to ``score``
    weights: dict[str, float]
    best: int  # rank range under random weightings (``coverage`` of them)
    worst: int
    median: float
    draws: int
    coverage: float


@dataclass(frozen=True)
class DataFacts:
    enterprises_file: str
    enterprise_sources: tuple[str, ...]
    synthetic: bool
    reference_year: int | None  # latest founding year in the data: its vintage
    population_source: str  # in English; the page shows ``source(...)`` in its own language
    area_source: str
    attribution: dict[str, str]
    # language -> {"population_source": ..., "area_source": ...} and language -> credits: the
    # profile and its PDF speak the page's language and script, data notes included.
    sources_by_language: dict[str, dict[str, str]] = field(default_factory=dict)
    credits_by_language: dict[str, dict[str, str]] = field(default_factory=dict)

    def source(self, column: str, language: str) -> str:
        """``population_source`` or ``area_source`` in ``language`` (English if not given)."""
        return self.sources_by_language.get(language, {}).get(column) or getattr(self, column)

    def credits(self, language: str) -> dict[str, str]:
        return self.credits_by_language.get(language) or self.attribution


@dataclass(frozen=True)
class Profile:
    code: str
    district: str
    population: float
    area_km2: float
    figures: tuple[FigureRow, ...]
    sectors: tuple[SectorShare, ...]  # largest first, sectors with no enterprise left out
    potential: Potential | None
    facts: DataFacts
    # Creative enterprises under each of the region's definitions (taxonomy order), side by side.
    definition_counts: dict[str, int] = field(default_factory=dict)
    definition: str = ""  # the definition the figures, sector mix and potential are counted under


def _value(frame_or_series: Any, key: str) -> float:
    try:
        value = frame_or_series[key]
    except KeyError:
        return float("nan")
    return float(value) if value is not None else float("nan")


def potential_of(analysis: Analysis, code: str) -> Potential | None:
    index, robustness = analysis.index, analysis.robustness
    if code not in index.score.index:
        return None
    return Potential(
        score=float(index.score[code]),
        rank=int(index.rank[code]),
        count=len(index.score),
        tier=str(index.tier[code]),
        dimensions={d: float(index.dimensions.at[code, d]) for d in index.dimensions.columns},
        contributions={d: float(index.contributions.at[code, d]) for d in index.contributions.columns},
        weights={d: float(w) for d, w in index.weights.items()},
        best=int(robustness.best[code]),
        worst=int(robustness.worst[code]),
        median=float(robustness.median[code]),
        draws=int(robustness.draws),
        coverage=COVERAGE,
    )


def data_facts(runtime: Runtime, code: str, reference_year: int | None) -> DataFacts:
    data = runtime.data
    row = data.municipalities.loc[code]
    enterprises = data.enterprises
    mine = enterprises[enterprises["municipality"] == code] if "municipality" in enterprises else enterprises
    # Synthetic rows' source is a generator's note in English; the profile says "demonstration
    # data" in the reader's language instead, so only real sources are listed.
    real = mine[~mine["synthetic"].astype(bool)] if "synthetic" in mine else mine
    sources = tuple(
        sorted({str(s) for s in real.get("source", pd.Series(dtype=object)).dropna() if str(s).strip()})
    )
    return DataFacts(
        enterprises_file=data.enterprises_file.name if data.enterprises_file else "–",
        enterprise_sources=sources,
        synthetic=bool(mine["synthetic"].any()) if "synthetic" in mine and len(mine) else False,
        reference_year=reference_year,
        population_source=str(row.get("population_source", "") or ""),
        area_source=str(row.get("area_source", "") or ""),
        attribution=dict(data.region.attribution),
        sources_by_language={
            language: {
                column: localized_text(row.to_dict(), column, language)
                for column in ("population_source", "area_source")
            }
            for language in LANGUAGES
        },
        credits_by_language={language: data.region.credits(language) for language in LANGUAGES},
    )


def municipality_profile(runtime: Runtime, code: str, definition: str | None = "") -> Profile:
    """Everything the profile page shows about municipality ``code`` (a KeyError if unknown),
    counted under ``definition`` ('' or unknown: the region's default); the counts under every
    definition are given beside them whichever is chosen."""
    data = runtime.data
    row = data.municipalities.loc[code]
    analysis = potential_analysis(runtime, definition=definition)
    indicators = analysis.indicators
    district = str(row["district_code"])
    district_row = indicators.districts.loc[district] if district in indicators.districts.index else {}
    figures = tuple(
        FigureRow(
            key,
            _value(indicators.municipalities.loc[code], key),
            _value(district_row, key),
            _value(indicators.region, key),
        )
        for key in PROFILE_FIGURES
        if key in BY_KEY and key in indicators.municipalities.columns
    )
    counts = indicators.lq.columns  # sectors, in taxonomy order
    columns = runtime.columns
    everything = columns.in_definition(definition)  # the chosen definition of "creative"
    in_unit = everything & (columns.codes["municipality"] == columns.categories["municipality"].index(code))
    own = columns.count("sector", in_unit).reindex(counts, fill_value=0)
    region = columns.count("sector", everything).reindex(counts, fill_value=0)
    total, region_total = max(int(own.sum()), 1), max(int(region.sum()), 1)
    sectors = tuple(
        SectorShare(
            sector=str(sector),
            count=int(own[sector]),
            share=own[sector] / total,
            region_share=region[sector] / region_total,
            lq=float(indicators.lq.at[code, sector]),
        )
        for sector in own.sort_values(ascending=False, kind="stable").index
        if own[sector] > 0
    )
    return Profile(
        code=code,
        district=district,
        population=float(row["population"]),
        area_km2=float(row["area_km2"]) if pd.notna(row.get("area_km2")) else float("nan"),
        figures=figures,
        sectors=sectors,
        potential=potential_of(analysis, code),
        facts=data_facts(runtime, code, indicators.reference_year),
        definition_counts={d: int(n) for d, n in columns.count_by_definition().loc[code].items()},
        definition=columns.resolve(definition),
    )


# ----------------------------------------------------------------------------- comparison


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison: ``kind`` says how to show it -- "indicator" (``key`` is a
    registry key), "dimension" (a dimension key, 0-100), "score", "rank", "range" (values are
    (best, worst) pairs), "tier", "population", "area", "sector" (share of enterprises; ``key``
    is the sector code)."""

    group: str  # "reference" | "potential" | "indicators" | "sectors"
    kind: str
    key: str
    values: dict[str, Any]  # municipality code -> value
    region: Any  # the region's value, None where a region value means nothing (a rank)


def chosen_units(runtime: Runtime, codes: Sequence[str] | str | None) -> list[str]:
    """The municipalities to compare, from a URL value or a dropdown: known codes only, each
    once, at most :data:`MAX_COMPARED`."""
    if isinstance(codes, str):
        codes = codes.split(",")
    known = runtime.data.municipalities.index
    picked: list[str] = []
    for code in codes or ():
        if code in known and code not in picked:
            picked.append(code)
    return picked[:MAX_COMPARED]


def default_comparison(runtime: Runtime, definition: str | None = "") -> list[str]:
    """Without a choice: the three best-ranked municipalities by the potential index (under
    the chosen definition of "creative")."""
    score = potential_analysis(runtime, definition=definition).index.score
    return list(score.sort_values(ascending=False, kind="stable").index[:3])


def comparison_rows(runtime: Runtime, codes: Sequence[str], definition: str | None = "") -> list[CompareRow]:
    """Every indicator, the index and its parts, and the sector mix of ``codes`` beside the
    region, under ``definition`` ('' or unknown: the region's default); the rows of counts
    under each definition stay whichever is chosen."""
    data = runtime.data
    analysis = potential_analysis(runtime, definition=definition)
    indicators, index, robustness = analysis.indicators, analysis.index, analysis.robustness
    table = data.municipalities
    rows = [
        CompareRow(
            "reference",
            "population",
            "population",
            {c: float(table.at[c, "population"]) for c in codes},
            float(table["population"].sum()),
        ),
        CompareRow(
            "reference",
            "area",
            "area",
            {c: float(table.at[c, "area_km2"]) for c in codes},
            float(table["area_km2"].sum()),
        ),
        CompareRow("potential", "score", "score", {c: float(index.score[c]) for c in codes}, None),
        CompareRow("potential", "rank", "rank", {c: int(index.rank[c]) for c in codes}, None),
        CompareRow(
            "potential",
            "range",
            "range",
            {c: (int(robustness.best[c]), int(robustness.worst[c])) for c in codes},
            None,
        ),
        CompareRow("potential", "tier", "tier", {c: str(index.tier[c]) for c in codes}, None),
    ]
    rows += [
        CompareRow(
            "potential", "dimension", d.key, {c: float(index.dimensions.at[c, d.key]) for c in codes}, None
        )
        for d in DIMENSIONS
        if d.key in index.dimensions.columns
    ]
    for indicator in INDICATORS:
        if indicator.key not in indicators.municipalities.columns:
            continue
        values = {c: _value(indicators.municipalities.loc[c], indicator.key) for c in codes}
        region = _value(indicators.region, indicator.key)
        if all(not math.isfinite(v) for v in values.values()) and not math.isfinite(region):
            continue  # e.g. the national comparison, which needs a national reference value
        rows.append(CompareRow("indicators", "indicator", indicator.key, values, region))
    columns = runtime.columns
    by_definition = columns.count_by_definition()
    if len(columns.definitions) > 1:
        rows += [
            CompareRow(
                "definitions",
                "definition",
                d,
                {c: int(by_definition.at[c, d]) for c in codes},
                int(by_definition[d].sum()),
            )
            for d in columns.definitions
        ]
    counted = columns.in_definition(definition)  # the sector mix under the chosen definition
    everything = columns.count("sector", counted)
    region_total = max(int(everything.sum()), 1)
    per_unit = {}
    for c in codes:
        mask = counted & (columns.codes["municipality"] == columns.categories["municipality"].index(c))
        per_unit[c] = columns.count("sector", mask)
    for sector in data.taxonomy.sector_codes:
        rows.append(
            CompareRow(
                "sectors",
                "sector",
                sector,
                {c: float(per_unit[c].get(sector, 0)) / max(int(per_unit[c].sum()), 1) for c in codes},
                float(everything.get(sector, 0)) / region_total,
            )
        )
    return rows


def compare_to_region(row: CompareRow, code: str) -> float | None:
    """The unit's value over the region's for intensive rows (per 1,000, shares, averages);
    ``None`` where that ratio means nothing (counts, where the region is a sum)."""
    if row.kind == "indicator":
        indicator = BY_KEY[row.key]
        if indicator.unit == "count" or row.key == "region_share":
            return None
    elif row.kind != "sector":
        return None
    value, region = row.values.get(code), row.region
    if value is None or region is None or not math.isfinite(value) or not region:
        return None
    return value / region


# ----------------------------------------------------------------------------- map inset

INSET_WIDTH = 320
INSET_COLORS = {"other": "#e3e8ee", "district": "#b9c9d8", "chosen": "#1f5f8b", "line": "#ffffff"}


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def inset_svg(base: MapBase, code: str, district_members: Sequence[str], width: int = INSET_WIDTH) -> str:
    """A small locator map as SVG: the region's municipalities, the unit's district shaded and
    the unit itself dark. Drawn from the map's own geometry; it prints sharp and needs no
    WebGL, fonts or network. Without municipal polygons the seats are drawn as dots."""
    features = (base.municipality_geojson or {}).get("features", [])
    shapes = {str(f.get("id")): _rings(f["geometry"]) for f in features if f.get("geometry")}
    points = [pt for rings in shapes.values() for ring in rings for pt in ring]
    if not points:
        points = [[lon, lat] for lon, lat in base.seats[["lon", "lat"]].to_numpy()]
    if not points:
        return ""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    squash = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * squash, 1e-9)
    span_y = max(max(lats) - min(lats), 1e-9)
    pad = 6
    scale = (width - 2 * pad) / span_x
    height = round(span_y * scale + 2 * pad)

    def xy(lon: float, lat: float) -> str:
        return f"{pad + (lon - min(lons)) * squash * scale:.1f},{pad + (max(lats) - lat) * scale:.1f}"

    def fill(unit: str) -> str:
        if unit == code:
            return INSET_COLORS["chosen"]
        return INSET_COLORS["district"] if unit in district_members else INSET_COLORS["other"]

    parts = []
    # the chosen unit last, so its outline is on top
    for unit in sorted(shapes, key=lambda u: (u == code, u in district_members)):
        path = " ".join("M" + " L".join(xy(lon, lat) for lon, lat, *_ in ring) + "Z" for ring in shapes[unit])
        parts.append(
            f'<path d="{path}" fill="{fill(unit)}" stroke="{INSET_COLORS["line"]}" stroke-width="0.8" '
            f'fill-rule="evenodd"/>'
        )
    if not shapes:
        for unit, (lon, lat) in base.seats[["lon", "lat"]].iterrows():
            x, y = xy(lon, lat).split(",")
            radius = 6 if unit == code else 4
            parts.append(f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{fill(str(unit))}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}">' + "".join(parts) + "</svg>"
    )

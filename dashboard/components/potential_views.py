"""What the potential page shows for one analysis: the choropleth's values, the ranking with
rank ranges, the breakdown by dimension, a municipality's profile, the specialisation
heatmap, the district/region table and the notices. Pure builders (runtime, analysis,
state, language -> components and figures), so they are tested and benchmarked without a
browser; ``dashboard/pages/potential.py`` places them and wires the controls."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
from dash import html

from dashboard.analysis.views import sector_names, unit_names
from dashboard.figures.potential import (
    DIMENSION_COLORS,
    PotentialMapView,
    breakdown_chart,
    lq_heatmap,
)
from dashboard.i18n import (
    format_number,
    format_percent,
    translate,
)
from dashboard.valorization import Analysis
from dashboard.valorization.registry import BY_KEY, DIMENSIONS, INDICATORS, Indicator
from dashboard.valorization.robustness import COVERAGE, DRAWS
from dashboard.valorization.state import PotentialState, analyse_state
from dashboard.web.runtime import Runtime

RATIO_UNITS = {"ratio"}  # indicators coloured around 1 on the map
TIER_STYLE = {
    "high": {"background": "#1d6f9f", "color": "#ffffff"},
    "medium": {"background": "#7fcdbb", "color": "#1b2a3a"},
    "low": {"background": "#edf8b1", "color": "#1b2a3a"},
}


ANALYSES_KEPT = 8


def run_analysis(runtime: Runtime, state: PotentialState) -> Analysis:
    """The analysis for one state, remembered (on the runtime, so an import forgets it) for the
    last few states: choosing what the map shows or whose profile is open asks again for the
    same one (with its 1,000 re-weightings)."""
    key = (
        tuple(sorted(state.weights.items())),
        state.method,
        state.growth_years,
        state.national,
        state.sectors,
        state.sizes,
        runtime.columns.resolve(state.definition),
    )
    return runtime.memo.get(
        "potential-analysis",
        key,
        lambda: analyse_state(
            runtime.columns,
            runtime.data.municipalities,
            runtime.potential["tier"],
            state,
            list(runtime.data.districts.index),
        ),
        kept=ANALYSES_KEPT,
    )


# ----------------------------------------------------------------------------- formatting


def format_value(indicator: Indicator, value: float, language: str) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    if indicator.percent:
        return format_percent(float(value), language, indicator.decimals)
    return format_number(float(value), language, indicator.decimals)


def _score_text(value: float, method: str, language: str) -> str:
    return format_number(float(value), language, 2 if method == "zscore" else 1)


# ----------------------------------------------------------------------------- views


def map_view(
    runtime: Runtime, analysis: Analysis, metric: str, method: str, language: str
) -> PotentialMapView:
    """What the choropleth shows for ``metric``: "index", "dim:<key>" or "ind:<key>"."""
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    index_title = translate("potential.index_z" if method == "zscore" else "potential.index", language)
    diverging = False
    if metric.startswith("dim:") and metric[4:] in index.dimensions:
        key = metric[4:]
        values = index.dimensions[key]
        title = next(d for d in DIMENSIONS if d.key == key).name(language)
        shown = values.map(lambda v: _score_text(v, method, language))
    elif metric.startswith("ind:") and metric[4:] in analysis.indicators.municipalities:
        indicator = BY_KEY[metric[4:]]
        raw = analysis.indicators.municipalities[indicator.key]
        values = raw * 100 if indicator.percent else raw
        title = f"{indicator.name(language)} ({indicator.unit_label(language)})"
        diverging = indicator.unit in RATIO_UNITS
        shown = raw.map(lambda v: format_value(indicator, v, language))
    else:
        values, title = index.score, index_title
        shown = None
    lines = {}
    for code in index.score.index:
        parts = []
        if shown is not None:
            parts.append(f"{title}: {shown[code]}")
        parts.append(f"{index_title}: {_score_text(index.score[code], method, language)}")
        parts.append(
            f"{translate('potential.col.rank', language)} {index.rank[code]} "
            f"({robustness.best[code]}–{robustness.worst[code]}) · "
            f"{translate(f'tier.{index.tier[code]}', language)}"
        )
        lines[code] = "<br>".join(parts)
    return PotentialMapView(
        values=values.astype(float),
        names=names,
        hover=pd.Series(lines),
        title=title,
        diverging=diverging,
    )


def _tier_badge(tier: str, language: str) -> html.Span:
    return html.Span(translate(f"tier.{tier}", language), className="tier-badge", style=TIER_STYLE[tier])


def _range_bar(best: int, worst: int, rank: int, count: int) -> html.Span:
    """A track from rank 1 to the last, with the range shaded and the rank marked."""
    span = max(count - 1, 1)

    def at(r: int) -> float:
        return 100 * (r - 1) / span

    return html.Span(
        [
            html.Span(
                className="range-fill",
                style={"left": f"{at(best):.1f}%", "width": f"{max(at(worst) - at(best), 1.5):.1f}%"},
            ),
            html.Span(className="range-dot", style={"left": f"{at(rank):.1f}%"}),
        ],
        className="range-track",
        **{"aria-hidden": "true"},
    )


def ranking_table(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str) -> html.Div:
    index, robustness = analysis.index, analysis.robustness
    names = unit_names(runtime.data.municipalities, language)
    national = settings.national is not None
    count = len(index.score)
    order = index.score.sort_values(ascending=False, kind="stable").index
    head = [
        translate("potential.col.rank", language),
        translate("label.municipality", language),
        translate("potential.col.score", language),
        translate("potential.col.tier", language),
        translate("potential.col.range", language),
    ]
    if national:
        head.append(translate("potential.col.national", language))
    ratio = analysis.indicators.municipalities["national_ratio"]
    rows = []
    for code in order:
        best, worst = int(robustness.best[code]), int(robustness.worst[code])
        cells = [
            html.Td(str(index.rank[code]), className="num"),
            html.Td(names[code]),
            html.Td(_score_text(index.score[code], settings.method, language), className="num score"),
            html.Td(_tier_badge(index.tier[code], language)),
            html.Td(
                [
                    html.Span(f"{best}–{worst}" if best != worst else str(best), className="range-text"),
                    _range_bar(best, worst, int(index.rank[code]), count),
                ],
                className="range-cell",
            ),
        ]
        if national:
            cells.append(html.Td(format_number(float(ratio[code]), language, 2), className="num"))
        rows.append(html.Tr(cells, **{"data-code": code}))
    return html.Div(
        [
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(rows)],
                size="sm",
                hover=True,
                responsive=True,
                className="ranking-table mb-1",
            ),
            html.P(
                translate(
                    "potential.robustness_help",
                    language,
                    coverage=format_percent(COVERAGE, language, 0),
                    draws=format_number(DRAWS, language),
                ),
                className="small text-muted mb-0",
            ),
        ]
    )


def profile(runtime: Runtime, analysis: Analysis, code: str | None, settings: PotentialState, language: str):
    """One municipality: index, rank range, dimension scores, and every indicator beside its
    district's and the region's value."""
    index = analysis.index
    if code not in index.score.index:
        return None
    indicators = analysis.indicators
    district = runtime.data.municipalities.at[code, "district_code"]
    district_row = indicators.districts.loc[district] if district in indicators.districts.index else None
    summary = translate(
        "potential.profile_summary",
        language,
        score=_score_text(index.score[code], settings.method, language),
        rank=index.rank[code],
        count=len(index.score),
        best=analysis.robustness.best[code],
        worst=analysis.robustness.worst[code],
    )
    dimension_rows = [
        html.Tr(
            [
                html.Th(
                    [html.Span(className="swatch", style={"background": color}), d.name(language)],
                    scope="row",
                ),
                html.Td(_score_text(index.dimensions.at[code, d.key], settings.method, language)),
                html.Td(format_percent(float(index.weights[d.key]), language, 0), className="text-muted"),
            ]
        )
        for color, d in zip(DIMENSION_COLORS, DIMENSIONS, strict=True)
    ]
    indicator_rows = []
    for indicator in INDICATORS:
        if indicator.key == "national_ratio" and settings.national is None:
            continue
        own = indicators.municipalities.at[code, indicator.key]
        score = (
            _score_text(index.normalised.at[code, indicator.key], settings.method, language)
            if indicator.key in index.normalised
            else ""
        )
        indicator_rows.append(
            html.Tr(
                [
                    html.Th(indicator.name(language), scope="row", title=indicator.definition(language)),
                    html.Td(format_value(indicator, own, language), className="num"),
                    html.Td(score, className="num text-muted"),
                    html.Td(
                        format_value(indicator, district_row[indicator.key], language)
                        if district_row is not None
                        else "–",
                        className="num",
                    ),
                    html.Td(
                        format_value(indicator, indicators.region[indicator.key], language), className="num"
                    ),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("potential.col.indicator", language), scope="col"),
                html.Th(translate("potential.col.value", language), scope="col"),
                html.Th(translate("potential.col.points", language), scope="col"),
                html.Th(translate("potential.col.district", language), scope="col"),
                html.Th(translate("potential.col.region", language), scope="col"),
            ]
        )
    )
    return html.Div(
        [
            html.P(
                [html.Strong(summary), " ", _tier_badge(index.tier[code], language)],
                className="mb-2",
            ),
            dbc.Table(html.Tbody(dimension_rows), size="sm", className="dimension-table mb-2"),
            dbc.Table([head, html.Tbody(indicator_rows)], size="sm", className="profile-indicators mb-0"),
        ]
    )


def levels_table(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str) -> dbc.Table:
    """Every indicator for each district and the whole region (the municipalities' sums)."""
    indicators = analysis.indicators
    districts = unit_names(runtime.data.districts, language)
    columns = [c for c in indicators.districts.index if c in districts.index]
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("potential.col.indicator", language), scope="col"),
                html.Th(translate("potential.col.unit", language), scope="col"),
                *[html.Th(districts[c], scope="col") for c in columns],
                html.Th(translate("potential.col.region", language), scope="col"),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Th(indicator.name(language), scope="row", title=indicator.definition(language)),
                html.Td(indicator.unit_label(language), className="text-muted"),
                *[
                    html.Td(
                        format_value(indicator, indicators.districts.at[c, indicator.key], language),
                        className="num",
                    )
                    for c in columns
                ],
                html.Td(format_value(indicator, indicators.region[indicator.key], language), className="num"),
            ]
        )
        for indicator in INDICATORS
        if not (indicator.key == "national_ratio" and settings.national is None)
    ]
    return dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, className="levels-table mb-0")


def breakdown(runtime: Runtime, analysis: Analysis, settings: PotentialState, language: str):
    names = unit_names(runtime.data.municipalities, language)
    return breakdown_chart(
        analysis.index.contributions,
        analysis.index.score,
        names,
        {d.key: d.name(language) for d in DIMENSIONS},
        translate("potential.breakdown_axis", language),
        language,
        2 if settings.method == "zscore" else 1,
    )


def heatmap(runtime: Runtime, analysis: Analysis, language: str):
    """In the reference table's order (municipalities grouped by district): it does not move
    when the weights change, so the eye can follow a sector down the column."""
    return lq_heatmap(
        analysis.indicators.lq,
        unit_names(runtime.data.municipalities, language),
        sector_names(runtime.data.taxonomy, language),
        language,
    )


def notices(analysis: Analysis, language: str) -> list:
    found = []
    if analysis.indicators.region["enterprises"] == 0:
        found.append(
            dbc.Alert(translate("potential.no_enterprises", language), color="warning", className="py-2")
        )
    return found

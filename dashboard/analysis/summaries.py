"""Text alternatives: one sentence that says what a map shows, for screen readers and
for anyone who cannot read colours. Pure functions over the same view the map draws."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from dashboard.analysis.mapmodel import METRIC_DECIMALS, MapView
from dashboard.i18n import format_number, format_percent, translate


def _extremes(values: pd.Series, names: pd.Series, metric: str, language: str) -> dict[str, str]:
    decimals = METRIC_DECIMALS[metric]
    top, bottom = values.idxmax(), values.idxmin()
    return {
        "top": str(names.get(top, top)),
        "top_value": format_number(float(values[top]), language, decimals),
        "bottom": str(names.get(bottom, bottom)),
        "bottom_value": format_number(float(values[bottom]), language, decimals),
    }


def map_summary(view: MapView, shown: int, language: str, within: Collection[str] = ()) -> str:
    """E.g. 'Enterprises per 1,000 inhabitants by municipality: highest in Niš (7.14), lowest in …'.

    Only units inside the selection are compared (those the filters on places keep, see
    ``MapView.inside``; ``within`` can narrow them further): the others are on the map only as
    context, and "lowest in Aleksinac (0)" for a unit merely filtered out would mislead.
    """
    count = format_number(shown, language)
    if view.level == "hexagon" or (view.level == "enterprises" and not view.points_shown):
        densest = format_number(int(view.hexagon_values.max()) if len(view.hexagon_values) else 0, language)
        return translate("summary.hexagon", language, count=count, densest=densest)
    if view.level == "enterprises":
        return translate("summary.enterprises", language, count=count)
    values, names = (
        (view.district_values, view.district_names)
        if view.level == "district"
        else (view.municipality_values, view.municipality_names)
    )
    values = values[view.inside(view.level).reindex(values.index, fill_value=False).to_numpy()]
    if within:
        values = values[values.index.isin(within)]
    metric = translate(f"metric.{view.metric}", language)
    if view.metric_label:
        metric = f"{metric} ({view.metric_label})"
    if len(values) == 1:  # one unit chosen: its value, not the extremes of one
        code = values.index[0]
        value = format_number(float(values.iloc[0]), language, METRIC_DECIMALS[view.metric])
        unit = str(names.get(code, code))
        return translate("summary.single", language, metric=metric, unit=unit, value=value, count=count)
    if not len(values) or float(values.max()) == float(values.min()):
        return translate(f"summary.{view.level}.flat", language, metric=metric, count=count)
    return translate(
        f"summary.{view.level}",
        language,
        metric=metric,
        count=count,
        **_extremes(values, names, view.metric, language),
    )


# Text alternatives of the presenter, profile and comparison pages' charts and maps.


def ranking_summary(index, robustness, names, language: str) -> str:
    """E.g. 'Development potential of 15 municipalities: highest Niš (65.7, rank 1 to 1 …), lowest …'."""
    score = index.score
    if not len(score):
        return translate("summary.ranking.empty", language)
    top, bottom = score.idxmax(), score.idxmin()
    return translate(
        "summary.ranking",
        language,
        count=len(score),
        top=str(names.get(top, top)),
        top_value=format_number(float(score[top]), language, 1),
        best=int(robustness.best[top]),
        worst=int(robustness.worst[top]),
        bottom=str(names.get(bottom, bottom)),
        bottom_value=format_number(float(score[bottom]), language, 1),
    )


def sector_mix_summary(shares, sector_names: dict[str, str], language: str, largest: int = 3) -> str:
    """E.g. 'Largest sectors: Crafts and design 38.0%, Arts 14.0%, Publishing 11.0%.'"""
    if not shares:
        return translate("summary.sector_mix.empty", language)
    listed = ", ".join(
        f"{sector_names.get(s.sector, s.sector)} {format_percent(s.share, language)}"
        for s in shares[:largest]
    )
    return translate("summary.sector_mix", language, sectors=listed)


def inset_summary(name: str, district: str, count: int, language: str) -> str:
    return translate("summary.inset", language, name=name, district=district, count=count)


def potential_summary(potential, dimension_names: dict[str, str], language: str) -> str:
    """E.g. 'Index 38.7 of 100, rank 7 of 15 (5 to 10 under random weightings); strongest in …'."""
    strongest = max(potential.dimensions, key=potential.dimensions.get)
    weakest = min(potential.dimensions, key=potential.dimensions.get)
    return translate(
        "summary.potential",
        language,
        score=format_number(potential.score, language, 1),
        rank=potential.rank,
        count=potential.count,
        best=potential.best,
        worst=potential.worst,
        strongest=dimension_names.get(strongest, strongest),
        strongest_value=format_number(potential.dimensions[strongest], language, 1),
        weakest=dimension_names.get(weakest, weakest),
        weakest_value=format_number(potential.dimensions[weakest], language, 1),
    )


def dimensions_summary(scores: dict[str, dict[str, float]], names, dimension_names, language: str) -> str:
    """One clause per municipality: its strongest and weakest dimension of the index."""
    clauses = []
    for code, dimensions in scores.items():
        if not dimensions:
            continue
        strongest = max(dimensions, key=dimensions.get)
        weakest = min(dimensions, key=dimensions.get)
        clauses.append(
            translate(
                "summary.dimensions.unit",
                language,
                name=str(names.get(code, code)),
                strongest=dimension_names.get(strongest, strongest),
                strongest_value=format_number(dimensions[strongest], language, 1),
                weakest=dimension_names.get(weakest, weakest),
                weakest_value=format_number(dimensions[weakest], language, 1),
            )
        )
    return translate("summary.dimensions", language, units=" ".join(clauses))

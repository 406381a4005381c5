"""Text alternatives: one sentence that says what a map shows, for screen readers and
for anyone who cannot read colours. Pure functions over the same view the map draws."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.map import METRIC_DECIMALS, MapView
from dashboard.i18n import format_number, translate


def _extremes(values: pd.Series, names: pd.Series, metric: str, language: str) -> dict[str, str]:
    decimals = METRIC_DECIMALS[metric]
    top, bottom = values.idxmax(), values.idxmin()
    return {
        "top": str(names.get(top, top)),
        "top_value": format_number(float(values[top]), language, decimals),
        "bottom": str(names.get(bottom, bottom)),
        "bottom_value": format_number(float(values[bottom]), language, decimals),
    }


def map_summary(view: MapView, shown: int, language: str) -> str:
    """E.g. 'Enterprises per 1,000 inhabitants by municipality: highest in Niš (7.14), lowest in …'."""
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
    metric = translate(f"metric.{view.metric}", language)
    if view.metric_label:
        metric = f"{metric} ({view.metric_label})"
    if not len(values) or float(values.max()) == float(values.min()):
        return translate(f"summary.{view.level}.flat", language, metric=metric, count=count)
    return translate(
        f"summary.{view.level}",
        language,
        metric=metric,
        count=count,
        **_extremes(values, names, view.metric, language),
    )

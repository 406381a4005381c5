"""What one state of the controls means for every view: a pure function of the data.

Callbacks call :func:`explore_view` and hand its parts to the figures; nothing
here knows about Dash components, so it is tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.figures.map import MapView
from dashboard.i18n import localized_name
from dashboard.indicators import Filters, aggregate, filter_mask, sector_counts, totals
from dashboard.runtime import Runtime


@dataclass(frozen=True)
class ExploreView:
    map: MapView
    totals: dict[str, int]
    sector_counts: pd.Series
    synthetic_shown: bool


def unit_names(table: pd.DataFrame, language: str) -> pd.Series:
    return pd.Series([localized_name(row, language) for row in table.itertuples()], index=table.index)


def explore_view(runtime: Runtime, filters: Filters, level: str, metric: str, language: str) -> ExploreView:
    data = runtime.data
    enterprises = data.enterprises
    shown = enterprises[filter_mask(enterprises, filters, runtime.potential["tier"])]
    by_municipality = aggregate(shown, data.municipalities, "municipality")
    by_district = aggregate(shown, runtime.district_units, "district")
    municipality_names = unit_names(data.municipalities, language)
    points = {
        sector: pd.DataFrame(
            {
                "lon": group["lon"],
                "lat": group["lat"],
                "name": group["name"],
                "municipality_name": group["municipality"].map(municipality_names),
                "employees": group["employees"],
            }
        )
        for sector, group in _groups(shown, data.taxonomy.sector_codes)
    }
    return ExploreView(
        map=MapView(
            level=level,
            metric=metric,
            district_values=by_district[metric],
            municipality_values=by_municipality[metric],
            district_names=unit_names(data.districts, language),
            municipality_names=municipality_names,
            points=points,
        ),
        totals=totals(shown),
        sector_counts=sector_counts(shown, data.taxonomy.sector_codes),
        synthetic_shown=bool(shown["synthetic"].any()) if len(shown) else False,
    )


def _groups(frame: pd.DataFrame, sectors: list[str]):
    """Every sector in a fixed order, empty ones included, so map traces never shift."""
    grouped = dict(tuple(frame.groupby("sector", observed=True))) if len(frame) else {}
    for sector in sectors:
        yield sector, grouped.get(sector, frame.iloc[0:0])

"""What one state of the controls means for every view: a pure function of the data.

Callbacks call :func:`explore_view` and hand its parts to the figures; nothing
here knows about Dash components, so it is tested without a browser. Counting
goes through :class:`~dashboard.analysis.columns.EnterpriseColumns`, so a filter change
at 100,000 enterprises costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.analysis.indicators import Filters, location_quotient
from dashboard.analysis.mapmodel import MapView
from dashboard.i18n import localized_name
from dashboard.sources.taxonomy import Taxonomy

if TYPE_CHECKING:  # the runtime is passed in; importing it would tie analysis to the web app
    from dashboard.web.runtime import Runtime

MAX_POINTS = 4000  # beyond this the map shows density instead of single enterprises


@dataclass(frozen=True)
class ExploreView:
    map: MapView
    totals: dict[str, int]
    sector_counts: pd.Series
    size_counts: pd.Series
    year_counts: pd.Series
    synthetic_shown: bool
    rows: np.ndarray  # positions of the shown enterprises in RegionData.enterprises


_NAMES: dict[tuple[int, str], tuple[pd.DataFrame, pd.Series]] = {}


def sector_names(taxonomy: Taxonomy, language: str) -> dict[str, str]:
    """Sector names in the language, in the taxonomy's order (the order of every chart and list)."""
    return {code: taxonomy.sector_name(code, language) for code in taxonomy.sector_codes}


def unit_names(table: pd.DataFrame, language: str) -> pd.Series:
    """Unit names in the language's script, index = code (memoised: reference tables never change)."""
    key = (id(table), language)
    cached = _NAMES.get(key)
    if cached is None or cached[0] is not table:
        names = pd.Series([localized_name(row, language) for row in table.itertuples()], index=table.index)
        cached = _NAMES[key] = (table, names)
    return cached[1]


def shown_rows(runtime: Runtime, filters: Filters, selection: list[int] | None = None) -> np.ndarray:
    """Row positions passing the filters (and inside a map selection, when there is one)."""
    return _within_selection(runtime.columns.mask(filters, runtime.potential["tier"]), selection)


def _within_selection(mask: np.ndarray, selection: list[int] | None) -> np.ndarray:
    if selection:
        chosen = np.zeros(len(mask), dtype=bool)
        chosen[np.asarray([i for i in selection if 0 <= i < len(mask)], dtype=np.int64)] = True
        mask = mask & chosen
    return np.flatnonzero(mask)


def _per_unit(counts: pd.Series, employees: pd.Series, population: pd.Series, metric: str) -> pd.Series:
    if metric == "employees":
        return employees
    if metric == "enterprises_per_1000":
        return (counts / population.reindex(counts.index).astype(float) * 1000).fillna(0.0)
    return counts


def explore_view(
    runtime: Runtime,
    filters: Filters,
    level: str,
    metric: str,
    language: str,
    *,
    lq_sector: str | None = None,
    selection: list[int] | None = None,
    approximate: bool = True,
) -> ExploreView:
    """``approximate=False`` leaves enterprises placed at a settlement or seat off the map
    (they still count everywhere else)."""
    data, columns = runtime.data, runtime.columns
    mask = columns.mask(filters, runtime.potential["tier"])
    counts = {name: columns.count(name, mask) for name in ("district", "municipality", "hexagon")}
    staff = {
        name: columns.count(name, mask, employees=True) for name in ("district", "municipality", "hexagon")
    }
    municipality_population = data.municipalities["population"]
    district_population = runtime.district_units["population"]

    metric_label = ""
    if metric == "location_quotient":
        sector = lq_sector or data.taxonomy.sector_codes[0]
        metric_label = data.taxonomy.sector_name(sector, language)
        base = columns.mask(filters.without("sectors"), runtime.potential["tier"])
        in_sector = base & (columns.codes["sector"] == columns.categories["sector"].index(sector))
        district_values = location_quotient(
            columns.count("district", in_sector), columns.count("district", base)
        )
        municipality_values = location_quotient(
            columns.count("municipality", in_sector), columns.count("municipality", base)
        )
    elif metric == "potential_index":
        # The index with its default weights over all mapped enterprises (re-weighted on the
        # potential page); a district shows its municipalities' scores weighted by population.
        municipality_values = runtime.potential["score"].reindex(data.municipalities.index).fillna(0.0)
        weighted = (municipality_values * municipality_population).groupby(
            data.municipalities["district_code"]
        )
        district_values = (
            weighted.sum() / municipality_population.groupby(data.municipalities["district_code"]).sum()
        )
        district_values = district_values.reindex(data.districts.index).fillna(0.0)
    else:
        district_values = _per_unit(counts["district"], staff["district"], district_population, metric)
        municipality_values = _per_unit(
            counts["municipality"], staff["municipality"], municipality_population, metric
        )
    hexagon_metric = "employees" if metric == "employees" else "enterprises"

    rows = _within_selection(mask, selection)  # the mask above, not computed a second time
    municipality_names = unit_names(data.municipalities, language)
    drawn = mask if approximate else mask & columns.exact()
    points_shown = int(drawn.sum()) <= MAX_POINTS
    rows_drawn = np.flatnonzero(drawn) if points_shown else np.array([], dtype=np.int64)
    points = dict(_points(runtime, rows_drawn, municipality_names))
    sectors = columns.count("sector", mask)
    first, last = columns.year_span()
    return ExploreView(
        map=MapView(
            level=level,
            metric=metric,
            district_values=district_values,
            municipality_values=municipality_values,
            hexagon_values=counts["hexagon"] if hexagon_metric == "enterprises" else staff["hexagon"],
            hexagon_metric=hexagon_metric,
            district_names=unit_names(data.districts, language),
            municipality_names=municipality_names,
            points=points,
            points_shown=points_shown,
            metric_label=metric_label,
        ),
        totals={
            "enterprises": int(mask.sum()),
            "employees": int(columns.employees[mask].sum()),
            "sectors": int((sectors > 0).sum()),
        },
        sector_counts=sectors,
        size_counts=columns.count("size_class", mask),
        year_counts=columns.count_years(mask, first, last),
        synthetic_shown=bool(columns.synthetic[mask].any()),
        rows=rows,
    )


def _points(
    runtime: Runtime, rows: np.ndarray, municipality_names: pd.Series
) -> Iterator[tuple[str, pd.DataFrame]]:
    """Every sector in a fixed order, empty ones included, so map traces never shift."""
    columns = runtime.columns
    enterprises = runtime.data.enterprises
    sector_codes = columns.codes["sector"][rows]
    names = enterprises["name"].to_numpy()[rows]
    municipality = np.asarray(municipality_names.reindex(columns.categories["municipality"]), dtype=object)
    for index, sector in enumerate(columns.categories["sector"]):
        pick = sector_codes == index
        chosen = rows[pick]
        yield (
            sector,
            pd.DataFrame(
                {
                    "lon": columns.lon[chosen],
                    "lat": columns.lat[chosen],
                    "name": names[pick],
                    "municipality_name": municipality[columns.codes["municipality"][chosen]],
                    "employees": columns.employees[chosen],
                    "row": chosen,
                }
            ),
        )


def unit_figures(runtime: Runtime, filters: Filters, municipality: str) -> tuple[dict, dict, dict, pd.Series]:
    """Key figures of a municipality, its district and the region under the filters other than
    the geographic ones (so the comparison stays meaningful), plus its sector counts."""
    columns, data = runtime.columns, runtime.data
    context = columns.mask(filters.without("districts", "municipalities"), runtime.potential["tier"])
    counts = columns.count("municipality", context)
    staff = columns.count("municipality", context, employees=True)
    population = data.municipalities["population"].astype(float)
    district = data.municipalities.at[municipality, "district_code"]
    in_district = data.municipalities.index[data.municipalities["district_code"] == district]

    def figures(codes) -> dict[str, float]:
        enterprises, employees = float(counts[codes].sum()), float(staff[codes].sum())
        return {
            "enterprises": enterprises,
            "employees": employees,
            "enterprises_per_1000": enterprises / population[codes].sum() * 1000,
            "average_size": employees / enterprises if enterprises else float("nan"),
        }

    in_unit = context & (
        columns.codes["municipality"] == columns.categories["municipality"].index(municipality)
    )
    return (
        figures([municipality]),
        figures(list(in_district)),
        figures(list(data.municipalities.index)),
        columns.count("sector", in_unit),
    )


def units_in_scope(runtime: Runtime, filters: Filters) -> list[str]:
    """District and municipality codes the geographic filters select ([] = the whole region)."""
    municipalities = runtime.data.municipalities
    if filters.municipalities:
        chosen = list(filters.municipalities)
    elif filters.districts:
        chosen = list(municipalities.index[municipalities["district_code"].isin(filters.districts)])
    else:
        return []
    return (
        list(municipalities.loc[municipalities.index.intersection(chosen), "district_code"].unique()) + chosen
    )

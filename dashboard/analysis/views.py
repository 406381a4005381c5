"""What one state of the controls means for every view: a pure function of the data.

Callbacks call :func:`explore_view` and hand its parts to the figures; nothing
here knows about Dash components, so it is tested without a browser. Counting
goes through :class:`~dashboard.analysis.columns.EnterpriseColumns`, so a filter change
at 100,000 enterprises costs milliseconds.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.analysis.definition_potential import potential_under, tiers_for
from dashboard.analysis.indicators import Filters, location_quotient
from dashboard.analysis.mapmodel import MapView
from dashboard.i18n import localized_name
from dashboard.sources.taxonomy import Taxonomy

if TYPE_CHECKING:  # passed in; importing them would tie analysis to the web app
    from dashboard.web.runtime import Runtime
    from dashboard.web.state import ExploreState

MAX_POINTS = 4000  # beyond this the map shows density instead of single enterprises


@dataclass(frozen=True)
class Counts:
    """The figures beside the map for one set of filters: KPIs, the three charts, the badge."""

    totals: dict[str, int]
    sector_counts: pd.Series
    size_counts: pd.Series
    year_counts: pd.Series
    synthetic_shown: bool


@dataclass(frozen=True)
class ExploreView:
    map: MapView
    totals: dict[str, int]
    sector_counts: pd.Series
    size_counts: pd.Series
    year_counts: pd.Series
    synthetic_shown: bool
    rows: np.ndarray  # positions of the shown enterprises in RegionData.enterprises


def sector_names(taxonomy: Taxonomy, language: str) -> dict[str, str]:
    """Sector names in the language, in the taxonomy's order (the order of every chart and list)."""
    return {code: taxonomy.sector_name(code, language) for code in taxonomy.sector_codes}


_NAMES: dict[tuple[int, str], pd.Series] = {}


def unit_names(table: pd.DataFrame, language: str) -> pd.Series:
    """Unit names in the language's script, index = code (memoised while ``table`` lives:
    the entry is dropped with the table, so a replaced runtime's tables are not kept alive)."""
    key = (id(table), language)
    names = _NAMES.get(key)
    if names is None:
        names = pd.Series([localized_name(row, language) for row in table.itertuples()], index=table.index)
        _NAMES[key] = names
        weakref.finalize(table, _NAMES.pop, key, None)
    return names


def filter_mask(runtime: Runtime, filters: Filters) -> np.ndarray:
    """Rows passing the filters, computed once per filter state (every view asks for it)."""
    return runtime.memo.get(
        "explore-mask",
        filters,
        lambda: runtime.columns.mask(filters, tiers_for(runtime, filters.definition)),
        kept=8,
    )


def shown_rows(runtime: Runtime, filters: Filters, selection: list[int] | None = None) -> np.ndarray:
    """Row positions passing the filters (and inside a map selection, when there is one)."""
    return _within_selection(filter_mask(runtime, filters), selection)


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


def units_inside(runtime: Runtime, filters: Filters) -> tuple[pd.Series, pd.Series]:
    """Which districts and municipalities the filters keep (True) or leave outside (False).

    Only the filters about places decide it -- district, municipality and potential tier: a
    unit outside them is context on the map, not a unit with nothing in it. A district is
    inside while any of its municipalities is.
    """
    municipalities = runtime.data.municipalities
    inside = pd.Series(True, index=municipalities.index)
    if filters.districts:
        inside &= municipalities["district_code"].isin(filters.districts)
    if filters.municipalities:
        inside &= municipalities.index.isin(filters.municipalities)
    if filters.tiers:
        tiers = tiers_for(runtime, filters.definition).reindex(municipalities.index)
        inside &= tiers.isin(filters.tiers)
    districts = inside.groupby(municipalities["district_code"]).any()
    return districts.reindex(runtime.data.districts.index, fill_value=False).astype(bool), inside


def lq_sectors(filters: Filters, lq_sector: str | None, sector_codes: list[str]) -> tuple[str, ...]:
    """The sectors a location quotient is about: those ticked in the filter (one sector, or the
    group of several), else the one chosen for it, else the first."""
    ticked = tuple(s for s in filters.sectors if s in sector_codes)
    if ticked:
        return ticked
    return (lq_sector,) if lq_sector in sector_codes else tuple(sector_codes[:1])


def lq_label(sectors: tuple[str, ...], taxonomy: Taxonomy, language: str) -> str:
    """E.g. "Crafts and design" or "Crafts and design + Software and IT"."""
    return " + ".join(taxonomy.sector_name(s, language) for s in sectors)


def map_view_of_state(runtime: Runtime, state: ExploreState, language: str) -> MapView:
    """What the map shows for one explore-page state (the page, its print sheet and the
    presenter read a state the same way)."""
    return map_view(
        runtime,
        state.filters,
        state.level,
        state.metric,
        language,
        lq_sector=state.lq_sector or None,
        approximate=state.approximate,
    )


def map_view(
    runtime: Runtime,
    filters: Filters,
    level: str,
    metric: str,
    language: str,
    *,
    lq_sector: str | None = None,
    approximate: bool = True,
) -> MapView:
    """What the map shows for one state, memoised on the runtime (the map, its summary and its
    notice all ask for it)."""
    key = (filters, level, metric, language, lq_sector, approximate)
    return runtime.memo.get(
        "explore-map",
        key,
        lambda: _map_view(runtime, filters, level, metric, language, lq_sector, approximate),
        kept=8,
    )


def _map_view(
    runtime: Runtime,
    filters: Filters,
    level: str,
    metric: str,
    language: str,
    lq_sector: str | None,
    approximate: bool,
) -> MapView:
    data, columns = runtime.data, runtime.columns
    mask = filter_mask(runtime, filters)
    municipality_population = data.municipalities["population"]
    district_population = runtime.district_units["population"]
    metric_label = ""
    if metric == "location_quotient":
        sectors = lq_sectors(filters, lq_sector, data.taxonomy.sector_codes)
        metric_label = lq_label(sectors, data.taxonomy, language)
        base = filter_mask(runtime, filters.without("sectors"))
        codes = [columns.categories["sector"].index(s) for s in sectors]
        in_sectors = base & np.isin(columns.codes["sector"], codes)
        district_values = location_quotient(
            columns.count("district", in_sectors), columns.count("district", base)
        )
        municipality_values = location_quotient(
            columns.count("municipality", in_sectors), columns.count("municipality", base)
        )
    elif metric == "potential_index":
        # The index with its default weights over all mapped enterprises (re-weighted on the
        # potential page); a district shows its municipalities' scores weighted by population.
        municipality_values = (
            potential_under(runtime, filters.definition)["score"]
            .reindex(data.municipalities.index)
            .fillna(0.0)
        )
        weighted = (municipality_values * municipality_population).groupby(
            data.municipalities["district_code"]
        )
        district_values = (
            weighted.sum() / municipality_population.groupby(data.municipalities["district_code"]).sum()
        )
        district_values = district_values.reindex(data.districts.index).fillna(0.0)
    else:
        district_values = _per_unit(
            columns.count("district", mask),
            columns.count("district", mask, employees=True),
            district_population,
            metric,
        )
        municipality_values = _per_unit(
            columns.count("municipality", mask),
            columns.count("municipality", mask, employees=True),
            municipality_population,
            metric,
        )
    hexagon_metric = "employees" if metric == "employees" else "enterprises"
    municipality_names = unit_names(data.municipalities, language)
    drawn = mask if approximate else mask & columns.exact()
    points_shown = int(drawn.sum()) <= MAX_POINTS
    rows_drawn = np.flatnonzero(drawn) if points_shown else np.array([], dtype=np.int64)
    district_inside, municipality_inside = units_inside(runtime, filters)
    return MapView(
        level=level,
        metric=metric,
        district_values=district_values,
        municipality_values=municipality_values,
        hexagon_values=columns.count("hexagon", mask, employees=hexagon_metric == "employees"),
        hexagon_metric=hexagon_metric,
        district_names=unit_names(data.districts, language),
        municipality_names=municipality_names,
        points=_points(runtime, rows_drawn, municipality_names),
        points_shown=points_shown,
        metric_label=metric_label,
        district_inside=district_inside,
        municipality_inside=municipality_inside,
    )


def counts_view(runtime: Runtime, filters: Filters) -> Counts:
    """KPIs and chart counts for one set of filters, memoised on the runtime."""

    def compute() -> Counts:
        columns = runtime.columns
        mask = filter_mask(runtime, filters)
        sectors = columns.count("sector", mask)
        first, last = columns.year_span()
        return Counts(
            totals={
                "enterprises": int(mask.sum()),
                "employees": int(columns.employees[mask].sum()),
                "sectors": int((sectors > 0).sum()),
            },
            sector_counts=sectors,
            size_counts=columns.count("size_class", mask),
            year_counts=columns.count_years(mask, first, last),
            synthetic_shown=bool(columns.synthetic[mask].any()),
        )

    return runtime.memo.get("explore-counts", filters, compute, kept=8)


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
    """Every view of one state at once (the first drawing of the page, the presenter, tests).
    ``approximate=False`` leaves enterprises placed at a settlement or seat off the map
    (they still count everywhere else)."""
    counts = counts_view(runtime, filters)
    return ExploreView(
        map=map_view(runtime, filters, level, metric, language, lq_sector=lq_sector, approximate=approximate),
        totals=counts.totals,
        sector_counts=counts.sector_counts,
        size_counts=counts.size_counts,
        year_counts=counts.year_counts,
        synthetic_shown=counts.synthetic_shown,
        rows=shown_rows(runtime, filters, selection),
    )


def drawing_order(rows: np.ndarray) -> np.ndarray:
    """A fixed, well-mixed order to draw points in: a multiplicative hash of the row number.

    Drawn in table order (or sector by sector), the last sector drawn covers the others
    wherever points crowd; mixed, each sector shows in a crowd in proportion to its count.
    """
    return np.argsort((rows.astype(np.uint64) * np.uint64(2654435761)) % np.uint64(2**32), kind="stable")


def _points(runtime: Runtime, rows: np.ndarray, municipality_names: pd.Series) -> pd.DataFrame:
    """One row per drawn enterprise, sectors interleaved (see :func:`drawing_order`); ``sector``
    is the sector's position in the taxonomy, which the map's colour scale maps to its colour."""
    columns = runtime.columns
    rows = rows[drawing_order(rows)]
    municipality = np.asarray(municipality_names.reindex(columns.categories["municipality"]), dtype=object)
    municipality_codes = columns.codes["municipality"][rows]
    return pd.DataFrame(
        {
            "lon": columns.lon[rows],
            "lat": columns.lat[rows],
            "name": runtime.data.enterprises["name"].to_numpy()[rows],
            "municipality": np.asarray(columns.categories["municipality"], dtype=object)[municipality_codes],
            "municipality_name": municipality[municipality_codes],
            "employees": columns.employees[rows],
            "row": rows,
            "sector": columns.codes["sector"][rows],
        }
    )


def unit_figures(runtime: Runtime, filters: Filters, municipality: str) -> tuple[dict, dict, dict, pd.Series]:
    """Key figures of a municipality, its district and the region under the filters other than
    the geographic ones (so the comparison stays meaningful), plus its sector counts."""
    columns, data = runtime.columns, runtime.data
    context = columns.mask(
        filters.without("districts", "municipalities"), tiers_for(runtime, filters.definition)
    )
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

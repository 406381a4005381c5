"""Aggregation, filtering and the default potential tiers, against hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.indicators import (
    Filters,
    aggregate,
    district_units,
    filter_mask,
    sector_counts,
    totals,
)
from dashboard.valorization import Enterprises, default_potential

UNITS = pd.DataFrame(
    {"population": [10_000, 2_000, 500], "district_code": ["D1", "D1", "D2"]}, index=["a", "b", "c"]
)
FIRMS = pd.DataFrame(
    {
        "municipality": ["a", "a", "a", "b"],
        "district": ["D1", "D1", "D1", "D1"],
        "sector": ["it", "it", "arts", "arts"],
        "size_class": ["micro", "small", "micro", "micro"],
        "employees": [2, 20, 0, 5],
    }
)


def test_aggregate_counts_employees_and_density_for_every_unit():
    table = aggregate(FIRMS, UNITS, "municipality")
    assert table.loc["a", ["enterprises", "employees", "sectors_present"]].tolist() == [3, 22, 2]
    assert table.loc["a", "enterprises_per_1000"] == pytest.approx(0.3)
    assert table.loc["b", "employees_per_1000"] == pytest.approx(2.5)
    # A unit with no enterprises is still there, with zeros, not missing.
    assert table.loc["c"].tolist() == [0, 0, 0, 0.0, 0.0]


def test_district_population_is_the_sum_of_its_municipalities():
    districts = pd.DataFrame({"name_en": ["One", "Two"]}, index=["D1", "D2"])
    assert district_units(UNITS, districts)["population"].tolist() == [12_000, 500]


def test_filters_combine_and_empty_means_all():
    tiers = pd.Series({"a": "high", "b": "low", "c": "low"})
    assert filter_mask(FIRMS, Filters(), tiers).all()
    assert filter_mask(FIRMS, Filters(sectors=("arts",)), tiers).tolist() == [False, False, True, True]
    both = Filters(sectors=("arts",), municipalities=("a",))
    assert filter_mask(FIRMS, both, tiers).tolist() == [False, False, True, False]
    assert filter_mask(FIRMS, Filters(tiers=("low",)), tiers).tolist() == [False, False, False, True]
    assert filter_mask(FIRMS, Filters(size_classes=("small",)), tiers).sum() == 1


def test_filters_from_ui_values_accept_none_for_a_cleared_dropdown():
    filters = Filters.from_values(districts=None, sectors=["it"], size_classes=[])
    assert filters == Filters(sectors=("it",))


def test_totals_and_sector_counts():
    assert totals(FIRMS) == {"enterprises": 4, "employees": 27, "sectors": 2}
    assert totals(FIRMS.iloc[0:0]) == {"enterprises": 0, "employees": 0, "sectors": 0}
    assert sector_counts(FIRMS, ["arts", "it", "film"]).tolist() == [2, 2, 0]


def test_default_potential_tiers_are_the_index_with_default_weights_by_hand():
    """The tiers the potential filter uses: the valorization index with default weights.

    3 units, so the winsorising percentiles (5th, 95th) lie 1/10 and 9/10 of the way along
    the gaps between the lowest two and the highest two values of each indicator."""
    enterprises = Enterprises.from_frame(FIRMS, UNITS.index, ["it", "arts"])
    potential = default_potential(enterprises, UNITS)
    # size       enterprises 3, 1, 0 -> clipped to 2.8, 1, 0.1 -> 100, 33.3, 0
    #            per 1,000 0.3, 0.5, 0 -> clipped 0.3, 0.48, 0.03 -> 60, 100, 0
    size = {"a": (100 + 60) / 2, "b": (100 / 3 + 100) / 2, "c": 0}
    # employment employees 22, 5, 0 -> clipped 20.3, 5, 0.5 -> 100, 22.7, 0
    #            per 1,000 2.2, 2.5, 0 -> clipped 2.2, 2.47, 0.22 -> 88, 100, 0
    employment = {"a": (100 + 88) / 2, "b": (4.5 / 19.8 * 100 + 100) / 2, "c": 0}
    # specialisation: highest LQ 4/3, 2, 0 -> clipped 4/3, 1.93, 0.13 -> 66.7, 100, 0
    specialisation = {"a": 200 / 3, "b": 100, "c": 0}
    # diversity 0.92, 0, undefined (no firms: counts as the lowest) -> 100, 0, 0
    diversity = {"a": 100, "b": 0, "c": 0}
    # growth: no founding years at all -> a constant column, 50 for everyone
    expected = {
        code: 0.25 * size[code]
        + 0.25 * employment[code]
        + 0.2 * specialisation[code]
        + 0.1 * diversity[code]
        + 0.2 * 50
        for code in "abc"
    }
    assert potential["score"].to_dict() == pytest.approx(expected)  # a 76.8, b 62.0, c 10
    # Tiers are thirds of the range 10..76.8: b sits at 78% of it, so both a and b are high.
    assert potential["tier"].to_dict() == {"a": "high", "b": "high", "c": "low"}
    assert potential["rank"].to_dict() == {"a": 1, "b": 2, "c": 3}
    empty = default_potential(Enterprises.from_frame(FIRMS.iloc[0:0], UNITS.index, ["it", "arts"]), UNITS)
    assert np.isfinite(empty["score"]).all() and set(empty["tier"]) == {"medium"}

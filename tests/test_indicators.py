"""Aggregation, filtering and the provisional potential score, against hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.indicators import (
    Filters,
    aggregate,
    district_units,
    filter_mask,
    provisional_potential,
    sector_counts,
    totals,
)

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


def test_provisional_potential_is_the_mean_of_scaled_indicators_in_thirds():
    table = aggregate(FIRMS, UNITS, "municipality")
    potential = provisional_potential(table)
    # a: per-1000 0.3 (max? no: b has 0.5), employees/1000 2.2, sectors 2 (max)
    # enterprises_per_1000: a 0.3, b 0.5, c 0   -> scaled 60, 100, 0
    # employees_per_1000:   a 2.2, b 2.5, c 0   -> scaled 88, 100, 0
    # sectors_present:      a 2,   b 1,   c 0   -> scaled 100, 50, 0
    assert potential["score"].to_dict() == pytest.approx({"a": 248 / 3, "b": 250 / 3, "c": 0.0})
    assert potential["tier"].to_dict() == {"b": "high", "a": "medium", "c": "low"}
    assert np.isfinite(
        provisional_potential(aggregate(FIRMS.iloc[0:0], UNITS, "municipality"))["score"]
    ).all()

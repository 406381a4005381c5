"""The development-potential index: indicators and index against hand-computed examples, and
the properties a composite indicator must have (unit invariance, monotonicity, weights that
sum to one), plus the registry that the UI and the methodology page read."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.analysis.indicators import TIERS
from dashboard.i18n import LANGUAGES, translate
from dashboard.i18n.catalogue import MESSAGES
from dashboard.valorization import Enterprises, analyse, compute_indicators, default_potential
from dashboard.valorization.compute import Parameters
from dashboard.valorization.index import (
    assign_tiers,
    normalise,
    normalise_weights,
    potential_index,
    winsorise,
)
from dashboard.valorization.registry import (
    BY_KEY,
    DIMENSION_KEYS,
    DIMENSIONS,
    INDICATORS,
    SCORED,
    default_weights,
    message_keys,
)
from dashboard.valorization.robustness import dirichlet_weights, rank_ranges

SECTORS = ["it", "arts"]
REFERENCE = pd.DataFrame(
    {
        "population": [10_000, 2_000, 500],
        "area_km2": [100.0, 20.0, 10.0],
        "district_code": ["D1", "D1", "D2"],
    },
    index=pd.Index(["a", "b", "c"], name="code"),
)
FIRMS = pd.DataFrame(
    {
        "municipality": ["a", "a", "a", "b"],
        "sector": ["it", "it", "arts", "arts"],
        "employees": [2, 20, 0, 5],
        "founding_year": [2024, 2010, 2023, None],
    }
)


@pytest.fixture(scope="module")
def small():
    enterprises = Enterprises.from_frame(FIRMS, REFERENCE.index, SECTORS)
    return compute_indicators(enterprises, REFERENCE, Parameters(growth_years=5, national_per_1000=0.2))


# ----------------------------------------------------------------------------- indicators


def test_counts_densities_and_shares_by_hand(small):
    m = small.municipalities
    assert m["enterprises"].tolist() == [3, 1, 0]
    assert m["employees"].tolist() == [22, 5, 0]
    assert m["enterprises_per_1000"].tolist() == pytest.approx([0.3, 0.5, 0.0])
    assert m["employees_per_1000"].tolist() == pytest.approx([2.2, 2.5, 0.0])
    assert m["enterprises_per_km2"].tolist() == pytest.approx([0.03, 0.05, 0.0])
    assert m["region_share"].tolist() == pytest.approx([0.75, 0.25, 0.0])
    # Averages and shares over no enterprises are undefined, not zero.
    assert m.loc["a", "average_size"] == pytest.approx(22 / 3)
    assert m.loc["a", "micro_share"] == pytest.approx(2 / 3)  # 2 and 0 employees are micro; 20 is not
    assert math.isnan(m.loc["c", "average_size"]) and math.isnan(m.loc["c", "micro_share"])


def test_national_comparison_divides_the_density_by_the_entered_value(small):
    assert small.municipalities["national_ratio"].tolist() == pytest.approx([1.5, 2.5, 0.0])
    enterprises = Enterprises.from_frame(FIRMS, REFERENCE.index, SECTORS)
    assert compute_indicators(enterprises, REFERENCE).municipalities["national_ratio"].isna().all()


def test_growth_counts_the_last_years_up_to_the_latest_founding_year(small):
    # Reference year 2024 (the latest in the data); 5 years back: founded 2020-2024.
    assert small.reference_year == 2024
    assert small.municipalities.loc["a", "growth"] == pytest.approx(2 / 3)  # 2024 and 2023, not 2010
    assert math.isnan(small.municipalities.loc["b", "growth"])  # its one firm has no founding year
    enterprises = Enterprises.from_frame(FIRMS, REFERENCE.index, SECTORS)
    longer = compute_indicators(enterprises, REFERENCE, Parameters(growth_years=20))
    assert longer.municipalities.loc["a", "growth"] == pytest.approx(1.0)


def test_location_quotients_by_hand(small):
    # Region: 2 IT and 2 arts firms, so each sector's regional share is 1/2.
    # a: IT 2/3 -> LQ 4/3, arts 1/3 -> 2/3; b: arts only -> 2; c: no firms -> 0.
    assert small.lq.loc["a"].tolist() == pytest.approx([4 / 3, 2 / 3])
    assert small.lq.loc["b"].tolist() == pytest.approx([0.0, 2.0])
    assert small.lq.loc["c"].tolist() == [0.0, 0.0]
    assert small.municipalities["max_lq"].tolist() == pytest.approx([4 / 3, 2.0, 0.0])
    # Districts are measured against the same region: D1 holds every firm, so all its LQs are 1.
    assert small.lq_districts.loc["D1"].tolist() == pytest.approx([1.0, 1.0])


def test_diversity_is_normalised_shannon_entropy(small):
    expected = -(2 / 3 * math.log(2 / 3) + 1 / 3 * math.log(1 / 3)) / math.log(2)
    assert small.municipalities.loc["a", "diversity"] == pytest.approx(expected)  # 0.918
    assert small.municipalities.loc["b", "diversity"] == 0.0  # one sector only
    assert math.isnan(small.municipalities.loc["c", "diversity"])
    assert small.districts.loc["D1", "diversity"] == pytest.approx(1.0)  # 2 and 2: perfectly even


def test_districts_and_region_add_up_the_municipalities(small):
    d, r = small.districts, small.region
    assert d["enterprises"].tolist() == [4, 0] and r["enterprises"] == 4
    assert d.loc["D1", "enterprises_per_1000"] == pytest.approx(4 / 12_000 * 1000)
    assert r["enterprises_per_1000"] == pytest.approx(4 / 12_500 * 1000)
    assert r["employees"] == 27 and r["average_size"] == pytest.approx(27 / 4)
    assert r["max_lq"] == pytest.approx(1.0) and r["region_share"] == pytest.approx(1.0)


def test_a_sector_choice_narrows_counts_but_not_the_lq_denominator():
    enterprises = Enterprises.from_frame(FIRMS, REFERENCE.index, SECTORS)
    only_it = (FIRMS["sector"] == "it").to_numpy()
    narrowed = compute_indicators(enterprises, REFERENCE, mask=only_it, base_mask=None, sectors=["it"])
    assert narrowed.municipalities["enterprises"].tolist() == [2, 0, 0]
    against_all = compute_indicators(
        enterprises, REFERENCE, mask=only_it, base_mask=np.ones(4, bool), sectors=["it"]
    )
    # The IT quotient is measured against all sectors: a's 4/3, not 1.
    assert against_all.municipalities["max_lq"].tolist() == pytest.approx([4 / 3, 0.0, 0.0])


def test_the_app_columns_and_a_plain_table_give_the_same_indicators(project_runtime):
    data = project_runtime.data
    from_columns = Enterprises.from_columns(project_runtime.columns)
    from_frame = Enterprises.from_frame(
        data.enterprises, data.municipalities.index, data.taxonomy.sector_codes
    )
    a = compute_indicators(from_columns, data.municipalities)
    b = compute_indicators(from_frame, data.municipalities)
    pd.testing.assert_frame_equal(a.municipalities, b.municipalities)
    # and the plain enterprise count agrees with the table itself
    assert a.region["enterprises"] == len(data.enterprises)


# ----------------------------------------------------------------------------- the index


def _table(**columns) -> pd.DataFrame:
    """An indicator table for units a, b, c with every scored indicator set."""
    return pd.DataFrame({k: columns[k] for k in SCORED}, index=["a", "b", "c"], dtype=float)


def test_winsorising_clips_to_the_5th_and_95th_percentile():
    frame = pd.DataFrame({"x": [0.0, 10.0, 20.0], "y": [1.0, np.nan, 3.0]})
    clipped = winsorise(frame)
    # 3 values: the 5th percentile lies a tenth of the way from 0 to 10, the 95th 9/10 from 10 to 20.
    assert clipped["x"].tolist() == pytest.approx([1.0, 10.0, 19.0])
    assert clipped["y"].tolist()[0] == pytest.approx(1.1) and math.isnan(clipped["y"].tolist()[1])


def test_index_by_hand_with_default_weights():
    ups, downs, mixed = [20, 10, 0], [0, 10, 20], [10, 0, 20]
    table = _table(
        enterprises=ups,
        enterprises_per_1000=ups,
        employees=downs,
        employees_per_1000=downs,
        max_lq=mixed,
        diversity=downs,
        growth=[20, 0, 10],
    )
    result = potential_index(table)
    # After clipping each column is (1, 10, 19) in some order, so min-max gives 0, 50, 100.
    assert result.dimensions.loc["a"].tolist() == pytest.approx([100, 0, 50, 0, 100])
    assert result.dimensions.loc["b"].tolist() == pytest.approx([50, 50, 0, 50, 0])
    assert result.dimensions.loc["c"].tolist() == pytest.approx([0, 100, 100, 100, 50])
    # Default weights 25 / 25 / 20 / 10 / 20 %:
    # a = 25 + 0 + 10 + 0 + 20 = 55;  b = 12.5 + 12.5 + 0 + 5 + 0 = 30;  c = 0 + 25 + 20 + 10 + 10 = 65
    assert result.score.to_dict() == pytest.approx({"a": 55.0, "b": 30.0, "c": 65.0})
    assert result.rank.to_dict() == {"a": 2, "b": 3, "c": 1}
    # Range 30..65: a sits at 25/35 = 71% of it (high), b at 0% (low).
    assert result.tier.to_dict() == {"a": "high", "b": "low", "c": "high"}
    assert result.contributions.sum(axis=1).to_dict() == pytest.approx(result.score.to_dict())


def test_z_scores_and_constant_indicators():
    frame = pd.DataFrame({"x": [1.0, 10.0, 19.0], "flat": [3.0, 3.0, 3.0]})
    z = normalise(frame, "zscore")
    assert z["x"].tolist() == pytest.approx([-math.sqrt(1.5), 0.0, math.sqrt(1.5)])  # sd = sqrt(54)
    assert z["flat"].tolist() == [0.0, 0.0, 0.0]
    assert normalise(frame)["flat"].tolist() == [50.0, 50.0, 50.0]
    with pytest.raises(ValueError):
        normalise(frame, "rank")


def test_lower_is_better_indicators_are_turned_around():
    from dashboard.valorization.index import orient

    flipped = orient(pd.DataFrame({"micro_share": [0.9, 0.5, 0.1], "growth": [0.1, 0.2, 0.3]}))
    assert flipped["micro_share"].tolist() == [-0.9, -0.5, -0.1]  # lower is better
    assert flipped["growth"].tolist() == [0.1, 0.2, 0.3]


def test_missing_values_count_as_the_lowest_observed(small):
    result = potential_index(small.municipalities)
    # c has no enterprises: its diversity is undefined and scores like the lowest (b's 0).
    assert result.normalised.loc["c", "diversity"] == result.normalised["diversity"].min() == 0.0
    # No unit has a growth value to compare except a: a constant column, the middle for all.
    assert np.isfinite(result.score).all()


def test_the_default_potential_by_hand():
    enterprises = Enterprises.from_frame(FIRMS.drop(columns="founding_year"), REFERENCE.index, SECTORS)
    table = default_potential(enterprises, REFERENCE)
    assert list(table.columns) == ["score", "rank", "tier"]
    # Three values lo < mid < hi are clipped to p5 = lo + (mid - lo)/10 and p95 = mid + 9(hi - mid)/10,
    # then min-max scaled: lo -> 0, hi -> 100, mid -> (mid - p5) / (p95 - p5) * 100.
    # size:        enterprises (3, 1, 0): b 0.9/2.7 = 33.3;  per 1,000 (0.3, 0.5, 0): a 0.27/0.45 = 60
    #              -> a (100 + 60)/2 = 80, b (33.3 + 100)/2 = 66.7, c 0
    # employment:  employees (22, 5, 0): b 4.5/19.8 = 22.7;  per 1,000 (2.2, 2.5, 0): a 1.98/2.25 = 88
    #              -> a 94, b 61.4, c 0
    # specialisation: max LQ (4/3, 2, 0): a 1.2/1.8 = 66.7, b 100, c 0
    # diversity:   (0.918, 0, undefined -> lowest): a 100, b 0, c 0
    # dynamism:    no founding years anywhere: a constant column, 50 for all
    # Weights 25/25/20/10/20 %: a = 20 + 23.5 + 13.33 + 10 + 10 = 76.83; b = 16.67 + 15.34 + 20 + 0 + 10
    # = 62.01; c = 10.
    assert table["score"].to_dict() == pytest.approx({"a": 76.8333, "b": 62.0076, "c": 10.0}, abs=1e-3)
    assert table["rank"].to_dict() == {"a": 1, "b": 2, "c": 3}
    # Range 10..76.8: b sits at 78 % of it, so it is high with a.
    assert table["tier"].to_dict() == {"a": "high", "b": "high", "c": "low"}


# ----------------------------------------------------------------------------- properties

finite = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def indicator_tables(draw) -> pd.DataFrame:
    n = draw(st.integers(min_value=2, max_value=16))
    data = {k: draw(st.lists(finite, min_size=n, max_size=n)) for k in SCORED}
    return pd.DataFrame(data, index=[f"u{i}" for i in range(n)], dtype=float)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=indicator_tables(),
    column=st.sampled_from(SCORED),
    factor=st.sampled_from([1e-3, 0.01, 7.5, 100.0, 1000.0]),
    method=st.sampled_from(["minmax", "zscore"]),
)
def test_rescaling_an_indicators_unit_does_not_change_the_index(table, column, factor, method):
    before = potential_index(table, method=method)
    after = potential_index(table.assign(**{column: table[column] * factor}), method=method)
    assert after.score.to_numpy() == pytest.approx(before.score.to_numpy(), abs=1e-6)


@st.composite
def firm_tables(draw) -> tuple[pd.DataFrame, pd.DataFrame]:
    n_units = draw(st.integers(min_value=2, max_value=8))
    units = [f"m{i}" for i in range(n_units)]
    n_firms = draw(st.integers(min_value=1, max_value=60))
    firms = pd.DataFrame(
        {
            "municipality": draw(st.lists(st.sampled_from(units), min_size=n_firms, max_size=n_firms)),
            "sector": draw(st.lists(st.sampled_from(SECTORS), min_size=n_firms, max_size=n_firms)),
            "employees": draw(st.lists(st.integers(0, 300), min_size=n_firms, max_size=n_firms)),
            "founding_year": draw(st.lists(st.integers(1990, 2025), min_size=n_firms, max_size=n_firms)),
        }
    )
    reference = pd.DataFrame(
        {
            "population": draw(st.lists(st.integers(100, 300_000), min_size=n_units, max_size=n_units)),
            "area_km2": 50.0,
            "district_code": "D",
        },
        index=pd.Index(units, name="code"),
    )
    return firms, reference


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables=firm_tables(),
    pick=st.integers(0, 10_000),
    extra=st.integers(1, 500),
    method=st.sampled_from(["minmax", "zscore"]),
)
def test_more_creative_employment_never_lowers_the_employment_dimension(tables, pick, extra, method):
    firms, reference = tables
    row = pick % len(firms)
    unit = firms.at[row, "municipality"]
    more = firms.copy()
    more.loc[row, "employees"] += extra

    def employment(frame: pd.DataFrame) -> float:
        enterprises = Enterprises.from_frame(frame, reference.index, SECTORS)
        result = potential_index(compute_indicators(enterprises, reference).municipalities, method=method)
        return float(result.dimensions.at[unit, "employment"])

    assert employment(more) >= employment(firms) - 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=firm_tables(), extra=st.integers(1, 50))
def test_more_creative_enterprises_never_lower_the_size_dimension(tables, extra):
    firms, reference = tables
    unit = reference.index[0]
    added = pd.DataFrame(
        {"municipality": unit, "sector": "it", "employees": 1, "founding_year": 2020}, index=range(extra)
    )

    def size(frame: pd.DataFrame) -> float:
        enterprises = Enterprises.from_frame(frame, reference.index, SECTORS)
        result = potential_index(compute_indicators(enterprises, reference).municipalities)
        return float(result.dimensions.at[unit, "size"])

    assert size(pd.concat([firms, added], ignore_index=True)) >= size(firms) - 1e-9


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from([*DIMENSION_KEYS, "unknown"]),
        st.one_of(st.floats(allow_nan=True, allow_infinity=False, width=32), st.none(), st.text(max_size=3)),
    )
)
def test_weights_always_sum_to_one_and_are_never_negative(raw):
    weights = normalise_weights(raw)
    assert list(weights.index) == list(DIMENSION_KEYS)
    assert weights.sum() == pytest.approx(1.0)
    assert (weights >= 0).all()


def test_weights_from_sliders_are_rescaled_and_all_zero_means_equal():
    assert normalise_weights({k: 50 for k in DIMENSION_KEYS}).tolist() == pytest.approx([0.2] * 5)
    assert normalise_weights({k: 0 for k in DIMENSION_KEYS}).tolist() == pytest.approx([0.2] * 5)
    assert normalise_weights(None).to_dict() == pytest.approx(default_weights())
    assert sum(default_weights().values()) == pytest.approx(1.0)


def test_moving_one_weight_moves_the_index_towards_that_dimension(small):
    only_size = potential_index(small.municipalities, {"size": 1})
    assert only_size.score.to_dict() == pytest.approx(only_size.dimensions["size"].to_dict())


# ----------------------------------------------------------------------------- robustness


def test_dirichlet_draws_sum_to_one_centre_on_the_weights_and_respect_zeros():
    centre = np.array([0.5, 0.3, 0.2, 0.0, 0.0])
    draws = dirichlet_weights(centre, 5)
    assert draws.shape == (1000, 5)
    assert draws.sum(axis=1) == pytest.approx(np.ones(1000))
    assert (draws[:, 3:] == 0).all()
    assert draws.mean(axis=0) == pytest.approx(centre, abs=0.02)
    assert (dirichlet_weights(None, 4) >= 0).all()
    assert np.array_equal(dirichlet_weights(centre, 5), draws)  # fixed seed: reproducible


def test_a_unit_best_on_every_dimension_has_a_solid_first_place():
    dimensions = pd.DataFrame(
        {k: [90.0, 50.0, 55.0, 10.0] for k in DIMENSION_KEYS}, index=["top", "mid1", "mid2", "last"]
    )
    # mid1 leads on size, mid2 on the rest: which one is second depends on the weights.
    dimensions.loc["mid1", "size"] = 100.0
    ranges = rank_ranges(dimensions, None).table()  # any weighting at all
    assert ranges.loc["top"].tolist() == [1, 1, 1]
    assert ranges.loc["last"].tolist() == [4, 4, 4]
    assert ranges.loc["mid1"].tolist()[:2] == [2, 3] and ranges.loc["mid2"].tolist()[:2] == [2, 3]


def test_every_municipality_has_a_rank_range_around_its_rank(project_runtime):
    enterprises = Enterprises.from_columns(project_runtime.columns)
    analysis = analyse(enterprises, project_runtime.data.municipalities)
    ranges = analysis.robustness
    assert (ranges.best <= ranges.worst).all()
    assert ranges.best.min() == 1 and ranges.worst.max() <= len(ranges.best)
    assert set(analysis.index.tier) <= set(TIERS)


# ----------------------------------------------------------------------------- registry


def test_registry_entries_are_complete_and_every_dimension_is_scored():
    for indicator in (*INDICATORS, BY_KEY["location_quotient"]):
        assert indicator.formula and indicator.sources and indicator.direction in (-1, 1)
        assert indicator.dimension in (None, *DIMENSION_KEYS)
    for dimension in DIMENSIONS:
        assert dimension.indicators, dimension.key


def test_every_registry_text_exists_in_every_language():
    missing = message_keys() - set(MESSAGES)
    assert missing == set()
    for key in message_keys():
        for language in LANGUAGES:
            assert translate(key, language).strip(), (key, language)


def test_tiers_of_equal_scores_are_all_medium():
    assert set(assign_tiers(pd.Series([5.0, 5.0, 5.0]))) == {"medium"}

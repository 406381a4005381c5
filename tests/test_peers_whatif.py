"""Peer groups and ranks, and what-if scenarios: the rule on the region's real reference data,
sentences in three languages, scenarios that move exactly the indicators they should and
never write anything, and a URL value that no junk can break."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.valorization import Enterprises, analyse
from dashboard.valorization.compute import NO_YEAR, Parameters
from dashboard.valorization.peers import (
    Labels,
    PeerRule,
    ordinal,
    peer_groups,
    peer_ranks,
    peer_sentence,
    peer_values,
)
from dashboard.valorization.whatif import (
    Change,
    Scenario,
    apply_scenario,
    parse_scenario,
    what_if,
)

SMALL = ("babusnica", "bela-palanka", "blace", "dimitrovgrad", "gadzin-han", "merosina", "razanj", "svrljig")


@pytest.fixture(scope="module")
def reference(project_data):
    return project_data.municipalities


@pytest.fixture(scope="module")
def labels(project_data):
    return Labels.from_region(project_data)


def test_peers_are_units_of_the_same_status_and_population_band(reference):
    groups = peer_groups(reference, PeerRule())
    assert groups["dimitrovgrad"].members == SMALL and groups["dimitrovgrad"].band == (None, 12_000)
    assert groups["aleksinac"].members == ("aleksinac", "doljevac", "kursumlija", "zitoradja")
    # Two cities of 12,000-50,000 are too few: Pirot's group widens to every city.
    assert groups["pirot"].members == ("nis", "pirot", "prokuplje") and groups["pirot"].widened == "status"
    assert groups["nis"].members == ("nis", "pirot", "prokuplje")
    # Without the status, the band alone decides; a minimum of 1 keeps even a lone unit alone.
    loose = peer_groups(reference, PeerRule(same_status=False, min_group=1))
    assert loose["pirot"].members == (
        "aleksinac",
        "doljevac",
        "kursumlija",
        "pirot",
        "prokuplje",
        "zitoradja",
    )
    assert loose["nis"].members == ("nis",)
    wide = peer_groups(reference, PeerRule(min_group=9))
    assert wide["dimitrovgrad"].widened == "status" and len(wide["dimitrovgrad"].members) == 12
    assert wide["nis"].widened == "all" and len(wide["nis"].members) == 15


def test_the_peer_rule_is_read_from_data_and_bad_values_fall_back():
    rule, wrong = PeerRule.from_mapping({"population_bands": [10000, 30000], "min_group": 2})
    assert rule == PeerRule(population_bands=(10_000.0, 30_000.0), min_group=2) and not wrong
    rule, wrong = PeerRule.from_mapping({"population_bands": [5, 3], "min_group": 0, "same_status": "yes"})
    assert rule == PeerRule() and [name for name, _ in wrong] == [
        "same_status",
        "population_bands",
        "min_group",
    ]


def test_ranks_follow_the_registry_direction_and_skip_missing_values(reference):
    groups = peer_groups(reference)
    values = pd.DataFrame(
        {
            "enterprises_per_1000": [3.0, 5.0, 1.0, 5.0, np.nan, 2.0, 0.5, 0.1],
            "micro_share": [0.9, 0.5, 0.7, 0.8, 0.6, 0.95, 0.99, 0.4],  # lower is better
        },
        index=list(SMALL),
    ).reindex(reference.index)
    ranks = peer_ranks(values, groups)
    expected = [3, 1, 5, 1, np.nan, 4, 6, 7]
    np.testing.assert_array_equal(ranks.loc[list(SMALL), "enterprises_per_1000"].to_numpy(), expected)
    assert ranks.loc["dimitrovgrad", "enterprises_per_1000"] == 1  # tied with Bela Palanka: both first
    assert np.isnan(ranks.loc["gadzin-han", "enterprises_per_1000"])
    assert ranks.loc["svrljig", "micro_share"] == 1 and ranks.loc["razanj", "micro_share"] == 8


def test_the_sentence_names_the_group_rank_and_value_in_each_language(project_data, reference, labels):
    data = project_data
    enterprises = Enterprises.from_frame(data.enterprises, list(reference.index), data.taxonomy.sector_codes)
    indicators = analyse(enterprises, reference).indicators.municipalities
    values = peer_values(indicators, enterprises, reference)
    key = "sector:crafts-design"
    values.loc[list(SMALL), key] = [0.1, 0.2, 0.3, 0.9, 0.4, 0.5, 0.6, 1.0]  # Dimitrovgrad 2nd, after Svrljig
    ranks = peer_ranks(values, peer_groups(reference))
    groups = peer_groups(reference)
    english = peer_sentence("dimitrovgrad", key, values, ranks, groups, labels, "en")
    assert english == (
        "Among the 8 municipalities under 12,000 inhabitants, Dimitrovgrad ranks 2nd in "
        "“Crafts and design: enterprises per 1,000 inhabitants” (0.90)."
    )
    latin = peer_sentence("dimitrovgrad", key, values, ranks, groups, labels, "sr-Latn")
    assert "opštine sa manje od 12.000 stanovnika, ukupno 8" in latin and "na 2. mestu" in latin
    assert "Zanati i dizajn" in latin and "(0,90)" in latin
    cyrillic = peer_sentence("dimitrovgrad", key, values, ranks, groups, labels, "sr-Cyrl")
    assert "Димитровград" in cyrillic and "Занати и дизајн" in cyrillic and "12.000" in cyrillic
    share = peer_sentence("pirot", "growth", values, ranks, groups, labels, "en")
    assert share.startswith("Among the 3 cities, Pirot ranks") and "%" in share


def test_ordinals():
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip
    assert ordinal(2, "sr-Latn") == "2."


# ----------------------------------------------------------------------------- what-if

UNITS = ["a", "b", "c"]
SECTORS = ["crafts-design", "it-software", "arts"]
REFERENCE = pd.DataFrame(
    {
        "population": [10_000, 20_000, 5_000],
        "area_km2": [100.0, 200.0, 50.0],
        "district_code": ["D1", "D1", "D2"],
    },
    index=pd.Index(UNITS, name="code"),
)


def small_enterprises() -> Enterprises:
    """a: 4 firms (2 crafts, 2 IT), b: 3 (IT, arts, arts), c: 2 crafts; years known for some."""
    return Enterprises(
        municipality=np.array([0, 0, 0, 0, 1, 1, 1, 2, 2]),
        sector=np.array([0, 0, 1, 1, 1, 2, 2, 0, 0]),
        employees=np.array([1.0, 2, 30, 4, 5, 6, 7, 8, 60]),
        founding_year=np.array([2010, 2020, NO_YEAR, 2022, 2001, 2019, NO_YEAR, 2015, 2024]),
        municipalities=UNITS,
        sectors=SECTORS,
    )


def test_adding_firms_moves_exactly_the_expected_indicators():
    enterprises = small_enterprises()
    before = [a.copy() for a in (enterprises.municipality, enterprises.sector, enterprises.employees)]
    scenario = Scenario((Change("a", "crafts-design", 4, 10),))
    result = what_if(enterprises, REFERENCE, scenario)
    now = result.current.indicators.municipalities
    then = result.changed.indicators.municipalities
    assert result.added_firms == 4
    assert then.at["a", "enterprises"] == now.at["a", "enterprises"] + 4 == 8
    assert then.at["a", "employees"] == now.at["a", "employees"] + 10
    assert then.at["a", "enterprises_per_1000"] == pytest.approx(8 / 10)
    assert then.at["a", "micro_share"] == pytest.approx(7 / 8)  # 10 over 4 firms: 3, 3, 2, 2
    assert then.at["a", "growth"] == now.at["a", "growth"]  # no founding year: growth unmoved
    for unit in ("b", "c"):  # other units keep their own counts; only their share of the region moves
        for key in ("enterprises", "employees", "enterprises_per_1000", "diversity", "growth", "micro_share"):
            assert then.at[unit, key] == pytest.approx(now.at[unit, key], nan_ok=True)
        assert then.at[unit, "region_share"] < now.at[unit, "region_share"]
    assert result.changed.indicators.reference_year == result.current.indicators.reference_year == 2024
    # the input arrays are untouched
    after = (enterprises.municipality, enterprises.sector, enterprises.employees)
    assert all((x == y).all() for x, y in zip(before, after, strict=True)) and len(enterprises) == 9


def test_a_founding_year_counts_in_growth_and_the_window_stays_put():
    enterprises = small_enterprises()
    result = what_if(enterprises, REFERENCE, Scenario((Change("b", "arts", 2, 0, 2030),)))
    now = result.current.indicators.municipalities
    then = result.changed.indicators.municipalities
    # b: dated 2001, 2019 (reference 2024, window 5: after 2019 counts) -> 0 of 2 new; with two new in 2030
    # (beyond the reference year, still after 2019) -> 2 of 4.
    assert now.at["b", "growth"] == 0 and then.at["b", "growth"] == pytest.approx(0.5)
    assert result.changed.indicators.reference_year == 2024


def test_scenario_firms_follow_the_sector_and_size_choice():
    enterprises = small_enterprises()
    scenario = Scenario((Change("a", "crafts-design", 2, 200), Change("a", "arts", 3, 3)))
    crafts_micro = (enterprises.sector == 0) & (enterprises.employees <= 9)
    micro = enterprises.employees <= 9
    result = what_if(
        enterprises,
        REFERENCE,
        scenario,
        mask=crafts_micro,
        base_mask=micro,
        sectors=("crafts-design",),
        sizes=("micro",),
    )
    # The two crafts firms have 100 employees each (not micro), the arts firms are not crafts.
    now = result.current.indicators.municipalities
    then = result.changed.indicators.municipalities
    assert then.at["a", "enterprises"] == now.at["a", "enterprises"] == 2
    assert (
        result.changed.indicators.lq.at["a", "crafts-design"]
        != result.current.indicators.lq.at["a", "crafts-design"]
    )


def test_the_comparison_lists_index_tier_and_rank_range_side_by_side(project_runtime):
    data = project_runtime.data
    enterprises = Enterprises.from_columns(project_runtime.columns)
    scenario = parse_scenario(
        "prokuplje:it-software:400:1200:2025", data.municipalities.index, data.taxonomy.sector_codes
    )
    result = what_if(enterprises, data.municipalities, scenario, district_order=list(data.districts.index))
    table = result.comparison()
    assert set(table.columns) >= {
        "score",
        "score_scenario",
        "tier",
        "tier_scenario",
        "best_scenario",
        "worst_scenario",
    }
    assert table.at["prokuplje", "score_scenario"] > table.at["prokuplje", "score"]
    assert table.at["prokuplje", "rank_scenario"] < table.at["prokuplje", "rank"]
    changes = result.indicator_changes("prokuplje")
    assert changes.at["enterprises", "difference"] == 400 and changes.at["employees", "difference"] == 1200


def test_a_scenario_never_touches_the_store(tmp_path, project_data):
    """Read enterprises from a real GeoPackage store, run a scenario on them: the file is
    byte for byte the same and the stored table unchanged."""
    from dashboard.importing.pipeline import run_import
    from dashboard.importing.readers import Source
    from dashboard.store.geopackage import GeoPackageStore

    store = GeoPackageStore(tmp_path / "store.gpkg")
    rows = "registration_number,name,nace,municipality,employees,founding_year\n" + "".join(
        f"9200{i:04d},Firma {i},32.12,Pirot,{i % 7},{2000 + i % 20}\n" for i in range(40)
    )
    result = run_import([Source("firms.csv", rows.encode())], store, project_data.validation_context())
    assert result.committed
    digest = hashlib.sha256(store.path.read_bytes()).hexdigest()
    stored = store.read()
    reference = project_data.municipalities
    enterprises = Enterprises.from_frame(stored, list(reference.index), project_data.taxonomy.sector_codes)
    what_if(enterprises, reference, Scenario((Change("pirot", "crafts-design", 50, 100, 2025),)))
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == digest
    assert len(store.read()) == 40 and len(stored) == 40


def test_scenarios_read_from_the_url_skip_what_they_cannot_use():
    known_units, known_sectors = ["pirot", "nis"], ["crafts-design", "it-software"]
    text = (
        "pirot:crafts-design:20:60,nis:it-software:15,::,pirot:crafts-design:0:3,"
        "atlantis:crafts-design:3,nis:arts:2,pirot:crafts-design:-2,nis:it-software:1:2:1066,"
        "pirot%3Acrafts-design%3A5%3A5%3A2024"
    )
    scenario = parse_scenario(text, known_units, known_sectors)
    assert scenario.changes == (
        Change("pirot", "crafts-design", 20, 60),
        Change("nis", "it-software", 15, 0),
        Change("pirot", "crafts-design", 5, 5, 2024),
    )
    assert (
        scenario.to_query() == "pirot:crafts-design:20:60,nis:it-software:15:0,pirot:crafts-design:5:5:2024"
    )
    assert parse_scenario(None) == parse_scenario(["x"]) == parse_scenario("") == Scenario()


codes = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
changes = st.builds(
    Change,
    municipality=codes,
    sector=codes,
    firms=st.integers(1, 10_000),
    employees=st.integers(0, 1_000_000),
    founding_year=st.none() | st.integers(1800, 2200),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(changes, max_size=20))
def test_a_scenario_survives_the_round_trip_through_the_url(items):
    scenario = Scenario(tuple(items))
    assert parse_scenario(scenario.to_query()) == scenario


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300) | st.binary(max_size=100).map(lambda b: b.decode("latin-1")))
def test_any_junk_in_the_url_gives_a_valid_scenario_and_no_exception(text):
    scenario = parse_scenario(text, ["pirot"], ["crafts-design"])
    assert len(scenario.changes) <= 20
    assert all(
        c.valid() and c.municipality == "pirot" and c.sector == "crafts-design" for c in scenario.changes
    )
    enterprises, flag = apply_scenario(small_enterprises(), parse_scenario(text))
    assert flag.sum() == len(enterprises) - 9


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["pirot", "crafts-design", "12", ":", ",", "%3A", "-", "9" * 12, " "]), max_size=30
    )
)
def test_near_miss_scenarios_are_parsed_or_skipped(parts):
    scenario = parse_scenario("".join(parts), ["pirot"], ["crafts-design"])
    assert all(1 <= c.firms <= 10_000 for c in scenario.changes)


def test_the_reference_parameters_of_the_current_analysis_are_kept():
    enterprises = small_enterprises()
    result = what_if(enterprises, REFERENCE, Scenario(), parameters=Parameters(growth_years=10))
    pd.testing.assert_frame_equal(
        result.current.indicators.municipalities, result.changed.indicators.municipalities
    )
    assert result.added_firms == 0

"""The fast columnar counts agree with the readable pandas definitions; URL state round-trips."""

from __future__ import annotations

from urllib.parse import parse_qsl

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.analysis.geometry import hexagon_grid, hexagon_of
from dashboard.analysis.indicators import Filters, aggregate, filter_mask, location_quotient
from dashboard.valorization.state import PotentialState
from dashboard.web.state import ExploreState, PotentialPageState

SECTORS = [
    "advertising",
    "architecture",
    "crafts-design",
    "film-media",
    "it-software",
    "publishing",
    "heritage",
    "arts",
]
SIZES = ["micro", "small", "medium", "large"]


@pytest.fixture(scope="module")
def coded(project_runtime):
    return project_runtime.columns, project_runtime.data.enterprises, project_runtime.potential["tier"]


@settings(max_examples=60, deadline=None)
@given(
    sectors=st.lists(st.sampled_from(SECTORS), max_size=3, unique=True),
    sizes=st.lists(st.sampled_from(SIZES), max_size=2, unique=True),
    districts=st.lists(st.sampled_from(["RS-20", "RS-21", "RS-22"]), max_size=2, unique=True),
    tiers=st.lists(st.sampled_from(["high", "medium", "low"]), max_size=2, unique=True),
    years=st.one_of(
        st.just(()), st.tuples(st.integers(1995, 2025), st.integers(1995, 2025)).map(sorted).map(tuple)
    ),
    definition=st.sampled_from(["", "narrow", "cultural", "extended", "no-such-definition"]),
    employees=st.tuples(st.one_of(st.none(), st.integers(0, 30)), st.one_of(st.none(), st.integers(0, 130))),
    search=st.sampled_from(
        ["", "niš", "НИШ", "nis", "atelje", "DEMO-00001", "0 ", "babusnica", "Бабушница", "zzz", "ž"]
    ),
)
def test_columnar_mask_and_counts_match_pandas(
    coded, project_data, sectors, sizes, districts, tiers, years, definition, employees, search
):
    columns, enterprises, tier_of = coded
    filters = Filters(
        districts=tuple(districts),
        sectors=tuple(sectors),
        size_classes=tuple(sizes),
        tiers=tuple(tiers),
        years=years,
        definition=definition,
        min_employees=employees[0],
        max_employees=employees[1],
        search=search,
    )
    fast = columns.mask(filters, tier_of)
    slow = filter_mask(enterprises, filters, tier_of, project_data.taxonomy)
    assert np.array_equal(fast, slow)
    reference = aggregate(enterprises[slow], project_data.municipalities, "municipality")
    assert columns.count("municipality", fast).tolist() == reference["enterprises"].tolist()
    assert columns.count("municipality", fast, employees=True).tolist() == reference["employees"].tolist()


def test_unknown_filter_values_select_nothing_rather_than_everything(coded):
    columns, _, tier_of = coded
    assert columns.mask(Filters(sectors=("no-such-sector",)), tier_of).sum() == 0


def test_location_quotient_by_hand():
    sector = pd.Series({"a": 6, "b": 2, "c": 0})
    everything = pd.Series({"a": 10, "b": 10, "c": 0})
    # Region share 8/20 = 0.4; a: 0.6/0.4 = 1.5; b: 0.2/0.4 = 0.5; c has no firms.
    assert location_quotient(sector, everything).to_dict() == pytest.approx({"a": 1.5, "b": 0.5, "c": 0.0})


def test_hexagons_tile_the_region_and_hold_every_enterprise(project_data):
    region = project_data.boundaries.districts.union_all()
    grid = hexagon_grid(region)
    covered = grid.to_crs(3035).union_all().area
    assert covered == pytest.approx(project_data.boundaries.districts.to_crs(3035).union_all().area, rel=1e-3)
    cells = hexagon_of(project_data.enterprises["lon"], project_data.enterprises["lat"])
    assert cells.isin(grid.index).all()
    assert 150 < len(grid) < 400  # resolution 6: a few hundred cells, light enough to send once


def test_state_round_trips_through_the_query_string():
    state = ExploreState(
        filters=Filters(
            districts=("RS-22",),
            municipalities=("pirot",),
            sectors=("crafts-design", "arts"),
            size_classes=("micro",),
            tiers=("high",),
            years=(2010, 2020),
        ),
        level="hexagon",
        metric="location_quotient",
        lq_sector="crafts-design",
        view=(43.15, 22.59, 9.5),
    )
    query = state.to_query()
    assert query.startswith("?district=RS-22&municipality=pirot&sector=crafts-design,arts")
    params = dict(part.split("=", 1) for part in query[1:].split("&"))
    assert ExploreState.from_query(params) == state


def test_defaults_write_nothing_and_junk_reads_as_defaults():
    assert ExploreState().to_query() == ""
    junk = ExploreState.from_query({"level": "galaxy", "metric": "vibes", "years": "soon", "at": "1,2"})
    assert junk == ExploreState()
    assert ExploreState.from_query({"years": "2020-2010"}).filters.years == (2010, 2020)


def test_potential_page_state_round_trips_and_shrugs_off_junk():
    state = PotentialPageState(
        analysis=PotentialState(
            weights={
                "size": 0.5,
                "employment": 0.0,
                "specialisation": 0.2,
                "diversity": 0.1,
                "dynamism": 0.2,
            },
            method="zscore",
            growth_years=3,
            national=2.5,
            sectors=("arts", "heritage"),
            sizes=("micro",),
        ),
        metric="dim:size",
        municipality="pirot",
    )
    query = state.to_query()
    assert query.startswith(
        "?w=size:50,employment:0,specialisation:20,diversity:10,dynamism:20&method=zscore"
    )
    assert PotentialPageState.from_query(dict(parse_qsl(query[1:]))) == state
    assert PotentialPageState().to_query() == ""
    junk = {
        "w": "size:lots,moon:40",
        "method": "astrology",
        "growth": "-4",
        "national": "-1",
        "metric": "vibes",
    }
    read = PotentialPageState.from_query(junk)
    assert read.analysis.weights == PotentialState().weights and read.analysis.method == "minmax"
    assert read.analysis.growth_years == 1 and read.analysis.national is None and read.metric == "index"
    # Weights out of the sliders' range are held to it; all-zero weights mean the defaults.
    assert PotentialPageState.from_query({"w": "size:400"}).slider_weights()["size"] == 100
    assert PotentialPageState.from_query(
        {"w": "size:0,employment:0,specialisation:0,diversity:0,dynamism:0"}
    ) == (PotentialPageState())


def test_approximate_locations_can_be_left_off_the_map_but_still_count(tmp_path):
    from conftest import write_tiny_region

    from dashboard.analysis.views import explore_view
    from dashboard.config import Settings
    from dashboard.web.runtime import Runtime

    rows = (
        "registration_number,name,nace,municipality,settlement,lon,lat,employees,founding_year\n"
        "A-1,Exact,62.01,alpha,,10.02,50.02,3,2020\n"
        "A-2,Seat only,62.01,alpha,,,,1,2020\n"
        "A-3,Also exact,62.01,beta,,10.17,50.04,1,2020\n"
    )
    runtime = Runtime.load(Settings(region_dir=write_tiny_region(tmp_path / "r", enterprises_csv=rows)))
    assert list(runtime.data.enterprises["location_precision"]) == ["exact", "municipality", "exact"]
    every = explore_view(runtime, Filters(), "municipality", "enterprises", "en")
    exact = explore_view(runtime, Filters(), "municipality", "enterprises", "en", approximate=False)
    assert len(every.map.points) == 3 and len(exact.map.points) == 2
    assert exact.totals["enterprises"] == 3  # still counted in the figures
    assert ExploreState(approximate=False).to_query() == "?approx=0"
    assert ExploreState.from_query({"approx": "0"}).approximate is False

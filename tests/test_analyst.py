"""The analyst's tools without a browser: the search every view follows, employees as a
number, the whole table served block by block, and the state of all three in the address."""

from __future__ import annotations

from urllib.parse import parse_qsl

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.columns import SEARCH_WIDTH, EnterpriseColumns
from dashboard.analysis.indicators import Filters, filter_mask, fold_text
from dashboard.analysis.views import sector_names, unit_names
from dashboard.components.table import (
    BLOCK_SIZE,
    column_filter_mask,
    grid_block,
    grid_order,
    table_count,
    table_frame,
)
from dashboard.web.state import ExploreState


@pytest.fixture(scope="module")
def frame(project_data):
    return table_frame(
        project_data.enterprises,
        sector_names(project_data.taxonomy, "en"),
        unit_names(project_data.municipalities, "en"),
    )


def _query(text: str) -> dict[str, str]:
    return dict(parse_qsl(text.lstrip("?")))


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Niš", "nis"),
        ("НИШ", "nis"),
        ("Ђорђевић", "djordjevic"),
        ("Đorđević", "djordjevic"),
        ("Љубовија", "ljubovija"),
        ("Џеп", "dzep"),
        ("Čačak ŽIŠ", "cacak zis"),
        ("Café", "cafe"),
    ],
)
def test_a_search_reads_both_scripts_and_letters_without_diacritics(typed, folded):
    assert fold_text(typed) == folded


def test_search_finds_what_a_reader_would_in_name_number_or_place(project_runtime):
    """Held to a plain reading: a row matches when the folded search is inside its folded
    name, registration number or settlement (and never across two of them)."""
    enterprises = project_runtime.data.enterprises
    tiers = project_runtime.potential["tier"]
    for typed in ("Бабушница", "babusnica", "atelje vez", "DEMO-00012", "nis", "1 Niš"):
        needle = fold_text(typed)
        expected = np.array(
            [
                any(needle in fold_text(str(v)) for v in (r.name, r.registration_number, r.settlement))
                for r in enterprises.itertuples()
            ]
        )
        fast = project_runtime.columns.mask(Filters(search=typed), tiers)
        assert expected.any() or typed == "1 Niš"
        assert np.array_equal(fast & project_runtime.columns.in_definition(""), fast)
        assert np.array_equal(fast, expected & project_runtime.columns.in_definition(""))
    # "0001" ends a name and "Niš" is a settlement: the separator keeps them apart.
    assert not project_runtime.columns.matching("0001niš").any()


def test_a_name_longer_than_the_search_index_is_still_found_whole(project_data):
    enterprises = project_data.enterprises.head(5).copy()
    enterprises["name"] = ["★" * 100 + " Duborez", "Kratko", "Ћилим", "x" * 119 + "Y", ""]
    columns = EnterpriseColumns.build(
        enterprises,
        districts=["RS-20", "RS-21", "RS-22"],
        municipalities=list(project_data.municipalities.index),
        sectors=list(project_data.taxonomy.sector_codes),
        size_classes=["micro", "small", "medium", "large"],
        hexagons=[""],
    )
    assert columns.search_text.itemsize <= SEARCH_WIDTH
    assert list(columns.search_overflow) == [0]  # 300 bytes of stars: kept whole aside
    assert columns.matching("duborez").tolist() == [True, False, False, False, False]
    assert columns.matching("ćilim").tolist() == [False, False, True, False, False]
    assert columns.matching("xy").tolist() == [False, False, False, True, False]
    tiers = pd.Series(dtype=object)
    for typed in ("duborez", "★ d", "cilim", "xxxy", "kratko"):
        slow = filter_mask(enterprises, Filters(search=typed), tiers)
        assert np.array_equal(columns.mask(Filters(search=typed), tiers), slow)


def test_employees_as_a_number_work_with_the_size_classes(project_runtime):
    enterprises = project_runtime.data.enterprises
    tiers = project_runtime.potential["tier"]
    filters = Filters(size_classes=("micro", "small"), min_employees=8, max_employees=20)
    chosen = enterprises[project_runtime.columns.mask(filters, tiers)]
    expected = enterprises[
        enterprises["size_class"].isin(["micro", "small"]) & enterprises["employees"].between(8, 20)
    ]
    assert len(chosen) == len(expected) > 0
    assert set(chosen["size_class"]) == {"micro", "small"}  # 8-9 are micro, 10-20 small
    at_least = project_runtime.columns.mask(Filters(min_employees=50), tiers)
    assert at_least.sum() == (enterprises["employees"] >= 50).sum() > 0


@pytest.mark.parametrize(
    ("address", "low", "high", "written"),
    [
        ("emp=10-", 10, None, "emp=10-"),
        ("emp=-5", None, 5, "emp=-5"),
        ("emp=20-3", 3, 20, "emp=3-20"),
        ("emp=lots", None, None, ""),
        ("emp=-1--5", None, None, ""),
        ("emp=1e99-", 10**9, None, "emp=1000000000-"),
        ("emp=nan-inf", None, None, ""),
    ],
)
def test_employees_in_the_address(address, low, high, written):
    state = ExploreState.from_query(_query(address))
    assert (state.filters.min_employees, state.filters.max_employees) == (low, high)
    assert state.to_query() == (f"?{written}" if written else "")


def test_search_and_employees_round_trip_through_the_address():
    state = ExploreState(filters=Filters(sectors=("arts",), search="Čačak & Ниш", min_employees=10))
    query = state.to_query()
    assert "emp=10-" in query and "q=" in query
    assert ExploreState.from_query(_query(query)) == state
    hostile = ExploreState.from_query({"q": "\x00<b>" + "a" * 500})
    assert hostile.filters.search == "<b>" + "a" * 97  # printable, bounded


def test_filters_from_the_panel_take_numbers_as_typed():
    filters = Filters.from_values(min_employees="12", max_employees=3.0, search="  Pirot\n", sectors=None)
    assert (filters.min_employees, filters.max_employees, filters.search) == (3, 12, "Pirot")
    assert Filters.from_values(min_employees=-4, max_employees=True).min_employees is None
    assert Filters(sectors=("arts",), search="x", min_employees=2).without("search", "min_employees") == (
        Filters(sectors=("arts",))
    )


def test_every_matching_row_is_reachable_block_by_block_in_order(frame, project_data):
    rows = np.flatnonzero(project_data.enterprises["sector"].isin(["arts", "crafts-design"]).to_numpy())
    order = grid_order(frame, rows)
    assert sorted(order.tolist()) == rows.tolist()  # every row, once
    employees = frame["employees"].to_numpy()[order]
    assert (np.diff(employees) <= 0).all()  # largest employers first by default
    seen = []
    for start in range(0, len(order), BLOCK_SIZE):
        seen += grid_block(frame, order, start, start + BLOCK_SIZE)
    assert len(seen) == len(rows)
    last = grid_block(frame, order, len(order) - 1, len(order) + BLOCK_SIZE)
    assert len(last) == 1 and last[0]["name"] == frame.iloc[order[-1]]["name"]
    assert grid_block(frame, order, "junk", None)[0] == seen[0]


def test_the_grid_sorts_and_filters_on_the_server(frame, project_data):
    rows = np.arange(len(frame))
    by_name = grid_order(frame, rows, [{"colId": "name", "sort": "asc"}])
    names = frame["name"].to_numpy()[by_name]
    assert list(names) == sorted(names, key=str.lower)
    newest = grid_order(frame, rows, [{"colId": "founding_year", "sort": "desc"}])
    years = frame["founding_year"].iloc[newest]
    assert years.iloc[0] == years.max() and years.isna().sum() == frame["founding_year"].isna().sum()
    assert years.dropna().is_monotonic_decreasing
    pirot = {"municipality": {"filterType": "text", "type": "equals", "filter": "pirot"}}
    big = {"employees": {"filterType": "number", "type": "greaterThanOrEqual", "filter": 10}}
    both = grid_order(frame, rows, None, pirot | big)
    enterprises = project_data.enterprises
    expected = enterprises[(enterprises["municipality"] == "pirot") & (enterprises["employees"] >= 10)]
    assert sorted(both.tolist()) == sorted(np.flatnonzero(enterprises.index.isin(expected.index)).tolist())
    either = {
        "sector": {
            "filterType": "text",
            "operator": "OR",
            "conditions": [
                {"filterType": "text", "type": "startsWith", "filter": "music"},
                {"filterType": "text", "type": "contains", "filter": "software"},
            ],
        }
    }
    shown = set(frame["sector"].iloc[grid_order(frame, rows, None, either)])
    assert shown and all(s.lower().startswith("music") or "software" in s.lower() for s in shown)
    # Junk from the browser: unknown columns, types and sorts change nothing.
    junk = {"nope": {"type": "contains"}, "name": {"type": "regex", "filter": ".*"}}
    assert column_filter_mask(frame, junk).all()
    unknown = grid_order(frame, rows, [{"colId": "x", "sort": "up"}])
    assert unknown.tolist() == grid_order(frame, rows).tolist()


@pytest.mark.parametrize(
    ("count", "language", "text"),
    [
        (1, "en", "1 enterprise"),
        (100000, "en", "100,000 enterprises"),
        (1, "sr-Latn", "1 preduzeće"),
        (21, "sr-Latn", "21 preduzeće"),
        (11, "sr-Latn", "11 preduzeća"),
        (3, "sr-Cyrl", "3 предузећа"),
    ],
)
def test_the_count_says_how_many_enterprises(count, language, text):
    assert table_count(count, language) == text

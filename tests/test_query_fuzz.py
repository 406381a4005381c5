"""Any query string draws a page: every page's layout, reached through ``dash.page_registry`` as
Dash's router reaches it, fuzzed with arbitrary keys and values (repeated keys, unicode, huge
values, NaN, infinities, negative numbers) must return a non-empty layout, without falling back
on the guard's last resort (which logs an error)."""

from __future__ import annotations

import json
import logging

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plotly.utils import PlotlyJSONEncoder

from dashboard.web.query import MAX_VALUE_CHARS, normalise_query

PATHS = ("/", "/potential", "/profile", "/compare", "/present", "/import", "/methodology")

# The keys the pages read, so the fuzzing reaches their parsing, and some they do not.
KNOWN_KEYS = (
    "lang",
    "municipality",
    "district",
    "sector",
    "size",
    "tier",
    "years",
    "level",
    "metric",
    "lq",
    "at",
    "approx",
    "w",
    "method",
    "growth",
    "national",
    "story",
    "step",
    "print",
    "definition",
)
NUMBERS = st.sampled_from(
    ["nan", "NaN", "inf", "-inf", "-1", "0", "-0", "1e308", "-1e308", "1e-320", "99999999999999999999"]
)
CODES = st.sampled_from(
    ["pirot", "nis", "arts", "publishing", "size:30", "size:40", "forum", "en", "sr-Cyrl", "micro", "1"]
)
WORDS = st.one_of(
    st.text(max_size=40),
    NUMBERS,
    CODES,
    st.lists(st.one_of(CODES, NUMBERS), min_size=1, max_size=5).map(",".join),
    st.builds(lambda a, b: f"{a}:{b}", CODES, NUMBERS),
    st.builds(lambda a, b, c: f"{a},{b},{c}", NUMBERS, NUMBERS, NUMBERS),
    st.builds(lambda a, b: f"{a}-{b}", NUMBERS, NUMBERS),
    st.sampled_from(["x" * 100_000, "a," * 5000, "\x00", "\u202e<b>x</b>", "../../etc/passwd", "%00"]),
)
VALUES = st.one_of(WORDS, st.lists(WORDS, min_size=2, max_size=4))  # a list: a repeated key
KEYS = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=12))
QUERIES = st.dictionaries(KEYS, VALUES, max_size=6)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def guard_errors(runtime):
    handler = _Errors()
    logger = logging.getLogger("dashboard.web.query")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def _render(path: str, query: dict) -> dict:
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return json.loads(json.dumps(page["layout"](**query).to_plotly_json(), cls=PlotlyJSONEncoder))


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/compare", {"municipality": ["pirot", "nis"]}),
        ("/", {"sector": ["arts", "publishing"]}),
        ("/present", {"story": ["forum", "forum"]}),
        ("/potential", {"w": ["size:30", "size:40"]}),
    ],
)
def test_a_repeated_key_draws_the_page_it_names(path, query, guard_errors):
    """The four addresses of the report: each page draws, and reads the repeated values."""
    guard_errors.records.clear()
    text = json.dumps(_render(path, query))
    assert not guard_errors.records, guard_errors.records[0].getMessage()
    if path == "/compare":  # both municipalities compared
        page = _render(path, {"municipality": "pirot,nis"})
        assert json.loads(text) == page
    if path == "/":
        assert json.loads(text) == _render(path, {"sector": "arts,publishing"})
    if path == "/present":
        assert json.loads(text) == _render(path, {"story": "forum"})
    if path == "/potential":  # the last weight given wins, as in one comma-separated value
        assert '"size": 40' in text


def test_normalise_query_makes_every_value_one_bounded_string():
    clean = normalise_query({"a": ["x", "y", "x"], "b": None, "c": 3.5, "d": "\x00z" + "q" * 10_000, 4: "k"})
    assert clean == {"a": "x,y", "b": "", "c": "3.5", "d": ("z" + "q" * 10_000)[:MAX_VALUE_CHARS]}


@pytest.mark.parametrize("path", PATHS)
def test_any_query_string_draws_the_page(path, guard_errors):
    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(query=QUERIES)
    def check(query):
        guard_errors.records.clear()
        layout = _render(path, query)
        assert layout.get("props", {}).get("children"), query
        assert not guard_errors.records, (query, guard_errors.records[0].getMessage())

    check()

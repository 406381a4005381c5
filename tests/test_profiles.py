"""The figures behind the municipality profile, the comparison and presenter mode, against the
data and the valorization index they come from; and the pages built from them."""

from __future__ import annotations

import datetime as dt
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.i18n.dates import format_date
from dashboard.outputs.profiles import (
    INSET_COLORS,
    MAX_COMPARED,
    chosen_units,
    compare_to_region,
    comparison_rows,
    inset_svg,
    municipality_profile,
    potential_analysis,
)
from dashboard.outputs.rendering import RenderError, app_origin, chromium_command, render_page
from dashboard.valorization.registry import DIMENSIONS, INDICATORS

# ----------------------------------------------------------------------------- profile figures


def test_the_profile_counts_what_the_data_holds(runtime):
    profile = municipality_profile(runtime, "pirot")
    firms = runtime.data.enterprises
    mine = firms[firms["municipality"] == "pirot"]
    figures = {row.key: row for row in profile.figures}
    assert figures["enterprises"].own == len(mine)
    assert figures["employees"].own == mine["employees"].sum()
    district = firms[firms["district"] == "RS-22"]
    assert figures["enterprises"].district == len(district)
    assert figures["enterprises"].region == len(firms)
    population = runtime.data.municipalities.at["pirot", "population"]
    assert figures["enterprises_per_1000"].own == pytest.approx(len(mine) / population * 1000)
    assert sum(s.count for s in profile.sectors) == len(mine)
    assert sum(s.share for s in profile.sectors) == pytest.approx(1.0)
    top = mine["sector"].value_counts()
    assert profile.sectors[0].sector == top.index[0] and profile.sectors[0].count == top.iloc[0]
    region_share = (firms["sector"] == profile.sectors[0].sector).mean()
    assert profile.sectors[0].lq == pytest.approx(profile.sectors[0].share / region_share)
    assert profile.facts.synthetic and profile.facts.reference_year == int(firms["founding_year"].max())
    assert "2022" in profile.facts.population_source


def test_the_profile_potential_is_the_index_the_filter_uses(runtime):
    for code in runtime.data.municipalities.index:
        potential = municipality_profile(runtime, code).potential
        assert potential.rank == runtime.potential.at[code, "rank"]
        assert potential.tier == runtime.potential.at[code, "tier"]
        assert potential.score == pytest.approx(runtime.potential.at[code, "score"])
        assert sum(potential.contributions.values()) == pytest.approx(potential.score)
        assert potential.best <= potential.median <= potential.worst
        assert set(potential.dimensions) == {d.key for d in DIMENSIONS}
    assert potential_analysis(runtime) is potential_analysis(runtime)  # computed once


def test_the_locator_map_is_an_svg_with_the_unit_highlighted(runtime):
    members = list(runtime.data.municipalities.index[runtime.data.municipalities["district_code"] == "RS-22"])
    svg = inset_svg(runtime.map_base, "pirot", members)
    root = ET.fromstring(svg)
    paths = root.findall("{http://www.w3.org/2000/svg}path")
    assert len(paths) == len(runtime.data.municipalities)
    fills = [p.get("fill") for p in paths]
    assert fills.count(INSET_COLORS["chosen"]) == 1
    assert fills.count(INSET_COLORS["district"]) == len(members) - 1
    assert fills[-1] == INSET_COLORS["chosen"]  # drawn last, on top


# ----------------------------------------------------------------------------- comparison


def test_the_comparison_has_every_indicator_and_the_region(runtime):
    codes = ["pirot", "nis", "dimitrovgrad"]
    rows = comparison_rows(runtime, codes)
    indicators = {r.key: r for r in rows if r.kind == "indicator"}
    analysis = potential_analysis(runtime)
    for indicator in INDICATORS:
        if analysis.indicators.municipalities[indicator.key].isna().all():
            assert indicator.key not in indicators  # e.g. the national ratio without a national value
            continue
        row = indicators[indicator.key]
        for code in codes:
            expected = analysis.indicators.municipalities.at[code, indicator.key]
            assert row.values[code] == pytest.approx(expected, nan_ok=True)
        assert row.region == pytest.approx(analysis.indicators.region[indicator.key], nan_ok=True)
    assert {r.key for r in rows if r.kind == "dimension"} == {d.key for d in DIMENSIONS}
    ranks = next(r for r in rows if r.kind == "rank")
    assert ranks.values == {c: runtime.potential.at[c, "rank"] for c in codes} and ranks.region is None
    sectors = [r for r in rows if r.kind == "sector"]
    assert sum(r.region for r in sectors) == pytest.approx(1.0)
    for code in codes:
        assert sum(r.values[code] for r in sectors) == pytest.approx(1.0)


def test_ratios_to_the_region_only_where_they_mean_something(runtime):
    rows = {(r.kind, r.key): r for r in comparison_rows(runtime, ["pirot", "nis"])}
    assert compare_to_region(rows["indicator", "enterprises"], "pirot") is None  # a count
    assert compare_to_region(rows["indicator", "region_share"], "pirot") is None
    per_1000 = rows["indicator", "enterprises_per_1000"]
    assert compare_to_region(per_1000, "pirot") == pytest.approx(per_1000.values["pirot"] / per_1000.region)
    assert compare_to_region(rows["score", "score"], "pirot") is None


def test_chosen_units_are_known_distinct_and_at_most_four(runtime):
    assert chosen_units(runtime, "pirot,nis,pirot,atlantis") == ["pirot", "nis"]
    every = list(runtime.data.municipalities.index)
    assert chosen_units(runtime, every) == every[:MAX_COMPARED]
    assert chosen_units(runtime, None) == []


# ----------------------------------------------------------------------------- pages


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Pirot", "Pirot District", "Creative enterprises per 1,000 inhabitants", "5.24", "49,601"]),
        ("sr-Latn", ["Pirot", "Pirotski okrug", "Kreativna preduzeća na 1.000 stanovnika", "5,24", "49.601"]),
        ("sr-Cyrl", ["Пирот", "Пиротски округ", "Креативна предузећа на 1.000 становника", "5,24", "49.601"]),
    ],
)
def test_the_profile_page_speaks_the_language_of_the_url(runtime, language, expected, page_text):
    text = page_text("/profile", lang=language, municipality="pirot")
    for item in expected:
        assert item in text, item
    assert "data:image/svg+xml;base64," in text  # the locator map, inline


def test_the_print_version_is_the_sheet_alone(runtime, page_text):
    text = page_text("/profile", lang="en", municipality="pirot", print="1")
    assert "Pirot" in text and "Key figures" in text
    assert "Download PDF" not in text and "app-header" not in text


def test_an_unknown_municipality_falls_back_to_the_first(runtime, page_text):
    first, second = runtime.data.municipalities.index[:2]
    fallen_back = page_text("/profile", lang="en", municipality="atlantis", print="1")
    assert fallen_back == page_text("/profile", lang="en", municipality=first, print="1")
    assert fallen_back != page_text("/profile", lang="en", municipality=second, print="1")


def test_the_comparison_page_shows_the_chosen_units_and_the_region(runtime, page_text):
    text = page_text("/compare", lang="en", municipality="pirot,nis")
    for item in ("Pirot", "Niš", "Region", "Creative enterprises per 1,000 inhabitants", "Dimension scores"):
        assert item in text, item
    assert "Choose at least 2" in page_text("/compare", lang="en", municipality="pirot")


# ----------------------------------------------------------------------------- formats and rendering


def test_dates_per_language():
    day = dt.date(2026, 11, 23)
    assert format_date(day, "sr-Latn") == "23. 11. 2026."
    assert format_date(day, "sr-Cyrl") == "23. 11. 2026."
    assert format_date(day, "en") == "23 November 2026"
    assert format_date(None, "en") == "–"


def test_chromium_runs_offline_on_a_throwaway_profile(tmp_path):
    command = chromium_command(
        Path("/usr/bin/chromium"), "http://127.0.0.1:8050/profile", "pdf", tmp_path / "a.pdf", tmp_path / "p"
    )
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        f"--user-data-dir={tmp_path / 'p'}",
        f"--print-to-pdf={tmp_path / 'a.pdf'}",
    ):
        assert flag in command
    assert command[-1] == "http://127.0.0.1:8050/profile"


def test_a_missing_browser_is_a_clear_error(tmp_path):
    with pytest.raises(RenderError) as raised:
        render_page(tmp_path / "no-chromium", "http://127.0.0.1:1/", "pdf")
    assert raised.value.code == "no_browser" and raised.value.details == {
        "path": str(tmp_path / "no-chromium")
    }


def test_the_export_reaches_the_app_on_its_own_address():
    assert app_origin({"SERVER_NAME": "0.0.0.0", "SERVER_PORT": "8063"}, "0.0.0.0") == "http://127.0.0.1:8063"
    assert (
        app_origin({"SERVER_NAME": "127.0.0.1", "SERVER_PORT": "5000"}, "127.0.0.1")
        == "http://127.0.0.1:5000"
    )
    assert (
        app_origin({"SERVER_NAME": "evil.example", "SERVER_PORT": "80"}, "127.0.0.1") == "http://127.0.0.1:80"
    )
    assert app_origin({"SERVER_NAME": "::1", "SERVER_PORT": "8050"}, "::1") == "http://[::1]:8050"


def test_profile_numbers_are_finite_where_they_should_be(runtime):
    for code in runtime.data.municipalities.index:
        profile = municipality_profile(runtime, code)
        assert all(math.isfinite(row.region) for row in profile.figures)
        assert np.isfinite(profile.potential.score)


def test_choosing_units_on_the_comparison_page(runtime):
    """The page's callback (reached through the module Dash imported, not a second import)."""
    import sys

    compare = sys.modules["pages.compare"]
    content, notice, value, links = compare.choose(
        ["pirot", "nis", "blace", "doljevac", "razanj"], None, "en"
    )
    assert value == ["pirot", "nis", "blace", "doljevac"]
    assert "At most 4" in json.dumps(notice, cls=PlotlyJSONEncoder)
    assert links[0] == "?lang=sr-Latn&municipality=pirot,nis,blace,doljevac"
    assert "Doljevac" in json.dumps(content, cls=PlotlyJSONEncoder)
    content, notice, _, _ = compare.choose(["pirot"], None, "sr-Latn")
    assert content == [] and "bar 2" in json.dumps(notice, cls=PlotlyJSONEncoder, ensure_ascii=False)


def test_picking_another_municipality_on_the_profile_page(runtime):
    import sys

    profile = sys.modules["pages.profile"]
    sheet, links = profile.pick("kursumlija", None, "sr-Cyrl")
    text = json.dumps(sheet, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert "Куршумлија" in text and "Топлички округ" in text
    assert links[2] == "?lang=en&municipality=kursumlija"

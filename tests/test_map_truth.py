"""Maps that never mislead (issue 10, items 1-5): each test names the misreading it guards against."""

from __future__ import annotations

import json

import dash
import numpy as np
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.analysis.indicators import Filters
from dashboard.analysis.summaries import map_summary
from dashboard.analysis.views import explore_view
from dashboard.figures.charts import founding_timeline
from dashboard.figures.map import (
    FILL_OPACITY,
    OUTSIDE_OPACITY,
    TRACE_MUNICIPALITIES,
    TRACE_POINTS,
    build_map_figure,
    point_field,
    trace_updates,
)
from dashboard.i18n import translate


def _figure(runtime, view, language="en"):
    taxonomy = runtime.data.taxonomy
    names = {c: taxonomy.sector_name(c, language) for c in taxonomy.sector_codes}
    return build_map_figure(view.map, runtime.map_base, language, runtime.style, names, taxonomy.colors())


def _by_code(runtime, values) -> dict:
    return dict(zip(runtime.map_base.municipality_codes, values, strict=True))


# 1. Units excluded by the filters look outside, and are in no "highest / lowest" and no colour range.


def test_units_outside_a_district_filter_are_unfilled_and_out_of_the_colour_range(project_runtime):
    toplica = Filters(districts=("RS-21",))
    view = explore_view(project_runtime, toplica, "municipality", "enterprises_per_1000", "en")
    trace = _figure(project_runtime, view).data[TRACE_MUNICIPALITIES]
    opacity = _by_code(project_runtime, trace.marker.opacity)
    in_toplica = set(project_runtime.data.municipalities.query("district_code == 'RS-21'").index)
    assert {c for c, o in opacity.items() if o == FILL_OPACITY} == in_toplica
    assert opacity["nis"] == OUTSIDE_OPACITY < FILL_OPACITY / 2  # faded to grey, not the scale's 0 end
    inside_top = max(float(v) for c, v in _by_code(project_runtime, trace.z).items() if c in in_toplica)
    assert trace.zmax == pytest.approx(inside_top)  # Niš's 7.14 does not stretch the scale
    hover = {
        c: row[1]
        for c, row in zip(project_runtime.map_base.municipality_codes, trace.customdata, strict=True)
    }
    assert hover["nis"] == "outside the selection" and "per 1,000 inhabitants" in hover["prokuplje"]


def test_summary_with_a_potential_tier_names_no_unit_the_tier_left_out(project_runtime):
    tiers = project_runtime.potential["tier"]
    high = Filters(tiers=("high",))
    view = explore_view(project_runtime, high, "municipality", "enterprises_per_1000", "en")
    sentence = map_summary(view.map, view.totals["enterprises"], "en")
    names = project_runtime.data.municipalities["name_en"]
    left_out = [names[c] for c in tiers.index[tiers != "high"]]
    assert left_out and not [name for name in left_out if f" {name} (" in sentence], sentence


# 2. The location quotient is of the sectors the reader ticked.


def _lq_by_hand(enterprises, sectors) -> dict[str, float]:
    share = enterprises["sector"].isin(sectors).mean()
    by_unit = enterprises.groupby("municipality")["sector"].apply(lambda s: s.isin(sectors).mean())
    return (by_unit / share).to_dict()


@pytest.mark.parametrize("sectors", [("crafts-design",), ("crafts-design", "it-software")])
def test_location_quotient_follows_the_ticked_sectors(project_runtime, sectors):
    view = explore_view(project_runtime, Filters(sectors=sectors), "municipality", "location_quotient", "en")
    expected = _lq_by_hand(project_runtime.data.enterprises, sectors)
    got = view.map.municipality_values
    assert all(got[c] == pytest.approx(v) for c, v in expected.items())
    title = _figure(project_runtime, view).data[TRACE_MUNICIPALITIES].colorbar.title.text
    taxonomy = project_runtime.data.taxonomy
    read = title.replace("<br>", " ")  # a long title takes several lines
    assert all(taxonomy.sector_name(s, "en") in read for s in sectors)


@pytest.mark.parametrize("language", ["sr-Cyrl", "sr-Latn", "en"])
def test_the_colour_bar_title_fits_over_its_bar_in_every_language(project_runtime, language):
    """The quotient's title names the sectors it is of; said in full it is wider than the colour
    bar and was cut off at the map's left edge (seen in Cyrillic at 1280 px): it takes as many
    lines as it needs, each no wider than the bar, and still says everything."""
    from dashboard.figures.map import COLOURBAR_TITLE_CHARACTERS

    taxonomy = project_runtime.data.taxonomy
    for sectors in [("crafts-design",), ("crafts-design", "it-software", "film-media")]:
        view = explore_view(
            project_runtime, Filters(sectors=sectors), "municipality", "location_quotient", language
        )
        title = _figure(project_runtime, view, language).data[TRACE_MUNICIPALITIES].colorbar.title.text
        lines = title.split("<br>")
        assert all(len(line) <= COLOURBAR_TITLE_CHARACTERS for line in lines), title
        metric = translate("metric.location_quotient", language)
        assert lines[0] == f"{metric}:" if len(lines) > 1 else title.startswith(f"{metric}: ")
        assert all(taxonomy.sector_name(s, language) in " ".join(lines) for s in sectors), title


def test_location_quotient_without_ticked_sectors_is_of_the_chosen_one(project_runtime):
    view = explore_view(
        project_runtime, Filters(), "municipality", "location_quotient", "en", lq_sector="arts"
    )
    expected = _lq_by_hand(project_runtime.data.enterprises, ("arts",))
    assert view.map.municipality_values["pirot"] == pytest.approx(expected["pirot"])


# 3. Points never hide the units; every tooltip says what its number is.


def test_points_leave_hover_and_click_to_the_units_at_the_municipal_level(project_runtime):
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises_per_1000", "en")
    updates = trace_updates(view.map, project_runtime.map_base, "en")
    assert updates[TRACE_POINTS]["hoverinfo"] == "skip" and updates[TRACE_POINTS]["lon"]
    assert updates[TRACE_MUNICIPALITIES]["hoverinfo"] == "all"
    # At the enterprise level a firm has its own tooltip, and a click on it names its unit.
    firms = trace_updates(
        explore_view(project_runtime, Filters(), "enterprises", "enterprises", "en").map,
        project_runtime.map_base,
        "en",
    )[TRACE_POINTS]
    assert firms["hoverinfo"] == "all"
    first = {"customdata": firms["customdata"][0]}
    row = point_field(first, "row")
    assert point_field(first, "municipality") == project_runtime.data.enterprises["municipality"].iloc[row]


def test_unit_tooltips_give_the_value_with_its_unit_and_indicator(project_runtime):
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises_per_1000", "en")
    trace = _figure(project_runtime, view).data[TRACE_MUNICIPALITIES]
    row = dict(zip(project_runtime.map_base.municipality_codes, trace.customdata, strict=True))["razanj"]
    shown = trace.hovertemplate.replace("%{customdata[0]}", row[0]).replace("%{customdata[1]}", row[1])
    value = view.map.municipality_values["razanj"]
    assert shown.startswith(f"<b>Ražanj</b>: {value:.2f} enterprises per 1,000 inhabitants")


# 4. No sector covers another.


def test_points_are_one_trace_with_sectors_interleaved(project_runtime):
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises", "en")
    figure = _figure(project_runtime, view)
    assert [t.name for t in figure.data].count("enterprises") == 1 and len(figure.data) - 1 == TRACE_POINTS
    sectors = np.asarray(figure.data[TRACE_POINTS].marker.color)
    overall = np.bincount(sectors, minlength=8) / len(sectors)
    last_drawn = sectors[-len(sectors) // 5 :]  # what lies on top where points crowd
    on_top = np.bincount(last_drawn, minlength=8) / len(last_drawn)
    assert np.abs(on_top - overall).max() < 0.05, (overall, on_top)


# 5. The first bar of the founding years says it holds the earlier ones too.


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "1995 or earlier"), ("sr-Latn", "1995. i ranije"), ("sr-Cyrl", "1995. и раније")],
)
def test_first_founding_year_bar_says_or_earlier(project_runtime, language, label):
    view = explore_view(project_runtime, Filters(), "municipality", "enterprises", language)
    assert view.year_counts.index[0] == 1995
    figure = founding_timeline(view.year_counts, language)
    assert figure.layout.xaxis.ticktext[0] == label and figure.layout.xaxis.tickvals[0] == 1995
    assert figure.data[0].customdata[0] == label and figure.data[0].customdata[1] == "1996"
    assert translate("chart.timeline.or_earlier", language, year=1995) == label


# Small defects of the page around the map (issue 11).


def test_an_unknown_lq_sector_in_the_address_is_ignored(project_runtime):
    from dashboard.app import create_app
    from dashboard.config import Settings

    create_app(Settings(default_language="en"))
    layout = dash.page_registry["pages.explore"]["layout"]
    text = json.dumps(
        layout(lang="en", metric="location_quotient", lq="nope").to_plotly_json(), cls=PlotlyJSONEncoder
    )
    assert "Location quotient" in text and "nope" not in text


def test_the_municipality_list_follows_the_districts_the_map_shows(project_runtime):
    """The municipality filter offers those of the districts chosen, once the page's state has
    them (a district chosen asks the map alone first): a state that leaves the districts as
    they were leaves the list alone."""
    import sys

    from dashboard.app import create_app
    from dashboard.config import Settings

    create_app(Settings(default_language="en"))
    explore = sys.modules[dash.page_registry["pages.explore"]["module"]]
    municipalities = project_runtime.data.municipalities
    in_pirot = set(municipalities.index[municipalities["district_code"] == "RS-22"])
    options = explore.municipality_options({"query": "district=RS-22"}, [], "en")
    assert {option["value"] for option in options} == in_pirot
    same_districts = {"query": "district=RS-22&sector=arts"}
    assert explore.municipality_options(same_districts, options, "en") is dash.no_update
    everywhere = explore.municipality_options({"query": ""}, options, "en")
    assert {option["value"] for option in everywhere} == set(municipalities.index)

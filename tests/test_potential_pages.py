"""The potential and methodology pages without a browser: complete in every language,
generated from the registry, offline, and updated by patches that never resend geometry."""

from __future__ import annotations

import json
import sys

import dash
import pandas as pd
import pytest
from dash import no_update
from plotly.utils import PlotlyJSONEncoder

from dashboard.analysis.indicators import TIERS
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.figures.potential import TRACE_CHOROPLETH, TRACE_LABELS
from dashboard.figures.style import LABEL_FONT, LABEL_FONT_BOLD
from dashboard.i18n import LANGUAGES, translate
from dashboard.valorization.registry import DIMENSIONS, INDICATORS, LOCATION_QUOTIENT
from dashboard.valorization.state import PotentialState


@pytest.fixture(scope="module")
def app():
    return create_app(Settings(default_language="en"))


def page_json(name: str, lang: str) -> str:
    layout = dash.page_registry[f"pages.{name}"]["layout"](lang=lang)
    return json.dumps(layout.to_plotly_json(), cls=PlotlyJSONEncoder, ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_methodology_page_explains_every_indicator_and_dimension_in_every_language(app, language):
    text = page_json("methodology", language)
    for indicator in (*INDICATORS, LOCATION_QUOTIENT):
        assert indicator.name(language) in text, indicator.key
        assert indicator.definition(language) in text, indicator.key
        assert indicator.caveat(language) in text, indicator.key
        assert f"indicator-{indicator.key}" in text
    for dimension in DIMENSIONS:
        assert dimension.name(language) in text and dimension.definition(language) in text
    assert translate("methodology.step.orient", language) in text
    # The data sources come from the reference table, in the page's language and script.
    suffix = {"en": "", "sr-Latn": "_lat", "sr-Cyrl": "_cyr"}[language]
    reference = pd.read_csv(DEFAULT_REGION_DIR / "reference" / "municipalities.csv")
    assert reference[f"population_source{suffix}"].iloc[0] in text


def test_methodology_rules_are_the_codes_parameters(app):
    english = page_json("methodology", "en")
    assert "5th and 95th percentile" in english  # WINSOR_QUANTILES
    assert "1,000 random weightings" in english  # DRAWS
    assert "High: from 67% of the range up" in english  # TIER_CUTS
    assert "25%" in english and "10%" in english  # default weights


@pytest.mark.parametrize("language", LANGUAGES)
def test_potential_page_renders_in_every_language(app, language):
    text = page_json("potential", language)
    assert translate("potential.title", language) in text
    assert translate("potential.ranking", language) in text
    for dimension in DIMENSIONS:
        assert dimension.name(language) in text
    # both new pages are in the navigation, in the page's language
    assert translate("nav.potential", language) in text and translate("nav.methodology", language) in text


def test_the_address_sets_the_page_and_junk_in_it_is_dropped(app):
    """A shared link opens the same view; a code that names no municipality is left out of
    the address the page writes back, and the profile shows the best-ranked one."""
    layout = dash.page_registry["pages.potential"]["layout"]

    def address(**query: str) -> str:
        page = layout(lang="en", **query)
        return next(c for c in page._traverse() if getattr(c, "id", None) == ids.POTENTIAL_QUERY).data

    shared = address(w="specialisation:100", municipality="pirot", metric="dim:size")
    assert shared == (
        "?w=size:25,employment:25,specialisation:100,diversity:10,dynamism:20&metric=dim:size&municipality=pirot"
    )
    assert address(municipality="atlantis", sector="bogus", growth="1000") == "?growth=30"


def test_potential_map_is_offline_and_labels_use_local_glyphs(app, project_runtime):
    layout = dash.page_registry["pages.potential"]["layout"](lang="en")
    found = []

    def walk(node):
        if getattr(node, "id", None) == "potential-map":
            found.append(node.figure)
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "to_plotly_json"):
                walk(child)

    walk(layout)
    (figure,) = found
    assert figure.layout.map.style == project_runtime.style  # the offline MapLibre style
    assert figure.layout.uirevision
    labels = figure.data[TRACE_LABELS]
    assert labels.textfont.family in (LABEL_FONT, LABEL_FONT_BOLD)
    served = app.server.test_client().get("/" + figure.data[TRACE_CHOROPLETH].geojson)
    assert served.status_code == 200 and len(served.get_json()["features"]) == 15
    assert "immutable" in served.headers["Cache-Control"]  # fetched once, then from the cache


def test_a_weight_change_patches_values_and_leaves_data_views_alone(app):
    page = sys.modules["pages.potential"]
    runtime = page.current()
    state = PotentialState(
        weights={"size": 1, "employment": 0, "specialisation": 0, "diversity": 0, "dynamism": 0}
    )
    patch = json.dumps(
        page.views(runtime, state, "index", "nis", "en")[0].to_plotly_json(), cls=PlotlyJSONEncoder
    )
    assert "geojson" not in patch and "coordinates" not in patch  # geometry is never resent
    assert '"z"' in patch
    # The state callback rewrites the analysis key for a weight, but not the data key the
    # heatmap and district table listen to; a sector choice rewrites both.
    before = PotentialState()
    keys = {"analysis_key": page._analysis_key(before), "data_key": page._data_key(before)}
    controls = {
        "weights": {k: round(v * 100) for k, v in before.weights.items()},
        "method": "minmax",
        "growth_years": 5,
        "national": None,
        "sectors": [],
        "sizes": [],
        "metric": "index",
        "picked": "",
        "definition": None,
        "scenario": "",
    }
    moved = controls | {"weights": {k: round(v * 100) for k, v in state.weights.items()}}
    query, analysis_key, data_key = page.derive_state(**moved, **keys)
    assert analysis_key is not no_update and data_key is no_update
    assert "w=size" in query
    _, analysis_key, data_key = page.derive_state(**controls | {"sectors": ["arts"]}, **keys)
    assert analysis_key is not no_update and data_key is not no_update
    # Only the metric or the profile changed: neither key, so only the map or profile redraws.
    query, analysis_key, data_key = page.derive_state(**controls | {"metric": "dim:size"}, **keys)
    assert analysis_key is no_update and data_key is no_update and "metric=dim" in query


def test_every_view_of_the_potential_page_is_its_own_callback(app):
    """No callback of the page returns more than the state callback's three stores."""
    client = app.server.test_client()
    client.get("/potential")
    outputs = [d["output"] for d in client.get("/_dash-dependencies").get_json()]
    potential = [o for o in outputs if "potential" in o or o.startswith(("ranking", "breakdown", "lq-"))]
    assert potential and all(o.count("...") <= 3 for o in potential)


def test_the_explore_filter_uses_the_real_tiers(app, project_runtime):
    potential = project_runtime.potential
    assert set(potential.columns) >= {"score", "rank", "tier"}
    assert set(potential["tier"]) <= set(TIERS)
    assert potential.index.equals(project_runtime.data.municipalities.index)
    explore = page_json("explore", "en")
    assert translate("potential.tier_help", "en") in explore
    assert "rovisional" not in explore


def test_the_same_state_reuses_its_analysis_until_the_data_changes(app, project_runtime):
    """Choosing the map indicator or the profile asks again for the analysis it already has; an
    import installs a new runtime, whose analyses are computed afresh."""
    import dataclasses

    from dashboard.components.potential_views import run_analysis

    state = PotentialState(weights={"size": 1.0})
    first = run_analysis(project_runtime, state)
    assert run_analysis(project_runtime, PotentialState(weights={"size": 1.0})) is first
    assert run_analysis(project_runtime, PotentialState(weights={"size": 2.0})) is not first
    reloaded = dataclasses.replace(project_runtime)
    again = run_analysis(reloaded, state)
    assert again is not first and again.index.score.equals(first.index.score)

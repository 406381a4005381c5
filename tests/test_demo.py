"""The synthetic demonstration data: reproducible, plausible, and honest about what it is."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.sources.bundle import load_region_data
from dashboard.sources.demo import generate_demo_enterprises
from dashboard.sources.enterprises import ValidationContext, validate_enterprises


@pytest.fixture(scope="module")
def generated(project_data):
    data = project_data
    return generate_demo_enterprises(
        data.region.demo, data.municipalities, data.taxonomy, data.boundaries.municipalities, data.settlements
    )


def test_committed_demo_file_is_what_the_generator_makes(generated, project_data):
    """Anyone can regenerate data/mapping/demo_enterprises.csv from the seed in region.toml."""
    committed = pd.read_csv(project_data.enterprises_file, dtype=str, keep_default_na=False)
    regenerated = generated.astype(str).replace({"nan": ""})
    pd.testing.assert_frame_equal(committed, regenerated, check_dtype=False)


def test_every_row_is_flagged_synthetic_and_never_looks_like_a_register_entry(generated):
    assert (generated["synthetic"] == "true").all()
    assert generated["registration_number"].str.match(r"^DEMO-\d{6}$").all()
    assert generated["source"].str.contains("synthetic").all()


def test_demo_rows_pass_validation_and_lie_in_their_own_municipality(generated, project_data):
    context = ValidationContext(
        project_data.municipalities, project_data.taxonomy, project_data.boundaries, project_data.settlements
    )
    table, problems = validate_enterprises(generated.astype(str), "demo.csv", context)
    assert problems == [] and len(table) == len(generated)
    polygons = project_data.boundaries.municipalities
    joined = gpd.sjoin(table, polygons[["geometry"]], predicate="within")
    assert (joined["code"] == joined["municipality"]).all() and len(joined) == len(table)


def test_demo_is_plausible_mostly_micro_weighted_by_population(generated, project_data):
    assert len(generated) == project_data.region.demo["enterprises"]
    micro_share = (generated["employees"] < 10).mean()
    assert 0.8 < micro_share < 0.97
    counts = generated["municipality"].value_counts()
    assert counts.idxmax() == "nis" and counts.idxmin() in {"razanj", "gadzin-han", "babusnica", "blace"}
    # Local emphasis from region.toml: crafts weigh more in Pirot than in the region as a whole.
    crafts_share = (generated["sector"] == "crafts-design").groupby(generated["municipality"]).mean()
    assert crafts_share["pirot"] > 1.5 * (generated["sector"] == "crafts-design").mean()


def test_same_seed_same_data_other_seed_other_data(project_data):
    data = project_data
    settings = dict(data.region.demo, enterprises=100)
    first = generate_demo_enterprises(settings, data.municipalities, data.taxonomy, None, None)
    again = generate_demo_enterprises(settings, data.municipalities, data.taxonomy, None, None)
    other = generate_demo_enterprises(dict(settings, seed=1), data.municipalities, data.taxonomy, None, None)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_demo_for_a_second_region_comes_from_its_manifest(tiny_region):
    data = load_region_data(Settings(region_dir=tiny_region), with_enterprises=False)
    table = generate_demo_enterprises(
        data.region.demo, data.municipalities, data.taxonomy, data.boundaries.municipalities, None
    )
    assert len(table) == 200 and set(table["municipality"]) == {"alpha", "beta"}
    assert table["lon"].between(10.0, 10.2).all() and table["lat"].between(50.0, 50.1).all()

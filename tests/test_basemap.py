"""The offline basemap's rivers: real lines with a named source, drawn between the areas
and the points, and optional like every other region file."""

from __future__ import annotations

import json
import shutil

import geopandas as gpd
import pytest

from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.figures.style import AREAS_TOP, POINTS_TOP, map_style
from dashboard.sources.basemap import load_lines
from dashboard.sources.bundle import load_region_data
from dashboard.web.runtime import Runtime

RIVERS = DEFAULT_REGION_DIR / "geo" / "rivers.geojson"


def test_committed_rivers_are_named_lines_through_the_region():
    rivers = gpd.read_file(RIVERS)
    municipalities = gpd.read_file(DEFAULT_REGION_DIR / "geo" / "municipalities.geojson").set_index("code")
    assert set(rivers.geom_type) <= {"LineString", "MultiLineString"}
    assert rivers[["name_lat", "name_cyr", "name_en"]].notna().all().all()
    morava = rivers.set_index("name_en").geometry["South Morava"]
    # WDB II's South Morava runs north through Doljevac and Aleksinac, then along Ražanj.
    assert all(morava.intersects(municipalities.geometry[c]) for c in ("doljevac", "aleksinac", "razanj"))
    assert not morava.intersects(municipalities.geometry["pirot"])
    length_km = gpd.GeoSeries([morava], crs=4326).to_crs(3035).length.iloc[0] / 1000
    assert 85 < length_km < 105
    region = municipalities.union_all().buffer(0.03)
    assert region.contains(morava)
    assert "World Data Bank II" in json.loads(RIVERS.read_text(encoding="utf-8"))["source"]


def test_rivers_are_drawn_over_areas_and_under_points():
    rivers = json.loads(RIVERS.read_text(encoding="utf-8"))
    order = [layer["id"] for layer in map_style(rivers=rivers)["layers"]]
    assert (
        order.index(AREAS_TOP)
        < order.index("rivers-casing")
        < order.index("rivers")
        < order.index(POINTS_TOP)
    )
    assert "rivers" not in [layer["id"] for layer in map_style()["layers"]]


def test_the_app_serves_the_regions_rivers_offline(project_runtime):
    style = project_runtime.style
    sent = gpd.GeoDataFrame.from_features(style["sources"]["rivers"]["data"]["features"])
    committed = gpd.read_file(RIVERS)
    assert len(sent) == len(committed) and sent.geometry.iloc[0].equals_exact(
        committed.geometry.iloc[0], 1e-9
    )
    assert "http" not in json.dumps(style)


def test_other_geometry_is_reported_and_left_out(tmp_path):
    path = tmp_path / "lines.geojson"
    line = {"type": "LineString", "coordinates": [[21.9, 43.3], [22.0, 43.4]]}
    square = {"type": "Polygon", "coordinates": [[[21, 43], [21.1, 43], [21.1, 43.1], [21, 43]]]}
    features = [
        {"type": "Feature", "properties": {"name_en": n}, "geometry": g}
        for n, g in (("a", line), ("b", square))
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    lines, problems = load_lines(path)
    assert list(lines["name_en"]) == ["a"]
    assert [(p.code, p.row, p.value) for p in problems] == [("geometry_not_line", 2, "Polygon")]


@pytest.mark.parametrize("content", [None, "not geojson"])
def test_a_missing_or_broken_rivers_file_is_a_problem_not_a_failure(tmp_path, content):
    region = tmp_path / "data"
    shutil.copytree(DEFAULT_REGION_DIR, region, ignore=shutil.ignore_patterns("store"))
    if content is None:
        (region / "geo" / "rivers.geojson").unlink()
    else:
        (region / "geo" / "rivers.geojson").write_text(content, encoding="utf-8")
    settings = Settings(region_dir=region)
    data = load_region_data(settings)
    assert data.rivers is None
    assert [p.code for p in data.problems if p.file == "rivers.geojson"] == (
        ["file_missing"] if content is None else ["file_unreadable"]
    )
    assert "rivers" not in Runtime.load(settings).style["sources"]


def test_map_labels_find_their_glyphs_under_the_apps_path_prefix(monkeypatch):
    """Deployed under /cim/, the app serves its assets there: a glyph URL from the server's root
    would go unanswered and every map label would be lost."""
    from dashboard.app import create_app
    from dashboard.web.runtime import current

    monkeypatch.setenv("DASH_URL_BASE_PATHNAME", "/cim/")
    app = create_app(Settings())
    glyphs = current().style_in("sr-Cyrl")["glyphs"]
    assert glyphs.startswith("/cim/assets/glyphs/")
    font = glyphs.replace("/cim/", "/", 1).format(fontstack="Open Sans Regular", range="0-255")
    assert (
        app.server.test_client().get(glyphs.format(fontstack="Open Sans Regular", range="0-255")).status_code
        == 200
    )
    assert app.server.test_client().get(font).status_code == 404

"""The printed map (/map-print): its sheet in every language, the scale bar's arithmetic and
the address the export renders."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from dashboard.analysis.views import unit_names
from dashboard.components.map_export import print_url
from dashboard.figures.print_map import (
    PAPERS,
    ScaleBar,
    metres_per_pixel,
    print_zoom,
    round_length,
    scale_bar,
    view_ranges,
)
from dashboard.i18n import translate
from dashboard.i18n.dates import format_date

EQUATOR_M = 2 * math.pi * 6378137  # the WGS84 equator


def test_metres_per_pixel_follows_maplibres_512_pixel_world():
    # At zoom 0 MapLibre draws the whole equator across 512 px.
    assert metres_per_pixel(0, 0) == pytest.approx(EQUATOR_M / 512)
    assert metres_per_pixel(0, 0) == pytest.approx(78271.517, abs=0.001)
    # Each zoom step halves it; at 60 degrees a pixel covers half the ground of the equator's.
    assert metres_per_pixel(60, 1) == pytest.approx(78271.517 / 4, rel=1e-6)
    # South Serbia at the explore map's zoom: about 222 m a pixel.
    assert metres_per_pixel(43.3, 8) == pytest.approx(222.52, abs=0.01)


@pytest.mark.parametrize(
    ("metres", "expected"),
    [
        (0.4, 1),
        (1, 1),
        (7, 5),
        (19, 10),
        (35_600, 20_000),
        (20_000, 20_000),
        (3_499, 2_000),
        (99_999, 50_000),
    ],
)
def test_a_scale_bar_is_one_two_or_five_times_a_power_of_ten(metres, expected):
    assert round_length(metres) == expected


def test_the_scale_bar_is_the_longest_round_length_that_fits():
    bar = scale_bar(43.3, 8, 160)  # 160 px cover about 35.6 km there
    assert bar.metres == 20_000
    assert bar.pixels == pytest.approx(20_000 / 222.52, abs=0.05)
    assert bar.pixels <= 160
    assert scale_bar(43.3, 14, 160).metres == 500  # 160 px at zoom 14: about 556 m


def test_the_scale_bars_label_is_in_the_readers_script():
    assert ScaleBar(20_000, 90).label("en") == "20 km"
    assert ScaleBar(20_000, 90).label("sr-Cyrl") == "20 км"
    assert ScaleBar(500, 90).label("sr-Latn") == "500 m"


def test_the_printed_view_covers_what_the_scale_bar_says():
    """The map's longitudes across its width agree with metres per pixel (the map and its scale
    bar use one projection), and a larger map zooms in to show the same region."""
    width, height = 800, 600
    (west, east), (south, north) = view_ranges({"lat": 0.0, "lon": 20.0}, 7, width, height)
    ground = (east - west) / 360 * EQUATOR_M
    assert ground / width == pytest.approx(metres_per_pixel(0, 7))
    assert south == pytest.approx(-north) and west < 20 < east
    assert print_zoom(7.5, 720, 720 / 1.4) == pytest.approx(7.5)
    assert print_zoom(7.5, 1440, 2 * 720 / 1.4) == pytest.approx(8.5)


def test_the_poster_is_a1_landscape_and_a4_is_landscape():
    assert (PAPERS["a4"].width_mm, PAPERS["a4"].height_mm) == (297, 210)
    assert (PAPERS["poster"].width_mm, PAPERS["poster"].height_mm) == (841, 594)
    assert PAPERS["poster"].css_size == "841mm 594mm"


@pytest.mark.parametrize(
    ("language", "key", "sources", "scale"),
    [
        ("sr-Latn", "Legenda", "Izvori podataka", " km"),
        ("sr-Cyrl", "Легенда", "Извори података", " км"),
        ("en", "Key", "Data sources", " km"),
    ],
)
def test_the_print_page_has_title_key_scale_sources_and_date(
    runtime, page_text, language, key, sources, scale
):
    district = str(runtime.data.districts.index[0])
    text = page_text("/map-print", lang=language, district=district, years="2010-2020", emp="10-")
    district_name = unit_names(runtime.data.districts, language)[district]
    for expected in [
        translate("metric.enterprises_per_1000", language),  # the title: what is shown
        runtime.data.region.name(language),
        translate("filters.district", language) + ": " + district_name,  # the filters in words
        translate("map_print.years", language, first=2010, last=2020),
        key,
        translate("map.legend.sectors", language),
        scale,
        sources,
        format_date(dt.date.today(), language),
        translate("map_print.synthetic", language),  # the demo data say so
    ]:
        assert expected in text, f"{expected!r} not on the {language} print page"
    assert '"staticPlot": true' in text
    if language == "sr-Cyrl":
        assert "Legenda" not in text and "Izvori" not in text


def test_the_print_page_without_filters_says_so_and_reads_the_poster_size(page_text):
    text = page_text("/map-print", lang="en", paper="poster")
    assert translate("map_print.no_filters", "en") in text
    assert "841mm 594mm" in text and "paper-poster" in text


def test_the_export_renders_only_the_explore_pages_own_parameters():
    url = print_url(
        "http://127.0.0.1:8050", "?district=RS-20&evil=%3Cscript%3E&level=district", "en", "poster"
    )
    assert url.startswith("http://127.0.0.1:8050/map-print?")
    assert "district=RS-20" in url and "level=district" in url and "paper=poster" in url
    assert "lang=en" in url and "evil" not in url
    assert "paper=a4" in print_url("http://x", "", "sr-Cyrl", "huge")

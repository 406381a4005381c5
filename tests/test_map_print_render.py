"""The printed map rendered by the local headless Chromium as the export renders it: one A4
landscape page with the title, key and sources, and a landscape PNG."""

from __future__ import annotations

import io
import struct

import pypdf
import pytest

from dashboard.app import create_app
from dashboard.components.map_export import A4_WINDOW, print_url
from dashboard.config import Settings
from dashboard.i18n import translate
from dashboard.outputs.rendering import render_page

pytestmark = pytest.mark.browser


def test_the_a4_map_is_one_landscape_page_with_its_title_key_and_sources(dash_thread_server):
    settings = Settings(default_language="sr-Latn")
    dash_thread_server(create_app(settings))
    origin = dash_thread_server.url.rstrip("/")
    url = print_url(origin, "?level=district", "sr-Latn", "a4")
    reader = pypdf.PdfReader(io.BytesIO(render_page(settings.chromium, url, "pdf")))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert float(box.width) == pytest.approx(297 / 25.4 * 72, abs=2)  # A4's long side, in points
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in [
        translate("metric.enterprises_per_1000", "sr-Latn"),
        translate("level.district", "sr-Latn"),
        "Legenda",
        "km",
        "Izvori podataka",
        "Pirotski",  # a district's label on the map itself
    ]:
        assert expected in text, f"{expected!r} not in the PDF"


def test_the_a4_map_renders_as_a_landscape_png(dash_thread_server):
    settings = Settings(default_language="en")
    dash_thread_server(create_app(settings))
    url = print_url(dash_thread_server.url.rstrip("/"), "", "en", "a4")
    png = render_page(settings.chromium, url, "png", window=A4_WINDOW)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == A4_WINDOW

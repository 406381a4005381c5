"""The municipality profile exported to PDF and PNG by the local headless Chromium, as a user
gets it: press the button, receive the file; its text holds the municipality and its figures."""

from __future__ import annotations

import io
import struct
import time

import pypdf
import pytest

from dashboard.app import create_app
from dashboard.components import presenting_ids as pid
from dashboard.config import Settings
from dashboard.i18n import format_number
from dashboard.outputs.profiles import municipality_profile
from dashboard.outputs.rendering import PNG_WINDOW, render_page

pytestmark = pytest.mark.browser


def downloaded(folder, suffix: str, timeout: float = 60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [p for p in folder.glob(f"*{suffix}") if p.stat().st_size > 0]
        if done:
            return done[0]
        time.sleep(0.3)
    raise AssertionError(f"no {suffix} file was downloaded to {folder}")


def test_the_profile_downloads_as_a_pdf_with_the_municipality_and_its_figures(dash_duo, tmp_path):
    app = create_app(Settings(default_language="sr-Latn"))
    dash_duo.start_server(app)
    driver = dash_duo.driver
    folder = tmp_path / "downloads"
    folder.mkdir()
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/profile?municipality=pirot&lang=sr-Latn")
    dash_duo.wait_for_text_to_equal(".sheet-title", "Pirot", timeout=20)
    dash_duo.find_element(f"#{pid.PROFILE_PDF}").click()
    dash_duo.wait_for_contains_text(f"#{pid.PROFILE_EXPORT_STATUS}", "profile-pirot-sr-Latn.pdf", timeout=90)
    pdf = downloaded(folder, ".pdf")
    assert pdf.name == "profile-pirot-sr-Latn.pdf"

    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1  # one page per unit
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    from dashboard.web.runtime import current

    profile = municipality_profile(current(), "pirot")
    figures = {row.key: row for row in profile.figures}
    expected = [
        "Pirot",
        "Pirotski okrug",
        "Ključni pokazatelji",
        format_number(figures["enterprises"].own, "sr-Latn"),  # 260
        format_number(figures["enterprises_per_1000"].own, "sr-Latn", 2),  # 5,24
        format_number(figures["employees"].own, "sr-Latn"),
        format_number(profile.population, "sr-Latn"),  # 49.601
        format_number(profile.potential.score, "sr-Latn", 1),  # the index
        f"{profile.potential.rank}. mesto od {profile.potential.count}",
        f"između {profile.potential.best}. i {profile.potential.worst}. mesta",
        "Sektorska struktura",
        "Podaci i izvori",
        "RZS",
    ]
    for item in expected:
        assert item in text, f"{item!r} not in the PDF"
    assert "Preuzmi PDF" not in text and "Mapa kreativnih industrija" not in text  # the sheet alone
    assert dash_duo.get_logs() == []


def test_the_profile_renders_as_a_png_in_english(dash_thread_server):
    create_app_settings = Settings(default_language="en")
    dash_thread_server(create_app(create_app_settings))
    url = f"{dash_thread_server.url.rstrip('/')}/profile?municipality=dimitrovgrad&lang=en&print=1"
    png = render_page(create_app_settings.chromium, url, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == PNG_WINDOW
    assert len(png) > 50_000  # a drawn page, not a blank one


def test_a_missing_browser_is_reported_on_the_page(dash_duo, tmp_path):
    app = create_app(Settings(default_language="en", chromium=tmp_path / "no-such-chromium"))
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/profile?municipality=pirot&lang=en")
    dash_duo.wait_for_text_to_equal(".sheet-title", "Pirot", timeout=20)
    dash_duo.find_element(f"#{pid.PROFILE_PNG}").click()
    dash_duo.wait_for_contains_text(f"#{pid.PROFILE_EXPORT_STATUS}", "was not found at", timeout=20)
    assert "CIM_CHROMIUM" in dash_duo.find_element(f"#{pid.PROFILE_EXPORT_STATUS}").text

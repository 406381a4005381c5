"""The web import page: check a file, preview it, and store it only with the editor credential."""

from __future__ import annotations

import base64
import json
import sys

import dash
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.app import create_app
from dashboard.config import DEFAULT_REGION_DIR, Settings
from dashboard.web import runtime

EXAMPLE = DEFAULT_REGION_DIR / "mapping" / "example_register_extract.csv"
PAGE = "pages.data_import"


def page():
    """The page module as Dash imported it (never imported a second time)."""
    return sys.modules[dash.page_registry[PAGE]["module"]]


def text_of(component) -> str:
    return json.dumps(component, cls=PlotlyJSONEncoder, ensure_ascii=False)


def upload(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


@pytest.fixture
def app_settings(tmp_path):
    def make(**changes) -> Settings:
        settings = Settings(store_path=tmp_path / "store" / "enterprises.gpkg", **changes)
        create_app(settings)
        return settings

    return make


def test_the_page_is_served_registered_and_read_only_without_a_credential(app_settings):
    app_settings()
    app = dash.get_app()
    assert app.server.test_client().get("/import").status_code == 200
    entry = dash.page_registry[PAGE]
    assert (entry["path"], entry["nav_key"], entry["order"]) == ("/import", "nav.import", 50)
    english = text_of(entry["layout"](lang="en"))
    assert "Largest upload accepted: 10 MB for all files together." in english
    assert "Check only: no editor credential is configured" in english
    assert "Import data" in english  # in the navigation
    assert "Највећа величина: 10 MB за све датотеке заједно." in text_of(entry["layout"](lang="sr-Cyrl"))


def test_checking_a_file_previews_it_and_stores_nothing(app_settings):
    settings = app_settings(editor_token="s3cret")
    children, disabled, hide_report = page().check_file(
        upload(EXAMPLE.read_bytes()), EXAMPLE.name, False, "en"
    )
    text = text_of(children)
    assert "Rows checked: 5; valid: 5 (new: 5, updates: 0)" in text and "No problems found." in text
    assert "What would be added" in text and '"type": "scattermap"' in text
    assert not disabled and not hide_report  # an editor may store it
    assert not settings.store_path.exists()


def test_several_files_are_checked_and_stored_together(app_settings):
    """A survey's results often come as several files; the page takes them in one go, like the
    CLI, and a problem names the file it is in."""
    settings = app_settings(editor_token="s3cret")
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    first = "\n".join(lines[:3]).encode()  # the header and two firms
    second = "\n".join([lines[0], *lines[3:]]).replace(";24;2011;", ";-24;2011;").encode()
    names = ["north.csv", "south.csv"]
    children, disabled, _ = page().check_file([upload(first), upload(second)], names, False, "en")
    text = text_of(children)
    assert "Checked: north.csv, south.csv" in text and "Rows with errors: 1 of 5 (errors: 1)" in text
    assert "south.csv" in text and "The number of employees is negative." in text and disabled
    fixed = "\n".join([lines[0], *lines[3:]]).encode()
    message, _ = page().commit_file([upload(first), upload(fixed)], names, False, "s3cret", "en")
    assert "Enterprises stored: 5 (new: 5, updated: 0)" in text_of(message)
    assert len(runtime.current().data.enterprises) == 5 and settings.store_path.exists()


def test_problems_are_listed_and_block_the_commit(app_settings):
    app_settings(editor_token="s3cret")
    bad = EXAMPLE.read_text(encoding="utf-8").replace(";7;2014;", ";-7;2014;").encode()
    children, disabled, _ = page().check_file(upload(bad), "bad.csv", False, "en")
    text = text_of(children)
    assert "The number of employees is negative." in text and "Nothing was changed" in text
    assert disabled
    _, disabled_with_skip, _ = page().check_file(upload(bad), "bad.csv", True, "en")
    assert not disabled_with_skip


def test_uploads_over_the_limit_are_refused_with_the_limit_said(app_settings):
    app_settings(max_upload_mb=0.001)
    children, disabled, _ = page().check_file(upload(b"x" * 5000), "big.csv", False, "en")
    assert "The file (or all files together) is larger than the 0.001 MB allowed." in text_of(children)
    assert disabled
    # Two files each under the limit, together over it: the same clear answer, for check and store.
    halves = [upload(b"x" * 700), upload(b"y" * 700)]
    children, disabled, _ = page().check_file(halves, ["a.csv", "b.csv"], False, "en")
    assert "The file (or all files together) is larger than the 0.001 MB allowed." in text_of(children)
    assert disabled
    settings = app_settings(max_upload_mb=0.001, editor_token="s3cret")
    message, _ = page().commit_file(halves, ["a.csv", "b.csv"], False, "s3cret", "en")
    assert "The file (or all files together) is larger than the 0.001 MB allowed." in text_of(message)
    assert not settings.store_path.exists()


def test_storing_needs_the_right_credential(app_settings):
    settings = app_settings(editor_token="s3cret")
    contents = upload(EXAMPLE.read_bytes())
    message, _ = page().commit_file(contents, EXAMPLE.name, False, "wrong", "en")
    assert "The editor credential is wrong" in text_of(message)
    assert not settings.store_path.exists()

    message, disabled = page().commit_file(contents, EXAMPLE.name, False, "s3cret", "en")
    assert "Enterprises stored: 5 (new: 5, updated: 0)" in text_of(message) and disabled
    assert settings.store_path.exists()
    # the app now serves the stored enterprises, and the history lists the import
    assert set(runtime.current().data.enterprises["registration_number"]) == {
        f"9900000{i}" for i in range(1, 6)
    }
    assert "example_register_extract.csv" in text_of(page().history_table("en"))


def test_without_a_configured_credential_nothing_can_be_stored(app_settings):
    settings = app_settings()
    message, disabled = page().commit_file(upload(EXAMPLE.read_bytes()), EXAMPLE.name, False, "", "en")
    assert "Check only" in text_of(message) and disabled
    assert not settings.store_path.exists()


@pytest.mark.browser
def test_upload_check_and_store_in_the_browser(dash_duo, tmp_path):
    from selenium.webdriver.common.by import By

    app = create_app(Settings(store_path=tmp_path / "s.gpkg", editor_token="s3cret", default_language="en"))
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/import?lang=en", timeout=20)
    dash_duo.find_element("#import-upload input[type=file]").send_keys(str(EXAMPLE))
    dash_duo.wait_for_contains_text("#import-result", "Rows checked: 5", timeout=30)
    dash_duo.find_element("#import-token").send_keys("s3cret")
    dash_duo.driver.find_element(By.ID, "import-commit").click()
    dash_duo.wait_for_contains_text("#import-commit-result", "Enterprises stored: 5", timeout=30)
    dash_duo.wait_for_contains_text("#import-history", "example_register_extract.csv", timeout=10)
    assert (tmp_path / "s.gpkg").exists()


def test_a_mapping_file_uploaded_beside_the_data_names_unknown_columns(app_settings):
    app_settings(editor_token="s3cret")
    odd = b"ID firme;Firma;Delatnost;Grad;Radnika\n10000999;Atelje Probni;32.12;Pirot;3\n"
    unmapped, disabled, _ = page().check_file(upload(odd), "odd.csv", False, "en")
    assert disabled and "A file cannot be used" in text_of(unmapped)  # required columns not found
    mapping_text = (
        b'[columns]\n"ID firme" = "registration_number"\n"Firma" = "name"\n'
        b'"Delatnost" = "nace"\n"Grad" = "municipality"\n"Radnika" = "employees"\n'
    )
    mapping = page().decode_mapping(upload(mapping_text), "odd.toml")
    children, disabled, _ = page().check_file(upload(odd), "odd.csv", False, "en", mapping)
    assert "Rows checked: 1; valid: 1 (new: 1, updates: 0)" in text_of(children) and not disabled
    broken = page().decode_mapping(upload(b'[columns]\n"Firma" = "no_such_field"\n'), "bad.toml")
    children, disabled, _ = page().check_file(upload(odd), "odd.csv", False, "en", broken)
    assert disabled and "The mapping file is not valid." in text_of(children)

"""The page's top bar in its first HTML (dashboard/web/shell.py): drawn before any script has
run, in the address's language, with working links, and never found in place of the page's own
bar (no ids)."""

from __future__ import annotations

import dash
import pytest
from dash import dcc, html
from served_pages import PAGE_PATHS

from dashboard.app import create_app
from dashboard.components.page_title import app_title
from dashboard.config import Settings
from dashboard.i18n import LANGUAGES, translate
from dashboard.web.shell import static_html

WITHOUT_BAR = {"/present", "/map-print"}  # full screen, paper


def entry_point(app, address: str) -> str:
    page = app.server.test_client().get(address).get_data(as_text=True)
    return page[page.index('<div id="react-entry-point">') : page.index("<footer>")]


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


@pytest.mark.parametrize("path", sorted(PAGE_PATHS))
def test_every_page_with_a_top_bar_has_it_in_its_first_html(app, path):
    for language in LANGUAGES:
        entry = entry_point(app, f"{path}?lang={language}")
        if path in WITHOUT_BAR:
            assert "_dash-loading" in entry and "<header" not in entry
            continue
        assert f'<h1 class="app-title">{app_title(language)}</h1>' in entry
        # the demo data is synthetic; the import page shows no enterprises, nor the notice
        assert f'title="{translate("demo.explanation", language)}"' in entry
        assert ('<span class="demo-notice" hidden>' in entry) is (path == "/import")
        # every page link, in this language, the page's own marked as the current one
        pages = [p for p in dash.page_registry.values() if p.get("nav_key")]
        for page in pages:
            assert f'href="{page["path"]}?lang={language}"' in entry
        own = next(p for p in pages if p["path"] == path)
        assert f'aria-current="page">{translate(own["nav_key"], language)}</a>' in entry
        assert " id=" not in entry.removeprefix('<div id="react-entry-point">')
        assert "_dash-loading" not in entry


def test_the_language_links_keep_the_address_and_text_is_escaped(app):
    entry = entry_point(app, "/potential?lang=en&tier=high&x=%3Cscript%3E")
    assert 'href="?lang=sr-Cyrl&amp;tier=high&amp;x=%3Cscript%3E"' in entry
    assert "<script" not in entry


def test_the_bar_echoes_no_more_of_the_address_than_the_pages_themselves_read(app):
    """The language links keep the address through the app's own query normalising
    (dashboard/web/query.py): values bounded, control characters dropped, keys limited."""
    entry = entry_point(app, "/potential?lang=en&tier=" + "x" * 50_000 + "&y=a%0Ab")
    assert "x" * 2001 not in entry and "x" * 2000 in entry
    assert "y=ab" in entry and "%0A" not in entry


def test_an_address_that_is_no_page_keeps_dashs_entry_point(app):
    assert "_dash-loading" in entry_point(app, "/nowhere?lang=en")


def test_only_html_components_and_the_badge_are_written_out():
    assert static_html(html.P(["a < b", html.Span("c", hidden=True, className="x")])) == (
        '<p>a &lt; b<span class="x" hidden>c</span></p>'
    )
    with pytest.raises(TypeError, match="Store"):
        static_html(html.Div(dcc.Store(id="s")))


def test_the_map_pages_bar_shows_the_synthetic_notice_only_when_its_view_holds_synthetic_rows(app):
    """The map page's own bar shows the notice for the filtered view (its demo badge), so the
    first HTML's bar does too: a filter that leaves every synthetic enterprise out never flashes
    the notice before the page's bar replaces it."""
    notice_shown = '<span class="demo-notice">'
    assert notice_shown in entry_point(app, "/?lang=en")
    nothing_found = entry_point(app, "/?lang=en&q=no-enterprise-is-called-this")
    assert notice_shown not in nothing_found and '<span class="demo-notice" hidden>' in nothing_found
    # other pages keep their own rule: the notice whenever the data holds synthetic rows
    assert notice_shown in entry_point(app, "/potential?lang=en&q=no-enterprise-is-called-this")

"""The map as a print-ready file: buttons that render ``/map-print`` (pages/map_print.py) for
the explore page's current state to PDF or PNG with the local headless Chromium, and hand the
file to the browser.

Place :func:`map_export` on the explore page; its callback reads the page's query store
(``ids.QUERY``, the state without the language) and language store (``ids.LANGUAGE``). Like the
profile export it runs as a background job holding one of the machine's render slots.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, ctx, dcc, html, no_update

from dashboard.components import ids
from dashboard.figures.print_map import PAPERS
from dashboard.i18n import format_number, normalise_language, translate
from dashboard.outputs.rendering import RenderError, render_page, render_slot
from dashboard.web.jobs import RENDER_ORIGIN
from dashboard.web.runtime import current
from dashboard.web.state import ExploreState

MAP_PDF_A4 = "map-export-pdf-a4"
MAP_PNG_A4 = "map-export-png-a4"
MAP_PDF_POSTER = "map-export-pdf-poster"
MAP_EXPORT_DOWNLOAD = "map-export-download"
MAP_EXPORT_STATUS = "map-export-status"
# button id -> (message key, paper, kind)
BUTTONS = {
    MAP_PDF_A4: ("map_export.pdf_a4", "a4", "pdf"),
    MAP_PNG_A4: ("map_export.png_a4", "a4", "png"),
    MAP_PDF_POSTER: ("map_export.pdf_poster", "poster", "pdf"),
}
A4_WINDOW = (1123, 794)  # A4 landscape in CSS pixels: the PNG's size
QUEUE_WAIT_S = 120  # with Celery, how long an export waits for a free slot before "busy"


def map_export(language: str) -> html.Div:
    """The three buttons, the download and a status line, in ``language``."""
    return html.Div(
        [
            html.Span(translate("map_export.title", language), className="map-export-title me-2 small"),
            *[
                html.Button(
                    translate(key, language),
                    id=button,
                    n_clicks=0,
                    className="btn btn-outline-primary btn-sm me-1",
                )
                for button, (key, _paper, _kind) in BUTTONS.items()
            ],
            dcc.Download(id=MAP_EXPORT_DOWNLOAD),
            html.Div(id=MAP_EXPORT_STATUS, role="status", className="map-export-status small mt-1"),
        ],
        className="map-export px-2 pb-2",
    )


def print_url(origin: str, query: str | None, language: str, paper: str) -> str:
    """The print page for an explore query string: re-read and re-written through
    :class:`ExploreState`, so only the page's own parameters reach the renderer."""
    state = ExploreState.from_query(dict(parse_qsl((query or "").lstrip("?"))))
    params = dict(parse_qsl(state.to_query().lstrip("?")))
    params |= {"paper": paper if paper in PAPERS else "a4", "lang": language}
    return f"{origin}/map-print?{urlencode(params, safe=',-')}"


def export_filename(paper: str, language: str, kind: str) -> str:
    return f"map-{paper}-{language}.{kind}"


@dash.callback(
    Output(MAP_EXPORT_DOWNLOAD, "data"),
    Output(MAP_EXPORT_STATUS, "children"),
    Input(MAP_PDF_A4, "n_clicks"),
    Input(MAP_PNG_A4, "n_clicks"),
    Input(MAP_PDF_POSTER, "n_clicks"),
    State(ids.QUERY, "data"),
    State(ids.LANGUAGE, "data"),
    background=True,  # a job beside the server (or on Celery workers): never in the request
    running=[(Output(button, "disabled"), True, False) for button in BUTTONS],
    prevent_initial_call=True,
)
def export_map(_pdf, _png, _poster, query, language):
    """Render the print page of the map as the explore page shows it and send the file.

    At most ``export_slots`` renders run on the machine at once: a further click is told the
    server is busy (with Celery, a worker waits its turn instead)."""
    if ctx.triggered_id not in BUTTONS:
        return no_update, no_update
    runtime = current()
    settings = runtime.settings
    language = normalise_language(language, settings.default_language)
    _key, paper, kind = BUTTONS[ctx.triggered_id]
    origin = ctx.custom_data.get(RENDER_ORIGIN) or f"http://127.0.0.1:{settings.port}"
    wait = QUEUE_WAIT_S if settings.redis_url else 0.0
    try:
        with render_slot(settings.jobs_dir, settings.export_slots, wait) as free:
            if not free:
                raise RenderError("busy")
            url = print_url(origin, query, language, paper)
            content = render_page(settings.chromium, url, kind, window=A4_WINDOW)
    except RenderError as error:
        message = translate(f"profile_page.export.{error.code}", language, **error.details)
        return no_update, dbc.Alert(message, color="danger", className="py-2 mb-0")
    filename = export_filename(paper, language, kind)
    size = format_number(len(content) / 1024, language)
    done = translate("map_export.done", language, file=filename, size=size)
    return dcc.send_bytes(content, filename), dbc.Alert(done, color="success", className="py-2 mb-0")

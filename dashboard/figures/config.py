"""The one configuration every ``dcc.Graph`` uses: a toolbar in the reader's language with only
the buttons a reader needs, and nothing that talks to Plotly's cloud.

plotly.js 3 adds a "Share chart" button that uploads the figure to Plotly Cloud (an English
dialog, a third-party server): ``showSendToCloud`` is off everywhere. The plotly.js that Dash
serves ships no Serbian locale, so the toolbar's tooltips come from the app's own catalogue,
handed to plotly.js as a locale of the page's language (``config.locales``).
"""

from __future__ import annotations

from typing import Any, Literal

from dashboard.i18n import translate

# plotly.js's own English texts of the toolbar and its notices, as its locale dictionaries key
# them, and the catalogue message that translates each.
TOOLBAR_TEXTS: dict[str, str] = {
    "Download plot as a PNG": "toolbar.download_png",
    "Download plot": "toolbar.download",
    "Zoom in": "toolbar.zoom_in",
    "Zoom out": "toolbar.zoom_out",
    "Reset view": "toolbar.reset_view",
    "Reset axes": "toolbar.reset_axes",
    "Pan": "toolbar.pan",
    "Zoom": "toolbar.zoom",
    "Box Select": "toolbar.box_select",
    "Lasso Select": "toolbar.lasso_select",
    "Autoscale": "toolbar.autoscale",
    "Double-click to zoom back out": "toolbar.double_click",
    "Preparing image - this may take a few seconds": "toolbar.preparing",
    "Image download succeeded": "toolbar.download_done",
    "Sorry, there was a problem downloading your image!": "toolbar.download_failed",
}
# Buttons plotly.js would add that no reader of these maps needs (or that leave the app).
REMOVED_BUTTONS: tuple[str, ...] = (
    "sendChartToCloud",
    "toggleHover",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
    "toggleSpikelines",
    "autoScale2d",
)

Kind = Literal["map", "selectable-map", "static"]


def toolbar_locale(language: str) -> dict[str, Any]:
    """``config.locales`` for plotly.js: the toolbar's texts in ``language``."""
    dictionary = {english: translate(key, language) for english, key in TOOLBAR_TEXTS.items()}
    return {language: {"dictionary": dictionary}}


def graph_config(language: str, kind: Kind = "map") -> dict[str, Any]:
    """The ``config`` of a ``dcc.Graph``.

    ``map``: zoom in/out, reset view and PNG download; ``selectable-map`` adds box and lasso
    selection (the map page selects enterprises with them); ``static``: no toolbar at all (the
    charts, whose values are in their labels, and the projected presenter's slides).
    """
    config: dict[str, Any] = {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "locale": language,
        "locales": toolbar_locale(language),
    }
    if kind == "static":
        return config | {"displayModeBar": False}
    removed = list(REMOVED_BUTTONS)
    if kind == "map":
        removed += ["select2d", "lasso2d"]
    return config | {"scrollZoom": True, "modeBarButtonsToRemove": removed}

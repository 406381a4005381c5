"""Words that component libraries draw themselves, in the reader's language.

Dash 4's ``dcc.Dropdown`` writes "Select All", "3 selected", "Search", "No options found"…
in English unless it is given ``labels``; pass ``labels=dropdown_labels(language)`` to every
dropdown so that these come from the catalogue like every other text.
"""

from __future__ import annotations

from dashboard.i18n import translate

DROPDOWN_LABELS = (
    "select_all",
    "deselect_all",
    "selected_count",
    "search",
    "clear_search",
    "clear_selection",
    "no_options_found",
)


def dropdown_labels(language: str) -> dict[str, str]:
    """``dcc.Dropdown(labels=...)`` in ``language`` (``{num_selected}`` is filled by the component)."""
    return {
        name: translate(f"dropdown.{name}", language, num_selected="{num_selected}")
        for name in DROPDOWN_LABELS
    }

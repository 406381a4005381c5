"""A control panel that folds behind its title row on a narrow screen.

Below 992 px a page's controls stand above its content, so a long panel pushes the map and
the figures a person came for off the first screens of a phone. Such a panel is a native
disclosure (``<details>``/``<summary>``: keyboard, state and role come with it) sent open, so
every control is reachable for people, assistive technology and a page without scripts;
assets/filter_fold.js folds it once on a narrow screen, and a tap on the row opens it. Wider,
the row is hidden (assets/theme.css) and the panel is always open."""

from __future__ import annotations

from dash import html


def folding_panel(title: str, body: list, *, toggle_id: str, body_id: str, heading: bool = True) -> list:
    """The panel's contents: its title as a heading for wide screens (``heading``; leave it out
    when the body opens with a heading of its own) and the disclosure holding ``body``."""
    fold = html.Details(
        [
            html.Summary(
                [
                    html.Span(title, className="filter-toggle-text"),
                    html.Span(className="filter-toggle-icon", **{"aria-hidden": "true"}),
                ],
                id=toggle_id,
                className="filter-toggle",
            ),
            html.Div(body, id=body_id, className="filter-panel-body"),
        ],
        className="filter-fold",
        open=True,
    )
    return [html.H2(title, className="panel-title filter-panel-title"), fold] if heading else [fold]

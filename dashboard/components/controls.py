"""Shapes several pages share: a control with its visible label, the creative sectors as ticks,
and the body of a page with a column of controls beside its main content."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component


def labelled(
    label: str,
    control: Component,
    help_text: str | None = None,
    *,
    label_class: str = "control-label",
    **wrapper: object,
) -> html.Div:
    """``label`` tied to ``control`` by ``htmlFor`` (so a screen reader names the control), an
    optional line of help under it, in a ``Div`` that takes ``wrapper``'s props (className, id…)."""
    children: list[Component] = [html.Label(label, htmlFor=control.id, className=label_class), control]
    if help_text:
        children.append(html.Small(help_text, className="filter-help"))
    return html.Div(children, **wrapper)


def two_column_body(controls: Component, main: list[Component]) -> dbc.Container:
    """The explore and potential pages: controls on the left (a quarter on large screens),
    the content beside them (``id="main"``, the skip link's target), full width."""
    return dbc.Container(
        dbc.Row([dbc.Col(controls, lg=3), dbc.Col(html.Main(main, id="main"), lg=9)], className="g-3"),
        fluid=True,
        className="app-body",
    )


def sector_checklist(
    component_id: str, names: dict[str, str], colors: dict[str, str], value
) -> dbc.Checklist:
    """The creative sectors as ticks, each with its colour swatch (as on the maps and charts),
    in the order of ``names`` (code → name in the page's language); ``value``: the ticked codes."""
    return dbc.Checklist(
        id=component_id,
        options=[
            {
                "label": html.Span([html.Span(className="swatch", style={"background": colors[code]}), name]),
                "value": code,
            }
            for code, name in names.items()
        ],
        value=list(value),
        className="sector-checklist",
    )

"""A control with its visible label, the one shape every form field on every page takes."""

from __future__ import annotations

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

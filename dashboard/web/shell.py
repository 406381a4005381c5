"""The page's top bar in its first HTML, drawn before any script has run.

Dash renders a page only once its scripts have run and the page's layout has come back from
the server: on a cold page the first text a reader (and Lighthouse's "largest contentful
paint") saw came after about a second, with Dash's "Loading..." before it. The first HTML
carries instead the page's own top bar (``components/header.py``) written out as plain HTML:
the app's title, the region, the page links and languages (working links before any script),
and the notice that the enterprises are synthetic where they are. It looks as Dash's bar does,
which replaces it in place. The copy carries no ``id``: nothing may find it instead of the
page's own bar once that is in.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from dash.development.base_component import Component

from dashboard.components.header import header
from dashboard.sources.bundle import RegionData

# Properties written out as attributes; the rest (callback props, ids) have no meaning here, nor
# do references to ids, and a live region (role) would announce the bar twice.
ATTRIBUTES = {"className": "class", "href": "href", "title": "title", "lang": "lang", "type": "type"}
ID_REFERENCES = ("aria-controls", "aria-describedby", "aria-labelledby", "aria-owns")
# dash_bootstrap_components' badge as dbc 2 renders it.
BADGE_CLASSES = "badge bg-{color}"


def first_paint_bar(
    language: str, data: RegionData, path: str, args: dict[str, str], demo_notice: bool = True
) -> str:
    """Dash's entry point holding the page's top bar in place of Dash's "Loading...";
    ``demo_notice`` False for a page that never shows the synthetic-data notice."""
    query = urlencode({key: value for key, value in args.items() if key != "lang"})
    bar = header(language, data.region.name(language), demo_notice and data.has_synthetic, path, query)
    return f'<div id="react-entry-point">{static_html(bar)}</div>'


def static_html(node) -> str:
    """The HTML a Dash ``html`` component tree (and a dbc Badge) renders to, without its ids
    (raises TypeError for any other component: a bar that needs one needs a look here)."""
    if node is None or node is False:
        return ""
    if isinstance(node, (str, int, float)):
        return escape(str(node))
    if isinstance(node, (list, tuple)):
        return "".join(static_html(child) for child in node)
    if not isinstance(node, Component):
        raise TypeError(f"no static HTML for {type(node).__name__}")
    props = node.to_plotly_json()["props"]
    if node._namespace == "dash_bootstrap_components" and node._type == "Badge":
        tag = "span"
        classes = BADGE_CLASSES.format(color=props.get("color", "secondary"))
        props = {**props, "className": f"{classes} {props.get('className', '')}".strip()}
    elif node._namespace == "dash_html_components":
        tag = node._type.lower()
    else:
        raise TypeError(f"no static HTML for {node._namespace}.{node._type}")
    attributes = "".join(
        f' {name}="{escape(str(props[prop]))}"' for prop, name in ATTRIBUTES.items() if prop in props
    )
    attributes += "".join(
        f' {name}="{escape(str(value))}"'
        for name, value in props.items()
        if name.startswith(("aria-", "data-")) and name not in ID_REFERENCES
    )
    if props.get("hidden"):
        attributes += " hidden"
    return f"<{tag}{attributes}>{static_html(props.get('children'))}</{tag}>"

"""Accessibility: WCAG AA contrast of the theme's text on its backgrounds, colour-blind-safe
palettes, and text alternatives and labels on the presenter, profile and comparison pages and on
the explore page's folding filter panel."""

from __future__ import annotations

import re

import dash
import pytest
from dash.development.base_component import Component

from dashboard.app import create_app
from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.config import PROJECT_ROOT, Settings
from dashboard.figures.map import COLORSCALE
from dashboard.figures.potential import DIMENSION_COLORS
from dashboard.figures.style import BACKGROUND
from dashboard.i18n import LANGUAGES

ASSETS = PROJECT_ROOT / "assets"
AA_TEXT, AA_LARGE = 4.5, 3.0
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


# ----------------------------------------------------------------------------- contrast


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2.x) of a #rgb or #rrggbb colour."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(color: str, opacity: float, under: str) -> str:
    """``color`` at ``opacity`` over ``under``, as the eye sees it."""
    top = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    bottom = [int(under.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(
        f"{round(opacity * t + (1 - opacity) * b):02x}" for t, b in zip(top, bottom, strict=True)
    )


def css_rules(*names: str) -> dict[str, dict[str, str]]:
    """selector -> {property: value} of the top-level rules of our stylesheets (custom
    properties resolved); enough CSS parsing for colour declarations."""
    text = "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in names)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    text = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", text)  # print rules are not on screen
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        declarations = dict(
            (k.strip(), v.strip()) for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update(declarations)
    variables = {k: v for rule in rules.values() for k, v in rule.items() if k.startswith("--")}

    def resolve(value: str) -> str:
        found = re.search(r"var\((--[\w-]+)(?:,\s*([^)]+))?\)", value)
        if not found:
            return value
        return resolve(variables.get(found.group(1), found.group(2) or ""))

    return {s: {k: resolve(v).replace(" !important", "") for k, v in d.items()} for s, d in rules.items()}


@pytest.fixture(scope="module")
def css() -> dict[str, dict[str, str]]:
    return css_rules("theme.css", "presenting.css")


def color(css, selector: str, prop: str = "color") -> str:
    rule = css[selector]
    value = rule.get(prop) or (rule.get("background") if prop == "background-color" else None)
    assert value and value.startswith("#"), f"{selector} has no plain {prop}: {rule}"
    return value.split()[0]


# (text selector, its background's selector or a literal colour, minimum ratio)
PAIRS = [
    ("body", "body", AA_TEXT),
    (".app-header", ".app-header", AA_TEXT),
    (".app-tagline", ".app-header", AA_TEXT),
    (".demo-notice", ".demo-notice", AA_TEXT),
    (".lang-link", ".app-header", AA_TEXT),
    (".nav-link-page", ".app-header", AA_TEXT),
    (".filter-help", "#ffffff", AA_TEXT),
    (".kpi-label", "#ffffff", AA_TEXT),
    (".table-count", "#ffffff", AA_TEXT),
    (".map-summary", "#ffffff", AA_TEXT),
    (".app-footer", "body", AA_TEXT),
    (".problems-panel summary", "body", AA_TEXT),
    (".skip-link", ".skip-link", AA_TEXT),
    (".crumb-button", "#ffffff", AA_TEXT),
    # presenter mode
    (".present-root", ".present-root", AA_TEXT),
    (".present-kicker", ".present-root", AA_TEXT),
    (".present-caption", ".present-root", AA_TEXT),
    (".present-summary", ".present-root", AA_TEXT),
    (".present-keys", ".present-root", AA_TEXT),
    (".present-button", ".present-button", AA_TEXT),
    (".present-button-quiet", ".present-root", AA_TEXT),
    (".present-lang", ".present-root", AA_TEXT),
    (".present-problems", ".present-problems", AA_TEXT),
    # profile and comparison
    (".profile-sheet", ".profile-sheet", AA_TEXT),
    (".sheet-kicker", ".profile-sheet", AA_TEXT),
    (".sheet-subtitle", ".profile-sheet", AA_TEXT),
    (".sheet-note", ".profile-sheet", AA_TEXT),
    (".rank-ends", ".profile-sheet", AA_TEXT),
    (".tier-high", ".tier-high", AA_TEXT),
    (".tier-medium", ".tier-medium", AA_TEXT),
    (".tier-low", ".tier-low", AA_TEXT),
    (".sheet-warning", ".sheet-warning", AA_TEXT),
    (".compare-table .ratio", "#ffffff", AA_TEXT),
    (".compare-table .ratio", ".compare-table .region", AA_TEXT),
    (".compare-table .group-row th", ".compare-table .group-row th", AA_TEXT),
    (".page-intro", "body", AA_TEXT),
]


@pytest.mark.parametrize(("text", "background", "minimum"), PAIRS, ids=[f"{t} on {b}" for t, b, _ in PAIRS])
def test_text_meets_wcag_aa_contrast(css, text, background, minimum):
    fg = color(css, text)
    bg = background if background.startswith("#") else color(css, background, "background-color")
    assert contrast(fg, bg) >= minimum, f"{text} {fg} on {bg}: {contrast(fg, bg):.2f}"


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def _served_map_figure(query: dict) -> dict:
    """The explore page's map figure as the page serves it (not a copy of its constants)."""
    import json

    from plotly.utils import PlotlyJSONEncoder

    page = next(p for p in dash.page_registry.values() if p["path"] == "/")
    graph = next(c for c in _walk(page["layout"](**query)) if getattr(c, "id", None) == ids.MAP)
    return json.loads(json.dumps(graph.figure, cls=PlotlyJSONEncoder))


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component):
            yield from _walk(child)


def test_map_labels_stay_legible_on_every_choropleth_colour(app):
    figure = _served_map_figure({"lang": "en"})
    label_colours = {t["textfont"]["color"] for t in figure["data"] if "text" in t.get("mode", "")}
    choropleths = [t for t in figure["data"] if t["type"] == "choroplethmap" and t.get("visible", True)]
    assert label_colours and choropleths
    for trace in choropleths:
        opacity = trace.get("marker", {}).get("opacity", 1.0)
        opacities = set(opacity) if isinstance(opacity, list) else {opacity}  # faded units outside
        for _, fill in trace["colorscale"]:
            if fill.startswith("rgba"):  # a transparent outline layer: the background shows
                continue
            for alpha in opacities:
                seen = blend(fill, alpha, BACKGROUND)
                for label in label_colours:
                    assert contrast(label, seen) >= AA_TEXT, (label, fill, alpha, seen)


def test_palettes_are_colour_blind_safe(project_data):
    """Qualitative colours (sectors, dimensions) from Tol's and Okabe-Ito's colour-blind-safe
    sets; the choropleth ramp sequential (lightness falls monotonically)."""
    tol_muted = {
        "#CC6677",
        "#332288",
        "#DDCC77",
        "#117733",
        "#88CCEE",
        "#882255",
        "#44AA99",
        "#999933",
        "#AA4499",
    }
    assert {c.upper() for c in project_data.taxonomy.colors().values()} <= tol_muted | OKABE_ITO
    assert {c.upper() for c in DIMENSION_COLORS} <= OKABE_ITO
    ramp = [luminance(c) for _, c in COLORSCALE]
    assert ramp == sorted(ramp, reverse=True)


# ----------------------------------------------------------------------------- text alternatives, labels


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


def _walk(node):
    if isinstance(node, Component):
        yield node
        children = getattr(node, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            yield from _walk(child)
        for name in ("label",):
            if isinstance(getattr(node, name, None), Component):
                yield from _walk(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for child in node:
            yield from _walk(child)


PAGES = [
    ("/present", {}),
    ("/present", {"step": "4"}),
    ("/profile", {"municipality": "pirot"}),
    ("/compare", {}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("path", "params"), PAGES)
def test_every_image_chart_and_control_has_words(app, path, params, language):
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    nodes = list(_walk(page["layout"](lang=language, **params)))
    by_id = {str(getattr(n, "id", "")): n for n in nodes if getattr(n, "id", None)}
    for node in nodes:
        kind = type(node).__name__
        if kind == "Img":
            assert len(node.alt or "") > 20, "an image without a text alternative"
        if kind == "Button" and not getattr(node, "hidden", False):
            assert node.children, f"button {node.id} has no text"
        if kind in {"Input", "Textarea", "Dropdown"}:
            labels = [
                n for n in nodes if type(n).__name__ == "Label" and getattr(n, "htmlFor", None) == node.id
            ]
            assert labels, f"{kind} {node.id} has no label"
    graphs = [n for n in nodes if type(n).__name__ == "Graph" and n.figure]
    summaries = {pid.PRESENT_MAP: pid.PRESENT_SUMMARY, pid.PRESENT_RANKING: pid.PRESENT_SUMMARY}
    summaries[pid.COMPARE_CHART] = pid.COMPARE_CHART_SUMMARY
    for graph in graphs:
        box = by_id.get(pid.PRESENT_RANKING_BOX if graph.id == pid.PRESENT_RANKING else pid.PRESENT_MAP_BOX)
        if box is not None and getattr(box, "hidden", False):
            continue  # the view not on screen at this step
        summary = by_id[summaries[graph.id]]
        assert len(summary.children) > 40, f"{graph.id}: no sentence says what it shows"


def test_the_save_control_is_labelled(app):
    page = dash.page_registry["pages.explore"]
    nodes = list(_walk(page["layout"](lang="en")))
    ids = {pid.SAVE_STORY, pid.SAVE_TITLE_SR, pid.SAVE_TITLE_EN, pid.SAVE_CAPTION_SR, pid.SAVE_CAPTION_EN}
    labelled = {n.htmlFor for n in nodes if type(n).__name__ == "Label" and getattr(n, "htmlFor", None)}
    assert ids <= labelled
    assert any(type(n).__name__ == "Summary" and n.children == "Add this view to a story" for n in nodes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_folding_filter_panel_is_a_named_disclosure(app, language):
    """On a phone the explore page's filters fold (components/filters.py): a native disclosure
    (details and summary: keyboard, state and role come with it) whose summary reads the
    panel's title in the page's language and holds every filter."""
    from dashboard.components.filters import PANEL_BODY, PANEL_TOGGLE
    from dashboard.i18n import translate

    page = dash.page_registry["pages.explore"]
    nodes = list(_walk(page["layout"](lang=language)))
    fold = next(n for n in nodes if type(n).__name__ == "Details")
    summary, body = fold.children
    assert type(summary).__name__ == "Summary" and summary.id == PANEL_TOGGLE
    words = [c.children for c in summary.children if isinstance(c.children, str)]
    assert words == [translate("filters.title", language)]
    assert body.id == PANEL_BODY
    inside = {str(getattr(n, "id", "")) for n in _walk(body)}
    assert str(ids.RESET) in inside and str(ids.filter_id("search")) in inside


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_potential_pages_weights_and_settings_fold_as_one_named_disclosure(app, language):
    """On a phone the potential page's weights and settings fold behind one row
    (components/fold.py), like the explore page's filters: the row reads the panel's name in
    the page's language and the disclosure holds every weight and setting."""
    from dashboard.i18n import translate

    page = dash.page_registry["pages.potential"]
    nodes = list(_walk(page["layout"](lang=language)))
    folds = [n for n in nodes if type(n).__name__ == "Details" and n.className == "filter-fold"]
    assert len(folds) == 1
    summary, body = folds[0].children
    assert summary.id == ids.POTENTIAL_CONTROLS_TOGGLE
    assert [c.children for c in summary.children if isinstance(c.children, str)] == [
        translate("potential.controls", language)
    ]
    inside = {str(getattr(n, "id", "")) for n in _walk(body)}
    assert {ids.WEIGHTS_RESET, ids.POTENTIAL_METHOD, ids.POTENTIAL_SECTORS} <= inside

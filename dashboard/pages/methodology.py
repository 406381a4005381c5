"""The methodology page: every indicator and the index, explained from the registry.

Nothing here is written twice: names, definitions, formulas, units, sources, directions
and dimensions come from ``dashboard.valorization.registry``, the rule parameters
(winsorisation percentiles, tier cuts, number of random weightings) from the modules that
apply them. Change the code and this page changes with it.
"""

from __future__ import annotations

import re

import dash
import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.i18n import format_number, format_percent, normalise_language, translate
from dashboard.valorization.index import TIER_CUTS, WINSOR_QUANTILES
from dashboard.valorization.registry import (
    BY_KEY,
    DIMENSIONS,
    INDICATORS,
    LOCATION_QUOTIENT,
    SYMBOLS,
    Indicator,
)
from dashboard.valorization.robustness import CONCENTRATION, COVERAGE, DRAWS
from dashboard.web.runtime import current

dash.register_page(
    __name__,
    path="/methodology",
    title=page_title("nav.methodology"),
    nav_key="nav.methodology",
    order=90,
)

INDEX_STEPS = ("orient", "winsorise", "fill", "normalise", "dimensions", "aggregate", "tiers", "robustness")
CAVEATS = ("relative", "small_numbers", "coverage", "demo")
REFERENCES = ("jrc", "handbook")
SOURCE_COLUMNS = ("population_source", "area_source")


SUBSCRIPT = re.compile(r"(\w+)_([\w,]+)")


def formula(text: str) -> html.Code:
    """A registry formula with its subscripts set as subscripts: ``LQ_s,m`` -> LQ<sub>s,m</sub>."""
    parts: list = []
    position = 0
    for match in SUBSCRIPT.finditer(text):
        parts.append(text[position : match.start()])
        parts += [match.group(1), html.Sub(match.group(2))]
        position = match.end()
    parts.append(text[position:])
    return html.Code([p for p in parts if p != ""], className="formula")


def _field(label_key: str, value, language: str) -> list:
    return [html.Dt(translate(f"methodology.field.{label_key}", language)), html.Dd(value)]


def indicator_entry(indicator: Indicator, language: str) -> html.Article:
    """One indicator as the registry defines it."""
    if indicator.key == LOCATION_QUOTIENT.key:
        dimension = translate("methodology.matrix", language)
    elif indicator.dimension is None:
        dimension = translate("methodology.context_only", language)
    else:
        dimension = next(d for d in DIMENSIONS if d.key == indicator.dimension).name(language)
    direction = translate(f"methodology.direction.{'up' if indicator.direction > 0 else 'down'}", language)
    return html.Article(
        [
            html.H4(indicator.name(language), className="method-indicator-name"),
            html.Dl(
                [
                    *_field("definition", indicator.definition(language), language),
                    *_field("formula", formula(indicator.formula), language),
                    *_field("unit", indicator.unit_label(language), language),
                    *_field(
                        "source",
                        html.Ul([html.Li(translate(f"source.{s}", language)) for s in indicator.sources]),
                        language,
                    ),
                    *_field("direction", direction, language),
                    *_field("dimension", dimension, language),
                    *_field("caveat", indicator.caveat(language), language),
                ],
                className="method-fields",
            ),
        ],
        className="method-indicator",
        id=f"indicator-{indicator.key}",
    )


def _steps(language: str) -> html.Ol:
    lower, upper = WINSOR_QUANTILES
    params = {
        "winsorise": {"lower": round(lower * 100), "upper": round(upper * 100)},
        "tiers": {"low": round(TIER_CUTS[0] * 100), "high": round(TIER_CUTS[1] * 100)},
        "robustness": {
            "draws": format_number(DRAWS, language),
            "concentration": format_number(CONCENTRATION, language),
            "coverage": format_percent(COVERAGE, language, 0),
        },
    }
    return html.Ol(
        [
            html.Li(translate(f"methodology.step.{step}", language, **params.get(step, {})))
            for step in INDEX_STEPS
        ],
        className="method-steps",
    )


def _dimension_table(language: str) -> dbc.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("methodology.col.dimension", language), scope="col"),
                html.Th(translate("methodology.field.definition", language), scope="col"),
                html.Th(translate("methodology.col.weight", language), scope="col"),
                html.Th(translate("methodology.col.indicators", language), scope="col"),
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Th(d.name(language), scope="row"),
                html.Td(d.definition(language)),
                html.Td(format_percent(d.default_weight, language, 0), className="num"),
                html.Td(
                    html.Ul(
                        [
                            html.Li(html.A(BY_KEY[k].name(language), href=f"#indicator-{k}"))
                            for k in d.indicators
                        ],
                        className="mb-0 ps-3",
                    )
                ),
            ]
        )
        for d in DIMENSIONS
    ]
    return dbc.Table([head, html.Tbody(rows)], size="sm", className="method-dimensions")


def _data_sources(runtime) -> list[str]:
    """The sources the region's reference table states, row by row (data, not code)."""
    table = runtime.data.municipalities
    found: list[str] = []
    for column in SOURCE_COLUMNS:
        if column in table:
            found += [str(v) for v in table[column].dropna().unique() if str(v).strip()]
    return list(dict.fromkeys(found))


def _section(anchor: str, title: str, children: list) -> html.Section:
    return html.Section(
        [html.H3(title, className="method-heading"), *children], id=anchor, className="method-section"
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    symbols = html.Dl(
        [
            part
            for s in SYMBOLS
            for part in (html.Dt(html.Code(s)), html.Dd(translate(f"symbol.{s}", language)))
        ],
        className="method-symbols",
    )
    contents = [
        ("indicators", translate("methodology.indicators", language)),
        ("index", translate("methodology.index", language)),
        ("dimensions", translate("methodology.dimensions", language)),
        ("limitations", translate("methodology.caveats", language)),
        ("references", translate("methodology.references", language)),
    ]
    return html.Div(
        [
            header(language, data.region.name(language), data.has_synthetic, "/methodology"),
            dbc.Container(
                html.Div(
                    [
                        html.H2(translate("methodology.title", language), className="page-title"),
                        html.P(translate("methodology.intro", language), className="page-intro"),
                        html.Nav(
                            html.Ul(
                                [html.Li(html.A(title, href=f"#{anchor}")) for anchor, title in contents]
                            ),
                            className="method-contents",
                        ),
                        _section(
                            "indicators",
                            translate("methodology.indicators", language),
                            [
                                html.Div(
                                    [indicator_entry(i, language) for i in (*INDICATORS, LOCATION_QUOTIENT)],
                                    className="method-indicators",
                                ),
                                html.H4(
                                    translate("methodology.symbols", language), className="method-subheading"
                                ),
                                symbols,
                            ],
                        ),
                        _section("index", translate("methodology.index", language), [_steps(language)]),
                        _section(
                            "dimensions",
                            translate("methodology.dimensions", language),
                            [
                                _dimension_table(language),
                                html.P(translate("methodology.weights_rationale", language)),
                            ],
                        ),
                        _section(
                            "limitations",
                            translate("methodology.caveats", language),
                            [
                                html.Ul(
                                    [
                                        html.Li(translate(f"methodology.caveat.{c}", language))
                                        for c in CAVEATS
                                        if c != "demo" or data.has_synthetic
                                    ]
                                )
                            ],
                        ),
                        _section(
                            "references",
                            translate("methodology.references", language),
                            [
                                html.Ul(
                                    [
                                        html.Li(translate(f"methodology.reference.{r}", language))
                                        for r in REFERENCES
                                    ]
                                ),
                                html.H4(
                                    translate("methodology.data_sources", language),
                                    className="method-subheading",
                                ),
                                html.Ul([html.Li(source) for source in _data_sources(runtime)]),
                            ],
                        ),
                    ],
                    className="methodology",
                    id="main",
                ),
                fluid=True,
                className="app-body",
            ),
            footer(data.region.attribution, data_file, data.problems, language),
        ],
        lang=language,
    )

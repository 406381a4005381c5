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

from dashboard.components.beyond_method import beyond_section
from dashboard.components.definition_counts import definition_counts_text
from dashboard.components.footer import footer
from dashboard.components.header import header
from dashboard.components.page_title import page_title
from dashboard.i18n import format_number, format_percent, localized_text, normalise_language, translate
from dashboard.i18n.rich import translate_parts
from dashboard.sources.taxonomy import UNCERTAIN, YES, Taxonomy
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
    graphs=False,  # no Plotly graph: the page does not load plotly.js (assets/plotly_early.js)
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


def _data_sources(runtime, language: str) -> list[str]:
    """The sources the region's reference table states, row by row (data, not code), in the
    page's language where the table gives one."""
    table = runtime.data.municipalities
    found: list[str] = []
    for column in SOURCE_COLUMNS:
        if column in table:
            texts = (localized_text(row, column, language) for row in table.to_dict("records"))
            found += [text for text in texts if text.strip()]
    return list(dict.fromkeys(found))


def _codes(taxonomy: Taxonomy, codes: list[str], definition: str, language: str) -> list:
    """Class codes, each with its title on hover; an uncertain inclusion marked with '?'."""
    included = taxonomy.inclusion(definition)
    parts: list = []
    for code in codes:
        mark = "?" if included.get(code) == UNCERTAIN else ""
        if parts:
            parts.append(", ")
        parts.append(html.Abbr(code + mark, title=taxonomy.class_title(code, language)))
    return parts or ["–"]


def definitions_section(runtime, language: str) -> list:
    """The region's definitions side by side, from its taxonomy data: how many classes each
    counts, which it adds to and leaves out of the first, its source; the region's counts under
    each; how to add one."""
    taxonomy = runtime.data.taxonomy
    intro = html.P(translate("methodology.definitions_intro", language))
    how = html.P(
        translate_parts(  # file names, a column and its values: what the reader types, as code
            "methodology.definitions_add",
            language,
            classes_file=html.Code("nace_creative.csv"),
            column=html.Code("in_heritage"),
            yes=html.Code(YES),
            uncertain=html.Code(UNCERTAIN),
            definitions_file=html.Code("definitions.csv"),
            setting=html.Code("[definitions] default"),
            manifest=html.Code("region.toml"),
        )
    )
    if not taxonomy.has_definitions:
        return [intro, how]
    first = set(taxonomy.classes_in(taxonomy.definition_ids[0]))
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate(f"methodology.definitions.col.{c}", language), scope="col")
                for c in ("name", "classes", "adds", "leaves", "source")
            ]
        )
    )
    rows = []
    for position, definition in enumerate(taxonomy.definition_ids):
        members = taxonomy.classes_in(definition)
        adds = sorted(c for c in members if c not in first) if position else []
        leaves = sorted(c for c in first if c not in members) if position else []
        rows.append(
            html.Tr(
                [
                    html.Th(taxonomy.definition_name(definition, language), scope="row"),
                    html.Td(str(len(members)), className="num"),
                    html.Td(_codes(taxonomy, adds, definition, language) if position else "–"),
                    html.Td(
                        _codes(taxonomy, leaves, taxonomy.definition_ids[0], language) if position else "–"
                    ),
                    html.Td(str(taxonomy.definitions.at[definition, "source"] or "–"), lang="en"),
                ],
                **{"data-definition": definition},
            )
        )
    counts = runtime.columns.count_by_definition().sum()
    region = translate(
        "methodology.definitions_region",
        language,
        counts=definition_counts_text(taxonomy, counts.to_dict(), language),
        default=taxonomy.definition_name(taxonomy.default_definition, language),
    )
    return [
        intro,
        html.Div(
            dbc.Table([head, html.Tbody(rows)], size="sm", className="method-definitions"),
            className="table-responsive",
        ),
        html.P(translate("methodology.definitions_uncertain", language)),
        html.P(region),
        html.P(translate("methodology.definitions_unesco", language)),
        how,
    ]


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
        ("definitions", translate("methodology.definitions", language)),
        ("beyond", translate("methodology.beyond", language)),
        ("limitations", translate("methodology.caveats", language)),
        ("references", translate("methodology.references", language)),
    ]
    return html.Div(
        [
            header(language, data.region.name(language), data.has_synthetic, "/methodology"),
            dbc.Container(
                html.Main(
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
                            "definitions",
                            translate("methodology.definitions", language),
                            definitions_section(runtime, language),
                        ),
                        _section(
                            "beyond",
                            translate("methodology.beyond", language),
                            beyond_section(runtime, language),
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
                                        # Cited works keep their own (English) titles;
                                        # lang tells screen readers and checks so.
                                        html.Li(translate(f"methodology.reference.{r}", language), lang="en")
                                        for r in REFERENCES
                                    ]
                                ),
                                html.H4(
                                    translate("methodology.data_sources", language),
                                    className="method-subheading",
                                ),
                                html.Ul([html.Li(source) for source in _data_sources(runtime, language)]),
                            ],
                        ),
                    ],
                    className="methodology",
                    id="main",
                ),
                fluid=True,
                className="app-body",
            ),
            footer(data.region.credits(language), data_file, data.problems, language),
        ],
        lang=language,
    )

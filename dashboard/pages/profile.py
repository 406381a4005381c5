"""The municipality profile: one page per unit, to read on screen, print or export.

``/profile?municipality=pirot&lang=en``: key figures against the district and the region,
the sector mix, the development-potential breakdown and tier, how robust its rank is, a
locator map, and the date and source of the data. ``&print=1`` is the same sheet alone (no
navigation or buttons); it is what the print stylesheet and the PDF and PNG exports show.
The exports are rendered by the local headless Chromium (``CIM_CHROMIUM``) on this very
page, offline, and handed to the browser as a download.
"""

from __future__ import annotations

import base64
import datetime as dt
from urllib.parse import quote

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.analysis.summaries import inset_summary, potential_summary, sector_mix_summary
from dashboard.analysis.views import sector_names, unit_names
from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.components.controls import labelled
from dashboard.components.definition_counts import (
    counted_under_text,
    definition_counts_text,
    known_definition,
)
from dashboard.components.filters import definition_control
from dashboard.components.footer import footer
from dashboard.components.header import header, language_href
from dashboard.components.page_title import page_title
from dashboard.components.peer_views import culture_line, profile_peers
from dashboard.figures.potential import DIMENSION_COLORS
from dashboard.i18n import (
    LANGUAGES,
    format_number,
    format_percent,
    localized_name,
    normalise_language,
    translate,
)
from dashboard.i18n.dates import format_date
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.profiles import Profile, format_indicator, inset_svg, municipality_profile
from dashboard.outputs.rendering import RenderError, render_page, render_slot
from dashboard.valorization.registry import BY_KEY, DIMENSIONS
from dashboard.web.jobs import RENDER_ORIGIN
from dashboard.web.runtime import Runtime, current

dash.register_page(
    __name__,
    path="/profile",
    title=page_title("nav.profile"),
    graphs=False,  # no Plotly graph (the locator map is SVG): no plotly.js (assets/plotly_early.js)
    nav_key="nav.profile",
    order=30,
)

QUEUE_WAIT_S = 120  # with Celery, how long an export waits for a free slot before "busy"
TIER_CLASS = {"high": "tier-high", "medium": "tier-medium", "low": "tier-low"}


def _code(runtime: Runtime, municipality: str | None) -> str | None:
    table = runtime.data.municipalities
    if municipality in table.index:
        return municipality
    return str(table.index[0]) if len(table.index) else None


def _name(runtime: Runtime, code: str, language: str) -> str:
    return localized_name(runtime.data.municipalities.loc[code].to_dict(), language)


def _district_name(runtime: Runtime, code: str, language: str) -> str:
    districts = runtime.data.districts
    return localized_name(districts.loc[code].to_dict(), language) if code in districts.index else code


def _query(code: str | None, definition: str = "") -> str:
    """The page's state without the language: the unit and, when chosen, the definition."""
    query = f"?municipality={code}" if code else ""
    if definition:
        query += ("&" if query else "?") + f"definition={quote(definition)}"
    return query


# ----------------------------------------------------------------------------- the sheet


def _figures_table(profile: Profile, language: str) -> dbc.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(translate("profile_page.col.indicator", language), scope="col"),
                html.Th(translate("profile_page.col.municipality", language), scope="col"),
                html.Th(translate("profile_page.col.district", language), scope="col"),
                html.Th(translate("profile_page.col.region", language), scope="col"),
            ]
        )
    )
    rows = []
    for row in profile.figures:
        indicator = BY_KEY[row.key]
        rows.append(
            html.Tr(
                [
                    html.Th(
                        [
                            indicator.name(language),
                            html.Span(indicator.unit_label(language), className="unit"),
                        ],
                        scope="row",
                    ),
                    html.Td(format_indicator(indicator, row.own, language), className="num own"),
                    html.Td(format_indicator(indicator, row.district, language), className="num"),
                    html.Td(format_indicator(indicator, row.region, language), className="num"),
                ],
                **{"data-key": row.key},
            )
        )
    return dbc.Table([head, html.Tbody(rows)], size="sm", className="sheet-table figures-table")


def _bar(share: float, color: str | None = None) -> html.Span:
    width = max(0.0, min(share, 1.0)) * 100
    style = {"width": f"{width:.1f}%"} | ({"background": color} if color else {})
    return html.Span(html.Span(style=style), className="sheet-track", **{"aria-hidden": "true"})


def _sector_mix(runtime: Runtime, profile: Profile, language: str) -> html.Div:
    names = sector_names(runtime.data.taxonomy, language)
    colors = runtime.data.taxonomy.colors()
    top = max((s.share for s in profile.sectors), default=1.0) or 1.0
    head = html.Tr(
        [
            html.Th(translate("profile_page.col.sector", language), scope="col"),
            html.Th(translate("profile_page.col.enterprises", language), scope="col", className="num"),
            html.Th(translate("profile_page.col.share", language), scope="col", className="num"),
            html.Th(html.Span(translate("profile_page.col.bar", language), className="visually-hidden")),
            html.Th(
                translate("profile_page.col.lq_short", language),
                scope="col",
                className="num",
                title=translate("profile_page.col.lq", language),
            ),
        ]
    )
    rows = [
        html.Tr(
            [
                html.Th(
                    [
                        html.Span(className="swatch", style={"background": colors.get(s.sector)}),
                        names[s.sector],
                    ],
                    scope="row",
                ),
                html.Td(format_number(s.count, language), className="num"),
                html.Td(format_percent(s.share, language), className="num"),
                html.Td(_bar(s.share / top, colors.get(s.sector)), className="bar-cell"),
                html.Td(format_number(s.lq, language, 2), className="num"),
            ]
        )
        for s in profile.sectors
    ]
    return html.Div(
        [
            dbc.Table([html.Thead(head), html.Tbody(rows)], size="sm", className="sheet-table mix-table"),
            html.P(sector_mix_summary(profile.sectors, names, language), className="sheet-note sheet-alt"),
            html.P(translate("profile_page.lq_help", language), className="sheet-note"),
        ]
    )


def _potential(profile: Profile, language: str) -> html.Div:
    potential = profile.potential
    if potential is None:
        return html.P(translate("profile_page.no_potential", language))
    dimension_names = {d.key: d.name(language) for d in DIMENSIONS}
    colors = dict(zip([d.key for d in DIMENSIONS], DIMENSION_COLORS, strict=False))
    rows = [
        html.Tr(
            [
                html.Th(
                    [
                        html.Span(className="swatch", style={"background": colors.get(key)}),
                        dimension_names[key],
                    ],
                    scope="row",
                ),
                html.Td(format_number(score, language, 1), className="num"),
                html.Td(_bar(score / 100, colors.get(key)), className="bar-cell"),
                html.Td(format_percent(potential.weights.get(key, 0.0), language, 0), className="num"),
                html.Td(format_number(potential.contributions.get(key, 0.0), language, 1), className="num"),
            ]
        )
        for key, score in potential.dimensions.items()
    ]
    head = html.Tr(
        [
            html.Th(translate("profile_page.col.dimension", language), scope="col"),
            html.Th(translate("profile_page.col.score", language), scope="col", className="num"),
            html.Th(html.Span(translate("profile_page.col.bar", language), className="visually-hidden")),
            html.Th(translate("profile_page.col.weight", language), scope="col", className="num"),
            html.Th(translate("profile_page.col.points", language), scope="col", className="num"),
        ]
    )
    span = max(potential.count - 1, 1)

    def at(rank: float) -> str:
        return f"{100 * (rank - 1) / span:.1f}%"

    robustness = html.Div(
        [
            html.Div(
                [
                    html.Span(
                        className="rank-range",
                        style={
                            "left": at(potential.best),
                            "width": f"{max(100 * (potential.worst - potential.best) / span, 1.5):.1f}%",
                        },
                    ),
                    html.Span(className="rank-dot", style={"left": at(potential.rank)}),
                ],
                className="rank-track",
                **{"aria-hidden": "true"},
            ),
            html.Div(
                [html.Span("1"), html.Span(str(potential.count))],
                className="rank-ends",
                **{"aria-hidden": "true"},
            ),
            html.P(
                translate(
                    "profile_page.robustness",
                    language,
                    rank=potential.rank,
                    count=potential.count,
                    best=potential.best,
                    worst=potential.worst,
                    coverage=format_percent(potential.coverage, language, 0),
                    draws=format_number(potential.draws, language),
                    median=format_number(potential.median, language, 1),
                ),
                className="sheet-note",
            ),
        ],
        className="robustness",
    )
    return html.Div(
        [
            html.Div(
                [
                    html.Div(
                        [
                            html.Span(format_number(potential.score, language, 1), className="big-number"),
                            html.Span(translate("profile_page.of_100", language), className="big-unit"),
                        ]
                    ),
                    html.Div(
                        [
                            html.Span(
                                translate(
                                    "profile_page.rank", language, rank=potential.rank, count=potential.count
                                ),
                                className="rank-text",
                            ),
                            html.Span(
                                translate(
                                    "profile_page.tier",
                                    language,
                                    tier=translate(f"tier.{potential.tier}", language),
                                ),
                                className=f"tier-pill {TIER_CLASS.get(potential.tier, '')}",
                            ),
                        ],
                        className="rank-block",
                    ),
                ],
                className="potential-head",
            ),
            dbc.Table(
                [html.Thead(head), html.Tbody(rows)], size="sm", className="sheet-table dimension-table"
            ),
            html.P(potential_summary(potential, dimension_names, language), className="sheet-note sheet-alt"),
            html.H3(translate("profile_page.robustness_title", language), className="sheet-h3"),
            robustness,
        ]
    )


def _facts(runtime: Runtime, profile: Profile, language: str, today: dt.date) -> html.Div:
    facts = profile.facts
    items = [
        html.Li(
            [
                html.Strong(translate("profile_page.source.enterprises", language)),
                " ",
                translate(
                    "profile_page.source.enterprises_text",
                    language,
                    file=facts.enterprises_file,
                    year=facts.reference_year or "–",
                ),
                *([" (", "; ".join(facts.enterprise_sources), ")"] if facts.enterprise_sources else []),
            ]
        ),
        html.Li(
            [
                html.Strong(translate("profile_page.source.population", language)),
                " ",
                facts.source("population_source", language) or "–",
            ]
        ),
        html.Li(
            [
                html.Strong(translate("profile_page.source.area", language)),
                " ",
                facts.source("area_source", language) or "–",
            ]
        ),
        *[
            html.Li([html.Strong(translate(f"footer.{key}", language) + ":"), " ", text])
            for key, text in facts.credits(language).items()
            if f"footer.{key}" in _catalogue()
        ],
        html.Li(
            [
                html.Strong(translate("profile_page.source.index", language)),
                " ",
                translate("profile_page.source.index_text", language),
            ]
        ),
    ]
    return html.Div(
        [
            html.P(
                translate("profile_page.synthetic", language),
                className="sheet-warning",
            )
            if facts.synthetic
            else None,
            html.Ul(items, className="sheet-sources"),
            html.P(
                translate("profile_page.prepared", language, date=format_date(today, language)),
                className="sheet-note",
            ),
        ]
    )


def _catalogue() -> set[str]:
    from dashboard.i18n.catalogue import MESSAGES

    return set(MESSAGES)


def _definition_counts(runtime: Runtime, profile: Profile, language: str) -> html.P | None:
    """Its creative enterprises under each definition side by side (issue 10)."""
    text = definition_counts_text(runtime.data.taxonomy, profile.definition_counts, language)
    if not text:
        return None
    counts = translate("definitions.counts", language, counts=text)
    under = counted_under_text(runtime.data.taxonomy, profile.definition, language)
    return html.P([counts, html.Br(), under] if under else counts, className="sheet-facts sheet-definitions")


def sheet(
    runtime: Runtime, code: str, language: str, today: dt.date | None = None, definition: str = ""
) -> list:
    """The profile sheet's content for municipality ``code``, counted under ``definition``."""
    today = today or dt.date.today()
    profile = municipality_profile(runtime, code, definition)
    data = runtime.data
    name = _name(runtime, code, language)
    district = _district_name(runtime, profile.district, language)
    members = list(data.municipalities.index[data.municipalities["district_code"] == profile.district])
    svg = inset_svg(runtime.map_base, code, members)
    inset_text = inset_summary(name, district, len(data.municipalities), language)
    density = profile.population / profile.area_km2 if profile.area_km2 else float("nan")
    return [
        html.Header(
            [
                html.P(translate("profile_page.kicker", language), className="sheet-kicker"),
                html.H1(name, className="sheet-title"),
                html.P([district, " · ", data.region.name(language)], className="sheet-subtitle"),
                html.P(
                    translate(
                        "profile_page.facts",
                        language,
                        population=format_number(profile.population, language),
                        area=format_number(profile.area_km2, language),
                        density=format_number(density, language, 1),
                    ),
                    className="sheet-facts",
                ),
                _definition_counts(runtime, profile, language),
                culture_line(runtime, code, language),
            ],
            className="sheet-header",
        ),
        html.Div(
            [
                html.Section(
                    [
                        html.H2(translate("profile_page.figures", language), className="sheet-h2"),
                        _figures_table(profile, language),
                        html.P(translate("profile_page.figures_help", language), className="sheet-note"),
                    ],
                    className="sheet-figures",
                ),
                html.Section(
                    [
                        html.H2(translate("profile_page.location", language), className="sheet-h2"),
                        html.Img(
                            src="data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
                            alt=inset_text,
                            className="sheet-inset",
                        )
                        if svg
                        else None,
                        html.P(inset_text, className="sheet-note sheet-alt"),
                    ],
                    className="sheet-location",
                ),
            ],
            className="sheet-row",
        ),
        html.Div(
            [
                html.Section(
                    [
                        html.H2(translate("profile_page.sectors", language), className="sheet-h2"),
                        _sector_mix(runtime, profile, language),
                    ],
                    className="sheet-sectors",
                ),
                html.Section(
                    [
                        html.H2(translate("profile_page.potential", language), className="sheet-h2"),
                        _potential(profile, language),
                    ],
                    className="sheet-potential",
                ),
            ],
            className="sheet-row sheet-row-even",
        ),
        profile_peers(runtime, code, language),
        html.Section(
            [
                html.H2(translate("profile_page.sources", language), className="sheet-h2"),
                _facts(runtime, profile, language, today),
            ],
            className="sheet-data",
        ),
    ]


# ----------------------------------------------------------------------------- layout


def _toolbar(runtime: Runtime, code: str, language: str, definition: str = "") -> html.Div:
    names = unit_names(runtime.data.municipalities, language)
    options = sorted(({"label": name, "value": c} for c, name in names.items()), key=lambda o: o["label"])
    return html.Div(
        [
            labelled(
                translate("profile_page.pick", language),
                dcc.Dropdown(
                    id=pid.PROFILE_PICK,
                    options=options,
                    value=code,
                    clearable=False,
                    labels=dropdown_labels(language),
                    className="profile-pick",
                ),
                className="control control-grow",
            ),
            definition_control(runtime.data.taxonomy, language, definition, ids.PROFILE_DEFINITION),
            html.Div(
                [
                    *[
                        html.Button(
                            translate(f"profile_page.{key}", language), id=button, className=style, n_clicks=0
                        )
                        for key, button, style in (
                            ("print", pid.PROFILE_PRINT, "btn btn-outline-primary btn-sm"),
                            ("pdf", pid.PROFILE_PDF, "btn btn-primary btn-sm"),
                            ("png", pid.PROFILE_PNG, "btn btn-primary btn-sm"),
                        )
                    ],
                ],
                className="profile-actions",
            ),
            html.Div(id=pid.PROFILE_EXPORT_STATUS, role="status", className="profile-status"),
        ],
        className="profile-toolbar no-print",
    )


def layout(
    lang: str | None = None, municipality: str | None = None, definition: str | None = None, **query: str
):
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    data = runtime.data
    code = _code(runtime, municipality)
    definition = known_definition(data.taxonomy, definition)
    printing = query.get("print") == "1"
    if code is None:
        content = [html.P(translate("profile_page.no_units", language))]
    else:
        content = sheet(runtime, code, language, definition=definition)
    article = html.Article(content, id=pid.PROFILE_SHEET, className="profile-sheet", lang=language)
    if printing:
        return html.Div([article], className="profile-page profile-print", lang=language)
    data_file = data.enterprises_file.name if data.enterprises_file else "–"
    return html.Div(
        [
            dcc.Store(id=pid.PROFILE_LANGUAGE, data=language),
            dcc.Download(id=pid.PROFILE_DOWNLOAD),
            html.Div(id=pid.PROFILE_PRINT_SYNC, hidden=True),
            html.Div(
                header(
                    language,
                    data.region.name(language),
                    data.has_synthetic,
                    "/profile",
                    _query(code, definition),
                ),
                className="no-print",
            ),
            dbc.Container(
                [
                    _toolbar(runtime, code, language, definition) if code else None,
                    html.Main(article, id="main"),
                ],
                fluid=True,
                className="app-body profile-body",
            ),
            html.Div(
                footer(data.region.credits(language), data_file, data.problems, language),
                className="no-print",
            ),
        ],
        className="profile-page",
        lang=language,
    )


# ----------------------------------------------------------------------------- callbacks


@dash.callback(
    Output(pid.PROFILE_SHEET, "children"),
    Output({"type": ids.LANGUAGE_LINK, "lang": ALL}, "href"),
    Input(pid.PROFILE_PICK, "value"),
    Input(ids.PROFILE_DEFINITION, "value"),
    State(pid.PROFILE_LANGUAGE, "data"),
    prevent_initial_call=True,
)
def pick(code, definition, language):
    runtime = current()
    if code not in runtime.data.municipalities.index:
        return no_update, [no_update] * len(LANGUAGES)
    definition = known_definition(runtime.data.taxonomy, definition)
    return (
        sheet(runtime, code, language, definition=definition),
        [language_href(lang, _query(code, definition)) for lang in LANGUAGES],
    )


def export_url(origin: str, code: str, language: str, definition: str = "") -> str:
    chosen = f"&definition={quote(definition)}" if definition else ""
    return f"{origin}/profile?municipality={quote(code)}&lang={quote(language)}{chosen}&print=1"


@dash.callback(
    Output(pid.PROFILE_DOWNLOAD, "data"),
    Output(pid.PROFILE_EXPORT_STATUS, "children"),
    Input(pid.PROFILE_PDF, "n_clicks"),
    Input(pid.PROFILE_PNG, "n_clicks"),
    State(pid.PROFILE_PICK, "value"),
    State(pid.PROFILE_LANGUAGE, "data"),
    State(ids.PROFILE_DEFINITION, "value"),
    background=True,  # a job beside the server (or on Celery workers): never in the request
    running=[
        (Output(pid.PROFILE_PDF, "disabled"), True, False),
        (Output(pid.PROFILE_PNG, "disabled"), True, False),
    ],
    prevent_initial_call=True,
)
def export(_pdf, _png, code, language, definition=None):
    """Render this profile's print version with the local headless Chromium and send the file.

    At most ``export_slots`` renders run on the machine at once: a further click is told the
    server is busy (with Celery, a worker waits its turn instead: that is the queue)."""
    runtime = current()
    if code not in runtime.data.municipalities.index:
        return no_update, no_update
    kind = "pdf" if ctx.triggered_id == pid.PROFILE_PDF else "png"
    origin = ctx.custom_data.get(RENDER_ORIGIN) or f"http://127.0.0.1:{runtime.settings.port}"
    settings = runtime.settings
    wait = QUEUE_WAIT_S if settings.redis_url else 0.0
    try:
        with render_slot(settings.jobs_dir, settings.export_slots, wait) as free:
            if not free:
                raise RenderError("busy")
            url = export_url(origin, code, language, known_definition(runtime.data.taxonomy, definition))
            content = render_page(settings.chromium, url, kind)
    except RenderError as error:
        message = translate(f"profile_page.export.{error.code}", language, **error.details)
        return no_update, dbc.Alert(message, color="danger", className="py-2 mb-0")
    filename = f"profile-{code}-{language}.{kind}"
    done = translate(
        "profile_page.export.done", language, file=filename, size=format_number(len(content) / 1024, language)
    )
    return dcc.send_bytes(content, filename), dbc.Alert(done, color="success", className="py-2 mb-0")


dash.clientside_callback(
    ClientsideFunction(namespace="profilePage", function_name="print"),
    Output(pid.PROFILE_PRINT_SYNC, "title"),
    Input(pid.PROFILE_PRINT, "n_clicks"),
    prevent_initial_call=True,
)

dash.clientside_callback(
    ClientsideFunction(namespace="profilePage", function_name="syncUrl"),
    Output(pid.PROFILE_PRINT_SYNC, "children"),
    Input(pid.PROFILE_PICK, "value"),
    Input(ids.PROFILE_DEFINITION, "value"),
    State(pid.PROFILE_LANGUAGE, "data"),
)

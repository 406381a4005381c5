"""The explore map as a print-ready sheet: ``/map-print?<explore query>&paper=a4|poster&lang=``.

One sheet exactly the paper's size (A4 landscape, or an A1 landscape poster): a title saying
what the map shows (indicator, level, filters in words, definition), the very map the explore
page draws for the same address (not interactive), its key, a scale bar, and the sources,
credits and date in the page's language. It is not in the menu: the explore page's export
buttons (``components/map_export.py``) render it to PDF and PNG with the local headless
Chromium, and a reader can print it from the browser as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import dash
from dash import Input, Output, dcc, html

from dashboard.analysis.mapmodel import METRIC_DECIMALS, MapView
from dashboard.analysis.summaries import map_summary
from dashboard.analysis.views import (
    counts_view,
    map_view_of_state,
    sector_names,
    unit_names,
    units_in_scope,
)
from dashboard.components.definition_counts import counted_under_text
from dashboard.components.map_legend import map_legend
from dashboard.components.page_title import app_title, page_title
from dashboard.components.problems import without_paths
from dashboard.figures.map import sector_legend
from dashboard.figures.print_map import (
    GAP_PX,
    MAP_PX,
    MARGIN_PX,
    PAPERS,
    SCALE_MAX_PX,
    SIDE_PX,
    ColourKey,
    Paper,
    colour_key,
    print_map_figure,
    print_zoom,
    scale_bar,
)
from dashboard.i18n import format_number, normalise_language, translate
from dashboard.i18n.dates import format_date
from dashboard.web.runtime import Runtime, current
from dashboard.web.state import ExploreState

# A sheet of paper, no top bar: its first HTML shows none either (dashboard/web/shell.py).
dash.register_page(__name__, path="/map-print", title=page_title("map_print.page"), top_bar=False)

PAPER_STORE = "map-print-paper"
PAPER_STYLE = "map-print-paper-style"


def _valid_lq(runtime: Runtime, lq_sector: str) -> str:
    return lq_sector if lq_sector in runtime.data.taxonomy.sector_codes else ""


def _names(codes: tuple[str, ...], names) -> str:
    return ", ".join(str(names.get(code, code)) for code in codes)


def filters_in_words(runtime: Runtime, state: ExploreState, language: str) -> str:
    """The filters of ``state`` as a reader says them ("District: Pirot; Founding year:
    2010–2020"), or that there are none: a printed map has no filter panel to look at."""
    filters, data = state.filters, runtime.data
    parts: list[tuple[str, str]] = []
    if filters.districts:
        parts.append(("filters.district", _names(filters.districts, unit_names(data.districts, language))))
    if filters.municipalities:
        municipalities = unit_names(data.municipalities, language)
        parts.append(("filters.municipality", _names(filters.municipalities, municipalities)))
    if filters.sectors:
        parts.append(("filters.sector", _names(filters.sectors, sector_names(data.taxonomy, language))))
    if filters.size_classes:
        sizes = ", ".join(translate(f"size.{s}", language) for s in filters.size_classes)
        parts.append(("filters.size", sizes))
    if filters.tiers:
        parts.append(("filters.tier", ", ".join(translate(f"tier.{t}", language) for t in filters.tiers)))
    if filters.years:
        years = translate("map_print.years", language, first=filters.years[0], last=filters.years[1])
        parts.append(("filters.years", years))
    low, high = filters.min_employees, filters.max_employees
    if low is not None or high is not None:
        if low is not None and high is not None:
            text = translate(
                "map_print.employees_range",
                language,
                low=format_number(low, language),
                high=format_number(high, language),
            )
        elif low is not None:
            text = f"{translate('employees.min', language)} {format_number(low, language)}"
        else:
            text = f"{translate('employees.max', language)} {format_number(high, language)}"
        parts.append(("employees.label", text))
    words = [f"{translate(key, language)}: {value}" for key, value in parts]
    if filters.search:
        words.append(translate("map_print.search", language, text=filters.search))
    if not state.approximate:
        words.append(translate("map_print.exact_only", language))
    if not words:
        return translate("map_print.no_filters", language)
    return translate("map_print.filters", language, filters="; ".join(words))


def _framing(runtime: Runtime, state: ExploreState) -> tuple[dict[str, float], float]:
    """Centre and zoom of the explore map for ``state`` (its view, else its places, else the
    region), as the explore page frames it."""
    if state.view:
        return {"lat": state.view[0], "lon": state.view[1]}, state.view[2]
    places = list(state.filters.municipalities or state.filters.districts)
    return runtime.map_base.focus(places) if places else (runtime.map_base.center, runtime.map_base.zoom)


def _title(runtime: Runtime, view: MapView, language: str) -> str:
    """What the map's colours show (hexagons count enterprises whatever the indicator), or, when
    it colours no areas, the enterprises it draws."""
    key = colour_key(view, runtime.map_base, language)
    return key.title if key and key.title else translate("map.legend.sectors", language)


def _key_decimals(view: MapView) -> int:
    hexagons = view.level == "hexagon" or (view.level == "enterprises" and not view.points_shown)
    return METRIC_DECIMALS.get(view.hexagon_metric if hexagons else view.metric, 0)


def _colour_key(key: ColourKey | None, decimals: int, language: str) -> html.Div | None:
    if key is None:
        return None
    middle = (key.low + key.high) / 2
    ticks = [format_number(value, language, decimals) for value in (key.low, middle, key.high)]
    return html.Div(
        [
            html.P(key.title, className="print-key-title"),
            html.Div(className="print-gradient", style={"background": key.gradient()}),
            html.Div([html.Span(tick) for tick in ticks], className="print-ticks"),
        ],
        className="print-colour-key",
    )


def _legend(runtime: Runtime, view: MapView, language: str) -> list:
    taxonomy = runtime.data.taxonomy
    level = "district" if view.level == "district" else "municipality"
    any_outside = view.level in ("district", "municipality") and not bool(view.inside(level).all())
    items = map_legend(
        sector_legend(view, taxonomy.sector_codes),
        sector_names(taxonomy, language),
        taxonomy.colors(),
        any_outside,
        language,
    )
    return [
        html.H2(translate("map_print.key", language), className="print-h2"),
        _colour_key(colour_key(view, runtime.map_base, language), _key_decimals(view), language),
        html.Div(items, className="print-legend-items"),
    ]


def _map_overlay(center: dict[str, float], zoom: float, paper: Paper, language: str) -> list:
    bar = scale_bar(center["lat"], zoom, paper.px(SCALE_MAX_PX))
    return [
        html.Div(
            [
                html.Div(className="print-scale-bar", style={"width": f"{bar.pixels:.1f}px"}),
                html.Span(bar.label(language), className="print-scale-label"),
            ],
            className="print-scale",
            title=translate("map_print.scale", language),
            **{"data-metres": f"{bar.metres:g}"},
        ),
        html.Div(
            [html.Span("▲", className="print-north-arrow"), translate("map_print.north", language)],
            className="print-north",
            title=translate("map_print.north_label", language),
            **{"aria-label": translate("map_print.north_label", language)},
        ),
    ]


def _sources(runtime: Runtime, synthetic: bool, language: str, today: dt.date) -> list:
    data = runtime.data
    known = _catalogue()
    credits = [
        html.Li(
            [
                html.Strong(translate(f"footer.{key}", language) if f"footer.{key}" in known else key),
                ": ",
                text,
            ]
        )
        for key, text in data.region.credits(language).items()
    ]
    if data.enterprises_file:
        file = without_paths(data.enterprises_file.name)
        credits.insert(0, html.Li(translate("map_print.data_file", language, file=file)))
    return [
        html.H2(translate("map_print.sources", language), className="print-h2"),
        html.P(translate("map_print.synthetic", language), className="print-warning") if synthetic else None,
        html.Ul(credits, className="print-sources"),
        html.P(
            translate("map_print.date", language, date=format_date(today, language)), className="print-date"
        ),
    ]


def _catalogue() -> set[str]:
    from dashboard.i18n.catalogue import MESSAGES

    return set(MESSAGES)


def print_sheet(
    runtime: Runtime, state: ExploreState, paper: Paper, language: str, today: dt.date | None = None
) -> html.Div:
    """The whole sheet for the explore state ``state`` on ``paper``."""
    today = today or dt.date.today()
    data = runtime.data
    view = map_view_of_state(runtime, state, language)
    width, height = paper.px(MAP_PX[0]), paper.px(MAP_PX[1])
    center, explore_zoom = _framing(runtime, state)
    zoom = print_zoom(explore_zoom, width, height)
    colors = data.taxonomy.colors()
    frame = (center, zoom, width, height)
    figure = print_map_figure(view, runtime.map_base, language, runtime.style, colors, frame, paper.factor)
    counts = counts_view(runtime, state.filters)
    summary = map_summary(
        view, counts.totals["enterprises"], language, units_in_scope(runtime, state.filters)
    )
    definition = counted_under_text(data.taxonomy, state.filters.definition, language)
    subtitle = f"{data.region.name(language)} · {translate(f'level.{state.level}', language)}"
    factor = paper.factor
    return html.Div(
        [
            html.Header(
                [
                    html.P(app_title(language), className="print-kicker"),
                    html.H1(_title(runtime, view, language), className="print-title"),
                    html.P(subtitle, className="print-subtitle"),
                    html.P(
                        [
                            filters_in_words(runtime, state, language),
                            *([" ", definition] if definition else []),
                        ],
                        className="print-filters",
                    ),
                ],
                className="print-header",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            dcc.Graph(
                                figure=figure,
                                config={"staticPlot": True},
                                style={"width": f"{width}px", "height": f"{height}px"},
                                className="print-graph",
                            ),
                            *_map_overlay(center, zoom, paper, language),
                        ],
                        className="print-map",
                        role="img",
                        **{"aria-label": translate("map_print.alt", language, summary=summary)},
                        style={"width": f"{width}px", "height": f"{height}px"},
                    ),
                    html.Aside(
                        [
                            *_legend(runtime, view, language),
                            *_sources(runtime, counts.synthetic_shown, language, today),
                        ],
                        className="print-side",
                        style={"width": f"{paper.px(SIDE_PX)}px"},
                    ),
                ],
                className="print-body",
                style={"gap": f"{paper.px(GAP_PX)}px"},
            ),
        ],
        className=f"map-sheet paper-{paper.name}",
        lang=language,
        style={
            "width": f"{paper.width_mm}mm",
            "height": f"{paper.height_mm}mm",
            "padding": f"{paper.px(MARGIN_PX)}px",
            "fontSize": f"{10 * factor:.2f}px",
        },
    )


def layout(lang: str | None = None, paper: str | None = None, **query: str) -> html.Div:
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    state = ExploreState.from_query(query)
    state = replace(state, lq_sector=_valid_lq(runtime, state.lq_sector))
    chosen = PAPERS.get(paper or "a4", PAPERS["a4"])
    return html.Div(
        [
            html.Main(print_sheet(runtime, state, chosen, language), id="main"),
            # The paper's size for printing (Chromium's PDF export, or the reader's browser).
            dcc.Store(id=PAPER_STORE, data=chosen.css_size),
            html.Div(id=PAPER_STYLE, hidden=True),
        ],
        className="map-print-page",
        lang=language,
    )


# An @page rule only this page carries (later than the app's own in assets/presenting.css):
# CSS cannot choose an @page size by a class, and Dash renders no <style> element.
dash.clientside_callback(
    """function (size) {
        let style = document.getElementById("map-print-page-size");
        if (!style) {
            style = document.createElement("style");
            style.id = "map-print-page-size";
            document.head.appendChild(style);
        }
        style.textContent = "@page { size: " + size + "; margin: 0; }";
        return size;
    }""",
    Output(PAPER_STYLE, "title"),
    Input(PAPER_STORE, "data"),
)

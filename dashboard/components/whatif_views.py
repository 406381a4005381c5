"""The potential page's what-if card: the form that adds a change, the scenario's changes
(each removable), and the side-by-side view -- index, tier, rank and rank range now and with
the scenario, and the indicators of the municipalities it changes. Pure builders; the page
(``dashboard/pages/potential.py``) wires them, ``dashboard.outputs.beyond`` computes."""

from __future__ import annotations

from collections.abc import Collection

import dash_bootstrap_components as dbc
import numpy as np
from dash import dcc, html

from dashboard.analysis.views import sector_names, unit_names
from dashboard.components import beyond_ids as bid
from dashboard.components.controls import labelled
from dashboard.components.potential_views import TIER_STYLE, format_value
from dashboard.i18n import format_number, translate
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.beyond import what_if_of
from dashboard.valorization import Analysis
from dashboard.valorization.registry import BY_KEY, INDICATORS
from dashboard.valorization.state import PotentialState
from dashboard.valorization.whatif import MAX_CHANGES, MAX_FIRMS, YEARS, Change, Scenario, parse_scenario
from dashboard.web.runtime import Runtime


def read_scenario(runtime: Runtime, text: object) -> Scenario:
    """A scenario as the URL or the store holds it, with only this region's codes."""
    data = runtime.data
    return parse_scenario(text, set(data.municipalities.index), set(data.taxonomy.sector_codes))


def add_change(
    scenario: Scenario, change: Change, known_units: Collection[str], known_sectors: Collection[str]
) -> Scenario | None:
    """The scenario with ``change`` added, or None when the change cannot be (unknown codes,
    numbers out of range, the scenario full)."""
    if (
        not change.valid()
        or change.municipality not in known_units
        or change.sector not in known_sectors
        or len(scenario.changes) >= MAX_CHANGES
    ):
        return None
    return Scenario((*scenario.changes, change))


def _whole(value: object, default: int | None) -> int | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return int(number) if number.is_integer() else default


def edit_scenario(
    scenario: Scenario,
    action: object,
    clicked: bool,
    fields: tuple[object, object, object, object, object],
    known_units: Collection[str],
    known_sectors: Collection[str],
) -> Scenario | None:
    """What a press in the what-if form makes of ``scenario``: ``action`` is the form's add or
    clear button or a change's remove button (its pattern-matching id); ``fields`` are the form's
    municipality, sector, firms, employees and founding year. None: the change cannot be added.
    A remove button drawn anew (not ``clicked``) or an unknown action leaves it as it is."""
    if action == bid.WHATIF_CLEAR:
        return Scenario()
    if isinstance(action, dict) and action.get("type") == bid.WHATIF_REMOVE:
        index = action.get("index")
        if not clicked or not isinstance(index, int) or not 0 <= index < len(scenario.changes):
            return scenario
        return Scenario(tuple(c for i, c in enumerate(scenario.changes) if i != index))
    if action != bid.WHATIF_ADD:
        return scenario
    municipality, sector, firms, employees, year = fields
    change = Change(
        str(municipality or ""),
        str(sector or ""),
        _whole(firms, 0) or 0,
        _whole(employees, 0) or 0,
        _whole(year, None),
    )
    return add_change(scenario, change, known_units, known_sectors)


def change_text(runtime: Runtime, change: Change, language: str) -> str:
    text = translate(
        "whatif.change",
        language,
        municipality=unit_names(runtime.data.municipalities, language).get(
            change.municipality, change.municipality
        ),
        sector=sector_names(runtime.data.taxonomy, language).get(change.sector, change.sector),
        firms=format_number(change.firms, language),
        employees=format_number(change.employees, language),
    )
    if change.founding_year is not None:
        text += translate("whatif.change_year", language, year=change.founding_year)
    return text


def changes_list(runtime: Runtime, scenario: Scenario, language: str) -> html.P | html.Ul:
    if not scenario:
        return html.P(translate("whatif.empty", language), className="small text-muted mb-0")
    items = []
    for index, change in enumerate(scenario.changes):
        text = change_text(runtime, change, language)
        items.append(
            html.Li(
                [
                    html.Span(text),
                    html.Button(
                        "×",
                        id=bid.remove_id(index),
                        type="button",
                        className="btn btn-link btn-sm whatif-remove",
                        title=translate("whatif.remove", language, change=text),
                        **{"aria-label": translate("whatif.remove", language, change=text)},
                    ),
                ]
            )
        )
    return html.Ul(items, className="whatif-changes")


def whatif_form(runtime: Runtime, language: str) -> html.Div:
    """The controls that describe one change."""
    data = runtime.data
    units = unit_names(data.municipalities, language)
    sectors = sector_names(data.taxonomy, language)
    return html.Div(
        [
            labelled(
                translate("whatif.municipality", language),
                dcc.Dropdown(
                    id=bid.WHATIF_MUNICIPALITY,
                    options=sorted(
                        ({"label": n, "value": c} for c, n in units.items()), key=lambda o: o["label"]
                    ),
                    labels=dropdown_labels(language),
                ),
                className="control control-wide",
            ),
            labelled(
                translate("whatif.sector", language),
                dcc.Dropdown(
                    id=bid.WHATIF_SECTOR,
                    options=[{"label": n, "value": c} for c, n in sectors.items()],
                    labels=dropdown_labels(language),
                ),
                className="control control-wide",
            ),
            labelled(
                translate("whatif.firms", language),
                dbc.Input(
                    id=bid.WHATIF_FIRMS, type="number", min=1, max=MAX_FIRMS, step=1, value=10, size="sm"
                ),
                className="control",
            ),
            labelled(
                translate("whatif.employees", language),
                dbc.Input(id=bid.WHATIF_EMPLOYEES, type="number", min=0, step=1, value=0, size="sm"),
                className="control",
            ),
            labelled(
                translate("whatif.year", language),
                dbc.Input(id=bid.WHATIF_YEAR, type="number", min=YEARS[0], max=YEARS[1], step=1, size="sm"),
                className="control",
            ),
            html.Div(
                [
                    dbc.Button(
                        translate("whatif.add", language), id=bid.WHATIF_ADD, color="primary", size="sm"
                    ),
                    dbc.Button(
                        translate("whatif.clear", language),
                        id=bid.WHATIF_CLEAR,
                        color="secondary",
                        outline=True,
                        size="sm",
                    ),
                ],
                className="whatif-buttons control-wide",
            ),
        ],
        className="whatif-form",
    )


def _score(value: float, method: str, language: str) -> str:
    return format_number(float(value), language, 2 if method == "zscore" else 1)


def _pair(now: str, then: str, changed: bool) -> list[html.Td]:
    return [
        html.Td(now, className="num"),
        html.Td(then, className="num then" + (" changed" if changed else "")),
    ]


def _tier(tier: str, language: str) -> html.Span:
    return html.Span(translate(f"tier.{tier}", language), className="tier-badge", style=TIER_STYLE[tier])


def _difference(key: str, value: float, language: str) -> str:
    """A change with its sign (one-decimal figures get a second decimal: 0.03 is not "+0.0");
    shares change in percentage points."""
    if not np.isfinite(value) or abs(value) < 1e-12:
        return "0"
    indicator = BY_KEY[key]
    sign = "+" if value > 0 else "−"
    if indicator.percent:
        points = format_number(abs(float(value)) * 100, language, indicator.decimals)
        return sign + translate("whatif.points", language, value=points)
    decimals = indicator.decimals + 1 if indicator.decimals == 1 else indicator.decimals  # counts stay whole
    return sign + format_number(abs(float(value)), language, decimals)


def whatif_result(
    runtime: Runtime, analysis: Analysis, state: PotentialState, scenario: Scenario, language: str
) -> list:
    """Side by side, now and with the scenario; nothing when the scenario is empty."""
    if not scenario:
        return []
    result = what_if_of(runtime, state, scenario, analysis)
    table = result.comparison().sort_values(["rank_scenario", "rank"], kind="stable")
    names = unit_names(runtime.data.municipalities, language)
    own = set(scenario.municipalities())
    head = [
        html.Tr(
            [
                html.Th(translate("whatif.col.municipality", language), rowSpan=2, scope="col"),
                *[
                    html.Th(translate(key, language), colSpan=2, scope="colgroup", className="group")
                    for key in (
                        "potential.col.score",
                        "potential.col.tier",
                        "potential.col.rank",
                        "potential.col.range",
                    )
                ],
            ]
        ),
        html.Tr(
            [
                html.Th(translate(key, language), scope="col", className="num")
                for _ in range(4)
                for key in ("whatif.now", "whatif.then")
            ]
        ),
    ]
    rows = []
    for code, row in table.iterrows():
        score_now, score_then = (
            _score(row.score, state.method, language),
            _score(row.score_scenario, state.method, language),
        )
        rows.append(
            html.Tr(
                [
                    html.Th(
                        html.Strong(names.get(code, code)) if code in own else names.get(code, code),
                        scope="row",
                    ),
                    *_pair(score_now, score_then, score_now != score_then),
                    html.Td(_tier(row.tier, language)),
                    html.Td(
                        _tier(row.tier_scenario, language),
                        className="then" + (" changed" if row.tier != row.tier_scenario else ""),
                    ),
                    *_pair(str(row["rank"]), str(row.rank_scenario), row["rank"] != row.rank_scenario),
                    *_pair(
                        f"{row.best}–{row.worst}",
                        f"{row.best_scenario}–{row.worst_scenario}",
                        (row.best, row.worst) != (row.best_scenario, row.worst_scenario),
                    ),
                ],
                **{"data-code": str(code)},
            )
        )
    parts: list = [
        html.P(
            translate("whatif.added", language, count=format_number(result.added_firms, language)),
            className="small",
        ),
    ]
    if state.sectors or state.sizes:
        parts.append(html.P(translate("whatif.filtered", language), className="small text-muted"))
    parts += [
        html.H3(translate("whatif.comparison", language), className="h6 mt-2"),
        html.Div(
            dbc.Table([html.Thead(head), html.Tbody(rows)], size="sm", className="whatif-table mb-1"),
            className="table-responsive",
        ),
        html.P(translate("whatif.changed_note", language), className="small text-muted"),
    ]
    for code in scenario.municipalities():
        changes = result.indicator_changes(code)
        body = []
        for indicator in INDICATORS:
            if indicator.key not in changes.index:
                continue
            now, then, diff = (
                float(v) for v in changes.loc[indicator.key, ["current", "scenario", "difference"]]
            )
            if not np.isfinite(now) and not np.isfinite(then):
                continue
            moved = np.isfinite(diff) and abs(diff) > 1e-12
            body.append(
                html.Tr(
                    [
                        html.Th(indicator.name(language), scope="row"),
                        html.Td(format_value(indicator, now, language), className="num"),
                        html.Td(
                            format_value(indicator, then, language),
                            className="num then" + (" changed" if moved else ""),
                        ),
                        html.Td(_difference(indicator.key, diff, language), className="num"),
                    ],
                    **{"data-key": indicator.key},
                )
            )
        parts += [
            html.H3(
                translate("whatif.indicators", language, municipality=names.get(code, code)),
                className="h6 mt-3",
            ),
            html.Div(
                dbc.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(
                                        translate(f"whatif.col.{key}", language),
                                        scope="col",
                                        className="num" if key != "indicator" else "",
                                    )
                                    for key in ("indicator", "now", "scenario", "difference")
                                ]
                            )
                        ),
                        html.Tbody(body),
                    ],
                    size="sm",
                    className="whatif-table whatif-indicators mb-1",
                ),
                className="table-responsive",
                **{"data-code": code},
            ),
        ]
    return parts

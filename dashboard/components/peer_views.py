"""Peers and cultural places where the profile and the comparison show them: how a unit
stands among the units most like it (``dashboard.valorization.peers``) and its cultural
places per 10,000 inhabitants when the region has that layer. Pure builders."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import format_number, translate
from dashboard.outputs.beyond import (
    best_peer_sector,
    peer_standing,
    place_kinds_text,
    places_table,
    region_places_per_10000,
)
from dashboard.web.runtime import Runtime

# The profile sheet is one printed page: two sentences (density and the unit's best sector);
# the comparison and the agenda carry the rest, the methodology page the rule.
PROFILE_PEER_KEYS = ("enterprises_per_1000",)


def _sentences(runtime: Runtime, code: str, language: str, keys: Sequence[str] | None) -> html.Div | None:
    standing = peer_standing(runtime, code, language, keys)
    if standing is None:
        return None
    return html.Div(
        [
            html.P(
                translate("peers.group_line", language, group=standing.group, members=standing.members),
                className="sheet-note mb-1",
            ),
            html.Ul([html.Li(s) for s in standing.sentences], className="peer-sentences"),
        ],
        **{"data-code": code},
    )


def profile_peers(runtime: Runtime, code: str, language: str) -> html.Section | None:
    """The profile's section: the peer group and a few sentences (kept short: the sheet is
    one printed page)."""
    keys = list(PROFILE_PEER_KEYS)
    if sector := best_peer_sector(runtime, code):
        keys.append(sector)
    body = _sentences(runtime, code, language, keys)
    if body is None:
        return None
    return html.Section(
        [
            html.H2(translate("peers.title", language), className="sheet-h2"),
            body,
        ],
        title=translate("peers.rule_note", language),
        className="sheet-peers",
    )


def compare_peers(runtime: Runtime, codes: Sequence[str], names: dict[str, str], language: str) -> dbc.Card:
    """The comparison's card: each compared unit among its own peers."""
    blocks = []
    for code in codes:
        body = _sentences(runtime, code, language, None)
        if body is not None:
            blocks.append(dbc.Col([html.H3(names.get(code, code), className="h6"), body], lg=6))
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(translate("peers.compare_title", language), className="panel-title"),
                dbc.Row(blocks, className="g-3"),
                html.P(translate("peers.rule_note", language), className="small text-muted mb-0"),
            ]
        ),
        className="mb-3 compare-peers",
    )


def culture_line(runtime: Runtime, code: str, language: str) -> html.P | None:
    """'Cultural places: 4, 1.7 per 10,000 inhabitants (region: 2.1). Museum: 1 · ...'; None
    when the region names no cultural-places file."""
    table = places_table(runtime)
    if table is None or code not in table.index:
        return None
    row = table.loc[code]
    text = translate(
        "culture.profile",
        language,
        total=format_number(int(row["total"]), language),
        per_10000=format_number(float(row["per_10000"]), language, 1),
        region=format_number(region_places_per_10000(runtime), language, 1),
    )
    kinds = place_kinds_text(row, language)
    return html.P(f"{text} {kinds}".strip(), className="sheet-facts sheet-culture")

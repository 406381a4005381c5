"""Microclusters, peers, agenda drafts, what-if scenarios and cultural places on the data the
app serves: the pure modules of issue 14 (``analysis/clusters.py``,
``valorization/{peers,agenda,whatif}.py``, ``sources/cultural_places.py``) applied to the
runtime's tables, each result remembered in ``runtime.memo`` so a state asked for again (a
view's callback, the back button, a second visitor) costs nothing.

Nothing here writes anywhere: a what-if scenario is applied to copies in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.clusters import ClusterResult, find_clusters
from dashboard.analysis.indicators import Filters
from dashboard.i18n import translate
from dashboard.sources.cultural_places import places_per_inhabitants
from dashboard.valorization import Analysis, Enterprises
from dashboard.valorization.agenda import Agenda, AgendaFacts, agenda_facts, draft_agenda
from dashboard.valorization.peers import (
    SECTOR_PREFIX,
    Labels,
    group_label,
    members_text,
    peer_sentence,
)
from dashboard.valorization.state import PotentialState
from dashboard.valorization.whatif import Scenario, WhatIf, what_if_state
from dashboard.web.beyond_state import ClustersPageState
from dashboard.web.runtime import Runtime

CLUSTERS_KEPT = 12
WHAT_IFS_KEPT = 8


# ----------------------------------------------------------------------------- clusters


def cluster_result(runtime: Runtime, state: ClustersPageState) -> ClusterResult:
    """The microclusters of the firms the state chooses (sectors, definition), with its radius
    and minimum size."""
    columns = runtime.columns
    definition = columns.resolve(state.definition)
    key = (tuple(sorted(state.sectors)), definition, state.radius_m, state.min_size)

    def compute() -> ClusterResult:
        mask = columns.mask(Filters(sectors=state.sectors, definition=definition), runtime.potential["tier"])
        return find_clusters(runtime.data.enterprises[mask], state.settings(runtime.cluster_settings))

    return runtime.memo.get("clusters", key, compute, kept=CLUSTERS_KEPT)


def default_clusters(runtime: Runtime) -> ClusterResult:
    """The region's clusters as the agenda drafts cite them: every sector, the default
    definition, the settings of ``region.toml``."""
    return cluster_result(runtime, ClustersPageState.defaults(runtime.cluster_settings))


# ----------------------------------------------------------------------------- peers and agendas


def labels(runtime: Runtime) -> Labels:
    return runtime.memo.get("labels", (), lambda: Labels.from_region(runtime.data))


def facts(runtime: Runtime) -> AgendaFacts:
    """Everything the agenda rules and the peer sentences read, for every municipality, on
    all firms under the region's default definition (as the profile counts them)."""

    def compute() -> AgendaFacts:
        columns = runtime.columns
        clusters = default_clusters(runtime)
        return agenda_facts(
            Enterprises.from_columns(columns),
            runtime.data.municipalities,
            runtime.agenda_rules,
            mask=columns.in_definition(None),
            clusters=clusters.clusters,
            cluster_radius_m=clusters.settings.radius_m,
            district_order=list(runtime.data.districts.index),
        )

    return runtime.memo.get("agenda-facts", (), compute)


def agenda_of(runtime: Runtime, code: str) -> Agenda:
    return runtime.memo.get(
        "agenda", code, lambda: draft_agenda(code, facts(runtime), runtime.agenda_rules), kept=32
    )


@dataclass(frozen=True)
class PeerStanding:
    """How a unit stands among its peers, in words: the group, its members and one sentence
    per indicator."""

    group: str
    members: str
    sentences: tuple[str, ...]


def best_peer_sector(runtime: Runtime, code: str) -> str | None:
    """The sector (``sector:<code>`` key) in which the unit ranks best among its peers (the
    higher density on a tie); None when it has firms in none."""
    known = facts(runtime)
    if known.peer_ranks is None or known.peer_values is None or code not in known.peer_ranks.index:
        return None
    keys = [k for k in known.peer_ranks.columns if k.startswith(SECTOR_PREFIX)]
    candidates = [
        (float(known.peer_ranks.at[code, k]), -float(known.peer_values.at[code, k]), k)
        for k in keys
        if pd.notna(known.peer_ranks.at[code, k]) and float(known.peer_values.at[code, k] or 0) > 0
    ]
    return min(candidates)[2] if candidates else None


def peer_standing(
    runtime: Runtime, code: str, language: str, keys: Sequence[str] | None = None
) -> PeerStanding | None:
    """The peer sentences of ``code`` on ``keys`` (default: the agenda's comparison indicators
    and the sector where it ranks best). None when the unit has no peer group."""
    known = facts(runtime)
    groups, ranks, values = known.peer_groups, known.peer_ranks, known.peer_values
    if groups is None or ranks is None or values is None or code not in groups:
        return None
    rule = runtime.agenda_rules.peers
    chosen = list(keys) if keys is not None else list(runtime.agenda_rules.comparison)
    if keys is None and (sector := best_peer_sector(runtime, code)):
        chosen.append(sector)
    names = labels(runtime)
    sentences = tuple(
        peer_sentence(code, key, values, ranks, groups, names, language, rule)
        for key in chosen
        if key in values.columns
    )
    group = groups[code]
    return PeerStanding(
        group=group_label(group, rule, language),
        members=members_text(group, names, language),
        sentences=sentences,
    )


# ----------------------------------------------------------------------------- cultural places


def places_table(runtime: Runtime) -> pd.DataFrame | None:
    """Cultural places per municipality (kinds, total, per 10,000), or None when the region
    names no cultural-places file."""
    places = runtime.data.cultural_places
    if places is None:
        return None
    return runtime.memo.get("places", (), lambda: places_per_inhabitants(places, runtime.data.municipalities))


def region_places_per_10000(runtime: Runtime) -> float:
    table = places_table(runtime)
    if table is None:
        return float("nan")
    population = pd.to_numeric(runtime.data.municipalities["population"], errors="coerce").sum()
    return float(table["total"].sum() / population * 10_000) if population > 0 else float("nan")


def place_kinds_text(row: pd.Series, language: str) -> str:
    """'Museum: 1 · Library: 2' for the kinds a unit has."""
    from dashboard.sources.cultural_places import PLACE_KINDS

    return " · ".join(
        f"{translate(f'culture.kind.{kind}', language)}: {int(row[kind])}"
        for kind in PLACE_KINDS
        if row[kind]
    )


# ----------------------------------------------------------------------------- what-if


def what_if_of(
    runtime: Runtime, state: PotentialState, scenario: Scenario, current: Analysis | None = None
) -> WhatIf:
    """The potential analysis of ``state`` now and with ``scenario`` (in memory only)."""
    key = (
        tuple(sorted(state.weights.items())),
        state.method,
        state.growth_years,
        state.national,
        state.sectors,
        state.sizes,
        runtime.columns.resolve(state.definition),
        scenario.to_query(),
    )
    return runtime.memo.get(
        "what-if",
        key,
        lambda: what_if_state(
            runtime.columns,
            runtime.data.municipalities,
            runtime.potential["tier"],
            state,
            scenario,
            list(runtime.data.districts.index),
            current,
        ),
        kept=WHAT_IFS_KEPT,
    )


def changed_units(result: WhatIf) -> list[str]:
    """Municipalities whose score, rank, tier or rank range differs under the scenario, the
    scenario's own first."""
    table = result.comparison()
    moved = (
        ~np.isclose(table["score"], table["score_scenario"], atol=0.05)
        | (table["rank"] != table["rank_scenario"])
        | (table["tier"] != table["tier_scenario"])
        | (table["best"] != table["best_scenario"])
        | (table["worst"] != table["worst_scenario"])
    )
    own = [c for c in result.scenario.municipalities() if c in table.index]
    return own + [c for c in table.index[moved] if c not in own]

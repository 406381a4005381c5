"""Peer benchmarks: each municipality beside the units most like it.

Ranking Dimitrovgrad (8,000 inhabitants) against Niš (250,000) says little; ranking it
against the other small rural municipalities says what an official can act on. A unit's
*peers* are the units of the same status (city or municipality, from the reference table)
in the same population band; the bands and the smallest useful group are data
(``[peers]`` in ``data/agenda.toml``). A group smaller than that is widened to every unit of
the status, then to every unit, and the sentence says which group it is.

Ranks follow the registry's direction (rank 1 is the best: highest, or lowest for an
indicator where lower is better); ties share the better rank. Besides the registry's
indicators, every sector's enterprises per 1,000 inhabitants is ranked too
(``sector:<code>``), which is what "crafts per 1,000" means.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard.i18n import format_number, format_percent, localized_name, translate
from dashboard.valorization.compute import Enterprises, tally
from dashboard.valorization.registry import BY_KEY, INDICATORS

SECTOR_PREFIX = "sector:"
WIDENED = ("", "status", "all")  # how far a group was widened


@dataclass(frozen=True)
class PeerRule:
    """Who counts as a peer (see ``[peers]`` in ``data/agenda.toml``)."""

    same_status: bool = True
    population_bands: tuple[float, ...] = (12_000.0, 50_000.0)  # upper bounds, increasing
    min_group: int = 3

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> tuple[PeerRule, list[tuple[str, object]]]:
        """The rule from a ``[peers]`` table; invalid values fall back to the defaults and are
        returned as (name, value)."""
        wrong: list[tuple[str, object]] = []
        chosen: dict[str, Any] = {}
        if "same_status" in values:
            if isinstance(values["same_status"], bool):
                chosen["same_status"] = values["same_status"]
            else:
                wrong.append(("same_status", values["same_status"]))
        if "population_bands" in values:
            bands = values["population_bands"]
            ok = (
                isinstance(bands, list)
                and all(_positive_number(b) for b in bands)
                and all(a < b for a, b in itertools.pairwise(bands))
            )
            if ok:
                chosen["population_bands"] = tuple(float(b) for b in bands)
            else:
                wrong.append(("population_bands", bands))
        if "min_group" in values:
            size = values["min_group"]
            if isinstance(size, int) and not isinstance(size, bool) and 1 <= size <= 1000:
                chosen["min_group"] = size
            else:
                wrong.append(("min_group", size))
        return cls(**chosen), wrong

    def band(self, population: float) -> int:
        """Index of the band holding ``population`` (0 = below the first bound)."""
        return int(np.searchsorted(np.asarray(self.population_bands), population, side="right"))

    def band_limits(self, band: int) -> tuple[float | None, float | None]:
        bounds = self.population_bands
        return (bounds[band - 1] if band > 0 else None, bounds[band] if band < len(bounds) else None)


def _positive_number(value: object) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0
    )


@dataclass(frozen=True)
class PeerGroup:
    """The peers of one unit: ``members`` includes the unit itself (sorted by code)."""

    code: str
    members: tuple[str, ...]
    status: str | None  # None when widened to all units or status is not used
    band: tuple[float | None, float | None] | None  # None when widened beyond the band
    widened: str = ""  # "", "status" or "all"

    @property
    def size(self) -> int:
        return len(self.members)


def peer_groups(reference: pd.DataFrame, rule: PeerRule | None = None) -> dict[str, PeerGroup]:
    """Every unit's peer group from the reference table (index code; ``population`` and,
    when the rule uses it, ``status``)."""
    rule = rule or PeerRule()
    population = pd.to_numeric(reference["population"], errors="coerce")
    status = (
        reference["status"].astype(object).fillna("")
        if "status" in reference and rule.same_status
        else pd.Series("", index=reference.index)
    )
    band = population.map(lambda p: rule.band(p) if pd.notna(p) else -1)
    everyone = tuple(sorted(reference.index))
    groups: dict[str, PeerGroup] = {}
    for code in reference.index:
        same_status = status == status[code]
        in_band = same_status & (band == band[code])
        status_label = str(status[code]) or None
        members = tuple(sorted(reference.index[in_band]))
        if len(members) >= rule.min_group and band[code] >= 0:
            groups[code] = PeerGroup(code, members, status_label, rule.band_limits(int(band[code])))
            continue
        members = tuple(sorted(reference.index[same_status]))
        if status_label and len(members) >= rule.min_group:
            groups[code] = PeerGroup(code, members, status_label, None, "status")
        else:
            groups[code] = PeerGroup(code, everyone, None, None, "all")
    return groups


def peer_values(
    indicators: pd.DataFrame,
    enterprises: Enterprises,
    reference: pd.DataFrame,
    mask: np.ndarray | None = None,
) -> pd.DataFrame:
    """The values peers are ranked on: the registry's indicators (``indicators``, one row per
    municipality) and each sector's enterprises per 1,000 inhabitants (``sector:<code>``)."""
    counts = tally(enterprises, mask, None)
    population = reference.reindex(counts.units)["population"].to_numpy(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1000 = np.where(population[:, None] > 0, counts.by_sector / population[:, None] * 1000, np.nan)
    sectors = pd.DataFrame(
        per_1000,
        index=pd.Index(counts.units, name="code"),
        columns=[SECTOR_PREFIX + s for s in counts.sectors],
    )
    registry = [i.key for i in INDICATORS if i.key in indicators]
    return indicators[registry].join(sectors, how="left")


def direction(key: str) -> int:
    """+1 when a higher value is better, -1 when lower is (sector densities: higher)."""
    return BY_KEY[key].direction if key in BY_KEY else 1


def peer_ranks(values: pd.DataFrame, groups: Mapping[str, PeerGroup]) -> pd.DataFrame:
    """Rank of each unit among its peers on every column of ``values`` (1 = best; ties share
    the better rank; NaN where the unit's value is missing). Missing values of peers do not
    count: a peer with no value is not ahead of anyone."""
    out = pd.DataFrame(np.nan, index=values.index, columns=values.columns)
    for code, group in groups.items():
        if code not in values.index:
            continue
        peers = values.reindex([m for m in group.members if m in values.index])
        for key in values.columns:
            mine = values.at[code, key]
            if pd.isna(mine):
                continue
            others = peers[key].dropna()
            better = others > mine if direction(key) > 0 else others < mine
            out.at[code, key] = 1 + int(better.sum())
    return out


def ranked_count(values: pd.DataFrame, group: PeerGroup, key: str) -> int:
    """How many of the group have a value on ``key`` (the "of N" of a rank)."""
    return int(values.reindex(list(group.members))[key].notna().sum())


# ----------------------------------------------------------------------------- words


@dataclass(frozen=True)
class Labels:
    """Names of units, districts, sectors and indicators in any language, from the reference
    tables: what every sentence of peers and agendas needs."""

    municipalities: pd.DataFrame
    districts: pd.DataFrame
    sector_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # code → language → name

    @classmethod
    def from_region(cls, data: Any) -> Labels:
        """From a :class:`~dashboard.sources.bundle.RegionData`."""
        taxonomy = data.taxonomy
        names = {
            code: {lang: taxonomy.sector_name(code, lang) for lang in ("sr-Latn", "sr-Cyrl", "en")}
            for code in taxonomy.sector_codes
        }
        return cls(data.municipalities, data.districts, names)

    def unit(self, code: str, language: str) -> str:
        if code in self.municipalities.index:
            return localized_name(self.municipalities.loc[code].to_dict(), language)
        return code

    def district(self, code: str, language: str) -> str:
        if code in self.districts.index:
            return localized_name(self.districts.loc[code].to_dict(), language)
        return code

    def sector(self, code: str, language: str) -> str:
        return self.sector_names.get(code, {}).get(language, code)

    def indicator(self, key: str, language: str) -> str:
        if key.startswith(SECTOR_PREFIX):
            return translate(
                "peers.indicator.sector_per_1000",
                language,
                sector=self.sector(key[len(SECTOR_PREFIX) :], language),
            )
        return BY_KEY[key].name(language)


def ordinal(rank: int, language: str) -> str:
    """2 → '2nd' in English, '2.' in Serbian."""
    if language != "en":
        return f"{rank}."
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def format_indicator(key: str, value: float, language: str) -> str:
    """A value in its registry format (percentages for shares); sector densities with 2 decimals."""
    if value is None or not np.isfinite(value):
        return "–"
    indicator = BY_KEY.get(key)
    if indicator is not None and indicator.percent:
        return format_percent(float(value), language, indicator.decimals)
    return format_number(float(value), language, indicator.decimals if indicator else 2)


def _status_name(status: str | None, language: str) -> str:
    """'municipalities', 'cities'; a status another region uses and the catalogue lacks is
    shown as written in its reference table."""
    if not status:
        return translate("peers.status.any", language)
    try:
        return translate(f"peers.status.{status}", language)
    except KeyError:
        return status


def group_label(group: PeerGroup, rule: PeerRule, language: str) -> str:
    """'municipalities under 12,000 inhabitants', 'cities', 'all units'..."""
    if group.widened == "all" or (group.status is None and group.band is None):
        return translate("peers.group.all", language)
    kind = _status_name(group.status, language)
    if group.band is None:
        return kind
    low, high = group.band
    if low is None and high is not None:
        return translate("peers.band.under", language, kind=kind, high=format_number(high, language))
    if high is None and low is not None:
        return translate("peers.band.over", language, kind=kind, low=format_number(low, language))
    if low is not None and high is not None:
        return translate(
            "peers.band.between",
            language,
            kind=kind,
            low=format_number(low, language),
            high=format_number(high, language),
        )
    return kind


def peer_sentence(
    code: str,
    key: str,
    values: pd.DataFrame,
    ranks: pd.DataFrame,
    groups: Mapping[str, PeerGroup],
    labels: Labels,
    language: str,
    rule: PeerRule | None = None,
) -> str:
    """'Among the 8 municipalities under 12,000 inhabitants, Dimitrovgrad ranks 2nd in …'."""
    group = groups[code]
    rank = ranks.at[code, key]
    if pd.isna(rank):
        return translate(
            "peers.sentence.no_value",
            language,
            unit=labels.unit(code, language),
            indicator=labels.indicator(key, language),
        )
    return translate(
        "peers.sentence",
        language,
        count=ranked_count(values, group, key),
        group=group_label(group, rule or PeerRule(), language),
        unit=labels.unit(code, language),
        rank=ordinal(int(rank), language),
        indicator=labels.indicator(key, language),
        value=format_indicator(key, float(values.at[code, key]), language),
    )


def peer_rule_text(rule: PeerRule, language: str) -> str:
    """The rule in words, for the methodology page and the agenda's notes."""
    bands = ", ".join(format_number(b, language) for b in rule.population_bands)
    key = "peers.rule.status" if rule.same_status else "peers.rule.population"
    return translate(key, language, bands=bands, min_group=rule.min_group)


def members_text(group: PeerGroup, labels: Labels, language: str, exclude: Sequence[str] = ()) -> str:
    return ", ".join(labels.unit(m, language) for m in group.members if m not in exclude)

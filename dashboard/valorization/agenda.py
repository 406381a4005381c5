"""Draft of a municipality's creative-industries agenda: strengths, weaknesses, clusters and
comparisons, each statement with the figure and the rule that produced it.

The 2015 project this app continues wrote such an agenda for Pirot by hand. Here the
statements come from the indicators the app already computes, by rules whose thresholds are
data (``data/agenda.toml``, documented there), so an official can defend every sentence --
"crafts and design is a strength: location quotient 2.50 with 134 firms (rule: quotient at
least 1.25 and at least 5 firms)" -- and the agency can change a rule without touching code.

Three steps, each a pure function:

1. :func:`agenda_facts` -- the tables the rules read (indicators at every level, firms per
   sector, foundings in the last two growth windows, peers, clusters) from the enterprise
   arrays; tests build :class:`AgendaFacts` by hand instead;
2. :func:`draft_agenda` -- the rules: facts → :class:`Statement` objects (codes and numbers,
   no words);
3. :func:`agenda_markdown` and :func:`agenda_docx` -- the words, in any language, as
   Markdown text or as a Word document the agency can edit.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.i18n import format_number, format_percent, translate
from dashboard.sources.problems import Problem
from dashboard.valorization.compute import NO_YEAR, Enterprises, Parameters, compute_indicators
from dashboard.valorization.peers import (
    Labels,
    PeerGroup,
    PeerRule,
    format_indicator,
    group_label,
    ordinal,
    peer_groups,
    peer_ranks,
    peer_values,
    ranked_count,
)
from dashboard.valorization.registry import BY_KEY, INDICATORS

KINDS = ("strength", "weakness", "cluster", "comparison")
TOLERANCE = 1e-9  # a figure equal to its threshold meets it, whatever floating point makes of 0.30 - 0.28


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rules compare with (meanings in ``data/agenda.toml``)."""

    lq_min: float = 1.25
    sector_min_firms: int = 5
    growth_margin: float = 0.02
    growth_min_dated: int = 10
    density_ratio_min: float = 1.25
    thin_sector_max_firms: int = 2
    thin_sector_min_region_share: float = 0.05
    diversity_max: float = 0.6
    density_ratio_max: float = 0.75
    shrink_ratio_max: float = 0.8
    shrink_min_before: int = 5


SECTIONS = {  # where each threshold lives in agenda.toml
    "strengths": ("lq_min", "sector_min_firms", "growth_margin", "growth_min_dated", "density_ratio_min"),
    "weaknesses": (
        "thin_sector_max_firms",
        "thin_sector_min_region_share",
        "diversity_max",
        "density_ratio_max",
        "shrink_ratio_max",
        "shrink_min_before",
    ),
}
# Where each rule's thresholds are written (file and table), named in every rule text.
RULE_FILE = "agenda.toml"
RULE_SOURCES = {
    "strength.sector": f"{RULE_FILE}, [strengths]",
    "strength.growth": f"{RULE_FILE}, [strengths]",
    "strength.density": f"{RULE_FILE}, [strengths]",
    "weakness.thin_sector": f"{RULE_FILE}, [weaknesses]",
    "weakness.diversity": f"{RULE_FILE}, [weaknesses]",
    "weakness.density": f"{RULE_FILE}, [weaknesses]",
    "weakness.shrinking": f"{RULE_FILE}, [weaknesses]",
    "cluster": "region.toml, [clusters]",
    "peers": f"{RULE_FILE}, [peers]",
}
DEFAULT_COMPARISON = ("enterprises_per_1000", "employees_per_1000", "diversity", "growth", "max_lq")


@dataclass(frozen=True)
class AgendaRules:
    thresholds: Thresholds = field(default_factory=Thresholds)
    peers: PeerRule = field(default_factory=PeerRule)
    comparison: tuple[str, ...] = DEFAULT_COMPARISON


def rules_from_mapping(values: Mapping[str, Any]) -> tuple[AgendaRules, list[tuple[str, object]]]:
    """Rules from the parsed ``agenda.toml``; each unusable value keeps its default and is
    returned as (``section.name``, value)."""
    wrong: list[tuple[str, object]] = []
    chosen: dict[str, Any] = {}
    kinds = {f.name: type(getattr(Thresholds(), f.name)) for f in fields(Thresholds)}
    for section, names in SECTIONS.items():
        table = values.get(section, {})
        if not isinstance(table, Mapping):
            wrong.append((section, table))
            continue
        for name in names:
            if name not in table:
                continue
            value = table[name]
            number_ok = isinstance(value, int | float) and not isinstance(value, bool)
            if kinds[name] is int:
                number_ok = number_ok and float(value).is_integer()
            if number_ok and np.isfinite(value) and value >= 0:
                chosen[name] = kinds[name](value)
            else:
                wrong.append((f"{section}.{name}", value))
    peers, peer_wrong = PeerRule.from_mapping(
        values.get("peers", {}) if isinstance(values.get("peers"), Mapping) else {}
    )
    wrong += [(f"peers.{name}", value) for name, value in peer_wrong]
    comparison = DEFAULT_COMPARISON
    table = values.get("comparison", {})
    if isinstance(table, Mapping) and "indicators" in table:
        keys = table["indicators"]
        if isinstance(keys, list) and keys and all(k in {i.key for i in INDICATORS} for k in keys):
            comparison = tuple(keys)
        else:
            wrong.append(("comparison.indicators", keys))
    return AgendaRules(Thresholds(**chosen), peers, comparison), wrong


def load_agenda_rules(path: Path | None) -> tuple[AgendaRules, list[Problem]]:
    """The region's rules (``[files] agenda`` in region.toml); no file means the defaults.
    A file that cannot be read, or a value out of range, is a Problem and falls back."""
    if path is None:
        return AgendaRules(), []
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AgendaRules(), [Problem(file=path.name, code="file_missing", value=str(path))]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return AgendaRules(), [
            Problem(file=path.name, code="file_unreadable", details={"error": str(error)[:200]})
        ]
    rules, wrong = rules_from_mapping(values)
    problems = [
        Problem(file=path.name, code="setting_invalid", column=name, value=str(value), severity="warning")
        for name, value in wrong
    ]
    return rules, problems


# ----------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class AgendaFacts:
    """What the rules read. Indexes: municipality codes; ``sector_counts`` and ``lq`` have
    one column per sector."""

    municipalities: pd.DataFrame  # registry indicators per municipality
    districts: pd.DataFrame  # registry indicators per district
    region: pd.Series  # registry indicators of the region
    lq: pd.DataFrame
    sector_counts: pd.DataFrame
    district_of: pd.Series  # municipality → district code
    dated: pd.Series  # firms with a known founding year
    founded_recent: pd.Series  # founded in the last growth window
    founded_before: pd.Series  # founded in the window before it
    growth_years: int = 5
    reference_year: int | None = None
    peer_values: pd.DataFrame | None = None
    peer_ranks: pd.DataFrame | None = None
    peer_groups: Mapping[str, PeerGroup] | None = None
    clusters: pd.DataFrame | None = None  # analysis.clusters table (municipalities, members...)
    cluster_radius_m: float | None = None


def agenda_facts(
    enterprises: Enterprises,
    reference: pd.DataFrame,
    rules: AgendaRules | None = None,
    *,
    parameters: Parameters | None = None,
    mask: np.ndarray | None = None,
    clusters: pd.DataFrame | None = None,
    cluster_radius_m: float | None = None,
    district_order: Sequence[str] | None = None,
) -> AgendaFacts:
    """The facts for every municipality from the enterprise arrays (those in ``mask``)."""
    rules = rules or AgendaRules()
    parameters = parameters or Parameters()
    indicators = compute_indicators(
        enterprises, reference, parameters, mask=mask, district_order=district_order
    )
    units = list(enterprises.municipalities)
    keep = (enterprises.municipality >= 0) if mask is None else (enterprises.municipality >= 0) & mask
    unit = enterprises.municipality[keep]
    sector = enterprises.sector[keep]
    year = enterprises.founding_year[keep]
    n_units, n_sectors = len(units), len(enterprises.sectors)
    known = sector >= 0
    by_sector = np.bincount(unit[known] * n_sectors + sector[known], minlength=n_units * n_sectors)
    sector_counts = pd.DataFrame(
        by_sector.reshape(n_units, n_sectors), index=pd.Index(units, name="code"), columns=enterprises.sectors
    )
    end = indicators.reference_year
    window = parameters.growth_years

    def founded(low: int | None, high: int | None) -> pd.Series:
        if low is None or high is None:
            return pd.Series(0.0, index=units)
        inside = (year != NO_YEAR) & (year > low) & (year <= high)
        return pd.Series(np.bincount(unit[inside], minlength=n_units).astype(float), index=units)

    dated = pd.Series(np.bincount(unit[year != NO_YEAR], minlength=n_units).astype(float), index=units)
    values = peer_values(indicators.municipalities, enterprises, reference, mask)
    groups = peer_groups(reference.reindex(units), rules.peers)
    return AgendaFacts(
        municipalities=indicators.municipalities,
        districts=indicators.districts,
        region=indicators.region,
        lq=indicators.lq,
        sector_counts=sector_counts,
        district_of=reference.reindex(units)["district_code"],
        dated=dated,
        founded_recent=founded(end - window if end else None, end),
        founded_before=founded(end - 2 * window if end else None, end - window if end else None),
        growth_years=window,
        reference_year=end,
        peer_values=values,
        peer_ranks=peer_ranks(values, groups),
        peer_groups=groups,
        clusters=clusters,
        cluster_radius_m=cluster_radius_m,
    )


# ----------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Statement:
    """One sentence of a draft: its kind, the rule that made it, and the figures (codes and
    numbers only; words come when it is rendered in a language)."""

    kind: str  # one of KINDS
    rule: str  # e.g. "strength.sector"
    figures: Mapping[str, Any]
    thresholds: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Agenda:
    municipality: str
    statements: tuple[Statement, ...]
    reference_year: int | None = None
    growth_years: int = 5

    def of_kind(self, kind: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.kind == kind)


def _value(frame: pd.DataFrame | pd.Series, *where: Any) -> float:
    try:
        value = frame.loc[where if len(where) > 1 else where[0]]
    except KeyError:
        return float("nan")
    return float(value) if pd.notna(value) else float("nan")


def draft_agenda(code: str, facts: AgendaFacts, rules: AgendaRules | None = None) -> Agenda:
    """Every statement the rules make about municipality ``code``."""
    rules = rules or AgendaRules()
    t = rules.thresholds
    out: list[Statement] = []
    region_share = facts.sector_counts.sum() / max(float(facts.sector_counts.to_numpy().sum()), 1.0)
    counts = facts.sector_counts.loc[code] if code in facts.sector_counts.index else pd.Series(dtype=float)

    # Strengths: specialised sectors, strongest first.
    for sector in facts.lq.columns:
        lq, firms = _value(facts.lq, code, sector), float(counts.get(sector, 0))
        if np.isfinite(lq) and lq >= t.lq_min - TOLERANCE and firms >= t.sector_min_firms:
            out.append(
                Statement(
                    "strength",
                    "strength.sector",
                    {"sector": sector, "lq": lq, "firms": firms},
                    {"lq_min": t.lq_min, "sector_min_firms": t.sector_min_firms},
                )
            )
    out.sort(key=lambda s: -s.figures["lq"])
    district = facts.district_of.get(code)
    growth = _value(facts.municipalities, code, "growth")
    district_growth = _value(facts.districts, district, "growth") if district else float("nan")
    dated = float(facts.dated.get(code, 0))
    if (
        np.isfinite(growth)
        and np.isfinite(district_growth)
        and dated >= t.growth_min_dated
        and growth - district_growth >= t.growth_margin - TOLERANCE
    ):
        out.append(
            Statement(
                "strength",
                "strength.growth",
                {"growth": growth, "district": district, "district_growth": district_growth, "dated": dated},
                {"growth_margin": t.growth_margin, "growth_min_dated": t.growth_min_dated},
            )
        )
    density = _value(facts.municipalities, code, "enterprises_per_1000")
    region_density = float(facts.region.get("enterprises_per_1000", np.nan))
    ratio = density / region_density if np.isfinite(region_density) and region_density > 0 else np.nan
    if np.isfinite(ratio) and ratio >= t.density_ratio_min - TOLERANCE:
        out.append(
            Statement(
                "strength",
                "strength.density",
                {"value": density, "region_value": region_density, "ratio": ratio},
                {"density_ratio_min": t.density_ratio_min},
            )
        )

    # Weaknesses.
    for sector in facts.sector_counts.columns:
        firms = float(counts.get(sector, 0))
        share = float(region_share.get(sector, 0))
        if share >= t.thin_sector_min_region_share and firms <= t.thin_sector_max_firms:
            out.append(
                Statement(
                    "weakness",
                    "weakness.thin_sector",
                    {"sector": sector, "firms": firms, "region_share": share},
                    {
                        "thin_sector_max_firms": t.thin_sector_max_firms,
                        "thin_sector_min_region_share": t.thin_sector_min_region_share,
                    },
                )
            )
    diversity = _value(facts.municipalities, code, "diversity")
    if np.isfinite(diversity) and diversity < t.diversity_max:
        out.append(
            Statement(
                "weakness",
                "weakness.diversity",
                {"diversity": diversity, "region_diversity": float(facts.region.get("diversity", np.nan))},
                {"diversity_max": t.diversity_max},
            )
        )
    if np.isfinite(ratio) and ratio <= t.density_ratio_max + TOLERANCE:
        out.append(
            Statement(
                "weakness",
                "weakness.density",
                {"value": density, "region_value": region_density, "ratio": ratio},
                {"density_ratio_max": t.density_ratio_max},
            )
        )
    recent, before = float(facts.founded_recent.get(code, 0)), float(facts.founded_before.get(code, 0))
    if before >= t.shrink_min_before and recent <= t.shrink_ratio_max * before + TOLERANCE:
        out.append(
            Statement(
                "weakness",
                "weakness.shrinking",
                {"recent": recent, "before": before, "ratio": recent / before, "years": facts.growth_years},
                {"shrink_ratio_max": t.shrink_ratio_max, "shrink_min_before": t.shrink_min_before},
            )
        )

    # Clusters that reach into the municipality.
    if facts.clusters is not None and len(facts.clusters):
        for row in facts.clusters.itertuples(index=False):
            if code not in tuple(row.municipalities):
                continue
            out.append(
                Statement(
                    "cluster",
                    "cluster",
                    {
                        "cluster": int(row.cluster),
                        "members": int(row.members),
                        "employees": int(row.employees),
                        "sector": row.dominant_sector,
                        "share": float(row.dominant_share),
                        "others": tuple(m for m in row.municipalities if m != code),
                        "first_year": row.first_year,
                        "last_year": row.last_year,
                    },
                    {"radius_m": facts.cluster_radius_m},
                )
            )

    # Comparison with the district, the region and the peers.
    for key in rules.comparison:
        figures: dict[str, Any] = {
            "indicator": key,
            "value": _value(facts.municipalities, code, key),
            "district": district,
            "district_value": _value(facts.districts, district, key) if district else float("nan"),
            "region_value": float(facts.region.get(key, np.nan)),
        }
        if facts.peer_ranks is not None and facts.peer_groups is not None and code in facts.peer_groups:
            group = facts.peer_groups[code]
            rank = _value(facts.peer_ranks, code, key)
            figures |= {
                "peer_rank": rank,
                "peer_count": ranked_count(facts.peer_values, group, key),
                "peer_group": group,
            }
        out.append(Statement("comparison", f"comparison.{key}", figures))
    return Agenda(code, tuple(out), facts.reference_year, facts.growth_years)


# ----------------------------------------------------------------------------- words


def _n(value: float, language: str, decimals: int = 0) -> str:
    return format_number(value, language, decimals)


def _pct(value: float, language: str) -> str:
    return format_percent(value, language, 1)


def statement_text(
    statement: Statement, labels: Labels, language: str, rules: AgendaRules | None = None
) -> str:
    """The sentence of a statement in ``language``."""
    f, unit = statement.figures, labels
    rule = statement.rule
    if rule == "strength.sector":
        return translate(
            "agenda.strength.sector",
            language,
            sector=unit.sector(f["sector"], language),
            lq=_n(f["lq"], language, 2),
            firms=_n(f["firms"], language),
        )
    if rule == "strength.growth":
        return translate(
            "agenda.strength.growth",
            language,
            growth=_pct(f["growth"], language),
            district=unit.district(f["district"], language),
            district_growth=_pct(f["district_growth"], language),
        )
    if rule in ("strength.density", "weakness.density"):
        return translate(
            f"agenda.{rule}",
            language,
            value=_n(f["value"], language, 2),
            region_value=_n(f["region_value"], language, 2),
            ratio=_n(f["ratio"], language, 2),
        )
    if rule == "weakness.thin_sector":
        return translate(
            "agenda.weakness.thin_sector",
            language,
            sector=unit.sector(f["sector"], language),
            firms=_n(f["firms"], language),
            region_share=_pct(f["region_share"], language),
        )
    if rule == "weakness.diversity":
        return translate(
            "agenda.weakness.diversity",
            language,
            diversity=_n(f["diversity"], language, 2),
            region_diversity=_n(f["region_diversity"], language, 2),
        )
    if rule == "weakness.shrinking":
        return translate(
            "agenda.weakness.shrinking",
            language,
            recent=_n(f["recent"], language),
            before=_n(f["before"], language),
            years=f["years"],
        )
    if rule == "cluster":
        text = translate(
            "agenda.cluster",
            language,
            cluster=f["cluster"],
            members=_n(f["members"], language),
            employees=_n(f["employees"], language),
            sector=unit.sector(f["sector"], language),
            share=_pct(f["share"], language),
        )
        if f["others"]:
            others = ", ".join(unit.unit(c, language) for c in f["others"])
            text += " " + translate("agenda.cluster.spans", language, others=others)
        if pd.notna(f["first_year"]) and pd.notna(f["last_year"]):
            text += " " + translate(
                "agenda.cluster.years", language, first=int(f["first_year"]), last=int(f["last_year"])
            )
        return text
    if rule.startswith("comparison."):
        key = f["indicator"]
        text = translate(
            "agenda.comparison",
            language,
            indicator=unit.indicator(key, language),
            value=format_indicator(key, f["value"], language),
            district=unit.district(f["district"], language) if f["district"] else "–",
            district_value=format_indicator(key, f["district_value"], language),
            region_value=format_indicator(key, f["region_value"], language),
        )
        rank = f.get("peer_rank")
        if rank is not None and np.isfinite(rank):
            text += " " + translate(
                "agenda.comparison.peers",
                language,
                rank=ordinal(int(rank), language),
                count=f["peer_count"],
                group=group_label(f["peer_group"], (rules or AgendaRules()).peers, language),
            )
        return text
    raise ValueError(f"no words for rule {rule!r}")


def rule_text(statement: Statement, language: str) -> str:
    """The rule behind a statement with its thresholds, as the agency can check it."""
    t = statement.thresholds
    rule = statement.rule
    if rule.startswith("comparison."):
        key = rule.split(".", 1)[1]
        formula = BY_KEY[key].formula if key in BY_KEY else key
        return translate("agenda.rule.comparison", language, formula=formula, where=RULE_SOURCES["peers"])
    params: dict[str, str] = {}
    for name, value in t.items():
        if value is None:
            params[name] = "–"
        elif name == "growth_margin":  # a difference of shares: percentage points
            params[name] = _n(value * 100, language, 1)
        elif name == "thin_sector_min_region_share":
            params[name] = _pct(value, language)
        elif isinstance(value, int) or float(value).is_integer():
            params[name] = _n(value, language)
        else:
            params[name] = _n(value, language, 2)
    return translate(f"agenda.rule.{rule}", language, where=RULE_SOURCES[rule], **params)


# The thresholds each rule compares with (names of :class:`Thresholds`), in the order the
# rules run: what the methodology page lists for every rule.
RULE_THRESHOLDS = {
    "strength.sector": ("lq_min", "sector_min_firms"),
    "strength.growth": ("growth_margin", "growth_min_dated"),
    "strength.density": ("density_ratio_min",),
    "weakness.thin_sector": ("thin_sector_max_firms", "thin_sector_min_region_share"),
    "weakness.diversity": ("diversity_max",),
    "weakness.density": ("density_ratio_max",),
    "weakness.shrinking": ("shrink_ratio_max", "shrink_min_before"),
}


def rule_descriptions(rules: AgendaRules, cluster_radius_m: float, language: str) -> list[str]:
    """Every rule with its current thresholds, worded as under a statement."""
    t = rules.thresholds
    texts = [
        rule_text(Statement(rule.split(".")[0], rule, {}, {n: getattr(t, n) for n in names}), language)
        for rule, names in RULE_THRESHOLDS.items()
    ]
    texts.append(rule_text(Statement("cluster", "cluster", {}, {"radius_m": cluster_radius_m}), language))
    return texts


def _escape(text: str) -> str:
    """Markdown-safe text: names from data may contain * _ [ ] ` < >."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def agenda_markdown(agenda: Agenda, labels: Labels, language: str, rules: AgendaRules | None = None) -> str:
    """The draft as Markdown: a heading, a note on where it comes from, and a section per kind
    with each statement and, under it, its rule."""
    name = labels.unit(agenda.municipality, language)
    lines = [f"# {_escape(translate('agenda.title', language, municipality=name))}", ""]
    lines += [
        _escape(translate("agenda.note", language, year=agenda.reference_year or "–", file=RULE_FILE)),
        "",
    ]
    for kind in KINDS:
        lines += [f"## {translate(f'agenda.section.{kind}', language)}", ""]
        statements = agenda.of_kind(kind)
        if not statements:
            lines += [_escape(translate(f"agenda.none.{kind}", language)), ""]
            continue
        for statement in statements:
            lines.append(f"- {_escape(statement_text(statement, labels, language, rules))}")
            lines.append(f"  *{_escape(rule_text(statement, language))}*")
        lines.append("")
    return "\n".join(lines)


def agenda_docx(agenda: Agenda, labels: Labels, language: str, rules: AgendaRules | None = None) -> bytes:
    """The draft as a Word document (.docx): the same text as the Markdown, in real headings
    and bullet paragraphs, so the agency can rewrite it in its own editor."""
    from docx import Document  # python-docx; imported here so nothing else pays for it

    document = Document()
    name = labels.unit(agenda.municipality, language)
    document.core_properties.title = translate("agenda.title", language, municipality=name)
    document.core_properties.language = language
    document.add_heading(translate("agenda.title", language, municipality=name), level=1)
    document.add_paragraph(
        translate("agenda.note", language, year=agenda.reference_year or "–", file=RULE_FILE)
    )
    for kind in KINDS:
        document.add_heading(translate(f"agenda.section.{kind}", language), level=2)
        statements = agenda.of_kind(kind)
        if not statements:
            document.add_paragraph(translate(f"agenda.none.{kind}", language))
            continue
        for statement in statements:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(statement_text(statement, labels, language, rules))
            paragraph.add_run("\n")
            paragraph.add_run(rule_text(statement, language)).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

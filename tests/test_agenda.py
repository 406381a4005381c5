"""Agenda drafts: each rule on constructed indicator tables (just above, at and below its
threshold), the thresholds read from documented data, and the draft as Markdown in three
languages and as a real Word document."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from dashboard.config import DEFAULT_REGION_DIR
from dashboard.valorization import Enterprises
from dashboard.valorization.agenda import (
    AgendaFacts,
    AgendaRules,
    Thresholds,
    agenda_docx,
    agenda_facts,
    agenda_markdown,
    draft_agenda,
    load_agenda_rules,
    rule_text,
    rules_from_mapping,
    statement_text,
)
from dashboard.valorization.peers import Labels

UNITS = ["a", "b", "c"]
SECTORS = ["crafts-design", "it-software", "arts"]


def facts(**changes) -> AgendaFacts:
    """Three units in two districts; every figure chosen to sit next to a threshold."""
    municipalities = pd.DataFrame(
        {
            "enterprises_per_1000": [5.0, 1.4, 3.0],
            "employees_per_1000": [10.0, 3.0, 6.0],
            "diversity": [0.59, 0.9, 0.6],
            "growth": [0.30, 0.27, 0.2],
            "max_lq": [1.25, 1.2, 1.5],
        },
        index=pd.Index(UNITS, name="code"),
    )
    districts = pd.DataFrame(
        {
            "enterprises_per_1000": [3.0, 3.0],
            "employees_per_1000": [6.0, 6.0],
            "diversity": [0.8, 0.6],
            "growth": [0.28, 0.2],
            "max_lq": [1.1, 1.5],
        },
        index=["D1", "D2"],
    )
    region = pd.Series(
        {
            "enterprises_per_1000": 2.0,
            "employees_per_1000": 5.0,
            "diversity": 0.85,
            "growth": 0.25,
            "max_lq": 1.0,
        }
    )
    lq = pd.DataFrame([[1.25, 0.8, 0.9], [1.24, 1.1, 0.5], [3.0, 0.2, 0.1]], index=UNITS, columns=SECTORS)
    counts = pd.DataFrame([[5, 30, 2], [40, 50, 3], [4, 1, 0]], index=UNITS, columns=SECTORS)
    base = AgendaFacts(
        municipalities=municipalities,
        districts=districts,
        region=region,
        lq=lq,
        sector_counts=counts,
        district_of=pd.Series({"a": "D1", "b": "D1", "c": "D2"}),
        dated=pd.Series({"a": 10.0, "b": 80.0, "c": 9.0}),
        founded_recent=pd.Series({"a": 4.0, "b": 8.0, "c": 1.0}),
        founded_before=pd.Series({"a": 5.0, "b": 10.0, "c": 4.0}),
        growth_years=5,
        reference_year=2025,
        clusters=pd.DataFrame(
            {
                "cluster": [1, 2],
                "members": [14, 11],
                "employees": [40, 20],
                "dominant_sector": ["it-software", "crafts-design"],
                "dominant_share": [0.5, 0.8],
                "municipalities": [("a", "b"), ("c",)],
                "first_year": [1999.0, np.nan],
                "last_year": [2024.0, np.nan],
            }
        ),
        cluster_radius_m=500.0,
    )
    return base if not changes else AgendaFacts(**{**base.__dict__, **changes})


def rules_of(agenda):
    return [(s.rule, s.figures.get("sector")) for s in agenda.statements if s.kind != "comparison"]


def test_each_rule_fires_at_its_threshold():
    a = draft_agenda("a", facts())
    assert rules_of(a) == [
        ("strength.sector", "crafts-design"),  # LQ 1.25 (= threshold) with 5 firms (= threshold)
        ("strength.growth", None),  # 0.30 vs the district's 0.28: the 0.02 margin, 10 dated firms
        ("strength.density", None),  # 5.0 / 2.0 = 2.5 ≥ 1.25
        ("weakness.diversity", None),  # 0.59 < 0.6
        ("weakness.shrinking", None),  # 4 ≤ 0.8 × 5, with 5 before
        ("cluster", "it-software"),
    ]


def test_growth_above_the_district_needs_the_margin_and_enough_dated_firms():
    rules = AgendaRules(Thresholds(growth_margin=0.021))
    assert "strength.growth" not in [s.rule for s in draft_agenda("a", facts(), rules).statements]
    few = facts(dated=pd.Series({"a": 9.0, "b": 80.0, "c": 9.0}))
    assert "strength.growth" not in [s.rule for s in draft_agenda("a", few).statements]
    growth = next(s for s in draft_agenda("a", facts()).statements if s.rule == "strength.growth")
    assert growth.figures["district"] == "D1" and growth.figures["district_growth"] == 0.28


def test_thin_sectors_low_density_and_no_strength_below_the_thresholds():
    b = draft_agenda("b", facts())
    # crafts LQ 1.24 < 1.25: no strength; arts 3 firms > 2: not thin; density 1.4/2 = 0.7 ≤ 0.75: weak;
    # 8 foundings against 10 is exactly 0.8: shrinking
    assert rules_of(b) == [
        ("weakness.density", None),
        ("weakness.shrinking", None),
        ("cluster", "it-software"),
    ]
    c = draft_agenda("c", facts())
    # crafts LQ 3.0 but 4 firms < 5: no strength; IT (1 firm, 59% of the region) and arts (0, 4%) thin
    # only where the sector matters in the region (≥ 5 %): arts is 5/135 = 3.7 % -> not listed.
    assert ("weakness.thin_sector", "it-software") in rules_of(c)
    assert ("weakness.thin_sector", "arts") not in rules_of(c) and (
        "strength.sector",
        "crafts-design",
    ) not in rules_of(c)
    assert "weakness.shrinking" not in [r for r, _ in rules_of(c)]  # 4 before < 5: too few to call


def test_comparisons_carry_district_region_and_peers():
    from dashboard.valorization.peers import PeerGroup

    groups = {u: PeerGroup(u, tuple(UNITS), "municipality", (None, 12_000.0)) for u in UNITS}
    values = facts().municipalities
    ranks = values.rank(ascending=False, method="min")
    agenda = draft_agenda("a", facts(peer_values=values, peer_ranks=ranks, peer_groups=groups))
    comparison = agenda.of_kind("comparison")
    assert [s.figures["indicator"] for s in comparison] == list(AgendaRules().comparison)
    density = comparison[0].figures
    assert (density["value"], density["district_value"], density["region_value"]) == (5.0, 3.0, 2.0)
    assert density["peer_rank"] == 1 and density["peer_count"] == 3


def test_the_thresholds_are_documented_data():
    rules, problems = load_agenda_rules(DEFAULT_REGION_DIR / "agenda.toml")
    assert not problems and rules == AgendaRules()  # the file states the defaults the code falls back to
    text = (DEFAULT_REGION_DIR / "agenda.toml").read_text(encoding="utf-8")
    for name in Thresholds().__dict__:
        assert f"{name} = " in text  # every threshold is written (and commented) there
    rules, wrong = rules_from_mapping(
        {"strengths": {"lq_min": 1.5, "sector_min_firms": 2.5}, "weaknesses": {"diversity_max": "low"}}
    )
    assert rules.thresholds.lq_min == 1.5 and rules.thresholds.sector_min_firms == 5
    assert wrong == [("strengths.sector_min_firms", 2.5), ("weaknesses.diversity_max", "low")]


def test_a_broken_rules_file_is_a_problem_and_the_defaults_apply(tmp_path):
    path = tmp_path / "agenda.toml"
    path.write_text("[strengths\nlq_min = ", encoding="utf-8")
    rules, problems = load_agenda_rules(path)
    assert rules == AgendaRules() and [p.code for p in problems] == ["file_unreadable"]
    path.write_text("[comparison]\nindicators = ['nonsense']\n[peers]\nmin_group = -1\n", encoding="utf-8")
    rules, problems = load_agenda_rules(path)
    assert sorted(p.column for p in problems) == ["comparison.indicators", "peers.min_group"]
    assert all(p.code == "setting_invalid" and p.severity == "warning" for p in problems)


@pytest.fixture(scope="module")
def labels(project_data):
    return Labels.from_region(project_data)


@pytest.fixture(scope="module")
def pirot(project_data):
    data = project_data
    reference = data.municipalities
    enterprises = Enterprises.from_frame(data.enterprises, list(reference.index), data.taxonomy.sector_codes)
    rules, _ = load_agenda_rules(DEFAULT_REGION_DIR / "agenda.toml")
    from dashboard.analysis.clusters import find_clusters

    clusters = find_clusters(data.enterprises)
    built = agenda_facts(
        enterprises,
        reference,
        rules,
        clusters=clusters.clusters,
        cluster_radius_m=500,
        district_order=list(data.districts.index),
    )
    return draft_agenda("pirot", built, rules), rules


def test_the_demo_data_make_crafts_a_strength_of_pirot(pirot):
    agenda, _ = pirot
    sectors = [s.figures["sector"] for s in agenda.of_kind("strength") if s.rule == "strength.sector"]
    assert "crafts-design" in sectors and agenda.of_kind("cluster")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "sr-Latn",
            [
                "# Nacrt agende razvoja kreativnih industrija: Pirot",
                "## Snage",
                "Zanati i dizajn",
                "Pravilo:",
            ],
        ),
        (
            "sr-Cyrl",
            [
                "# Нацрт агенде развоја креативних индустрија: Пирот",
                "## Снаге",
                "Занати и дизајн",
                "Правило:",
            ],
        ),
        ("en", ["# Draft creative-industries agenda: Pirot", "## Strengths", "Crafts and design", "Rule:"]),
    ],
)
def test_the_markdown_draft_in_each_language(pirot, labels, language, words):
    agenda, rules = pirot
    text = agenda_markdown(agenda, labels, language, rules)
    for word in words:
        assert word in text
    strength = agenda.of_kind("strength")[0]
    assert statement_text(strength, labels, language, rules) in text
    assert text.count("\n- ") == len(agenda.statements)


def test_rule_text_states_the_thresholds(pirot):
    agenda, _ = pirot
    strength = next(s for s in agenda.statements if s.rule == "strength.sector")
    assert rule_text(strength, "en") == (
        "Rule: location quotient at least 1.25 and at least 5 firms in the sector (agenda.toml, [strengths])."
    )
    assert "1,25" in rule_text(strength, "sr-Latn")


def test_the_docx_draft_is_a_word_document_with_the_same_statements(pirot, labels):
    from docx import Document

    agenda, rules = pirot
    document = Document(io.BytesIO(agenda_docx(agenda, labels, "sr-Latn", rules)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Nacrt agende razvoja kreativnih industrija: Pirot",
        "Snage",
        "Slabosti",
        "Klasteri",
        "Poređenje",
    ]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == len(agenda.statements)
    assert bullets[0].text.startswith(statement_text(agenda.statements[0], labels, "sr-Latn", rules))
    assert bullets[0].runs[-1].italic

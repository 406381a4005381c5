"""The one list of indicators and index dimensions: what each means, how it is computed, in what
unit, from which source, and which way is better.

The potential page, the ranking, the tooltips and the methodology page all read this
registry, so a definition cannot drift between the code and what the user is told. The
words (name, definition, caveat) live in the message catalogue under
``indicator.<key>.*`` and ``dimension.<key>.*`` so that they are translated like every
other text; the formula is written in symbols, which read the same in every language and
are explained by the ``symbol.*`` legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import translate

SOURCES = ("enterprises", "population", "area", "taxonomy", "national")
UNITS = ("count", "per_1000", "per_km2", "employees_per_firm", "share", "ratio", "evenness")
SYMBOLS = ("N", "E", "M", "P", "A", "S", "G", "D", "W", "T", "B", "s", "m", "R")


@dataclass(frozen=True)
class Indicator:
    """One indicator of a municipality (or district, or the region).

    ``direction`` is +1 when a higher value means more development potential and -1 when a
    lower one does; ``dimension`` names the index dimension it feeds, or ``None`` for an
    indicator that is shown for context but not scored (counted twice, or ambiguous).
    """

    key: str
    formula: str
    unit: str
    sources: tuple[str, ...]
    direction: int
    dimension: str | None
    decimals: int
    percent: bool = False  # a share shown as a percentage

    def name(self, language: str) -> str:
        return translate(f"indicator.{self.key}.name", language)

    def definition(self, language: str) -> str:
        return translate(f"indicator.{self.key}.definition", language)

    def caveat(self, language: str) -> str:
        return translate(f"indicator.{self.key}.caveat", language)

    def unit_label(self, language: str) -> str:
        return translate(f"unit.{self.unit}", language)


@dataclass(frozen=True)
class Dimension:
    """A named group of indicators; its score is the mean of their normalised values."""

    key: str
    default_weight: float

    def name(self, language: str) -> str:
        return translate(f"dimension.{self.key}.name", language)

    def definition(self, language: str) -> str:
        return translate(f"dimension.{self.key}.definition", language)

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(i.key for i in INDICATORS if i.dimension == self.key)


INDICATORS: tuple[Indicator, ...] = (
    Indicator("enterprises", "N_m", "count", ("enterprises",), +1, "size", 0),
    Indicator(
        "enterprises_per_1000", "N_m / P_m × 1000", "per_1000", ("enterprises", "population"), +1, "size", 2
    ),
    Indicator("employees", "E_m", "count", ("enterprises",), +1, "employment", 0),
    Indicator(
        "employees_per_1000",
        "E_m / P_m × 1000",
        "per_1000",
        ("enterprises", "population"),
        +1,
        "employment",
        2,
    ),
    Indicator("max_lq", "max_s LQ_s,m", "ratio", ("enterprises", "taxonomy"), +1, "specialisation", 2),
    Indicator(
        "diversity",
        "−Σ_s (N_s,m / N_m) · ln(N_s,m / N_m) / ln S",
        "evenness",
        ("enterprises", "taxonomy"),
        +1,
        "diversity",
        2,
    ),
    Indicator("growth", "G_m / D_m", "share", ("enterprises",), +1, "dynamism", 1, True),
    Indicator("average_size", "E_m / N_m", "employees_per_firm", ("enterprises",), +1, None, 1),
    Indicator("micro_share", "M_m / N_m", "share", ("enterprises",), -1, None, 1, True),
    Indicator("enterprises_per_km2", "N_m / A_m", "per_km2", ("enterprises", "area"), +1, None, 2),
    Indicator("region_share", "N_m / N_R", "share", ("enterprises",), +1, None, 1, True),
    Indicator(
        "national_ratio",
        "(N_m / P_m × 1000) / B",
        "ratio",
        ("enterprises", "population", "national"),
        +1,
        None,
        2,
    ),
)
"""Every indicator, in the order the tables and the methodology page list them."""

# The location quotient is a matrix (municipality × sector), not one number per unit, so it is
# documented here beside the registry and shown as the specialisation heatmap.
LOCATION_QUOTIENT = Indicator(
    "location_quotient",
    "LQ_s,m = (N_s,m / N_m) / (N_s,R / N_R)",
    "ratio",
    ("enterprises", "taxonomy"),
    +1,
    None,
    2,
)

DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("size", 0.25),
    Dimension("employment", 0.25),
    Dimension("specialisation", 0.20),
    Dimension("diversity", 0.10),
    Dimension("dynamism", 0.20),
)
"""The index dimensions with their default weights (they sum to one).

Half the weight goes to the creative economy a municipality already has (size and
employment), half to its profile and momentum (specialisation, diversity, growth) -- the
same split between "what is there" and "what drives it" as the JRC Cultural and Creative
Cities Monitor's 40/40/20. It is a judgement, not a measurement: the weights are sliders,
and the robustness ranges show how much a ranking depends on them.
"""

BY_KEY: dict[str, Indicator] = {i.key: i for i in (*INDICATORS, LOCATION_QUOTIENT)}
DIMENSION_KEYS: tuple[str, ...] = tuple(d.key for d in DIMENSIONS)
SCORED: tuple[str, ...] = tuple(i.key for i in INDICATORS if i.dimension is not None)


def default_weights() -> dict[str, float]:
    return {d.key: d.default_weight for d in DIMENSIONS}


def message_keys() -> set[str]:
    """Every message the registry needs; a test holds the catalogue to it."""
    keys = {f"indicator.{i.key}.{part}" for i in BY_KEY.values() for part in ("name", "definition", "caveat")}
    keys |= {f"dimension.{d.key}.{part}" for d in DIMENSIONS for part in ("name", "definition")}
    keys |= {f"unit.{u}" for u in UNITS} | {f"source.{s}" for s in SOURCES}
    keys |= {f"symbol.{s}" for s in SYMBOLS}
    return keys

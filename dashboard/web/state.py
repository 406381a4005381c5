"""The explore and potential pages' state as a query string, so a link or the back button
restores it.

``ExploreState.from_query(params)`` reads what the URL says (tolerating anything
a person might type), ``to_query()`` writes it back in a short, stable form:
only what differs from the defaults, lists comma-separated, years as
``2010-2020``, employees as ``emp=10-50`` (or ``10-``, ``-50``), the search as ``q=``, the
map view as ``lat,lon,zoom``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from dashboard.analysis.indicators import LEVELS, METRICS, Filters, clean_search, employee_range
from dashboard.sources.schema import SIZE_CLASSES
from dashboard.valorization.registry import DIMENSIONS, INDICATORS, default_weights
from dashboard.valorization.state import DEFAULT_GROWTH_YEARS, PotentialState
from dashboard.valorization.whatif import parse_scenario

DEFAULT_LEVEL = "municipality"
DEFAULT_METRIC = "enterprises_per_1000"
LIST_PARAMETERS = {
    "district": "districts",
    "municipality": "municipalities",
    "sector": "sectors",
    "size": "size_classes",
    "tier": "tiers",
}


# The definition of "creative" counted, by its taxonomy id; absent = the region's default. Which
# ids exist is the region's data: an unknown one is resolved to the default where it is used.
DEFINITION_PARAMETER = "definition"
EMPLOYEES_PARAMETER = "emp"  # employees as a number: "10-50", "10-" (at least), "-50" (at most)
SEARCH_PARAMETER = "q"  # the search box: a name, registration number or settlement


def _definition(text: str | None) -> str:
    """A definition id as the URL gives it: a short slug, or '' (the default) for anything else."""
    text = (text or "").strip()
    return (
        text
        if len(text) <= 40 and text.replace("-", "").replace("_", "").isalnum() and text.isascii()
        else ""
    )


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(",") if part)


def _years(text: str | None) -> tuple[int, ...]:
    try:
        first, last = (int(part) for part in (text or "").split("-"))
    except ValueError:
        return ()
    return (min(first, last), max(first, last))


def _employees(text: str | None) -> tuple[int | None, int | None]:
    """``10-50``, ``10-`` (at least 10) or ``-50`` (at most 50) as (minimum, maximum)."""
    low, separator, high = (text or "").partition("-")
    if not separator:
        return (None, None)
    return employee_range(low.strip() or None, high.strip() or None)


def _employees_text(low: int | None, high: int | None) -> str:
    return f"{'' if low is None else low}-{'' if high is None else high}"


def _view(text: str | None) -> tuple[float, ...]:
    try:
        lat, lon, zoom = (float(part) for part in (text or "").split(","))
    except ValueError:
        return ()
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 22):
        return ()
    return (lat, lon, zoom)


@dataclass(frozen=True)
class ExploreState:
    filters: Filters = field(default_factory=Filters)
    level: str = DEFAULT_LEVEL
    metric: str = DEFAULT_METRIC
    lq_sector: str = ""
    view: tuple[float, ...] = ()  # (lat, lon, zoom) of the map, when the user moved it
    approximate: bool = True  # draw enterprises whose location is only a settlement or seat

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> ExploreState:
        low, high = _employees(params.get(EMPLOYEES_PARAMETER))
        filters = Filters(
            **{name: _split(params.get(key)) for key, name in LIST_PARAMETERS.items()},
            years=_years(params.get("years")),
            definition=_definition(params.get(DEFINITION_PARAMETER)),
            min_employees=low,
            max_employees=high,
            search=clean_search(params.get(SEARCH_PARAMETER)),
        )
        level = params.get("level", DEFAULT_LEVEL)
        metric = params.get("metric", DEFAULT_METRIC)
        return cls(
            filters=filters,
            level=level if level in LEVELS else DEFAULT_LEVEL,
            metric=metric if metric in METRICS else DEFAULT_METRIC,
            lq_sector=params.get("lq", ""),
            view=_view(params.get("at")),
            approximate=params.get("approx", "1") != "0",
        )

    def to_query(self, language: str | None = None) -> str:
        params: dict[str, str] = {}
        if language:
            params["lang"] = language
        for key, name in LIST_PARAMETERS.items():
            values = getattr(self.filters, name)
            if values:
                params[key] = ",".join(values)
        if self.filters.years:
            params["years"] = f"{self.filters.years[0]}-{self.filters.years[1]}"
        if self.filters.definition:
            params[DEFINITION_PARAMETER] = self.filters.definition
        if self.filters.min_employees is not None or self.filters.max_employees is not None:
            params[EMPLOYEES_PARAMETER] = _employees_text(
                self.filters.min_employees, self.filters.max_employees
            )
        if self.filters.search:
            params[SEARCH_PARAMETER] = self.filters.search
        if self.level != DEFAULT_LEVEL:
            params["level"] = self.level
        if self.metric != DEFAULT_METRIC:
            params["metric"] = self.metric
        if self.metric == "location_quotient" and self.lq_sector:
            params["lq"] = self.lq_sector
        if not self.approximate:
            params["approx"] = "0"
        if self.view:
            params["at"] = ",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in self.view)
        return "?" + urlencode(params, safe=",-") if params else ""

    def with_view(self, view: tuple[float, ...]) -> ExploreState:
        return replace(self, view=view)


def _weights(text: str | None) -> dict[str, float] | None:
    """``size:30,employment:20,...`` (slider units, 0-100) as weights 0-1; None for none."""
    weights = default_weights()
    given = False
    for part in _split(text):
        key, _, value = part.partition(":")
        try:
            number = float(value)
        except ValueError:
            continue
        if key in weights and number == number:  # not NaN
            weights[key] = min(max(number, 0.0), 100.0) / 100
            given = True
    return weights if given and any(weights.values()) else None


def potential_metrics() -> set[str]:
    """What the potential map can show: the index, a dimension or an indicator."""
    return {"index"} | {f"dim:{d.key}" for d in DIMENSIONS} | {f"ind:{i.key}" for i in INDICATORS}


@dataclass(frozen=True)
class PotentialPageState:
    """The potential page's controls as a query string, like :class:`ExploreState`: the
    weights (slider units), normalisation, growth window, national value, the sectors and
    sizes analysed, the definition of "creative", what the map shows and which municipality's
    profile is open."""

    analysis: PotentialState = field(default_factory=PotentialState)
    metric: str = "index"
    municipality: str = ""
    # A what-if scenario (``dashboard.valorization.whatif``), in its compact URL form; '' = none.
    scenario: str = ""

    @classmethod
    def from_query(
        cls, params: Mapping[str, str], sectors: Collection[str] | None = None
    ) -> PotentialPageState:
        """``sectors``: the taxonomy's codes; others in the address are dropped, not analysed
        as an empty selection. (An unknown municipality is the layout's to drop.)"""
        metric = params.get("metric", "index")
        sizes = {name for name, _, _ in SIZE_CLASSES}
        return cls(
            analysis=PotentialState.read(
                _weights(params.get("w")),
                params.get("method"),
                params.get("growth", DEFAULT_GROWTH_YEARS),
                params.get("national"),
                [s for s in _split(params.get("sector")) if sectors is None or s in sectors],
                [s for s in _split(params.get("size")) if s in sizes],
                _definition(params.get(DEFINITION_PARAMETER)),
            ),
            metric=metric if metric in potential_metrics() else "index",
            municipality=params.get("municipality", ""),
            scenario=parse_scenario(params.get("scenario"), sectors=sectors).to_query(),
        )

    def slider_weights(self) -> dict[str, int]:
        return {key: round(value * 100) for key, value in self.analysis.weights.items()}

    def to_query(self) -> str:
        state, params = self.analysis, {}
        sliders = self.slider_weights()
        if sliders != {key: round(value * 100) for key, value in default_weights().items()}:
            params["w"] = ",".join(f"{key}:{value}" for key, value in sliders.items())
        if state.method != "minmax":
            params["method"] = state.method
        if state.growth_years != DEFAULT_GROWTH_YEARS:
            params["growth"] = str(state.growth_years)
        if state.national is not None:
            params["national"] = f"{state.national:g}"
        if state.sectors:
            params["sector"] = ",".join(state.sectors)
        if state.sizes:
            params["size"] = ",".join(state.sizes)
        if state.definition:
            params[DEFINITION_PARAMETER] = state.definition
        if self.metric != "index":
            params["metric"] = self.metric
        if self.municipality:
            params["municipality"] = self.municipality
        if self.scenario:
            params["scenario"] = self.scenario
        return "?" + urlencode(params, safe=",-:") if params else ""

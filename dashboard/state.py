"""The explore page's state as a query string, so a link or the back button restores it.

``ExploreState.from_query(params)`` reads what the URL says (tolerating anything
a person might type), ``to_query()`` writes it back in a short, stable form:
only what differs from the defaults, lists comma-separated, years as
``2010-2020``, the map view as ``lat,lon,zoom``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from dashboard.indicators import LEVELS, METRICS, Filters

DEFAULT_LEVEL = "municipality"
DEFAULT_METRIC = "enterprises_per_1000"
LIST_PARAMETERS = {
    "district": "districts",
    "municipality": "municipalities",
    "sector": "sectors",
    "size": "size_classes",
    "tier": "tiers",
}


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(",") if part)


def _years(text: str | None) -> tuple[int, ...]:
    try:
        first, last = (int(part) for part in (text or "").split("-"))
    except ValueError:
        return ()
    return (min(first, last), max(first, last))


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
        filters = Filters(
            **{name: _split(params.get(key)) for key, name in LIST_PARAMETERS.items()},
            years=_years(params.get("years")),
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

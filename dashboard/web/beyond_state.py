"""The clusters and agenda pages' state as a query string (see :mod:`dashboard.web.state` for
the other pages): what the URL says, read tolerantly and bounded, and written back short, with
only what differs from the region's defaults.

``/clusters?sector=crafts-design&definition=narrow&radius=300&min=5`` and
``/agenda?municipality=pirot``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from dashboard.analysis.clusters import ClusterSettings
from dashboard.web.state import DEFINITION_PARAMETER, _definition, _split

# What the clusters page lets a reader choose: a radius from a street (100 m) to a small town
# (3 km), and clusters from 3 firms (two are a pair, not a cluster) to 200.
RADIUS_RANGE = (100, 3000)
RADIUS_STEP = 50
MIN_SIZE_RANGE = (3, 200)


def _bounded(text: object, low: int, high: int, default: int) -> int:
    """A whole number from the URL within [low, high]; the default for anything else."""
    try:
        value = int(float(str(text)))
    except (TypeError, ValueError, OverflowError):
        return default
    return min(max(value, low), high)


@dataclass(frozen=True)
class ClustersPageState:
    """Sectors (none = all), the definition of "creative" ('' = the region's default), the
    DBSCAN radius in metres and the fewest firms in a cluster."""

    sectors: tuple[str, ...] = ()
    definition: str = ""
    radius_m: int = 500
    min_size: int = 10

    @classmethod
    def defaults(cls, settings: ClusterSettings) -> ClustersPageState:
        """The state the page opens with: the region's settings, brought into the page's bounds."""
        return cls(
            radius_m=_bounded(settings.radius_m, *RADIUS_RANGE, 500),
            min_size=_bounded(settings.min_size, *MIN_SIZE_RANGE, 10),
        )

    @classmethod
    def read(
        cls,
        sectors: object,
        definition: object,
        radius: object,
        min_size: object,
        defaults: ClustersPageState,
        known_sectors: Collection[str] | None = None,
    ) -> ClustersPageState:
        """From control values or URL parameters, whatever they hold."""
        chosen = _split(sectors) if isinstance(sectors, str) else tuple(sectors or ())
        return cls(
            sectors=tuple(
                dict.fromkeys(
                    s for s in chosen if isinstance(s, str) and (known_sectors is None or s in known_sectors)
                )
            ),
            definition=_definition(definition if isinstance(definition, str) else ""),
            radius_m=_bounded(radius, *RADIUS_RANGE, defaults.radius_m),
            min_size=_bounded(min_size, *MIN_SIZE_RANGE, defaults.min_size),
        )

    @classmethod
    def from_query(
        cls,
        params: Mapping[str, str],
        defaults: ClustersPageState,
        known_sectors: Collection[str] | None = None,
    ) -> ClustersPageState:
        return cls.read(
            params.get("sector"),
            params.get(DEFINITION_PARAMETER),
            params.get("radius"),
            params.get("min"),
            defaults,
            known_sectors,
        )

    def settings(self, base: ClusterSettings) -> ClusterSettings:
        """The clustering settings this state asks for (the outline's widening stays the region's)."""
        return ClusterSettings(float(self.radius_m), int(self.min_size), base.hull_buffer_m)

    def to_query(self, defaults: ClustersPageState) -> str:
        params: dict[str, str] = {}
        if self.sectors:
            params["sector"] = ",".join(self.sectors)
        if self.definition:
            params[DEFINITION_PARAMETER] = self.definition
        if self.radius_m != defaults.radius_m:
            params["radius"] = str(self.radius_m)
        if self.min_size != defaults.min_size:
            params["min"] = str(self.min_size)
        return "?" + urlencode(params, safe=",-") if params else ""


def agenda_query(municipality: str | None) -> str:
    """The agenda page's state: the municipality whose draft is shown."""
    return "?" + urlencode({"municipality": municipality}) if municipality else ""

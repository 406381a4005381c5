"""Component ids shared by layouts, callbacks and browser tests."""

FILTER = "filter"  # pattern-matching type: {"type": FILTER, "name": <Filters field>}
LEVEL = "map-level"
METRIC = "map-metric"
MAP = "region-map"
SECTOR_CHART = "sector-chart"
RESET = "reset-filters"
LANGUAGE = "language"
DEMO_BADGE = "demo-badge"
KPI = "kpi"  # pattern-matching type: {"type": KPI, "name": "enterprises" | ...}


def filter_id(name: str) -> dict[str, str]:
    return {"type": FILTER, "name": name}


def kpi_id(name: str) -> dict[str, str]:
    return {"type": KPI, "name": name}

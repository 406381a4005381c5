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
CRUMB = "crumb"  # pattern-matching type: {"type": CRUMB, "target": "region" | district code | ...}
LANGUAGE_LINK = "language-link"  # pattern-matching type: {"type": LANGUAGE_LINK, "lang": code}
LQ_SECTOR = "lq-sector"
LQ_SECTOR_GROUP = "lq-sector-group"
MAP_NOTICE = "map-notice"
MAP_SUMMARY = "map-summary"
BREADCRUMB = "breadcrumb"
PROFILE = "municipality-profile"
SIZE_CHART = "size-chart"
TIMELINE = "founding-timeline"
TABLE = "enterprise-table"
TABLE_COUNT = "enterprise-table-count"
TABLE_SEARCH = "enterprise-table-search"
TABLE_COLUMNS = "enterprise-table-columns"
SELECTION = "map-selection"
QUERY = "explore-query"
URL_SYNC = "explore-url-sync"
SEARCH_PLACEHOLDER = "explore-search"


def filter_id(name: str) -> dict[str, str]:
    return {"type": FILTER, "name": name}


def kpi_id(name: str) -> dict[str, str]:
    return {"type": KPI, "name": name}


def crumb_id(target: str) -> dict[str, str]:
    return {"type": CRUMB, "target": target}

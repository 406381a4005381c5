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
MAP_APPROXIMATE = "map-approximate"
EXPORT = "export"  # pattern-matching type: {"type": EXPORT, "format": "csv" | "xlsx" | "geojson"}
DOWNLOAD = "export-download"
BREADCRUMB = "breadcrumb"
PROFILE = "municipality-profile"
SIZE_CHART = "size-chart"
TIMELINE = "founding-timeline"
TABLE = "enterprise-table"
TABLE_COUNT = "enterprise-table-count"
TABLE_COLUMNS = "enterprise-table-columns"
TABLE_REVEAL = "enterprise-table-reveal"
TABLE_SLOT = "enterprise-table-slot"
SELECTION = "map-selection"
QUERY = "explore-query"
# The explore page's state (dashboard/pages/explore.py). The map derives its state from the
# controls itself; MAP_DRAWN is the state (QUERY's form) it has answered, MAP_SETTLED the same
# once the map has drawn it on screen (assets/map_first.js). Only then is the page's state
# derived from it and split into what each view beside the map reads, so a change reaches only
# the views it affects and never holds up the map.
MAP_DRAWN = "explore-map-drawn"
MAP_SETTLED = "explore-map-settled"
FILTER_STATE = "explore-filter-state"
TABLE_STATE = "explore-table-state"
# The map's answer to a change as the browser takes it: the state it is for and, when the
# browser redraws the map in place, what to redraw (assets/map_first.js, assets/map_fast.js).
MAP_ANSWER = "explore-map-answer"
MAP_LEGEND = "map-legend"
URL_SYNC = "explore-url-sync"
SEARCH_PLACEHOLDER = "explore-search"
# Founding years played as an animation (the filter panel; assets/year_play.js)
PLAY = "year-play"
PLAY_TIMER = "year-play-timer"
PLAY_SPEED = "year-play-speed"
PLAY_LABELS = "year-play-labels"


def filter_id(name: str) -> dict[str, str]:
    return {"type": FILTER, "name": name}


def kpi_id(name: str) -> dict[str, str]:
    return {"type": KPI, "name": name}


def crumb_id(target: str) -> dict[str, str]:
    return {"type": CRUMB, "target": target}


# The potential page (dashboard/pages/potential.py)
WEIGHT = "potential-weight"  # pattern-matching type: {"type": WEIGHT, "dimension": <dimension key>}
WEIGHT_SHARE = "potential-weight-share"  # pattern-matching type, same keys: the weight's share in %
WEIGHTS = "potential-weights"  # dcc.Store of the slider values
POTENTIAL_DEFINITION = "potential-definition"  # the definition of "creative" analysed
PROFILE_DEFINITION = "profile-definition"  # the profile's definition of "creative"
COMPARE_DEFINITION = "compare-definition"  # the comparison's definition of "creative"
WEIGHTS_RESET = "potential-weights-reset"
POTENTIAL_LANGUAGE = "potential-language"
POTENTIAL_QUERY = "potential-query"  # dcc.Store: the page's state as a query string (no language)
POTENTIAL_ANALYSIS_KEY = "potential-analysis-key"  # dcc.Store: the analysis part of the state
POTENTIAL_DATA_KEY = "potential-data-key"  # dcc.Store: the data part (sectors, sizes, years, national value)
POTENTIAL_URL_SYNC = "potential-url-sync"  # output of the clientside callback writing the address
POTENTIAL_MAP = "potential-map"
POTENTIAL_CONTROLS_TOGGLE = "potential-controls-toggle"  # the weights and settings fold on a phone
POTENTIAL_CONTROLS_BODY = "potential-controls-body"
POTENTIAL_MAP_METRIC = "potential-map-metric"
POTENTIAL_METHOD = "potential-method"
POTENTIAL_GROWTH_YEARS = "potential-growth-years"
POTENTIAL_NATIONAL = "potential-national"
POTENTIAL_SECTORS = "potential-sectors"
POTENTIAL_SIZES = "potential-sizes"
POTENTIAL_NOTICE = "potential-notice"
RANKING = "potential-ranking"
BREAKDOWN = "potential-breakdown"
LQ_HEATMAP = "potential-lq-heatmap"
POTENTIAL_PROFILE = "potential-profile"
POTENTIAL_PROFILE_PICK = "potential-profile-pick"
POTENTIAL_LEVELS = "potential-levels"


def weight_id(dimension: str) -> dict[str, str]:
    return {"type": WEIGHT, "dimension": dimension}


def weight_share_id(dimension: str) -> dict[str, str]:
    return {"type": WEIGHT_SHARE, "dimension": dimension}

"""Component ids of the clusters and agenda pages and of the potential page's what-if form
(shared by layouts, callbacks and tests)."""

# The clusters page (dashboard/pages/clusters.py)
CLUSTERS_LANGUAGE = "clusters-language"
CLUSTERS_QUERY = "clusters-query"  # dcc.Store: the page's state as a query string (no language)
CLUSTERS_URL_SYNC = "clusters-url-sync"
CLUSTERS_SECTORS = "clusters-sectors"
CLUSTERS_DEFINITION = "clusters-definition"
CLUSTERS_SETTINGS_TOGGLE = "clusters-settings-toggle"  # the settings fold on a phone
CLUSTERS_SETTINGS_BODY = "clusters-settings-body"
CLUSTERS_RADIUS = "clusters-radius"
CLUSTERS_MIN_SIZE = "clusters-min-size"
CLUSTERS_RESET = "clusters-reset"
CLUSTERS_MAP = "clusters-map"
CLUSTERS_SUMMARY = "clusters-summary"
CLUSTERS_CARDS = "clusters-cards"
CLUSTERS_EXPORT = "clusters-export"
CLUSTERS_DOWNLOAD = "clusters-download"

# The agenda page (dashboard/pages/agenda.py)
AGENDA_LANGUAGE = "agenda-language"
AGENDA_QUERY = "agenda-query"
AGENDA_URL_SYNC = "agenda-url-sync"
AGENDA_PICK = "agenda-pick"
AGENDA_CONTENT = "agenda-content"
AGENDA_MARKDOWN = "agenda-markdown"
AGENDA_DOCX = "agenda-docx"
AGENDA_DOWNLOAD = "agenda-download"

# What-if on the potential page (dashboard/pages/potential.py)
WHATIF_SCENARIO = "whatif-scenario"  # dcc.Store: the scenario in its URL form ('' = none)
WHATIF_MUNICIPALITY = "whatif-municipality"
WHATIF_SECTOR = "whatif-sector"
WHATIF_FIRMS = "whatif-firms"
WHATIF_EMPLOYEES = "whatif-employees"
WHATIF_YEAR = "whatif-year"
WHATIF_ADD = "whatif-add"
WHATIF_CLEAR = "whatif-clear"
WHATIF_REMOVE = "whatif-remove"  # pattern-matching type: {"type": WHATIF_REMOVE, "index": i}
WHATIF_CHANGES = "whatif-changes"
WHATIF_NOTICE = "whatif-notice"
WHATIF_RESULT = "whatif-result"


def remove_id(index: int) -> dict[str, object]:
    return {"type": WHATIF_REMOVE, "index": index}

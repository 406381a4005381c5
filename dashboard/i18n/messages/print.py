"""Messages of the printed map (``/map-print``) and its PDF and PNG exports."""

MESSAGES: dict[str, dict[str, str]] = {
    "map_print.page": {"sr-Latn": "Mapa za štampu", "en": "Printable map"},
    "map_print.by_level": {
        "sr-Latn": "{metric}, prikaz: {level}",
        "en": "{metric}, shown by: {level}",
    },
    "map_print.no_filters": {
        "sr-Latn": "Sva kreativna preduzeća regiona, bez filtera.",
        "en": "All creative enterprises of the region, no filters.",
    },
    "map_print.filters": {"sr-Latn": "Filteri: {filters}.", "en": "Filters: {filters}."},
    "map_print.years": {"sr-Latn": "{first}–{last}", "en": "{first}–{last}"},
    "map_print.employees_range": {"sr-Latn": "{low}–{high}", "en": "{low}–{high}"},
    "map_print.search": {"sr-Latn": "pretraga „{text}”", "en": "search “{text}”"},
    "map_print.exact_only": {
        "sr-Latn": "samo preduzeća sa tačnom lokacijom",
        "en": "only enterprises with an exact location",
    },
    "map_print.key": {"sr-Latn": "Legenda", "en": "Key"},
    "map_print.scale": {"sr-Latn": "Razmera (u središtu mape)", "en": "Scale (at the map's centre)"},
    "map_print.north": {"sr-Latn": "S", "en": "N"},
    "map_print.north_label": {"sr-Latn": "Sever je gore", "en": "North is up"},
    "map_print.sources": {"sr-Latn": "Izvori podataka", "en": "Data sources"},
    "map_print.data_file": {"sr-Latn": "Preduzeća: {file}", "en": "Enterprises: {file}"},
    "map_print.date": {"sr-Latn": "Pripremljeno: {date}", "en": "Prepared on {date}."},
    "map_print.km": {"sr-Latn": "{value} km", "en": "{value} km"},
    "map_print.m": {"sr-Latn": "{value} m", "en": "{value} m"},
    "map_print.synthetic": {
        "sr-Latn": "Napomena: preduzeća na ovoj mapi su sintetička (demonstracioni podaci), generisana "
        "radi prikaza; nisu izvod iz registra. Granice i stanovništvo su stvarni.",
        "en": "Note: the enterprises on this map are synthetic (demonstration data), generated to "
        "show how the map works; they are not taken from a register. Boundaries and population are real.",
    },
    "map_print.alt": {"sr-Latn": "Mapa: {summary}", "en": "Map: {summary}"},
    # The download buttons on the map page
    "map_export.title": {"sr-Latn": "Mapa za štampu", "en": "Map for print"},
    "map_export.pdf_a4": {"sr-Latn": "Mapa kao PDF (A4)", "en": "Map as PDF (A4)"},
    "map_export.png_a4": {"sr-Latn": "Mapa kao PNG (A4)", "en": "Map as PNG (A4)"},
    "map_export.pdf_poster": {"sr-Latn": "Poster PDF (A1)", "en": "Poster PDF (A1)"},
    "map_export.done": {
        "sr-Latn": "Preuzeto: {file} ({size} KB).",
        "en": "Downloaded: {file} ({size} KB).",
    },
}

"""Messages of the analyst's tools on the explore page: the whole table, the search that the
map follows, employees as a number and the founding years played as an animation."""

MESSAGES: dict[str, dict[str, str]] = {
    # The table's count: every matching enterprise is in the table.
    "table.count.one": {"sr-Latn": "{count} preduzeće", "en": "{count} enterprise"},
    "table.count.other": {"sr-Latn": "{count} preduzeća", "en": "{count} enterprises"},
    # Search (part of the filters: the map, key figures, charts and table follow it)
    "search.label": {"sr-Latn": "Pretraga", "en": "Search"},
    "search.placeholder": {
        "sr-Latn": "Ime, matični broj ili mesto",
        "en": "Name, registration number or place",
    },
    "search.help": {
        "sr-Latn": "Karta, brojke i tabela prate pretragu; latinica, ćirilica i slova bez kvačica "
        "nalaze isto.",
        "en": "The map, figures and table follow the search; Latin, Cyrillic and letters without "
        "diacritics find the same.",
    },
    # Employees as a number
    "employees.label": {"sr-Latn": "Broj zaposlenih", "en": "Number of employees"},
    "employees.min": {"sr-Latn": "najmanje", "en": "at least"},
    "employees.max": {"sr-Latn": "najviše", "en": "at most"},
    "employees.help": {
        "sr-Latn": "Važi zajedno sa veličinom preduzeća iznad.",
        "en": "Applies together with the size classes above.",
    },
    # Founding years as an animation
    "play.play": {"sr-Latn": "▶ Pusti godine", "en": "▶ Play the years"},
    "play.pause": {"sr-Latn": "❚❚ Pauza", "en": "❚❚ Pause"},
    "play.speed": {"sr-Latn": "Brzina", "en": "Speed"},
    "play.speed.slow": {"sr-Latn": "sporo", "en": "slow"},
    "play.speed.normal": {"sr-Latn": "srednje", "en": "normal"},
    "play.speed.fast": {"sr-Latn": "brzo", "en": "fast"},
    "play.help": {
        "sr-Latn": "Godinu po godinu: preduzeća osnovana do te godine.",
        "en": "Year by year: the enterprises founded up to that year.",
    },
}

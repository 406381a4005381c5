"""Messages of the web surface's guards (issue 12): what a visitor is told when the server
refuses something, worded without server paths or configuration names (the administrator
finds those in the server's log and in the README)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "security.story_not_allowed": {
        "sr-Latn": "Čuvanje priča je dozvoljeno samo na računaru na kome aplikacija radi, otvorenoj "
        "preko njene sopstvene adrese, ili uz uredničku lozinku koju podešava administrator.",
        "en": "Stories can only be saved on the computer the app runs on, opened at its own "
        "address, or with the editor credential configured by the administrator.",
    },
    "security.import_read_only": {
        "sr-Latn": "Samo provera: urednički pristup nije podešen (to čini administrator), pa se "
        "datoteke mogu proveriti, ali ne i sačuvati.",
        "en": "Check only: no editor credential is configured by the administrator, so files "
        "can be checked but not stored.",
    },
    "security.no_store": {
        "sr-Latn": "Skladište podataka nije podešeno; obratite se administratoru.",
        "en": "No data store is configured; please ask the administrator.",
    },
    "security.store_failed": {
        "sr-Latn": "Upis u skladište podataka nije uspeo, ništa nije promenjeno. Administrator "
        "detalje nalazi u dnevniku servera.",
        "en": "Writing to the data store failed and nothing was changed. The administrator "
        "finds the details in the server's log.",
    },
    "security.store_database": {"sr-Latn": "baza podataka", "en": "the database"},
    "security.store_unreadable": {
        "sr-Latn": "Skladište podataka se ne može pročitati; administrator detalje nalazi u "
        "dnevniku servera.",
        "en": "The data store cannot be read; the administrator finds the details in the server's log.",
    },
}

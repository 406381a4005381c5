"""Messages of serving many users (issue 12): what a visitor is told when the server is busy
with heavy work, and the page shown for an address the app does not have."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "profile_page.export.busy": {
        "sr-Latn": "Server upravo priprema drugi izvoz. Pokušajte ponovo za nekoliko sekundi.",
        "en": "The server is preparing another export right now. Please try again in a few seconds.",
    },
}

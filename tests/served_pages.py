"""Every page the app serves, for tests that walk them all (tests/test_app.py checks that this
list and Dash's page registry agree, so a new page cannot be left out of the walks)."""

PAGE_PATHS = (
    "/",
    "/potential",
    "/clusters",
    "/profile",
    "/compare",
    "/agenda",
    "/present",
    "/import",
    "/methodology",
    "/map-print",
)

"""Component libraries a page loads when it needs them, not with its first scripts.

Dash puts the script of every component library the app imports on every page, and nothing
runs until all have been read. AG Grid's (1.3 MB) is needed by one view, the map page's
enterprise table, which is drawn only once its place nears the screen and the map has drawn
(``assets/lazy_table.js``); a CPU profile of a cold map page found ~60-80 ms of its main thread
spent evaluating that script before the map could draw. Its address goes into the page as a
``<meta>`` instead, and ``assets/lazy_table.js`` adds the script just before it asks for the
table. Dash's own DataTable script goes entirely: no page uses a DataTable.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Library folder under _dash-component-suites -> the <meta> naming its script's address.
ON_DEMAND = {"dash_ag_grid": "cim-grid-script"}
UNUSED = ("dash/dash_table",)  # no page has such a component
_SCRIPT_SOURCE = re.compile(r'<script src="([^"]+)"></script>')


def _source(line: str) -> str:
    found = _SCRIPT_SOURCE.search(line)
    return found.group(1) if found else ""


def _of_library(source: str, library: str) -> bool:
    return f"_dash-component-suites/{library}/" in source


def without_libraries(scripts: str, libraries: Iterable[str]) -> str:
    """Dash's ``scripts`` block without the scripts of ``libraries`` (folders under
    ``_dash-component-suites``), every other line kept in order."""
    dropped = tuple(libraries)
    return "\n".join(
        line for line in scripts.split("\n") if not any(_of_library(_source(line), lib) for lib in dropped)
    )


def split_scripts(scripts: str) -> tuple[str, str]:
    """Dash's ``scripts`` block without the on-demand and unused libraries' scripts, and the
    ``<meta>`` tags naming the on-demand ones' addresses."""
    metas = [
        f'<meta name="{ON_DEMAND[library]}" content="{html.escape(source)}">'
        for source in map(_source, scripts.split("\n"))
        for library in ON_DEMAND
        if _of_library(source, library)
    ]
    return without_libraries(scripts, [*ON_DEMAND, *UNUSED]), "".join(metas)

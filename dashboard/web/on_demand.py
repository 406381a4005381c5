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

# Library folder under _dash-component-suites -> the <meta> naming its script's address.
ON_DEMAND = {"dash_ag_grid": "cim-grid-script"}
UNUSED = ("dash/dash_table/",)  # no page has such a component
_SCRIPT_SOURCE = re.compile(r'<script src="([^"]+)"></script>')


def _library_of(source: str) -> str | None:
    """The on-demand library a script address belongs to, if any."""
    return next((name for name in ON_DEMAND if f"_dash-component-suites/{name}/" in source), None)


def split_scripts(scripts: str) -> tuple[str, str]:
    """Dash's ``scripts`` block without the on-demand and unused libraries' scripts, and the
    ``<meta>`` tags naming the on-demand ones' addresses."""
    kept, metas = [], []
    for line in scripts.split("\n"):
        found = _SCRIPT_SOURCE.search(line)
        source = found.group(1) if found else ""
        library = _library_of(source) if source else None
        if library is not None:
            metas.append(f'<meta name="{ON_DEMAND[library]}" content="{html.escape(source)}">')
        elif not (source and any(f"_dash-component-suites/{unused}" in source for unused in UNUSED)):
            kept.append(line)
    return "\n".join(kept), "".join(metas)

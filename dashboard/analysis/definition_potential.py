"""The default potential index (score, rank, tier per municipality) under a chosen definition
of "creative".

The runtime computes it once, under the region's default definition (``Runtime.potential``).
A reader who switches to another definition must see tiers and scores of *that* definition --
the explore page's "development potential" filter, the potential-index map and the profile's
tier otherwise describe other enterprises than the ones counted beside them. The other
definitions' indexes are computed on first use and kept with the runtime (``runtime.memo``),
so switching back and forth costs one computation per definition and data set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.valorization import Enterprises, default_potential

if TYPE_CHECKING:  # the runtime is passed in; importing it would tie analysis to the web app
    from dashboard.web.runtime import Runtime


def potential_under(runtime: Runtime, definition: str | None) -> pd.DataFrame:
    """``Runtime.potential`` as it would be under ``definition`` ('' or unknown: the default)."""
    columns = runtime.columns
    chosen = columns.resolve(definition)
    if chosen == columns.default_definition:
        return runtime.potential
    return runtime.memo.get(
        "potential-by-definition",
        chosen,
        lambda: default_potential(
            Enterprises.from_columns(columns), runtime.data.municipalities, mask=columns.in_definition(chosen)
        ),
    )


def tiers_for(runtime: Runtime, definition: str | None) -> pd.Series:
    """The potential tier of each municipality under ``definition``: what the tier filter uses."""
    return potential_under(runtime, definition)["tier"]

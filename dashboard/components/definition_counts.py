"""Creative enterprises counted under each of the region's definitions, side by side
("260 narrow · 280 cultural · 301 extended"): what the profile and the comparison show so a
reader sees how much the answer depends on the definition."""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.i18n import format_number, translate
from dashboard.sources.taxonomy import Taxonomy

SEPARATOR = " · "


def definition_counts_text(taxonomy: Taxonomy, counts: Mapping[str, int], language: str) -> str:
    """``counts`` (definition id -> enterprises) in the taxonomy's order with short labels;
    '' when the region has only its one implicit definition (nothing to set side by side)."""
    if not taxonomy.has_definitions:
        return ""
    return SEPARATOR.join(
        f"{format_number(counts[d], language)} {taxonomy.definition_short(d, language)}"
        for d in taxonomy.definition_ids
        if d in counts
    )


def counted_under_text(taxonomy: Taxonomy, definition: str | None, language: str) -> str:
    """Which definition a page's figures are counted under, in words (a printed profile has no
    switch to show it); '' when the region has only its one implicit definition."""
    if not taxonomy.has_definitions:
        return ""
    name = taxonomy.definition_name(taxonomy.resolve(definition), language)
    return translate("definitions.counted_under", language, definition=name)


def known_definition(taxonomy: Taxonomy, value: object) -> str:
    """A definition id from a URL or a control: one of the region's, else '' (the default)."""
    return value if isinstance(value, str) and value in taxonomy.definition_ids else ""

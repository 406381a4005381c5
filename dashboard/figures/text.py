"""User text made safe for Plotly's SVG text.

Plotly draws hover labels, axis ticks, legend entries, titles and bar texts from a subset of
HTML: ``<b>``, ``<i>``, ``<br>``, ``<span style=...>``, ``<a href=...>`` in a firm's or a place's
name would be applied as markup (a link in a hover label, a name hidden by a style). It also
reads ``%{...}`` in a hovertemplate as a placeholder. Plotly decodes character entities when
it draws, so a name escaped here is shown exactly as it was typed.

Only for text Plotly draws itself: MapLibre text layers (``Scattermap`` with ``mode="text"``)
and AG Grid cells show text as it is, and would show the entities.
"""

from __future__ import annotations

from collections.abc import Iterable

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "%": "&#37;"})


def plotly_text(value: object) -> str:
    """``value`` as text Plotly shows literally: ``&``, ``<``, ``>`` and ``%`` as entities.

    >>> plotly_text('<b>X</b> & 5%')
    '&lt;b&gt;X&lt;/b&gt; &amp; 5&#37;'
    """
    return ("" if value is None else str(value)).translate(_ESCAPES)


def plotly_texts(values: Iterable[object]) -> list[str]:
    """:func:`plotly_text` of each value (axis categories, customdata columns)."""
    return [plotly_text(value) for value in values]

"""Catalogue messages with components inside: a file name or a setting as ``html.Code``.

A sentence such as "add a column, say in_heritage, and write yes or uncertain" mixes the
page's language with notation the reader types as it is. Written as plain text, Serbian
Cyrillic pages would carry Latin words and a screen reader would read ``yes`` as Serbian;
inside ``html.Code`` they are marked as what they are. The message stays one catalogue
entry (translated whole, so word order can differ per language); only its placeholders
become components.
"""

from __future__ import annotations

import re

from dash.development.base_component import Component

from dashboard.i18n import translate

# Private-use characters: never in a message, so a split on them is exact.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SLOT = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def translate_parts(key: str, language: str, **params: object) -> list[str | Component]:
    """``translate(key, language, **params)`` as a list of texts and components: each
    parameter that is a Dash component stands where its placeholder is."""
    components: list[Component] = []
    texts: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, Component):
            texts[name] = f"{_OPEN}{len(components)}{_CLOSE}"
            components.append(value)
        else:
            texts[name] = value
    pieces = _SLOT.split(translate(key, language, **texts))
    # re.split with one group: text, slot number, text, slot number, ..., text
    parts: list[str | Component] = []
    for position, piece in enumerate(pieces):
        if position % 2:
            parts.append(components[int(piece)])
        elif piece:
            parts.append(piece)
    return parts

"""Every user-facing string, in Serbian Latin and English.

Each part of the app keeps its messages in its own module under ``messages/``
(so parallel work does not collide); this module merges them and refuses a key
defined twice. Serbian Cyrillic is transliterated from the Latin text (see
``script.py``); add an explicit ``"sr-Cyrl"`` entry only where transliteration
would be wrong. Placeholders in braces are filled by
``translate(key, language, name=value)``.
"""

from __future__ import annotations

import importlib
import pkgutil

from dashboard.i18n import messages as _messages_package


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(_messages_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_messages_package.__name__}.{module_info.name}")
        for key, entry in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message {key!r} is defined twice (again in {module_info.name})")
            merged[key] = entry
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge()

"""The region manifest: which files describe a region, and its demo-data settings.

A region is data, not code. ``region.toml`` in a folder names the boundary,
reference, taxonomy and enterprise files (paths relative to the folder), so a
second region needs a folder of files and nothing else.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = "region.toml"
FILE_KEYS = (
    "municipalities",
    "districts",
    "municipality_reference",
    "district_reference",
    "settlements",
    "rivers",
    "sectors",
    "nace",
    "definitions",  # names and sources of the taxonomy's definitions (data/taxonomy/README.md)
    "enterprises",
    "agenda",  # thresholds of the agenda drafts and the peer rule (TOML)
    "cultural_places",  # cultural places layer (CSV, data/culture/README.md)
)
REQUIRED_FILE_KEYS = ("municipality_reference", "district_reference", "sectors", "nace")


class ManifestError(ValueError):
    """The manifest is missing or says something the app cannot use."""


@dataclass(frozen=True)
class Region:
    id: str
    folder: Path
    names: dict[str, str]
    files: dict[str, Path | None]
    attribution: dict[str, str] = field(default_factory=dict)
    # Credits in other languages (``[attribution_translations."sr-Latn"]`` and so on): a key
    # missing there falls back to ``attribution``, which is written in English.
    attribution_translations: dict[str, dict[str, str]] = field(default_factory=dict)
    demo: dict[str, Any] = field(default_factory=dict)
    # Digits of a complete registration number (Serbia's matični broj: 8). A shorter number of
    # digits lost its leading zeros, typically in a spreadsheet that stored it as a number.
    registration_digits: int | None = None
    # Settings of the microcluster detection ([clusters]: radius_m, min_size, hull_buffer_m).
    clusters: dict[str, Any] = field(default_factory=dict)
    # The definition of "creative" shown first ([definitions] default); None: the widest one.
    default_definition: str | None = None
    # The app's title for this region per language ([title]); none: a title naming no place.
    titles: dict[str, str] = field(default_factory=dict)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.id

    def title(self, language: str) -> str | None:
        """The app's title for this region in ``language`` (Cyrillic falls back to the Latin
        title transliterated by the caller), or None when the region names none."""
        return self.titles.get(language)

    def credits(self, language: str) -> dict[str, str]:
        """The data credits in ``language``: the reader's page never shows another language's."""
        return self.attribution | self.attribution_translations.get(language, {})


def load_region(folder: Path) -> Region:
    """Read ``folder/region.toml``; raise :class:`ManifestError` with the reason."""
    path = folder / MANIFEST_NAME
    try:
        manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ManifestError(f"{path}: region manifest not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: not valid TOML ({exc})") from exc

    files = manifest.get("files", {})
    missing = [key for key in REQUIRED_FILE_KEYS if not files.get(key)]
    if missing or "id" not in manifest:
        what = ", ".join(["id"] * ("id" not in manifest) + [f"files.{k}" for k in missing])
        raise ManifestError(f"{path}: missing {what}")
    unknown = set(files) - set(FILE_KEYS)
    if unknown:
        raise ManifestError(f"{path}: unknown file keys {sorted(unknown)}")

    return Region(
        id=str(manifest["id"]),
        folder=folder,
        names={str(k): str(v) for k, v in manifest.get("name", {}).items()},
        files={key: (folder / files[key]) if files.get(key) else None for key in FILE_KEYS},
        attribution={str(k): str(v) for k, v in manifest.get("attribution", {}).items()},
        attribution_translations={
            str(language): {str(k): str(v) for k, v in texts.items()}
            for language, texts in manifest.get("attribution_translations", {}).items()
        },
        demo=dict(manifest.get("demo", {})),
        registration_digits=_registration_digits(manifest, path),
        clusters=dict(manifest.get("clusters", {})),
        default_definition=str(manifest.get("definitions", {}).get("default") or "") or None,
        titles={str(k): str(v) for k, v in manifest.get("title", {}).items()},
    )


def _registration_digits(manifest: dict[str, Any], path: Path) -> int | None:
    value = manifest.get("validation", {}).get("registration_number_digits")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 20:
        raise ManifestError(f"{path}: validation.registration_number_digits must be a whole number 1-20")
    return value

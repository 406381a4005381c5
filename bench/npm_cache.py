"""npm packages a benchmark needs (Lighthouse, MapLibre GL JS), installed on first use into
``bench/.cache/<name>`` from the npm registry: never committed, never needed by the app.

A machine without npm or without the registry gets :class:`Unavailable` with the reason, which
the benchmark prints instead of a figure.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CACHE_ROOT = Path(__file__).resolve().parent / ".cache"
INSTALL_TIMEOUT_S = 600


class Unavailable(Exception):
    """The package cannot be had here; the message says why."""


def installed(folder_name: str, package: str, wanted: str) -> Path:
    """The file ``wanted`` (relative to ``bench/.cache/<folder_name>``) once ``package`` (an npm
    spec such as ``lighthouse@13``) is installed there, installing it now if it is missing."""
    folder = CACHE_ROOT / folder_name
    path = folder / wanted
    if path.exists():
        return path
    npm = shutil.which("npm")
    if npm is None:
        raise Unavailable(f"npm is not installed, so {package} cannot be installed")
    folder.mkdir(parents=True, exist_ok=True)
    (CACHE_ROOT / ".gitignore").write_text("*\n")  # the cache is never committed
    try:
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--loglevel=error", package],
            cwd=folder,
            check=True,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        output = getattr(exc, "stderr", "") or ""
        raise Unavailable(f"npm install {package} failed: {str(output).strip()[-500:] or exc}") from exc
    if not path.exists():
        raise Unavailable(f"npm installed no {wanted} into {folder}")
    return path

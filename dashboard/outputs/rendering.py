"""Render one of the app's own pages to PDF or PNG with the local headless Chromium.

The server runs ``chromium --headless --print-to-pdf`` (or ``--screenshot``) on a page of
this app and returns the file's bytes. Chromium gets a throw-away profile, no background
networking, no component updates or sync, and a host-resolver rule that makes every host
name but the app's own unresolvable: the export works -- and can only work -- offline.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]

KINDS = ("pdf", "png")
PNG_WINDOW = (1240, 1754)  # A4 proportions at 150 dpi
TIMEOUT_S = 90
VIRTUAL_TIME_MS = 15000  # time the page gets to load its scripts, data and callbacks


class RenderError(Exception):
    """The page could not be rendered; ``code`` names a ``profile_page.export.*`` message."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(f"{code}: {details}")
        self.code = code
        self.details = details


def chromium_command(
    chromium: Path, url: str, kind: str, output: Path, profile: Path, window: tuple[int, int] = PNG_WINDOW
) -> list[str]:
    host = urlparse(url).hostname or "127.0.0.1"
    command = [
        str(chromium),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        f"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE {host}",
        f"--user-data-dir={profile}",
        f"--virtual-time-budget={VIRTUAL_TIME_MS}",
        "--run-all-compositor-stages-before-draw",
        "--hide-scrollbars",
    ]
    if kind == "pdf":
        command += ["--no-pdf-header-footer", f"--print-to-pdf={output}"]
    else:
        command += [f"--window-size={window[0]},{window[1]}", f"--screenshot={output}"]
    return [*command, url]


def find_chromium(configured: Path) -> Path | None:
    """The configured binary if it exists and runs, else ``None``."""
    if configured.is_file():
        return configured
    found = shutil.which(str(configured))
    return Path(found) if found else None


def render_page(
    chromium: Path, url: str, kind: str, timeout: float = TIMEOUT_S, window: tuple[int, int] = PNG_WINDOW
) -> bytes:
    """The page at ``url`` as PDF (``kind="pdf"``) or PNG bytes (a ``window`` of CSS pixels).
    Raises :class:`RenderError`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {KINDS}")
    binary = find_chromium(chromium)
    if binary is None:
        raise RenderError("no_browser", path=str(chromium))
    with tempfile.TemporaryDirectory(prefix="cim-render-") as folder:
        output = Path(folder) / f"page.{kind}"
        command = chromium_command(binary, url, kind, output, Path(folder) / "profile", window)
        try:
            finished = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired as error:
            raise RenderError("timeout", seconds=int(timeout)) from error
        except OSError as error:
            raise RenderError("failed", error=str(error)) from error
        if not output.exists() or output.stat().st_size == 0:
            tail = finished.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise RenderError("failed", error=f"exit {finished.returncode} {tail[0][:200]}".strip())
        return output.read_bytes()


@contextlib.contextmanager
def render_slot(folder: Path, slots: int, wait_s: float = 0.0) -> Iterator[bool]:
    """Hold one of ``slots`` rendering slots of this machine; yields False when all stay taken.

    One render starts about ten Chromium processes and takes seconds of both cores, so a few
    at once starve every other request. The slots are locked files in ``folder``, shared by all
    server workers and background job processes; the kernel frees a slot when its holder exits,
    however it ends. ``wait_s`` 0 asks once (the page then says "busy, try again"); a queue's
    worker waits its turn instead.
    """
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    while True:
        for number in range(max(1, slots)):
            handle = open(folder / f"render-slot-{number}.lock", "a+")  # noqa: SIM115 - held while yielding
            try:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield True
            finally:
                handle.close()  # closing releases the lock
            return
        if time.monotonic() >= deadline:
            yield False
            return
        time.sleep(0.2)


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WILDCARDS = {"", "0.0.0.0", "::"}


def app_origin(environ: dict, configured_host: str) -> str:
    """Where Chromium reaches this app: the address the server itself listens on (never a Host
    header a client sent), the loopback address when it listens on every interface."""
    port = str(environ.get("SERVER_PORT") or "8050")
    name = str(environ.get("SERVER_NAME") or "")
    trusted = name in LOOPBACK or name == configured_host
    host = name if trusted and name not in WILDCARDS else "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"

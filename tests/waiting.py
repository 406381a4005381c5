"""Waiting in the browser tests: a condition polled until it holds or the time is up."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(check: Callable[[], T], timeout: float = 30.0, what: str = "condition") -> T:
    """``check()``'s first truthy value, polled every 0.2 s; AssertionError after ``timeout``."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"{what} not met in time")

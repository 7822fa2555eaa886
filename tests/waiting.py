"""Waiting in tests: on a condition, with a deadline, never a fixed sleep used as a guess.

    server = wait_until(lambda: healthy(port), timeout=90, what="the server to answer /healthz")

``condition`` is called until it returns something truthy (which is returned); past the
deadline the test fails and says what it was waiting for. The pause between two checks starts
at 10 ms and grows to 200 ms: it only spaces out the checks, it is never what the test relies on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], *, timeout: float = 60.0, what: str = "the condition") -> T:
    """Return ``condition()`` once it is truthy; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        value = condition()
        if value:
            return value
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(min(pause, left))
        pause = min(pause * 2, 0.2)

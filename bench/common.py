"""Helpers for benchmarks: timing, requests per second, the run's baselines."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client


@dataclass
class Report:
    """Collects lines: name, figure, unit, and the ratio to a baseline."""

    rows: list[tuple[str, float, str, str]] = field(default_factory=list)
    baselines: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, value: float, unit: str, note: str = "") -> None:
        self.rows.append((name, value, unit, note))
        print(f"{name:60} {value:12.2f} {unit:8} {note}", flush=True)


def seconds(fn: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of ``fn`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def requests_per_second(client: Client, url: str, duration: float = 2.0, **headers) -> float:
    """Sequential in-process requests per second for ``url`` (status must be 200)."""
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < duration:
        client.get(url, **headers)
        count += 1
    return count / elapsed

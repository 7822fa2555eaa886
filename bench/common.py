"""The bench's building blocks: the served site (``Site``), wrk runs, the report.

A scenario module (``bench/bench_<name>.py``, see bench/README.md) gets a ``Site`` in ``run``:
``site.wrk(path)`` measures a URL on the production server of the current mode,
``site.post_load(...)`` posts forms as signed-in users, ``site.report.add(...)`` adds a row.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "lua"
FLOOR_PATH = "/__bench__/ok/"
# The one CSRF secret every bench client sends (cookie and form field).
CSRF_SECRET = "benchbenchbenchbenchbenchbench12"


@dataclass
class Result:
    """One wrk run: requests per second, median latency (ms), responses not 2xx/3xx, errors."""

    rps: float
    p50_ms: float
    bad: int
    errors: int
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.bad == 0 and self.errors == 0


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> Result:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s|m)\b", output)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Result(
        rps=float(rps.group(1)) if rps else 0.0,
        p50_ms=_ms(*p50.groups()) if p50 else 0.0,
        bad=int(bad.group(1)) if bad else 0,
        errors=sum(int(n) for n in errors.groups()) if errors else 0,
        output=output,
    )


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("!! wrk is needed (Debian: apt-get install wrk; `make bench` installs it as root).")
    return found


def run_wrk(
    url: str,
    *,
    duration: float,
    connections: int = 8,
    threads: int = 2,
    script: Path | None = None,
    env: dict | None = None,
    headers: dict | None = None,
) -> Result:
    command = [wrk_binary(), f"-t{threads}", f"-c{connections}", f"-d{max(1, round(duration))}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    command.append(url)
    completed = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=duration + 60
    )
    return parse_wrk(completed.stdout + completed.stderr)


@dataclass
class Report:
    """The table: (section, name, value, unit, note) rows, printed as they come."""

    rows: list[tuple[str, str, float, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, note: str = "", section: str = "") -> None:
        self.rows.append((section, name, value, unit, note))
        print(f"{name:64} {value:10.1f} {unit:11} {note}", flush=True)

    def markdown(self, title: str) -> str:
        lines = [f"# {title}", "", *self.notes, "", "| figure | value | unit | note |", "|---|---:|---|---|"]
        section = None
        for row_section, name, value, unit, note in self.rows:
            if row_section and row_section != section:
                lines.append(f"| **{row_section}** | | | |")
                section = row_section
            lines.append(f"| {name} | {value:,.1f} | {unit} | {note} |")
        return "\n".join(lines) + "\n"


@dataclass
class Site:
    """The served site in one mode: its base URL, its floor (the one-line view, req/s) and helpers."""

    base_url: str
    mode: str
    report: Report
    duration: float
    floor: float = 0.0

    def url(self, path: str) -> str:
        return self.base_url + path

    def wrk(self, path: str, **kwargs) -> Result:
        """Load ``path`` with wrk (8 connections, 2 threads by default) for the mode's duration."""
        kwargs.setdefault("duration", self.duration)
        return run_wrk(self.url(path), **kwargs)

    def ratio(self, rps: float) -> float:
        return 100 * rps / self.floor if self.floor else 0.0

    def post_load(
        self, path: str, *, body: str, cookies: list[str], duration: float, connections: int = 64, threads: int = 2
    ) -> dict:
        """POST ``body`` to ``path`` from ``connections`` connections, rotating the signed-in users'
        session ``cookies``; ``{token}`` in the body becomes a fresh UUID per request and ``{n}`` a
        request number. Returns ``{"rps", "status": {code: count}, "sent", "output"}``; the
        scenario checks the database afterwards (nothing lost, nothing doubled)."""
        cookie_file = Path(f"/tmp/ogp-bench-cookies-{os.getpid()}.txt")
        cookie_file.write_text("\n".join(cookies) + "\n")
        result = run_wrk(
            self.url(path),
            duration=duration,
            connections=connections,
            threads=threads,
            script=LUA / "post.lua",
            env={
                "BENCH_BODY": body,
                "BENCH_COOKIES": str(cookie_file),
                "BENCH_CSRF": CSRF_SECRET,
                "BENCH_SALT": str(random.randrange(65536)),
            },
        )
        status = {int(code): int(count) for code, count in re.findall(r"status (\d+): (\d+)", result.output)}
        sent = sum(status.values())
        return {"rps": result.rps, "status": status, "sent": sent, "output": result.output}


def signed_in_cookies(users) -> list[str]:
    """A session cookie (plus the CSRF cookie) for each user, as the login view would create."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store_class = import_string(settings.SESSION_ENGINE + ".SessionStore")
    cookies = []
    for user in users:
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}")
    return cookies


def seconds(fn: Callable[[], object], repeat: int = 1) -> float:
    """The median wall time of ``fn`` over ``repeat`` runs (in-process timings such as PDFs)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class WriteCost:
    """In-process cost of one write request: CPU and wall milliseconds of the web side, SQL
    queries and commits (transactions that wrote), measured with Django's test client."""

    cpu_ms: float
    wall_ms: float
    queries: float
    statuses: dict

    def note(self) -> str:
        return f"wall {self.wall_ms:.1f} ms, {self.queries:.1f} SQL queries per request; statuses {self.statuses}"


def write_cost(path: str, *, bodies: list[str], cookies: list[str], warm: int = 3) -> WriteCost:
    """POST each url-encoded body in ``bodies`` to ``path`` in this process, the i-th with the i-th
    cookie header of ``cookies`` (CSRF enforced, tasks queued in the database as when served).

    Returns the median CPU time (``time.process_time``: this process only, not PostgreSQL's or
    Redis's) and wall time per request, and the mean SQL query count: a figure that does not
    depend on how busy the shared machine is."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    cpu, wall, queries, statuses = [], [], [], {}
    tasks = {"default": {"BACKEND": "core.task_queue.DatabaseBackend"}}
    with override_settings(TASKS=tasks):
        for index, (body, cookie) in enumerate(zip(bodies, cookies, strict=False)):
            client.cookies.clear()
            client.cookies.load(cookie)
            with CaptureQueriesContext(connection) as captured:
                started_cpu, started = time.process_time(), time.perf_counter()
                response = client.post(
                    path, body, content_type="application/x-www-form-urlencoded", HTTP_X_CSRFTOKEN=CSRF_SECRET
                )
                elapsed_cpu, elapsed = time.process_time() - started_cpu, time.perf_counter() - started
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if index >= warm:
                cpu.append(elapsed_cpu * 1000)
                wall.append(elapsed * 1000)
                queries.append(len(captured.captured_queries))
    return WriteCost(
        cpu_ms=statistics.median(cpu),
        wall_ms=statistics.median(wall),
        queries=statistics.mean(queries),
        statuses=statuses,
    )

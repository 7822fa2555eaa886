"""`make bench`: the site served by its production server, measured with wrk (bench/README.md).

Usage: ``python -m bench [scenario ...] [--duration SECONDS] [--writes-only]`` (scenarios are the ``bench_<name>``
modules; all by default). Needs PostgreSQL and Redis (``BENCH_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/ogp_bench``; ``BENCH_REDIS_URL``, default db 9 of the local
Redis) and Debian's ``wrk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pkgutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from importlib import import_module
from pathlib import Path

from bench.common import FLOOR_PATH, ROOT, Report, Site

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ogp_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
PORT = int(os.environ.get("BENCH_PORT", "8151"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
# Threads per worker: config/gunicorn.py's default unless BENCH_WEB_THREADS (1: sync workers).
THREADS = os.environ.get("BENCH_WEB_THREADS", "")
# (mode, label, environment of the server)
MODES = [
    ("cached", "anonymous, page cache", {"CACHE_MIDDLEWARE_SECONDS": "60", "FRAGMENT_CACHE_SECONDS": "300"}),
    ("nocache", "page cache off", {"CACHE_MIDDLEWARE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "300"}),
    ("cold", "cold (no cache)", {"CACHE_MIDDLEWARE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}),
]
TARGETS = {"cached": 80.0, "nocache": 10.0, "cold": 3.0}
# The floor is measured again after every FLOOR_EVERY pages (each page against the floors around it).
FLOOR_EVERY = 4


def _services_or_exit() -> None:
    import psycopg
    import redis

    try:
        psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001
        raise SystemExit(f"!! make bench needs PostgreSQL and Redis ({DATABASE_URL}, {REDIS_URL}): {error}")


def _recreate_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def _modules(selected: list[str]) -> list:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_") and (not selected or info.name.removeprefix("bench_") in selected)
    )
    return [import_module(f"bench.{name}") for name in names]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Server:
    """gunicorn (config/gunicorn.py) with WORKERS workers (THREADS threads each) on 127.0.0.1:PORT."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env={
                **os.environ,
                **env,
                "PORT": str(PORT),
                "WEB_CONCURRENCY": str(WORKERS),
                **({"WEB_THREADS": THREADS} if THREADS else {}),
                "BIND_HOST": "127.0.0.1",
                "TASKS_BACKEND": "core.task_queue.DatabaseBackend",  # queued, as in production
            },
        )
        deadline = time.monotonic() + 120
        while _get(f"http://127.0.0.1:{PORT}{FLOOR_PATH}") != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("!! the bench server did not start")
            time.sleep(0.3)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _prepare(modules: list, static_root: str) -> list[tuple[str, str]]:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=static_root,
        # Set-up runs tasks at once (reference index, PDFs); the served site queues them.
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )
    import django

    django.setup()
    from django.core.management import call_command

    print(">> preparing the bench database", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("setup_site", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    pages: list[tuple[str, str]] = []
    for module in modules:
        if hasattr(module, "setup"):
            started = time.perf_counter()
            module.setup()
            print(f">> set-up of {module.__name__}: {time.perf_counter() - started:.0f} s", flush=True)
        if hasattr(module, "pages"):
            pages += module.pages()
    from django.db import connection, connections

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give
    connections.close_all()
    return pages


def _threads() -> str:
    return THREADS or os.environ.get("WEB_THREADS", "3")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def _lock_or_exit():
    """One bench at a time per database/port on this machine (runs would drop each other's database)."""
    import fcntl

    handle = open(f"/tmp/ogp-bench-{PORT}.lock", "w")  # noqa: SIM115 - held for the whole run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit(
            f"!! another `make bench` is running on port {PORT}: wait, or set BENCH_PORT, "
            "BENCH_DATABASE_URL and BENCH_REDIS_URL to your own."
        )
    return handle


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("scenarios", nargs="*", help="bench_<name> modules to run (default: all)")
    parser.add_argument("--duration", type=float, default=float(os.environ.get("BENCH_SECONDS", "2")))
    parser.add_argument(
        "--writes-only",
        action="store_true",
        help="skip the page modes: serve the production configuration once and run only the scenarios' run()",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    lock = _lock_or_exit()  # noqa: F841 - released at exit
    _services_or_exit()
    _recreate_database()
    _flush_redis()
    modules = _modules(args.scenarios)
    static_root = tempfile.mkdtemp(prefix="ogp-bench-static-")
    pages = _prepare(modules, static_root)
    report = Report()
    report.notes += [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs, load average at start "
        f"{_load()}. gunicorn with {WORKERS} workers x {_threads()} threads (config/gunicorn.py), PostgreSQL + Redis, "
        f"wrk -t2 -c8 -d{args.duration:.0f}s per figure; each ratio is to the one-line view "
        f"({FLOOR_PATH}) served by the same server in the same mode, measured before and after every "
        f"{FLOOR_EVERY} pages (each page against the floors around it).",
    ]
    for mode, label, env in MODES[:1] if args.writes_only else MODES:
        _flush_redis()
        server = Server(env)
        site = Site(base_url=f"http://127.0.0.1:{PORT}", mode=mode, report=report, duration=args.duration)
        try:
            # The floor is measured again after every FLOOR_EVERY pages, and each page is compared to
            # the mean of the floors just before and just after its group: a shared machine's speed
            # drifts within a run (seen: the same code 1.8x slower ten minutes later).
            floors = [site.wrk(FLOOR_PATH)]
            results = []
            chosen = [] if args.writes_only else pages
            for start in range(0, len(chosen), FLOOR_EVERY):
                group = []
                for name, path in chosen[start : start + FLOOR_EVERY]:
                    statuses = {_get(site.url(path)) for _ in range(4)}  # warm both workers and the caches
                    group.append((name, path, statuses, site.wrk(path)))
                floors.append(site.wrk(FLOOR_PATH))
                local = (floors[-2].rps + floors[-1].rps) / 2
                results += [(*item, local) for item in group]
            if len(floors) == 1:
                floors.append(site.wrk(FLOOR_PATH))
            site.floor = sum(floor.rps for floor in floors) / len(floors)
            low, high = min(floor.rps for floor in floors), max(floor.rps for floor in floors)
            report.add(
                f"one-line view (floor), {label}",
                site.floor,
                "req/s",
                f"mean of {len(floors)} measurements, {low:,.0f} to {high:,.0f}",
                section=label,
            )
            for name, path, statuses, result, local in results:
                ratio = 100.0 * result.rps / local if local else 0.0
                verdict = "ok" if ratio >= TARGETS[mode] else f"BELOW {TARGETS[mode]:.0f}%"
                problems = "" if statuses == {200} and result.ok else f"; status {sorted(statuses)}, {result.bad} bad"
                report.add(
                    f"{name} `{path}`",
                    result.rps,
                    "req/s",
                    f"{ratio:.1f}% ({verdict}), p50 {result.p50_ms:.1f} ms{problems}",
                    section=label,
                )
            if mode == "cached":
                for module in modules:
                    if hasattr(module, "run"):
                        module.run(site)
        finally:
            server.stop()
    report.notes.append(f"Load average at the end {_load()}; whole run {time.perf_counter() - started:.0f} s.")
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    # A writes-only run leaves the full table (latest.md) alone.
    name = "writes.md" if args.writes_only else "latest.md"
    (results_dir / name).write_text(report.markdown("make bench: the served site"))
    print(f">> written bench/results/{name} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Run every benchmark module in `bench/` against a throw-away database.

Usage: `make bench` (or `.venv/bin/python -m bench [name ...]`).
"""

from __future__ import annotations

import os
import pkgutil
import sys
from importlib import import_module

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")


def main(selected: list[str]) -> None:
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from bench.common import Report

    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from django.core.management import call_command

        call_command("setup_site", verbosity=0)
        report = Report()
        import bench.bench_baseline as baseline

        baseline.run(report)
        for info in pkgutil.iter_modules([os.path.dirname(__file__)]):
            if not info.name.startswith("bench_") or info.name == "bench_baseline":
                continue
            if selected and info.name.removeprefix("bench_") not in selected:
                continue
            import_module(f"bench.{info.name}").run(report)
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The clock: enqueues scheduled jobs (core/schedule.py) for the worker when they are due."""

from __future__ import annotations

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core import schedule


class Command(BaseCommand):
    help = "Enqueue scheduled jobs (daily digests, reminders, sweeps) when due; runs until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument("--list", action="store_true", help="List the registered jobs and exit.")

    def handle(self, *args, once: bool = False, list: bool = False, **options):  # noqa: A002
        if list:
            for job in schedule.JOBS.values():
                when = f"daily at {job.at:%H:%M}" if job.at else f"every {job.interval}"
                self.stdout.write(f"{job.name:40} {when}")
            return
        running = [True]

        def stop(*_args):
            running[0] = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while running[0]:
            close_old_connections()
            for name in schedule.run_due():
                self.stdout.write(f"enqueued {name}", ending="\n")
                self.stdout.flush()
            if once:
                return
            deadline = time.monotonic() + getattr(settings, "CLOCK_INTERVAL", 30)
            while running[0] and time.monotonic() < deadline:
                time.sleep(0.5)

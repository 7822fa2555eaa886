"""Scheduled jobs: the clock process (``manage.py run_clock``) enqueues them for the worker.

A job is a django-tasks task (``@task()``, no arguments) registered under a unique name, usually
from the app's ``AppConfig.ready()``::

    from core import schedule
    from .tasks import close_deadlines

    schedule.daily("proposals.close_deadlines", close_deadlines, at="07:00")   # Asia/Taipei
    schedule.every("core.email_sweep", email_sweep, minutes=5)

The clock checks every ``CLOCK_INTERVAL`` seconds. A daily job runs once a day after its time
(once when the clock comes back after missing it); the last run of each job is stored in the
database (``ScheduledJobRun``) and claimed with a compare-and-set, so a restart never repeats a
job and two clocks never both enqueue it. The job itself runs on the worker, with its retries
and its record in the task results. ``manage.py run_clock --list`` prints the registered jobs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone


@dataclass(frozen=True)
class Job:
    """A task to enqueue daily at ``at`` (local time) or every ``interval``."""

    name: str
    task: object
    at: dt.time | None = None
    interval: dt.timedelta | None = None


JOBS: dict[str, Job] = {}


def daily(name: str, task, *, at: str = "06:00") -> None:
    """Register ``task`` to run once a day after ``at`` ("HH:MM", the site's time zone)."""
    hours, minutes = (int(part) for part in at.split(":"))
    JOBS[name] = Job(name=name, task=task, at=dt.time(hours, minutes))


def every(name: str, task, *, minutes: int) -> None:
    """Register ``task`` to run every ``minutes`` minutes."""
    JOBS[name] = Job(name=name, task=task, interval=dt.timedelta(minutes=minutes))


def is_due(job: Job, *, now: dt.datetime, last_run: dt.datetime | None) -> bool:
    """Whether ``job`` should run at ``now`` (aware) given its last run (pure)."""
    if job.interval is not None:
        return last_run is None or now - last_run >= job.interval
    local = timezone.localtime(now)
    scheduled = timezone.make_aware(dt.datetime.combine(local.date(), job.at), local.tzinfo)
    return now >= scheduled and (last_run is None or last_run < scheduled)


def _claim(name: str, *, now: dt.datetime, last_run: dt.datetime | None) -> bool:
    from .models import ScheduledJobRun

    if last_run is None:
        try:
            with transaction.atomic():
                ScheduledJobRun.objects.create(name=name, last_run_at=now)
            return True
        except IntegrityError:
            return False
    return bool(ScheduledJobRun.objects.filter(name=name, last_run_at=last_run).update(last_run_at=now))


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every due job; returns their names."""
    from .models import ScheduledJobRun

    now = now or timezone.now()
    last_runs = dict(ScheduledJobRun.objects.values_list("name", "last_run_at"))
    started = []
    for job in JOBS.values():
        last_run = last_runs.get(job.name)
        if is_due(job, now=now, last_run=last_run) and _claim(job.name, now=now, last_run=last_run):
            job.task.enqueue()
            started.append(job.name)
    return started

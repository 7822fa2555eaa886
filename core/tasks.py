"""Background tasks of the core app: recovering tasks whose worker died."""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.conf import settings
from django.utils import timezone
from django_tasks import task


def enqueue_on_commit(task_, *args, using: str | None = None) -> None:
    """Queue ``task_(*args)`` for when the current transaction commits.

    When the queue is a table of this database (``django_tasks_db``) and a transaction is open,
    the task's row is written **inside** it: it commits with the write it belongs to, in the
    same commit (one WAL flush instead of two on a hot write path), and a rollback takes it
    back; the worker cannot see it before the commit, so it never runs early. Any other backend
    (the immediate one of tests and development) is called after the commit, as
    ``transaction.on_commit`` does."""
    from django.db import DEFAULT_DB_ALIAS, transaction
    from django_tasks_db.backend import DatabaseBackend

    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    if connection.in_atomic_block and isinstance(task_.get_backend(), DatabaseBackend):
        task_.enqueue(*args)
    else:
        transaction.on_commit(lambda: task_.enqueue(*args), using=using)


def worker_id() -> str:
    """This worker process's id: ``host:pid`` (how a dead worker's tasks are recognised)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tasks_recover(*, stale_seconds: int | None = None) -> int:
    """Put back in the queue the tasks left "running" by a worker that died (killed, machine
    restarted): those of a dead process on this host, and any running longer than
    ``TASK_STALE_SECONDS`` (workers on other hosts). Returns how many. Tasks must therefore be
    safe to run again (idempotent), as every task of this project is."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    host = socket.gethostname()[:40]
    stale = timezone.now() - dt.timedelta(seconds=stale_seconds or settings.TASK_STALE_SECONDS)
    lost = []
    for pk, worker_ids, started_at in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
        "pk", "worker_ids", "started_at"
    ):
        last = worker_ids[-1] if worker_ids else ""
        worker_host, _, pid = last.rpartition(":")
        dead_here = worker_host == host and pid.isdigit() and not _alive(int(pid))
        if dead_here or (started_at is not None and started_at < stale):
            lost.append(pk)
    if not lost:
        return 0
    return DBTaskResult.objects.filter(pk__in=lost, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


@task()
def recover_lost_tasks() -> int:
    """Scheduled every few minutes: tasks of dead workers run again."""
    return tasks_recover()


@task()
def send_reminders() -> int:
    """Daily: the deadline reminders of every app (core/reminders.py; scheduled in apps.py)."""
    from .reminders import send_due

    return send_due()

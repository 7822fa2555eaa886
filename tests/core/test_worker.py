"""The task worker and the clock: a worker killed mid-task loses nothing; scheduled jobs run once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks import task

from core import schedule
from core.models import ScheduledJobRun
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
DB_TASKS = {"default": {"BACKEND": "core.task_queue.DatabaseBackend"}}


@task()
def slow_task(marker_dir: str) -> str:
    """Writes "started", waits for "release", writes "done" (run by the worker subprocess)."""
    folder = Path(marker_dir)
    (folder / "started").write_text(str(os.getpid()))
    wait_until((folder / "release").exists, what="the test to release the task")
    (folder / "done").write_text("ok")
    return "done"


def _worker(*args: str) -> subprocess.Popen:
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "TASKS_BACKEND": "core.task_queue.DatabaseBackend"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--no-startup-delay", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL) shared with a worker")
@override_settings(TASKS=DB_TASKS)
def test_killing_the_worker_mid_task_loses_nothing(transactional_db, tmp_path):
    from django_tasks_db.models import DBTaskResult

    result = slow_task.enqueue(str(tmp_path))
    worker = _worker()
    try:
        wait_until((tmp_path / "started").exists, what="the worker to start the task")
        assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
        os.kill(worker.pid, signal.SIGKILL)  # no chance to clean up
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert not (tmp_path / "done").exists()
    (tmp_path / "release").write_text("go")
    restarted = _worker("--batch")
    output = restarted.communicate(timeout=120)[0].decode()
    assert restarted.returncode == 0, output
    assert "1 task(s) of a dead worker queued again" in output
    assert (tmp_path / "done").exists()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "SUCCESSFUL" and row.return_value == "done"
    assert len(row.worker_ids) == 2  # the dead worker, then the new one


@pytest.mark.django_db
@override_settings(TASKS=DB_TASKS)
def test_recover_puts_back_only_tasks_of_dead_workers():
    from django_tasks_db.models import DBTaskResult

    from core.tasks import tasks_recover, worker_id

    alive = slow_task.enqueue("/nonexistent")
    dead = slow_task.enqueue("/nonexistent")
    host = worker_id().rpartition(":")[0]
    DBTaskResult.objects.filter(pk=alive.id).update(
        status="RUNNING", worker_ids=[worker_id()], started_at=timezone.now()
    )
    DBTaskResult.objects.filter(pk=dead.id).update(
        status="RUNNING", worker_ids=[f"{host}:999999999"], started_at=timezone.now()
    )
    assert tasks_recover() == 1
    assert DBTaskResult.objects.get(pk=dead.id).status == "READY"
    assert DBTaskResult.objects.get(pk=alive.id).status == "RUNNING"
    # Running far longer than TASK_STALE_SECONDS: a worker on another host died.
    DBTaskResult.objects.filter(pk=alive.id).update(started_at=timezone.now() - dt.timedelta(days=1))
    assert tasks_recover() == 1


CALLS: list[str] = []


@task()
def daily_probe() -> None:
    CALLS.append("ran")


def test_daily_job_is_due_once_a_day_after_its_time():
    job = schedule.Job(name="t", task=daily_probe, at=dt.time(8, 0))
    tz = timezone.get_default_timezone()
    before = dt.datetime(2026, 3, 2, 7, 59, tzinfo=tz)
    after = dt.datetime(2026, 3, 2, 8, 1, tzinfo=tz)
    assert not schedule.is_due(job, now=before, last_run=None)
    assert schedule.is_due(job, now=after, last_run=None)
    assert not schedule.is_due(job, now=after + dt.timedelta(hours=3), last_run=after)
    assert schedule.is_due(job, now=after + dt.timedelta(days=1), last_run=after)
    # The clock was down for two days: it runs once when it comes back.
    assert schedule.is_due(job, now=after + dt.timedelta(days=3), last_run=after)


@pytest.mark.django_db
def test_clock_enqueues_a_due_job_once(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(schedule, "JOBS", {})
    schedule.daily("tests.probe", daily_probe, at="00:00")
    now = timezone.now()
    assert schedule.run_due(now) == ["tests.probe"]
    assert schedule.run_due(now + dt.timedelta(minutes=1)) == []  # not twice the same day
    assert CALLS == ["ran"]  # the immediate backend of tests runs it at once
    assert ScheduledJobRun.objects.get(name="tests.probe").last_run_at == now


def test_shipped_jobs_are_registered():
    assert {"consultations.comment_digests", "core.email_sweep", "core.recover_lost_tasks"} <= set(schedule.JOBS)

"""The task queue of production: django-tasks-db's database backend, a task's row written by an
INSERT compiled once (``core.rows.insert_row``).

A comment queues a task in its own transaction (``core.tasks.enqueue_on_commit``); the ORM's
``create`` of that row cost about as much Python as the comment's own INSERT. The row is the same
(the same fields, defaults, prepared values and save signals: django-tasks-db's ``pre_save``
receiver still fills ``run_after``).
"""

from __future__ import annotations

from django_tasks_db.backend import DatabaseBackend as DBTasksBackend
from django_tasks_db.compat import normalize_json

from .rows import insert_row


class DatabaseBackend(DBTasksBackend):
    """django-tasks-db's ``DatabaseBackend`` with a quicker enqueue (the worker is the same)."""

    def task_row(self, task, args, kwargs):
        """The queue row of ``task(*args, **kwargs)``, not saved yet (``enqueue`` saves it; a hot
        write may insert it within its own statement, ``consultations.comment_write``)."""
        from django_tasks_db.models import DBTaskResult

        self.validate_task(task)
        return DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    def _task_to_db_task(self, task, args, kwargs):
        return insert_row(self.task_row(task, args, kwargs))

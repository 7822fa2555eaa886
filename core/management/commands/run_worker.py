"""The task worker: django-tasks-db's ``db_worker`` that first puts back the tasks a dead worker
left running (``core.tasks.tasks_recover``), so killing a worker mid-task loses nothing."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from core.tasks import tasks_recover, worker_id


class Command(DBWorkerCommand):
    help = "Run the background task worker (recovers tasks of dead workers first)."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_id(), queue_name="*", reload=False)

    def handle(self, *args, **options):
        recovered = tasks_recover()
        if recovered:
            self.stdout.write(f"{recovered} task(s) of a dead worker queued again.")
        return super().handle(*args, **options)

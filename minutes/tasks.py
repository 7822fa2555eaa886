"""Background tasks (django-tasks): PDFs are rendered here, never in a public request.

With the default ImmediateBackend the task runs right after the staff action that caused it
commits; in production point ``TASKS`` at a database or Redis backend and run a worker.
"""

from __future__ import annotations

from django_tasks import task

from .pdf import minutes_pdfs_refresh


@task()
def refresh_pdfs(minutes_id: int) -> list[str]:
    """Rebuild the stored PDFs of one minutes whose source changed."""
    return minutes_pdfs_refresh(minutes_id=minutes_id)

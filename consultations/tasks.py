"""Background tasks of consultations (run by the worker): notification emails and the daily digest."""

from __future__ import annotations

from django_tasks import task

from . import notifications


@task()
def comment_posted(comment_id: int) -> None:
    """Tell the agency about a new comment (F-4.2)."""
    notifications.comment_posted(comment_id)


@task()
def comment_hidden(comment_id: int) -> None:
    """Tell the author their comment was hidden (K-6.2.2)."""
    notifications.comment_hidden(comment_id)


@task()
def response_published(consultation_id: int) -> None:
    """Tell the authors of cited comments about the summary response."""
    notifications.response_published(consultation_id)


@task()
def suggestion_forwarded(suggestion_id: int) -> None:
    """Tell the agency and the suggester where a suggested commitment went (F-4.3)."""
    notifications.suggestion_forwarded(suggestion_id)


@task()
def send_comment_digests() -> int:
    """Daily: email digest agencies the comments not yet emailed (scheduled in apps.py)."""
    return notifications.send_digests()

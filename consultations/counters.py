"""Stored comment counters of a consultation (``ConsultationCounter``: ``visible_comments``,
``thread_count``).

A new comment adds one in the same transaction (one UPDATE, no count); a moderation
change or a deletion recounts that one consultation. Writes that bypass signals
(``bulk_create``) call ``counters_refresh``. Connected from ``ConsultationsConfig.ready``.

The posting service (``services.comment_post``) calls :func:`counters_comment_added` itself,
as the last statement before the commit (the signal then leaves its comment alone): the counter row is the
one row every comment of a consultation updates, and its lock is held from that UPDATE to the
commit, so the UPDATE comes after the comment's and the task's INSERTs, not between them.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save


def counters_refresh(consultation_id: int) -> None:
    """Recount one consultation's comments."""
    from .models import Comment, Consultation, ConsultationCounter

    counts = Comment.objects.filter(consultation_id=consultation_id).aggregate(
        visible=Count("pk", filter=Q(visibility=Comment.Visibility.VISIBLE)),
        threads=Count("pk", filter=Q(parent__isnull=True)),
    )
    if not Consultation.objects.filter(pk=consultation_id).exists():
        return  # deleted with its comments
    ConsultationCounter.objects.update_or_create(
        consultation_id=consultation_id,
        defaults={"visible_comments": counts["visible"], "thread_count": counts["threads"]},
    )


# Set on a comment whose service adds it to the counters itself (counters_comment_added).
COUNTED_BY_SERVICE = "_counted_by_service"


def counters_comment_added(comment) -> None:
    """Add one new ``comment`` to its consultation's counters: one UPDATE, written out (the ORM's
    ``F()`` update costs more Python to compile than the statement costs PostgreSQL)."""
    sql, params = counters_added_update(comment)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        updated = cursor.rowcount
    if not updated:
        counters_refresh(comment.consultation_id)  # the first comment: create the row


def counters_added_update(comment) -> tuple[str, list]:
    """The UPDATE that adds ``comment`` to its consultation's counters, and its parameters (no
    row is updated before the consultation's first comment: then ``counters_refresh``)."""
    from .models import Comment, ConsultationCounter

    meta = ConsultationCounter._meta
    table = connection.ops.quote_name(meta.db_table)
    visible, threads, key = (
        connection.ops.quote_name(meta.get_field(name).column)
        for name in ("visible_comments", "thread_count", "consultation")
    )
    sql = f"UPDATE {table} SET {visible} = {visible} + %s, {threads} = {threads} + %s WHERE {key} = %s"  # noqa: S608
    added_visible = int(comment.visibility == Comment.Visibility.VISIBLE)
    added_thread = int(comment.parent_id is None)
    return sql, [added_visible, added_thread, comment.consultation_id]


def _saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw or (created and getattr(instance, COUNTED_BY_SERVICE, False)):
        return
    if created:
        counters_comment_added(instance)
    else:
        counters_refresh(instance.consultation_id)


def _deleted(sender, instance, **kwargs) -> None:
    counters_refresh(instance.consultation_id)


def connect() -> None:
    from .models import Comment

    post_save.connect(_saved, sender=Comment, dispatch_uid="consultations-counters-save")
    post_delete.connect(_deleted, sender=Comment, dispatch_uid="consultations-counters-delete")

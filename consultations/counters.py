"""Stored comment counters of a consultation (``ConsultationCounter``: ``visible_comments``,
``thread_count``).

A new comment adds one in the same transaction (an ``F()`` update, no count); a moderation
change or a deletion recounts that one consultation. Writes that bypass signals
(``bulk_create``) call ``counters_refresh``. Connected from ``ConsultationsConfig.ready``.
"""

from __future__ import annotations

from django.db.models import Count, F, Q
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


def _saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    if not created:
        counters_refresh(instance.consultation_id)
        return
    from .models import ConsultationCounter

    changes = {}
    if instance.visibility == sender.Visibility.VISIBLE:
        changes["visible_comments"] = F("visible_comments") + 1
    if instance.parent_id is None:
        changes["thread_count"] = F("thread_count") + 1
    if changes and not ConsultationCounter.objects.filter(pk=instance.consultation_id).update(**changes):
        counters_refresh(instance.consultation_id)  # the first comment: create the row


def _deleted(sender, instance, **kwargs) -> None:
    counters_refresh(instance.consultation_id)


def connect() -> None:
    from .models import Comment

    post_save.connect(_saved, sender=Comment, dispatch_uid="consultations-counters-save")
    post_delete.connect(_deleted, sender=Comment, dispatch_uid="consultations-counters-delete")

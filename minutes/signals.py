"""Keep derived things in step: the date sent to NDC, stored PDFs and the search index.

The facts of a minutes are read from its meeting, so when the meeting, its agenda, its
attendance, its decisions or the forum's members change, the published PDFs are rebuilt
(off the public request) and the search index is refreshed.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.signals import published, unpublished, workflow_submitted

from forum.models import AgendaItem, Attendance, Decision, Meeting, Member

from .models import Minutes
from .services import minutes_pdfs_schedule, minutes_record_sent


def _on_submitted(sender, instance, user=None, **kwargs):
    if instance.base_content_type.model_class() is Minutes or instance.content_type.model_class() is Minutes:
        minutes_record_sent(minutes_id=int(instance.object_id), user=user)


def _on_published(sender, instance, **kwargs):
    if isinstance(instance, Minutes):
        minutes_pdfs_schedule(minutes_ids=[instance.pk])


def _refresh(minutes_ids: list[int]) -> None:
    if not minutes_ids:
        return
    for minutes in Minutes.objects.filter(pk__in=minutes_ids).select_related("meeting__forum__commitment"):
        index.insert_or_update_object(minutes)
    minutes_pdfs_schedule(
        minutes_ids=list(Minutes.objects.filter(pk__in=minutes_ids, live=True).values_list("pk", flat=True))
    )


def _meeting_ids(instance) -> list[int]:
    if isinstance(instance, Meeting):
        return [instance.pk]
    if isinstance(instance, AgendaItem | Attendance):
        return [instance.meeting_id]
    if isinstance(instance, Decision):
        item = AgendaItem.objects.filter(pk=instance.agenda_item_id).values_list("meeting_id", flat=True).first()
        return [item] if item else []
    if isinstance(instance, Member):
        return list(Meeting.objects.filter(forum_id=instance.forum_id).values_list("pk", flat=True))
    return []


def _on_fact_changed(sender, instance, **kwargs):
    ids = list(Minutes.objects.filter(meeting_id__in=_meeting_ids(instance)).values_list("pk", flat=True))
    _refresh(ids)


def connect() -> None:
    workflow_submitted.connect(_on_submitted, dispatch_uid="minutes_sent_to_ndc")
    published.connect(_on_published, sender=Minutes, dispatch_uid="minutes_published_pdfs")
    unpublished.connect(_on_published, sender=Minutes, dispatch_uid="minutes_unpublished_pdfs")
    for model in (Meeting, AgendaItem, Attendance, Decision, Member):
        post_save.connect(_on_fact_changed, sender=model, dispatch_uid=f"minutes_facts_{model.__name__}_save")
        post_delete.connect(_on_fact_changed, sender=model, dispatch_uid=f"minutes_facts_{model.__name__}_delete")

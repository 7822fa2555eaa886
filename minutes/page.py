"""What the public page of a minutes reads, in one query per table, only the columns the page
shows, and without the generic prefetch machinery (``prefetch_related`` costs about as much
again as the queries it runs).

``minutes_for_page`` returns the objects ``Minutes.objects.with_facts()`` gives the page: each
related list is stored where ``prefetch_related`` stores it, as the filtered queryset it was
read with (so ``.all()`` returns it and a further ``.filter()`` still asks the database), and
each child knows its parent, as after a prefetch. Columns the page does not show are deferred:
reading one costs a query (tests/minutes count the page's queries).
"""

from __future__ import annotations

from django.db import models

from core import i18n
from forum.models import AgendaItem, Attendance, Member

from .models import Minutes, MinutesAttachment, MinutesPdf, MinutesSection


def _translated(prefix: str, *fields: str) -> list[str]:
    """Every language's column of each translated field, behind the lookup ``prefix``."""
    return [prefix + column for field in fields for column in i18n.columns(field)]


# What the page shows of the minutes, its meeting, forum, commitment and chair.
MINUTES_COLUMNS = (
    *_translated("", "closing_remarks", "correction_note"),
    "sent_to_ndc_at",
    "first_published_at",
    "last_published_at",
    *_translated("meeting__", "title", "place"),
    "meeting__starts_at",
    "meeting__forum__commitment__number",
    *_translated("meeting__forum__commitment__", "title"),
    *_translated("meeting__chair__", "name"),
)


def _store(instance: models.Model, name: str, queryset: models.QuerySet) -> list:
    """Read ``queryset`` and keep it as ``instance``'s prefetched ``name`` relation."""
    rows = list(queryset)  # fills queryset's result cache
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = queryset
    return rows


def minutes_for_page(pk: int) -> Minutes:
    """The published minutes ``pk`` with everything its page shows: meeting, forum, commitment
    and chair; agenda items with decisions; attendances with members; the forum's current
    members; discussions (each with its agenda item); attachments with documents; stored PDFs.
    Raises ``Minutes.DoesNotExist``."""
    minutes = (
        Minutes.objects.published()
        .select_related("meeting__forum__commitment", "meeting__chair")
        .only(*MINUTES_COLUMNS)
        .get(pk=pk)
    )
    meeting = minutes.meeting
    forum = meeting.forum
    items = _store(meeting, "agenda_items", AgendaItem.objects.select_related("decision").filter(meeting=meeting))
    for item in items:
        item.meeting = meeting
    attendances = Attendance.objects.select_related("member").filter(meeting=meeting)
    for attendance in _store(meeting, "attendances", attendances):
        attendance.meeting = meeting
    for member in _store(forum, "members", Member.objects.current().filter(forum=forum)):
        member.forum = forum
    by_id = {item.pk: item for item in items}
    for section in _store(minutes, "sections", MinutesSection.objects.filter(minutes=minutes)):
        section.minutes = minutes
        if section.agenda_item_id in by_id:
            section.agenda_item = by_id[section.agenda_item_id]
    attachments = MinutesAttachment.objects.select_related("document").filter(minutes=minutes)
    for attachment in _store(minutes, "attachments", attachments):
        attachment.minutes = minutes
    for stored in _store(minutes, "pdfs", MinutesPdf.objects.filter(minutes=minutes)):
        stored.minutes = minutes
    return minutes

"""Open-data API of the minutes app (conventions in core/api.py): published minutes only."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from core.api import Id, Serialized, paginated, responses
from core.api_filters import AgencyCode, ChangedSince, DateFrom, DateTo, aware, day_after, day_start

from .models import Minutes

router = Router(tags=["minutes"])


class MinutesOut(Schema):
    id: int
    meeting: int
    forum: int
    commitment: int
    date: dt.date
    published_at: dt.datetime | None
    languages_complete: list[str]
    url: dict[str, str]
    pdf: dict[str, str | None]


def serialize(minutes: Minutes) -> dict:
    pdfs = minutes.pdf_urls()
    return {
        "id": minutes.pk,
        "meeting": minutes.meeting_id,
        "forum": minutes.meeting.forum_id,
        "commitment": minutes.meeting.forum.commitment.number,
        "date": minutes.date,
        "published_at": minutes.first_published_at,
        "languages_complete": minutes.languages_complete,
        "url": minutes.urls(),
        "pdf": {"zh-hant": pdfs["zh-hant"], "en": pdfs["en"], "bilingual": pdfs["bilingual"]},
    }


def _queryset():
    return Minutes.objects.published().for_list().order_by("-meeting__starts_at", "-pk")


@router.get("/", response=responses(list[MinutesOut]), summary="Published minutes, newest meeting first")
@paginated
def list_minutes(
    request,
    agency: AgencyCode = None,
    forum: int | None = Query(None, ge=1, le=2**31 - 1, description="A forum's id."),
    date_from: DateFrom = None,
    date_to: DateTo = None,
    changed_since: ChangedSince = None,
):
    """Published minutes. Filters: ``agency`` (the forum's lead agency), ``forum``, ``date_from`` /
    ``date_to`` (the meeting's day), ``changed_since`` (published or corrected since)."""
    minutes = _queryset()
    if agency:
        minutes = minutes.filter(meeting__forum__commitment__lead_agency__code=agency)
    if forum:
        minutes = minutes.filter(meeting__forum_id=forum)
    if date_from:
        minutes = minutes.filter(meeting__starts_at__gte=day_start(date_from))
    if date_to:
        minutes = minutes.filter(meeting__starts_at__lt=day_after(date_to))
    if changed_since:
        since = aware(changed_since)
        minutes = minutes.filter(Q(last_published_at__gte=since) | Q(first_published_at__gte=since))
    return Serialized(minutes, serialize, cached=True)


@router.get("/{minutes_id}/", response=responses(MinutesOut, not_found=True), summary="One published minutes")
def get_minutes(request, minutes_id: Id):
    return serialize(get_object_or_404(_queryset(), pk=minutes_id))

"""Open-data API of the minutes app (conventions in core/api.py): published minutes only."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from core.api import Id, Serialized, paginated, responses

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
def list_minutes(request):
    return Serialized(_queryset(), serialize)


@router.get("/{minutes_id}/", response=responses(MinutesOut, not_found=True), summary="One published minutes")
def get_minutes(request, minutes_id: Id):
    return serialize(get_object_or_404(_queryset(), pk=minutes_id))

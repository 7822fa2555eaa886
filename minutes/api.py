"""Open-data API of the minutes app (conventions in core/api.py): published minutes only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from ninja import Query, Router

from core import i18n
from core.api import Id, OutSchema, Serialized, paginated, responses
from core.api_filters import AgencyCode, ChangedSince, DateFrom, DateTo, aware, day_after, day_start
from core.links import reverse_ids

from . import rules
from .models import Minutes, MinutesPdf, MinutesSection

router = Router(tags=["minutes"])


class MinutesOut(OutSchema):
    id: int
    meeting: int
    forum: int
    commitment: int
    date: dt.date
    published_at: dt.datetime | None
    languages_complete: list[str]
    url: dict[str, str]
    pdf: dict[str, str | None]


# The prose of a minutes whose languages decide ``languages_complete`` (Minutes.prose_parts).
PROSE = ("closing_remarks", "correction_note")
LISTED_PDFS = ("zh-hant", "en", "bilingual")


def _rows(minutes: QuerySet[Minutes]) -> QuerySet:
    """The columns the API shows, as ``.values()`` rows (no model instances: a page of 50 minutes
    with their meeting, forum and commitment would build some 300)."""
    prose = [i18n.column(field, language) for field in PROSE for language in i18n.LANGUAGE_CODES]
    return minutes.values(
        "pk",
        "meeting_id",
        "first_published_at",
        *prose,
        forum_id=F("meeting__forum_id"),
        commitment_number=F("meeting__forum__commitment__number"),
        starts_at=F("meeting__starts_at"),
    )


def _texts(row: dict, field: str) -> dict[str, str | None]:
    """``i18n.translations`` of a ``.values()`` row."""
    return {language: i18n.value_in_row(row, field, language) for language in i18n.LANGUAGE_CODES}


def serialize_many(rows: list[dict]) -> list[dict]:
    """The API objects of ``rows`` (from ``_rows``): two more queries a page (discussions, stored
    PDFs), the same answer as ``Minutes.languages_complete``, ``urls()`` and ``pdf_urls()``."""
    ids = [row["pk"] for row in rows]
    parts: dict[int, list[rules.ProsePart]] = defaultdict(list)
    discussions = MinutesSection.objects.filter(minutes_id__in=ids).order_by()
    for section in discussions.values("minutes_id", "agenda_item_id", *i18n.columns("discussion")):
        key = f"agenda-{section['agenda_item_id']}"
        parts[section["minutes_id"]].append(rules.ProsePart(key, _texts(section, "discussion")))
    built: dict[int, set[str]] = defaultdict(set)
    stored = MinutesPdf.objects.filter(minutes_id__in=ids).exclude(file="")
    for minutes_id, kind in stored.values_list("minutes_id", "kind"):
        built[minutes_id].add(kind)
    urls: dict[int, dict[str, str]] = defaultdict(dict)
    for language in i18n.LANGUAGE_CODES:  # one activation a language for the whole page
        with override(language):
            for pk in ids:
                urls[pk][language] = reverse_ids("minutes:detail", pk=pk)
    with override(i18n.DEFAULT_LANGUAGE):
        pdfs = {
            pk: {
                kind: reverse("minutes:pdf", kwargs={"pk": pk, "kind": kind}) if kind in built[pk] else None
                for kind in LISTED_PDFS
            }
            for pk in ids
        }
    items = []
    for row in rows:
        prose = parts[row["pk"]] + [rules.ProsePart(field, _texts(row, field)) for field in PROSE]
        items.append(
            {
                "id": row["pk"],
                "meeting": row["meeting_id"],
                "forum": row["forum_id"],
                "commitment": row["commitment_number"],
                "date": timezone.localtime(row["starts_at"]).date(),
                "published_at": row["first_published_at"],
                "languages_complete": rules.languages_complete(prose, i18n.LANGUAGE_CODES, i18n.DEFAULT_LANGUAGE),
                "url": urls[row["pk"]],
                "pdf": pdfs[row["pk"]],
            }
        )
    return items


def _queryset():
    return Minutes.objects.published().order_by("-meeting__starts_at", "-pk")


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
    return Serialized(_rows(minutes), serialize_many, cached=True, many=True)


@router.get("/{minutes_id}/", response=responses(MinutesOut, not_found=True), summary="One published minutes")
def get_minutes(request, minutes_id: Id):
    return serialize_many([get_object_or_404(_rows(_queryset()), pk=minutes_id)])[0]

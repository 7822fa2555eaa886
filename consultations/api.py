"""Open-data API of the consultations app (conventions in core/api.py): no personal contact data."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router

from core.api import Id, OutSchema, Serialized, Translated, paginated, responses
from core.api_filters import AgencyCode, ChangedSince, DateFrom, DateTo, aware
from core.cache import cached_fragment
from core.i18n import translations
from core.paginator import CachedSlices

from . import public, rules
from .models import Comment, Consultation

StatusFilter = Annotated[
    Literal["upcoming", "open", "awaiting_response", "responded", "overdue"] | None,
    Query(None, description="The consultation's status today."),
]

router = Router(tags=["consultations"])


class ConsultationOut(OutSchema):
    id: int
    title: Translated
    commitment: int | None
    opens_on: dt.date
    closes_on: dt.date
    status: str
    response_due_on: dt.date
    extended_to: dt.date | None
    extension_reason: Translated
    responded_on: dt.date | None = Field(description="Day the summary response was published (Taipei).")
    responded_late: bool = Field(description="The summary response was published after its deadline.")
    days_late: int = Field(
        description="Days past the deadline: of the response, or so far while it is overdue; 0 when on time."
    )
    comment_count: int
    url: Translated


class ReplyOut(OutSchema):
    id: int
    hidden: bool
    ground: str | None
    author: str | None
    text: str | None
    date: dt.datetime
    edited: dt.datetime | None = Field(description="When its author last edited it (null: never).")
    withdrawn: bool = Field(description="Its author withdrew it: the text is no longer public.")


class CommentOut(ReplyOut):
    section: str | None
    section_label: str | None
    replies: list[ReplyOut]


def consultation_out(item) -> dict:
    return {
        "id": item.pk,
        "title": translations(item, "title"),
        "commitment": item.commitment.number if item.commitment_id else None,
        "opens_on": item.opens_on,
        "closes_on": item.closes_on,
        "status": item.status,
        "response_due_on": item.response_due_on,
        "extended_to": item.extended_to,
        "extension_reason": translations(item, "extension_reason"),
        "responded_on": item.responded_on,
        "responded_late": item.responded_late,
        "days_late": item.days_late,
        "comment_count": item.visible_comments,
        "url": item.urls(),
    }


def reply_out(comment: Comment) -> dict:
    """A comment as the public sees it: a hidden one shows only its ground, a withdrawn one no
    text; only the public name."""
    hidden = comment.is_hidden
    withdrawn = comment.is_withdrawn
    return {
        "id": comment.pk,
        "hidden": hidden,
        "ground": comment.hidden_ground or None if hidden else None,
        "author": None if hidden else comment.author.public_name,
        "text": None if hidden or withdrawn else comment.text,
        "date": comment.created_at,
        "edited": comment.edited_at,
        "withdrawn": withdrawn,
    }


def comment_out(comment: Comment) -> dict:
    return {
        **reply_out(comment),
        "section": comment.section or None,
        "section_label": comment.section_label or None,
        "replies": [reply_out(r) for r in comment.replies.all()],
    }


@router.get("/", response=responses(list[ConsultationOut]), summary="Consultations")
@paginated
def list_consultations(
    request,
    agency: AgencyCode = None,
    status: StatusFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    changed_since: ChangedSince = None,
):
    """All consultations, newest first, with their dates, deadlines and computed status.

    Filters: ``agency`` (the responsible agency's code), ``status`` (today's), ``date_from`` /
    ``date_to`` (the consultation was open on some day of that range), ``changed_since`` (created,
    commented on, or answered since)."""
    items = public.consultations()
    if agency:
        items = items.filter(agency__code=agency)
    if date_from:
        items = items.filter(closes_on__gte=date_from)
    if date_to:
        items = items.filter(opens_on__lte=date_to)
    if changed_since:
        since = aware(changed_since)
        commented = Comment.objects.filter(consultation=OuterRef("pk"), created_at__gte=since)
        items = items.filter(
            Q(created_at__gte=since)
            | Q(updated_at__gte=since)
            | Q(response__published_at__gte=since)
            | Exists(commented)
        )
    if status:
        items = status_filtered(items, status)
    # The same answer for every visitor on a given day (statuses and days late are today's).
    today = timezone.localdate().isoformat()
    return Serialized(items.order_by("-opens_on", "-pk"), consultation_out, cached=True, vary=(today,))


def status_filtered(items, status: str):
    """``items`` whose status today is ``status`` (status is computed from dates and the response)."""
    today = timezone.localdate()
    if status == rules.UPCOMING:
        return items.filter(opens_on__gt=today)
    if status == rules.OPEN:
        return items.filter(opens_on__lte=today, closes_on__gte=today)
    if status == rules.RESPONDED:
        return items.filter(response__published_at__isnull=False)
    closed = items.filter(closes_on__lt=today).exclude(response__published_at__isnull=False)
    wanted = [c.pk for c in closed if c.status_on(today) == status]
    return items.filter(pk__in=wanted)


@router.get("/{consultation_id}/", response=responses(ConsultationOut, not_found=True), summary="One consultation")
def get_consultation(request, consultation_id: Id):
    return consultation_out(get_object_or_404(public.consultations(), pk=consultation_id))


@router.get(
    "/{consultation_id}/comments/",
    response=responses(list[CommentOut], not_found=True),
    summary="Comments of a consultation",
)
@paginated
def list_comments(request, consultation_id: Id):
    """Top-level comments, oldest first, each with its replies; hidden ones with their ground only."""
    count = _thread_count(consultation_id)
    if count is None:
        raise Http404
    consultation = Consultation(pk=consultation_id)
    comments = public.DeferredSlices(public.top_level_comments(consultation))  # a page reads its rows only
    # The same page for everyone: cached by content version (a comment renews the "comments" scope).
    page = CachedSlices(("api-comments", consultation.pk), comments, comment_out)
    return Serialized(page, _as_is, count=count)  # stored: no count of 10,000 rows


def _thread_count(consultation_id: int) -> int | None:
    """The stored number of top-level comments of the consultation (None: no such consultation),
    cached by content version like the pages (a comment or a new consultation renews it)."""

    def build() -> dict:
        row = Consultation.objects.filter(pk=consultation_id).values_list("pk", "counter__thread_count").first()
        return {"count": None if row is None else row[1] or 0}

    return cached_fragment(("api-comments-count", consultation_id), build)["count"]


def _as_is(item: dict) -> dict:
    return item

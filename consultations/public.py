"""Queries behind the public pages of the consultations app (a fixed number each)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property

from core.prepared import PreparedQuery

from . import rules
from .models import Comment, Consultation, ConsultationAttachment


def consultations():
    """Consultations with what list pages show (the comment count is stored: no count of comments)."""
    return Consultation.objects.select_related("commitment__plan", "agency", "response", "counter")


def consultation_detail(pk: int) -> Consultation:
    attachments = ConsultationAttachment.objects.select_related("document")
    return (
        Consultation.objects.select_related("commitment__plan", "agency", "response", "counter")
        .prefetch_related(Prefetch("attachments", queryset=attachments))
        .get(pk=pk)
    )


class CountedPaginator(Paginator):
    """A paginator told its count (a stored counter) instead of counting the rows."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class DeferredSlices:
    """A queryset whose slices are read by a *deferred join*: the slice's primary keys first (an
    index-only scan of the covering ``comment_top_level`` index skips the earlier rows without
    reading them), then only those rows with their related objects, in one query. Page 500 of
    10,000 comments reads 20 rows, not 10,000 (issue 11)."""

    def __init__(self, queryset):
        self.queryset = queryset

    def __getitem__(self, index: slice):
        if not isinstance(index, slice):
            raise TypeError("DeferredSlices supports slices only")
        keys = self.queryset.values("pk")[index]
        return self.queryset.filter(pk__in=keys)

    def __len__(self) -> int:  # pragma: no cover - paginators are told the count
        raise TypeError("the count is stored: pass it to the paginator")


def comment_pages(consultation: Consultation, per_page: int) -> CountedPaginator:
    """The consultation's top-level comments, paginated on its stored ``thread_count``."""
    return CountedPaginator(DeferredSlices(top_level_comments(consultation)), per_page, count=consultation.thread_count)


def top_level_comments(consultation: Consultation):
    """The consultation's top-level comments, oldest first, with replies and authors (for pagination)."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return (
        Comment.objects.filter(consultation=consultation, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def cited_ids(consultation: Consultation) -> set[int]:
    """The comments the published summary response cites (they link to it)."""
    if not consultation.has_response:
        return set()
    return set(consultation.response.cited_comments.values_list("pk", flat=True))


def by_status(items, *statuses: str) -> list[Consultation]:
    today = timezone.localdate()
    return [c for c in items if c.status_on(today) in statuses]


def overdue():
    """Closed consultations whose response is overdue (the public list of late agencies)."""
    today = timezone.localdate()
    closed = consultations().filter(closes_on__lt=today).order_by("closes_on")
    return by_status(closed, rules.OVERDUE)


def late_board() -> list[dict]:
    """The public board of late agencies (K-7.2, W-5): per agency, its consultations whose response
    is overdue and those answered after the deadline, the agencies with most overdue first."""
    today = timezone.localdate()
    closed = consultations().filter(closes_on__lt=today).order_by("closes_on", "pk")
    agencies: dict[int, dict] = {}
    for item in closed:
        status = item.status_on(today)
        if status == rules.OVERDUE:
            kind = "overdue"
        elif status == rules.RESPONDED and item.responded_late:
            kind = "late"
        else:
            continue
        entry = agencies.setdefault(item.agency_id, {"agency": item.agency, "overdue": [], "late": []})
        entry[kind].append(item)
    return sorted(agencies.values(), key=lambda e: (-len(e["overdue"]), -len(e["late"]), e["agency"].code))


# Compiled once per process and language (core.prepared): the join of five tables is costlier to
# compile than to run.
_FOR_COMMITMENT = PreparedQuery(
    lambda commitment: consultations().filter(commitment_id=commitment).order_by("-opens_on", "-pk")
)


def for_commitment(commitment) -> list[Consultation]:
    """The consultations on a commitment, newest first (for the commitment page's include)."""
    return _FOR_COMMITMENT.objects(commitment.pk)


def open_now():
    """The open consultations, soonest to close first: a lazy queryset."""
    today = timezone.localdate()
    return consultations().filter(opens_on__lte=today, closes_on__gte=today).order_by("closes_on")

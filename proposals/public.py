"""Read-side queries of the public pages and the API (fixed number of queries)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from . import rules
from .models import Proposal, Status

COUNTED = Q(seconds__confirmed=True, seconds__invalidation__isnull=True)
PUBLIC_STATUSES = [s for s in Status.values]


def proposals() -> QuerySet[Proposal]:
    """Every proposal with its exact counted seconds (one query per page)."""
    return Proposal.objects.select_related("agency").annotate(second_count=Count("seconds", filter=COUNTED))


def filtered(params) -> QuerySet[Proposal]:
    """The list filtered by ``status``, ``agency`` (code) and ``profile`` (slug); unknown values are ignored."""
    items = proposals()
    status = params.get("status", "")
    if status in Status.values:
        items = items.filter(status=status)
    agency = params.get("agency", "")
    if agency:
        items = items.filter(agency__code=agency[:40])
    profile = params.get("profile", "")
    if profile:
        items = items.filter(profile=profile[:40])
    return items.order_by("-submitted_on", "-pk")


def board(today=None) -> dict:
    """Agencies' overdue answers and the proposals waiting longest (late ones stay with days late)."""
    today = today or timezone.localdate()
    waiting = list(
        Proposal.objects.select_related("agency").filter(status=Status.QUALIFIED).order_by("qualified_on", "pk")
    )
    responded_late = []
    for item in Proposal.objects.select_related("agency").filter(status=Status.RESPONDED, responded_on__isnull=False):
        late = rules.days_late(item.responded_on, item.deadline)
        if late:
            item.days_late = late
            responded_late.append(item)
    for item in waiting:
        item.days_late = rules.days_late(today, item.deadline) if item.notified_on else 0
        item.days_waiting = (today - item.qualified_on).days if item.qualified_on else 0
    overdue = [p for p in waiting if p.days_late]
    by_agency: dict[str, dict] = {}
    for item in overdue + responded_late:
        key = item.agency.code if item.agency else ""
        entry = by_agency.setdefault(key, {"agency": item.agency, "overdue": 0, "late_answers": 0, "days_late": 0})
        entry["overdue" if item.status == Status.QUALIFIED else "late_answers"] += 1
        entry["days_late"] += item.days_late
    review_overdue = [
        p for p in Proposal.objects.filter(status=Status.IN_REVIEW).order_by("submitted_on") if p.review_overdue
    ]
    return {
        "waiting": waiting,
        "overdue": sorted(overdue, key=lambda p: -p.days_late),
        "responded_late": sorted(responded_late, key=lambda p: -p.days_late),
        "agencies": sorted(by_agency.values(), key=lambda e: (-e["overdue"], -e["days_late"])),
        "review_overdue": review_overdue,
    }

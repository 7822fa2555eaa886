"""Read-side queries of the public pages and the API (fixed number of queries)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from core.links import id_template
from core.params import text_param

from . import rules
from .counts import proposal_count
from .models import Proposal, Status

BOARD_SIZE = 50
AGENCY_FIELDS = ("code", "name_zh_hant", "name_en")
# The columns the board shows or computes from (a proposal's texts are long: never read here).
BOARD_FIELDS = (
    "title_zh_hant",
    "title_en",
    "agency",
    "status",
    "qualified_on",
    "notified_on",
    "response_due_on",
    "extended_to",
    "responded_on",
)


def counted_seconds():
    """A subquery: the exact counted seconds of the outer proposal (evaluated per output row only)."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from .models import Second

    counts = (
        Second.objects.filter(proposal=OuterRef("pk"), confirmed=True, invalidation__isnull=True)
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts), 0)


def proposals() -> QuerySet[Proposal]:
    """Every proposal with its exact counted seconds (one query per page)."""
    return Proposal.objects.select_related("agency").annotate(second_count=counted_seconds())


def list_filters(params) -> dict[str, str]:
    """The list's filters from ``params``: ``status``, ``agency`` (code), ``profile`` (slug);
    an unknown status is ignored (empty: any)."""
    status = params.get("status", "")
    return {
        "status": status if status in Status.values else "",
        "agency": text_param(params, "agency", max_length=40) or "",
        "profile": text_param(params, "profile", max_length=40) or "",
    }


def filtered(params) -> QuerySet[Proposal]:
    """The list filtered by ``status``, ``agency`` (code) and ``profile`` (slug); unknown values are ignored."""
    chosen = list_filters(params)
    items = proposals()
    if chosen["status"]:
        items = items.filter(status=chosen["status"])
    if chosen["agency"]:
        items = items.filter(agency__code=chosen["agency"])
    if chosen["profile"]:
        items = items.filter(profile=chosen["profile"])
    return items.order_by("-submitted_on", "-pk")


def filtered_count(params) -> int:
    """How many proposals ``filtered(params)`` holds, from the stored counts (no count of the proposals)."""
    chosen = list_filters(params)
    return proposal_count(status=chosen["status"], agency_code=chosen["agency"], profile=chosen["profile"])


def _review_cutoffs(today) -> Q:
    """Proposals in review whose working-day due date has passed: per profile, submitted on or
    before the last day whose review deadline is before today (monotonic, so one date each)."""
    import datetime as dt

    from core.policy_store import all_profiles, workday_overrides

    overrides = workday_overrides()
    condition = Q(pk__in=[])
    for slug, profile in all_profiles().items():
        day = today - dt.timedelta(days=1)
        while rules.review_due_on(day, profile, overrides) >= today:
            day -= dt.timedelta(days=1)
        condition |= Q(profile=slug, submitted_on__lte=day)
    return condition


def _agency_counts(deadline, today) -> list:
    """Per agency (with its code and names): qualified proposals overdue now and answers given
    late, in one grouped query (a plain queryset: modeltranslation's manager rebuilds rows)."""
    from django.db.models import F

    overdue = Q(status=Status.QUALIFIED, deadline_on__lt=today)
    late = Q(status=Status.RESPONDED, responded_on__gt=F("deadline_on"))
    rows = QuerySet(Proposal).annotate(deadline_on=deadline).filter(overdue | late).order_by()
    return list(
        rows.values("agency_id", *(f"agency__{name}" for name in AGENCY_FIELDS))
        .annotate(
            overdue=Count("pk", filter=Q(status=Status.QUALIFIED)),
            late_answers=Count("pk", filter=Q(status=Status.RESPONDED)),
        )
        .values_list("agency_id", *(f"agency__{name}" for name in AGENCY_FIELDS), "overdue", "late_answers", named=True)
    )


def _agency_of(row) -> SimpleNamespace | None:
    """The agency of an ``_agency_counts`` row, with the columns the board shows (``None`` for
    proposals without an agency)."""
    if row.agency_id is None:
        return None
    return SimpleNamespace(pk=row.agency_id, **{name: getattr(row, f"agency__{name}") for name in AGENCY_FIELDS})


def _review_due_dates(proposals: list[Proposal]) -> None:
    """Set ``review_due`` (``Proposal.review_due_on``) on each of ``proposals``, working out each
    (submission day, profile) once: the board lists up to 50 that share a few days."""
    from core.policy_store import workday_overrides

    overrides = workday_overrides()
    due: dict[tuple, dt.date] = {}
    for proposal in proposals:
        key = (proposal.submitted_on, proposal.profile)
        if key not in due:
            due[key] = rules.review_due_on(proposal.submitted_on, proposal.policy, overrides)
        proposal.review_due = due[key]


def _days(message: str, days: int) -> SafeString:
    """A translated ``message`` filled as ``{% blocktranslate count days=... %}`` fills it: the
    number localised and escaped, the translation trusted (some 100 tags a board, before)."""
    return mark_safe(message % {"days": conditional_escape(localize(days))})  # noqa: S308


def _board_items(proposals: QuerySet) -> list[SimpleNamespace]:
    """The first ``BOARD_SIZE`` of ``proposals`` as the board shows them: the columns it shows or
    computes from (``BOARD_FIELDS``), ``deadline`` (``Proposal.deadline``), ``url``
    (``Proposal.get_absolute_url``) and ``agency`` (its code and names, or ``None``), read as rows
    (no model instances; a plain queryset: modeltranslation's manager rebuilds rows as dicts)."""
    fields = [name for name in BOARD_FIELDS if name != "agency"]
    agency = [f"agency__{name}" for name in AGENCY_FIELDS]
    url = id_template("proposals:detail", "pk")
    items = []
    for row in proposals[:BOARD_SIZE].values_list("pk", "agency_id", *fields, *agency, named=True):
        item = SimpleNamespace(pk=row.pk, agency_id=row.agency_id, **{name: getattr(row, name) for name in fields})
        item.deadline = item.extended_to or item.response_due_on
        item.url = url.format(pk=int(row.pk))
        item.agency = None if row.agency_id is None else _agency_of(row)
        items.append(item)
    return items


def board(today=None) -> dict:
    """Agencies' overdue answers and the proposals waiting longest (late ones stay with days late).
    Bounded queries whatever the number of proposals."""
    from django.db.models import F
    from django.db.models.functions import Coalesce

    today = today or timezone.localdate()
    deadline = Coalesce("extended_to", "response_due_on")
    shown = QuerySet(Proposal).annotate(deadline_on=deadline)
    qualified = shown.filter(status=Status.QUALIFIED)
    waiting = _board_items(qualified.order_by("qualified_on", "pk"))
    overdue = _board_items(qualified.filter(deadline_on__lt=today).order_by("deadline_on", "pk"))
    late_qs = shown.filter(status=Status.RESPONDED, responded_on__gt=F("deadline_on"))
    responded_late = _board_items(late_qs.order_by("-responded_on", "-pk"))
    for item in waiting + overdue:
        item.days_late = rules.days_late(today, item.deadline) if item.notified_on else 0
        item.days_waiting = (today - item.qualified_on).days if item.qualified_on else 0
    for item in responded_late:
        item.days_late = rules.days_late(item.responded_on, item.deadline)
    for item in waiting:
        days = item.days_waiting
        item.waiting_text = _days(ngettext("waiting %(days)s day", "waiting %(days)s days", days), days)
    for item in waiting + responded_late:
        days = item.days_late
        item.late_text = _days(ngettext("%(days)s day late", "%(days)s days late", days), days)
    by_agency: dict = {}
    for row in _agency_counts(deadline, today):
        by_agency[row.agency_id] = {
            "agency": _agency_of(row),
            "overdue": row.overdue,
            "late_answers": row.late_answers,
            "days_late": 0,
        }
    for item in overdue + responded_late:
        if item.agency_id in by_agency:
            by_agency[item.agency_id]["days_late"] += item.days_late
    review_overdue = list(
        Proposal.objects.only("title_zh_hant", "title_en", "status", "profile", "submitted_on")
        .filter(status=Status.IN_REVIEW)
        .filter(_review_cutoffs(today))
        .order_by("submitted_on", "pk")[:BOARD_SIZE]
    )
    _review_due_dates(review_overdue)
    return {
        "waiting": waiting,
        "overdue": overdue,
        "responded_late": responded_late,
        "agencies": sorted(by_agency.values(), key=lambda e: (-e["overdue"], -e["late_answers"])),
        "review_overdue": review_overdue,
    }

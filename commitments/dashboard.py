"""The commitments app's panels on the admin home: an officer's tables and indicators falling due,
NDC editors' tables waiting for approval and the agencies late with their tables (F-6).

Each panel runs a fixed number of queries, scoped through ``permissions.py``.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import HORIZON_DAYS, TaskPanel, TaskRow, days_left_label, tone_for
from core.i18n import current_language, value_in
from core.roles import AGENCY_OFFICER, user_has_role

from . import permissions, rules
from .models import ActionPlan, Commitment, CommitmentTable, Indicator, TableStatus

TABLES = "wagtailsnippets_commitments_commitmenttable"
PROGRESS = "wagtailsnippets_commitments_indicatorprogress"


def _title(obj) -> str:
    return value_in(obj, "title", current_language()) or value_in(obj, "title", "zh-hant") or ""


def _commitment_label(commitment: Commitment) -> str:
    return _("Commitment %(number)d: %(title)s") % {"number": commitment.number, "title": _title(commitment)}


def _open_table_rows(commitments, today: dt.date) -> list[TaskRow]:
    rows: list[TaskRow] = []
    for commitment in commitments:
        deadline = commitment.plan.submission_deadline
        days = (deadline - today).days
        table = getattr(commitment, "table", None) if hasattr(commitment, "table") else None
        label = _commitment_label(commitment)
        if table is None:
            rows.append(
                TaskRow(
                    _("Start the table of %(commitment)s") % {"commitment": label},
                    reverse(f"{TABLES}:add"),
                    days_left_label(days),
                    tone_for(days),
                )
            )
        elif table.status == TableStatus.DRAFT:
            rows.append(
                TaskRow(
                    _("Finish and submit the table of %(commitment)s (draft)") % {"commitment": label},
                    reverse(f"{TABLES}:edit", args=[table.pk]),
                    days_left_label(days),
                    tone_for(days),
                )
            )
        else:
            rows.append(
                TaskRow(
                    _("Table of %(commitment)s: %(status)s")
                    % {"commitment": label, "status": table.get_status_display()},
                    reverse(f"{TABLES}:edit", args=[table.pk]),
                    _("submitted %(days)d days late") % {"days": table.days_late} if table.days_late else "",
                )
            )
    return rows


def officer_rows(user, today: dt.date | None = None) -> list[TaskRow]:
    """The officer's tables in the current plan (state, deadline) and indicators falling due: four queries."""
    today = today or timezone.localdate()
    plan = ActionPlan.objects.current()
    if plan is None:
        return []
    mine = permissions.commitments_for_new_tables(user, Commitment.objects.filter(plan=plan))
    with_tables = permissions.tables_editable_by(
        user, CommitmentTable.objects.with_status().filter(commitment__plan=plan).select_related("commitment__plan")
    )
    commitments = list(mine.select_related("plan"))
    for table in with_tables:
        commitment = table.commitment
        commitment.table = table
        commitments.append(commitment)
    commitments.sort(key=lambda c: c.number)
    rows = _open_table_rows(commitments, today)
    indicators = (
        Indicator.objects.filter(
            table__in=permissions.tables_editable_by(user, CommitmentTable.objects.filter(live=True)),
            ends_on__lte=today + dt.timedelta(days=HORIZON_DAYS),
        )
        .select_related("table__commitment")
        .prefetch_related("progress")
        .order_by("ends_on", "pk")
    )
    for indicator in indicators:
        if indicator.current_status() == rules.COMPLETED:
            continue
        days = (indicator.ends_on - today).days
        rows.append(
            TaskRow(
                _("Report progress on “%(indicator)s” (commitment %(number)d)")
                % {
                    "indicator": (value_in(indicator, "description", current_language()) or str(indicator))[:80],
                    "number": indicator.table.commitment.number,
                },
                reverse(f"{PROGRESS}:add"),
                days_left_label(days),
                tone_for(days),
            )
        )
    return rows


def reviewer_rows() -> list[TaskRow]:
    """Tables submitted to NDC and waiting for approval, oldest first: one query."""
    tables = (
        CommitmentTable.objects.with_status()
        .filter(derived_status=TableStatus.SUBMITTED)
        .select_related("commitment__lead_agency")
        .order_by("submitted_at", "pk")
    )
    return [
        TaskRow(
            _("Review the table of %(commitment)s (%(agency)s)")
            % {"commitment": _commitment_label(t.commitment), "agency": t.commitment.lead_agency.label},
            reverse(f"{TABLES}:edit", args=[t.pk]),
            _("submitted %(date)s") % {"date": _date(t.submitted_at)} if t.submitted_at else "",
            "warning" if t.days_late else "",
        )
        for t in tables
    ]


def _date(moment) -> str:
    from core.dates import format_date

    return format_date(timezone.localtime(moment).date())


def late_agency_rows(today: dt.date | None = None) -> list[TaskRow]:
    """Agencies with tables of the current plan not submitted after the deadline (F-6): two queries."""
    today = today or timezone.localdate()
    plan = ActionPlan.objects.current()
    if plan is None or today <= plan.submission_deadline:
        return []
    late: dict = {}
    commitments = Commitment.objects.filter(plan=plan).select_related("lead_agency", "table")
    for commitment in commitments:
        table = getattr(commitment, "table", None) if hasattr(commitment, "table") else None
        if table is None or table.submitted_at is None:
            late.setdefault(commitment.lead_agency, []).append(commitment)
    days = (plan.submission_deadline - today).days
    return [
        TaskRow(
            ngettext(
                "%(agency)s: %(n)d commitment table not submitted",
                "%(agency)s: %(n)d commitment tables not submitted",
                len(items),
            )
            % {"agency": agency.label, "n": len(items)},
            reverse(f"{TABLES}:list"),
            days_left_label(days),
            "critical",
        )
        for agency, items in sorted(late.items(), key=lambda pair: (-len(pair[1]), pair[0].pk))
    ]


def panels(request, panels: list) -> None:
    """Add this app's panels for the user's roles (``construct_homepage_panels``)."""
    user = request.user
    if user_has_role(user, AGENCY_OFFICER) and permissions.user_agency_id(user) is not None:
        panels.append(
            TaskPanel(
                name="commitments-officer",
                heading=_("Your commitment tables and indicators"),
                rows=lambda: officer_rows(user),
                order=12,
                empty=_("No table or indicator needs you now."),
            )
        )
    if permissions.is_reviewer(user):
        panels.append(
            TaskPanel(
                name="commitments-review",
                heading=_("Commitment tables waiting for approval"),
                rows=reviewer_rows,
                order=20,
                empty=_("No table is waiting for approval."),
                more_url=reverse(f"{TABLES}:list") + "?status=submitted",
            )
        )
        panels.append(
            TaskPanel(
                name="commitments-late",
                heading=_("Agencies late with their tables"),
                rows=late_agency_rows,
                order=31,
                empty=_("No agency is late with its tables."),
            )
        )

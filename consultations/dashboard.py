"""The consultations app's panels on the admin home: the officer's inbox and responses due,
the moderators' queue, and the agencies late with their answers (NDC editors).

Each panel runs a fixed number of queries, scoped through ``permissions.py``.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import TaskPanel, TaskRow, days_left_label, tone_for
from core.i18n import current_language, value_in

from . import permissions, rules
from .models import Comment, Consultation


def _title(consultation: Consultation) -> str:
    return value_in(consultation, "title", current_language()) or value_in(consultation, "title", "zh-hant") or ""


def officer_rows(agency_id: int, today=None) -> list[TaskRow]:
    """New comments, then each summary response due (days left) of the agency: two queries."""
    today = today or timezone.localdate()
    rows: list[TaskRow] = []
    new = Comment.objects.filter(consultation__agency_id=agency_id, inbox_status=Comment.InboxStatus.NEW).count()
    if new:
        rows.append(
            TaskRow(
                ngettext("%(n)d new comment to read", "%(n)d new comments to read", new) % {"n": new},
                reverse("consultations_admin:inbox") + "?status=new",
                tone="warning",
            )
        )
    waiting = Consultation.objects.filter(agency_id=agency_id, closes_on__lt=today).select_related("response")
    due = [c for c in waiting if not c.has_response]
    for consultation in sorted(due, key=lambda c: c.deadline):
        days = (consultation.deadline - today).days
        rows.append(
            TaskRow(
                _("Publish the summary response to “%(title)s”") % {"title": _title(consultation)},
                reverse("consultations_admin:consultation", args=[consultation.pk]),
                days_left_label(days),
                tone_for(days),
            )
        )
    return rows


def moderator_rows() -> list[TaskRow]:
    """Comments with open reports, most reported first: one query."""
    queue = (
        Comment.objects.filter(reports__handled_at__isnull=True)
        .annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))
        .select_related("consultation")
        .order_by("-open_reports", "created_at", "pk")[:20]
    )
    return [
        TaskRow(
            _("Comment #%(pk)d on “%(title)s”") % {"pk": c.pk, "title": _title(c.consultation)},
            reverse("consultations_admin:moderate", args=[c.pk]),
            ngettext("%(n)d report", "%(n)d reports", c.open_reports) % {"n": c.open_reports},
            "warning",
        )
        for c in queue
    ]


def late_agency_rows(today=None) -> list[TaskRow]:
    """Agencies whose summary responses are overdue, with how many: one query."""
    today = today or timezone.localdate()
    closed = Consultation.objects.filter(closes_on__lt=today).select_related("agency", "response")
    late: dict = {}
    for consultation in closed:
        if consultation.status_on(today) == rules.OVERDUE:
            late.setdefault(consultation.agency, []).append(consultation)
    rows = []
    for agency, items in sorted(late.items(), key=lambda pair: -len(pair[1])):
        worst = min(c.deadline for c in items)
        rows.append(
            TaskRow(
                ngettext(
                    "%(agency)s: %(n)d summary response overdue",
                    "%(agency)s: %(n)d summary responses overdue",
                    len(items),
                )
                % {"agency": agency.label, "n": len(items)},
                reverse("consultations:overdue"),
                days_left_label((worst - today).days),
                "critical",
            )
        )
    return rows


def panels(request, panels: list) -> None:
    """Add this app's panels for the user's roles (``construct_homepage_panels``)."""
    user = request.user
    agency_id = permissions.officer_agency_id(user)
    if agency_id is not None:
        panels.append(
            TaskPanel(
                name="consultations-officer",
                heading=_("Comments and responses due"),
                rows=lambda: officer_rows(agency_id),
                order=10,
                empty=_("No new comment and no summary response due."),
                more_url=reverse("consultations_admin:inbox"),
            )
        )
    if permissions.can_moderate(user):
        panels.append(
            TaskPanel(
                name="consultations-moderation",
                heading=_("Moderation queue"),
                rows=moderator_rows,
                order=11,
                empty=_("No reported comment is waiting."),
                more_url=reverse("consultations_admin:moderation"),
            )
        )
    if permissions.can_handle_suggestions(user):
        panels.append(
            TaskPanel(
                name="consultations-late",
                heading=_("Agencies late with summary responses"),
                rows=late_agency_rows,
                order=30,
                empty=_("No summary response is overdue."),
            )
        )

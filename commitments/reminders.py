"""Deadline reminders of the commitments app (``core.reminders``): commitment tables due at NDC
(F-6) and indicators reaching their end date, to the lead agency's officers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from core import i18n
from core.dates import format_date
from core.links import absolute_url
from core.reminders import BEFORE_DAYS, LATE_WINDOW_DAYS, Reminder, lead

from . import rules


def officers_by_agency(agency_ids) -> dict[int, list]:
    """The active officers of each agency: one query."""
    from .models import AgencyStaff

    result: dict[int, list] = defaultdict(list)
    for staff in AgencyStaff.objects.filter(agency_id__in=set(agency_ids), user__is_active=True).select_related("user"):
        result[staff.agency_id].append(staff.user)
    return result


def _title(obj, field: str = "title") -> str:
    return i18n.value_in(obj, field, i18n.current_language()) or i18n.value_in(obj, field, i18n.DEFAULT_LANGUAGE) or ""


def _window(today: dt.date) -> tuple[dt.date, dt.date]:
    return today - dt.timedelta(days=LATE_WINDOW_DAYS), today + dt.timedelta(days=max(BEFORE_DAYS))


def table_reminders(today: dt.date) -> list[Reminder]:
    """Commitments of the current plan whose table is not yet submitted, around the deadline."""
    from .models import ActionPlan, Commitment

    plan = ActionPlan.objects.current()
    start, end = _window(today)
    if plan is None or not start <= plan.submission_deadline <= end:
        return []
    commitments = [
        c
        for c in Commitment.objects.filter(plan=plan).select_related("table")
        if getattr(c, "table", None) is None or c.table.submitted_at is None
    ]
    officers = officers_by_agency(c.lead_agency_id for c in commitments)
    reminders = []
    for commitment in commitments:

        def build(step, days, commitment=commitment, deadline=plan.submission_deadline):
            return (
                _("Reminder: the table of commitment %(number)d is due at NDC on %(date)s")
                % {"number": commitment.number, "date": format_date(deadline)},
                lead(step, days)
                + "\n\n"
                + _("Submit the commitment table of “%(title)s” to NDC (F-6):\n%(url)s")
                % {
                    "title": _title(commitment),
                    "url": absolute_url(reverse("wagtailsnippets_commitments_commitmenttable:list")),
                },
            )

        reminders.append(
            Reminder(
                key=f"commitments.table:{commitment.pk}:{plan.submission_deadline.isoformat()}",
                deadline=plan.submission_deadline,
                recipients=officers.get(commitment.lead_agency_id, []),
                build=build,
            )
        )
    return reminders


def indicator_reminders(today: dt.date) -> list[Reminder]:
    """Indicators of published tables ending around today and not completed."""
    from .models import Indicator

    start, end = _window(today)
    indicators = [
        i
        for i in Indicator.objects.filter(table__live=True, ends_on__range=(start, end))
        .select_related("table__commitment")
        .prefetch_related("progress")
        if i.current_status() != rules.COMPLETED
    ]
    officers = officers_by_agency(i.table.commitment.lead_agency_id for i in indicators)
    reminders = []
    for indicator in indicators:

        def build(step, days, indicator=indicator):
            return (
                _("Reminder: an indicator of commitment %(number)d ends on %(date)s")
                % {"number": indicator.table.commitment.number, "date": format_date(indicator.ends_on)},
                lead(step, days)
                + "\n\n"
                + _("Report the progress of “%(indicator)s”:\n%(url)s")
                % {
                    "indicator": _title(indicator, "description")[:200],
                    "url": absolute_url(reverse("wagtailsnippets_commitments_indicatorprogress:add")),
                },
            )

        reminders.append(
            Reminder(
                key=f"commitments.indicator:{indicator.pk}:{indicator.ends_on.isoformat()}",
                deadline=indicator.ends_on,
                recipients=officers.get(indicator.table.commitment.lead_agency_id, []),
                build=build,
            )
        )
    return reminders


def reminders(today: dt.date) -> list[Reminder]:
    return table_reminders(today) + indicator_reminders(today)

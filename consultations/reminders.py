"""Deadline reminders of the consultations app (``core.reminders``): summary responses due
(K-7.2, 14 days after closing, or the extended date), to the agency's officers."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from core import i18n
from core.dates import format_date
from core.links import absolute_url
from core.reminders import BEFORE_DAYS, LATE_WINDOW_DAYS, Reminder, lead


def reminders(today: dt.date) -> list[Reminder]:
    """Closed consultations without a published response whose deadline is near or just passed."""
    from commitments.reminders import officers_by_agency

    from .models import Consultation

    # The deadline is at most 28 days after closing (14 + one extension of 14).
    earliest_close = today - dt.timedelta(days=LATE_WINDOW_DAYS + 60)
    candidates = Consultation.objects.filter(closes_on__lt=today, closes_on__gte=earliest_close).select_related(
        "response"
    )
    low, high = today - dt.timedelta(days=LATE_WINDOW_DAYS), today + dt.timedelta(days=max(BEFORE_DAYS))
    due = [c for c in candidates if not c.has_response and low <= c.deadline <= high]
    officers = officers_by_agency(c.agency_id for c in due)
    result = []
    for consultation in due:

        def build(step, days, consultation=consultation):
            title = i18n.value_in(consultation, "title", i18n.current_language()) or i18n.value_in(
                consultation, "title", i18n.DEFAULT_LANGUAGE
            )
            return (
                _("Reminder: the summary response to “%(title)s” is due on %(date)s")
                % {"title": title, "date": format_date(consultation.deadline)},
                lead(step, days)
                + "\n\n"
                + _("Publish the summary response (K-7.2); late answers are shown as late to the public:\n%(url)s")
                % {"url": absolute_url(reverse("consultations_admin:consultation", args=[consultation.pk]))},
            )

        result.append(
            Reminder(
                key=f"consultations.response:{consultation.pk}:{consultation.deadline.isoformat()}",
                deadline=consultation.deadline,
                recipients=officers.get(consultation.agency_id, []),
                build=build,
            )
        )
    return result

"""Deadline reminders of the minutes app (``core.reminders``): minutes of a meeting held not yet
sent to NDC (F-3.2; due ``rules.MINUTES_DUE_DAYS`` after the meeting), to the forum's staff."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import i18n
from core.dates import format_date
from core.links import absolute_url
from core.reminders import BEFORE_DAYS, LATE_WINDOW_DAYS, Reminder, lead

from . import rules


def reminders(today: dt.date) -> list[Reminder]:
    """Meetings held whose minutes are missing or not sent to NDC, around their due date."""
    from forum.models import Meeting

    low = today - dt.timedelta(days=LATE_WINDOW_DAYS + rules.MINUTES_DUE_DAYS)
    high = today + dt.timedelta(days=max(BEFORE_DAYS)) - dt.timedelta(days=rules.MINUTES_DUE_DAYS)
    tz = timezone.get_current_timezone()
    until = min(timezone.now(), dt.datetime.combine(high + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    meetings = Meeting.objects.filter(
        starts_at__gte=dt.datetime.combine(low, dt.time.min, tzinfo=tz), starts_at__lt=until
    )
    meetings = meetings.select_related("minutes").prefetch_related("forum__staff")
    result = []
    for meeting in meetings:
        minutes = getattr(meeting, "minutes", None) if hasattr(meeting, "minutes") else None
        if minutes is not None and minutes.sent_to_ndc_at is not None:
            continue
        held = timezone.localtime(meeting.starts_at).date()
        deadline = rules.minutes_due_on(held)

        def build(step, days, meeting=meeting, held=held, deadline=deadline):
            title = i18n.value_in(meeting, "title", i18n.current_language()) or i18n.value_in(
                meeting, "title", i18n.DEFAULT_LANGUAGE
            )
            return (
                _("Reminder: the minutes of “%(meeting)s” are due at NDC on %(date)s")
                % {"meeting": title, "date": format_date(deadline)},
                lead(step, days)
                + "\n\n"
                + _("Write the minutes of the meeting held on %(held)s and send them to NDC (F-3.2):\n%(url)s")
                % {"held": format_date(held), "url": absolute_url(reverse("wagtailsnippets_minutes_minutes:list"))},
            )

        result.append(
            Reminder(
                key=f"minutes.send:{meeting.pk}:{deadline.isoformat()}",
                deadline=deadline,
                recipients=[u for u in meeting.forum.staff.all() if u.is_active],
                build=build,
            )
        )
    return result

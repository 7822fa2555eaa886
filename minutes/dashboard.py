"""The minutes app's panels on the admin home: for conveners, minutes not written or not sent to
NDC; for NDC editors, minutes waiting for approval and translations pending (F-3.2, F-7).

A fixed number of queries each, scoped through ``permissions.py``.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import TaskPanel, TaskRow, days_left_label, tone_for
from core.dates import format_date
from core.i18n import current_language, value_in
from core.roles import CONVENER, user_has_role
from forum.models import Meeting

from . import permissions, rules
from .models import Minutes

MINUTES = "wagtailsnippets_minutes_minutes"


def _title(obj) -> str:
    return value_in(obj, "title", current_language()) or value_in(obj, "title", "zh-hant") or ""


def convener_rows(user, now: dt.datetime | None = None) -> list[TaskRow]:
    """Meetings held without minutes, and minutes drafted but not sent to NDC: two queries."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    rows: list[TaskRow] = []
    meetings = permissions.meetings_for_minutes(
        user, Meeting.objects.filter(starts_at__lt=now, minutes__isnull=True)
    ).order_by("starts_at")[:20]
    for meeting in meetings:
        held = timezone.localtime(meeting.starts_at).date()
        days = (rules.minutes_due_on(held) - today).days
        rows.append(
            TaskRow(
                _("Write the minutes of “%(meeting)s” (%(date)s)")
                % {"meeting": _title(meeting), "date": format_date(held)},
                reverse(f"{MINUTES}:add") + f"?meeting={meeting.pk}",
                days_left_label(days),
                tone_for(days),
            )
        )
    drafts = permissions.editable_minutes(
        user, Minutes.objects.filter(sent_to_ndc_at__isnull=True, live=False).select_related("meeting")
    ).order_by("meeting__starts_at")[:20]
    for minutes in drafts:
        held = timezone.localtime(minutes.meeting.starts_at).date()
        days = (rules.minutes_due_on(held) - today).days
        rows.append(
            TaskRow(
                _("Send the minutes of “%(meeting)s” to NDC") % {"meeting": _title(minutes.meeting)},
                reverse(f"{MINUTES}:edit", args=[minutes.pk]),
                days_left_label(days),
                tone_for(days),
            )
        )
    return rows


def editor_rows(today: dt.date | None = None) -> list[TaskRow]:
    """Minutes sent to NDC and not yet published (approval waiting), then translations pending
    with the days they have waited: one query with its prefetches."""
    today = today or timezone.localdate()
    rows: list[TaskRow] = []
    waiting_translation = 0
    oldest = 0
    for minutes in Minutes.objects.with_facts():
        if minutes.sent_to_ndc_at and not minutes.live:
            rows.append(
                TaskRow(
                    _("Approve and publish the minutes of “%(meeting)s”") % {"meeting": _title(minutes.meeting)},
                    reverse(f"{MINUTES}:edit", args=[minutes.pk]),
                    _("sent %(date)s") % {"date": format_date(timezone.localtime(minutes.sent_to_ndc_at).date())},
                    "warning",
                )
            )
        if minutes.english_pending:
            waiting_translation += 1
            oldest = max(oldest, rules.waiting_days(minutes.waiting_since, today))
    if waiting_translation:
        rows.append(
            TaskRow(
                ngettext(
                    "%(n)d minutes waiting for their English translation",
                    "%(n)d minutes waiting for their English translation",
                    waiting_translation,
                )
                % {"n": waiting_translation},
                reverse("minutes_translation_queue"),
                ngettext("oldest: %(n)d day", "oldest: %(n)d days", oldest) % {"n": oldest},
                "warning" if oldest > 14 else "",
            )
        )
    return rows


def panels(request, panels: list) -> None:
    """Add this app's panels for the user's roles (``construct_homepage_panels``)."""
    user = request.user
    if user_has_role(user, CONVENER) and not user.is_superuser:
        panels.append(
            TaskPanel(
                name="minutes-convener",
                heading=_("Minutes to write and send"),
                rows=lambda: convener_rows(user),
                order=14,
                empty=_("Every meeting held has its minutes sent to NDC."),
            )
        )
    if permissions.is_ndc_editor(user):
        panels.append(
            TaskPanel(
                name="minutes-editor",
                heading=_("Minutes: approvals and translations"),
                rows=editor_rows,
                order=21,
                empty=_("No minutes waiting for approval or translation."),
                more_url=reverse("minutes_translation_queue"),
            )
        )

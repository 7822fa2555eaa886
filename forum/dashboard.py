"""The forum app's panel on the admin home for conveners: next meetings, notices not sent (or out
of date), decisions not written for meetings held. A fixed number of queries, scoped through
``permissions.py`` (the forums the user may edit)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import TaskPanel, TaskRow, days_left_label, tone_for
from core.dates import format_datetime
from core.i18n import current_language, value_in
from core.roles import CONVENER, user_has_role

from . import permissions
from .models import AgendaItem, Meeting, Notice

MEETINGS = "wagtailsnippets_forum_meeting"
DECISIONS = "wagtailsnippets_forum_decision"


def _title(obj) -> str:
    return value_in(obj, "title", current_language()) or value_in(obj, "title", "zh-hant") or ""


def convener_rows(user, now: dt.datetime | None = None) -> list[TaskRow]:
    """Upcoming meetings (with their notice state) and agenda items of past meetings without a
    decision, in the forums ``user`` edits: four queries."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    upcoming = (
        permissions.scoped(user, Meeting.objects.filter(starts_at__gte=now), "forum__")
        .prefetch_related("agenda_items", Prefetch("notices", queryset=Notice.objects.order_by("-sequence")))
        .order_by("starts_at")[:10]
    )
    rows: list[TaskRow] = []
    for meeting in upcoming:
        notices = list(meeting.notices.all())
        days = (timezone.localtime(meeting.starts_at).date() - today).days
        when = format_datetime(meeting.starts_at)
        if not notices:
            rows.append(
                TaskRow(
                    _("Send the notice of “%(meeting)s” (%(when)s)") % {"meeting": _title(meeting), "when": when},
                    reverse("forum_admin:notice", args=[meeting.pk]),
                    days_left_label(days),
                    tone_for(days - 7),  # F-9: notices go out a week ahead
                )
            )
        elif notices[0].fingerprint != meeting.notice_fingerprint():
            rows.append(
                TaskRow(
                    _("The meeting “%(meeting)s” changed: send a new notice") % {"meeting": _title(meeting)},
                    reverse("forum_admin:notice", args=[meeting.pk]),
                    days_left_label(days),
                    "warning",
                )
            )
        else:
            rows.append(
                TaskRow(
                    _("Next meeting: “%(meeting)s” (%(when)s), notice sent")
                    % {"meeting": _title(meeting), "when": when},
                    reverse(f"{MEETINGS}:edit", args=[meeting.pk]),
                    days_left_label(days),
                )
            )
    undecided = (
        permissions.scoped(
            user, AgendaItem.objects.filter(meeting__starts_at__lt=now, decision__isnull=True), "meeting__forum__"
        )
        .select_related("meeting")
        .order_by("meeting__starts_at", "position")[:20]
    )
    for item in undecided:
        rows.append(
            TaskRow(
                _("Record the decision on “%(item)s” (%(meeting)s)")
                % {"item": _title(item), "meeting": _title(item.meeting)},
                reverse(f"{DECISIONS}:add"),
                format_datetime(item.meeting.starts_at),
                "warning",
            )
        )
    return rows


def panels(request, panels: list) -> None:
    """Add the convener's panel (``construct_homepage_panels``)."""
    user = request.user
    if user_has_role(user, CONVENER) and not user.is_superuser:
        panels.append(
            TaskPanel(
                name="forum-convener",
                heading=_("Your forums: meetings, notices and decisions"),
                rows=lambda: convener_rows(user),
                order=13,
                empty=_("No meeting is coming and every decision is recorded."),
                more_url=reverse(f"{MEETINGS}:list"),
            )
        )

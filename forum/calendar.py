"""The public calendar of forum meetings (iCalendar), to subscribe to in any calendar program.

``/forums/calendar.ics`` (every forum) and ``/forums/<id>/calendar.ics`` (one forum), in the
page's language (``/en/forums/calendar.ics`` in English). Events keep the UID of the meeting
notices (``forum-meeting-<id>@host``), so a subscribed calendar and an accepted invitation agree.
No personal data: title, time, place, online link, agenda.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from core.i18n import current_language
from core.links import absolute_url, site_host

from .models import Forum, Meeting
from .services import DEFAULT_DURATION, _text

# Meetings older than this are left out of the feed (a calendar only needs the recent past).
PAST_DAYS = 400


def meetings_calendar(meetings, *, language: str, name: str) -> bytes:
    """An iCalendar (METHOD:PUBLISH) of ``meetings`` (agenda items prefetched)."""
    calendar = Calendar()
    calendar.add("prodid", "-//OGP Taiwan//Forum meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Taipei")
    host = site_host()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"forum-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.updated_at or timezone.now())
        event.add("last-modified", meeting.updated_at or timezone.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
        event.add("summary", _text(meeting, "title", language))
        place = _text(meeting, "place", language)
        location = ", ".join(part for part in (place, meeting.online_url) if part)
        if location:
            event.add("location", location)
        agenda = "\n".join(f"{item.position}. {_text(item, 'title', language)}" for item in meeting.agenda_items.all())
        event.add("description", agenda)
        event.add("url", absolute_url(meeting.get_absolute_url(), language=language))
        calendar.add_component(event)
    return calendar.to_ical()


def _response(meetings, name: str, filename: str) -> HttpResponse:
    language = current_language()
    since = timezone.now() - dt.timedelta(days=PAST_DAYS)
    meetings = meetings.filter(starts_at__gte=since).prefetch_related("agenda_items").order_by("starts_at", "pk")
    body = meetings_calendar(meetings, language=language, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_all(request):
    """Every forum's meetings."""
    from django.utils.translation import gettext as _

    return _response(Meeting.objects.all(), str(_("OGP Taiwan forum meetings")), "forum-meetings.ics")


@require_GET
def calendar_forum(request, forum: int):
    """One forum's meetings."""

    if forum > 2**31 - 1:
        raise Http404
    item = get_object_or_404(Forum.objects.select_related("commitment"), pk=forum)
    return _response(item.meetings.all(), str(item), f"forum-{item.pk}-meetings.ics")

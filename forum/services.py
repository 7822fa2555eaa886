"""Writes of the forum app that touch several models, and the meeting notice (F-9)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText
from wagtail.log_actions import log

from core import spreadsheet
from core.dates import format_datetime
from core.email import email_enqueue
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, value_in
from core.links import absolute_url, site_host

from . import rules
from .models import Decision, Meeting, Member, Notice, NoticeSettings

DEFAULT_DURATION = dt.timedelta(hours=2)


@dataclass(frozen=True)
class Recipient:
    """Someone a notice goes to, in the language of their email."""

    email: str
    language: str
    member: Member | None = None


def notice_recipients(meeting: Meeting) -> list[Recipient]:
    """Every current member with an email, in their language (else Chinese), then the two
    fixed copy recipients of F-9 (in Chinese). One address appears once."""
    result: list[Recipient] = []
    seen: set[str] = set()
    members = meeting.forum.members.current().exclude(email="").order_by("sector", "category", "pk")
    for member in members:
        key = member.email.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        language = member.preferred_language if member.preferred_language in LANGUAGE_CODES else DEFAULT_LANGUAGE
        result.append(Recipient(email=member.email.strip(), language=language, member=member))
    for email in NoticeSettings.load().copy_recipients():
        if email and email.strip().lower() not in seen:
            seen.add(email.strip().lower())
            result.append(Recipient(email=email.strip(), language=DEFAULT_LANGUAGE))
    return result


def meeting_changed_since_notice(meeting: Meeting) -> bool:
    """Whether the meeting changed since its last notice (so it should be re-noticed)."""
    last = meeting.notices.order_by("-sequence").first()
    return last is not None and last.fingerprint != meeting.notice_fingerprint()


def _text(obj, field: str, language: str) -> str:
    return value_in(obj, field, language) or value_in(obj, field, DEFAULT_LANGUAGE) or ""


def _public_url(path: str, language: str | None = None) -> str:
    return absolute_url(path, language=language)


def meeting_ics(meeting: Meeting, *, sequence: int, language: str, attendee: str | None = None) -> bytes:
    """The meeting as an iCalendar invitation (METHOD:REQUEST); ``sequence`` counts re-notices."""
    calendar = Calendar()
    calendar.add("prodid", "-//OGP Taiwan//Forum meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    host = site_host()
    event.add("uid", f"forum-meeting-{meeting.pk}@{host}")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
    event.add("summary", _text(meeting, "title", language))
    place = _text(meeting, "place", language)
    location = ", ".join(part for part in (place, meeting.online_url) if part)
    if location:
        event.add("location", location)
    if meeting.online_url:
        event.add("url", meeting.online_url)
    agenda = "\n".join(f"{item.position}. {_text(item, 'title', language)}" for item in meeting.agenda_items.all())
    event.add("description", agenda)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText("OGP Taiwan")
    event.add("organizer", organizer)
    if attendee:
        person = vCalAddress(f"mailto:{attendee}")
        person.params["role"] = vText("REQ-PARTICIPANT")
        person.params["rsvp"] = vText("TRUE")
        event.add("attendee", person, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()


def _snapshot(meeting: Meeting) -> dict:
    return {
        "title": {lang: value_in(meeting, "title", lang) for lang in LANGUAGE_CODES},
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat() if meeting.ends_at else None,
        "place": {lang: value_in(meeting, "place", lang) for lang in LANGUAGE_CODES},
        "online_url": meeting.online_url,
        "agenda": [
            {lang: value_in(item, "title", lang) for lang in LANGUAGE_CODES} for item in meeting.agenda_items.all()
        ],
    }


@transaction.atomic
def meeting_send_notice(*, meeting: Meeting, user=None) -> Notice:
    """Email the meeting notice with its .ics invitation to every member with an email and to the
    two fixed copy recipients of F-9, each in their language; log it (when, to whom, which version).

    Sending again after a change is a re-notice: the subject says the meeting changed and the
    invitation's SEQUENCE grows so calendars update the event.
    """
    meeting = Meeting.objects.select_related("forum__commitment").get(pk=meeting.pk)
    previous = meeting.notices.order_by("-sequence").first()
    sequence = previous.sequence + 1 if previous else 1
    recipients = notice_recipients(meeting)
    emails = []
    for recipient in recipients:
        with translation.override(recipient.language):
            context = {
                "meeting": meeting,
                "title": _text(meeting, "title", recipient.language),
                "place": _text(meeting, "place", recipient.language),
                "when": format_datetime(meeting.starts_at, recipient.language),
                "until": format_datetime(meeting.ends_at, recipient.language) if meeting.ends_at else "",
                "agenda": [_text(item, "title", recipient.language) for item in meeting.agenda_items.all()],
                "commitment": _text(meeting.forum.commitment, "title", recipient.language),
                "number": meeting.forum.commitment.number,
                "changed": previous is not None,
                "member": recipient.member,
                "url": _public_url(meeting.get_absolute_url(), recipient.language),
            }
            subject_format = _("Changed meeting: %(title)s") if previous else _("Meeting notice: %(title)s")
            subject = subject_format % {"title": context["title"]}
            body = render_to_string("forum/email/notice.txt", context)
        invitation = meeting_ics(meeting, sequence=sequence - 1, language=recipient.language, attendee=recipient.email)
        emails.append(
            {
                "to": [recipient.email],
                "subject": subject,
                "body": body,
                "attachments": [
                    ("invitation.ics", invitation.decode(), "text/calendar; method=REQUEST; charset=UTF-8")
                ],
            }
        )
    notice = Notice.objects.create(
        meeting=meeting,
        sequence=sequence,
        sent_by=user if user is not None and user.is_authenticated else None,
        recipients=[r.email for r in recipients],
        fingerprint=meeting.notice_fingerprint(),
        snapshot=_snapshot(meeting),
    )
    log(meeting, "forum.notice_sent", user=user, data={"sequence": sequence, "recipients": len(recipients)})
    for email in emails:  # sent by the worker once this transaction commits
        email_enqueue(**email)
    return notice


ALLOWANCE_HEADER = (
    "meeting", "date", "name", "organisation", "category", "attendance_fee", "travel_costs", "paid_by"
)  # fmt: skip


def allowance_rows(meeting: Meeting) -> list[dict]:
    """Non-government members present at the meeting with their fee and travel eligibility (F-2.4)."""
    prefetch_related_objects([meeting], "attendances__member")
    attendances = sorted(meeting.members_present(), key=lambda a: a.member_id)
    return [
        {
            "member": a.member,
            "attendance_fee": a.attendance_fee,
            "travel_costs": a.travel_costs,
        }
        for a in attendances
        if rules.allowance_eligible(a.member.sector)
    ]


def allowance_csv(meeting: Meeting, language: str = DEFAULT_LANGUAGE) -> str:
    """The per-meeting allowance list as CSV (UTF-8 with BOM so spreadsheets read the Chinese).

    Each row names the budget that pays it: the forum's lead agency (F-8)."""
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer)
    with translation.override(language):
        writer.writerow(
            [_("Meeting"), _("Date"), _("Name"), _("Organisation"), _("Category"), _("Attendance fee"),
             _("Travel costs"), _("Paid from the budget of")]
        )  # fmt: skip
        date = format_datetime(meeting.starts_at, language, "table")
        payer = _text(meeting.forum.lead_agency, "name", language)
        for row in allowance_rows(meeting):
            member = row["member"]
            writer.writerow(
                [
                    _text(meeting, "title", language),
                    date,
                    _text(member, "name", language),
                    _text(member, "organisation", language),
                    member.category,
                    _("yes") if row["attendance_fee"] else _("no"),
                    _("yes") if row["travel_costs"] else _("no"),
                    payer,
                ]
            )
    return buffer.getvalue()


@transaction.atomic
def decision_record(*, decision: Decision, user) -> Decision:
    """Record how an agenda item was decided (F-3.1), new or corrected.

    Checks the counts (``rules.tally_problems``, against the members recorded present), computes
    the outcome (``rules.decide``: never typed), saves, and writes the audit entry
    ``forum.decision.record``. Raises ``ValidationError`` (nothing saved) on impossible counts.
    """
    decision.clean()
    decision.outcome = rules.decide(
        decision.present, decision.consensus, decision.agreed_to_vote or 0, decision.in_favour or 0
    )
    created = decision.pk is None
    decision.save()
    counts = {
        name: getattr(decision, name) for name in ("present", "agreed_to_vote", "in_favour", "against", "abstain")
    }
    log(
        decision,
        "forum.decision.record",
        user=user,
        data={"created": created, "consensus": decision.consensus, "outcome": decision.outcome, **counts},
    )
    return decision

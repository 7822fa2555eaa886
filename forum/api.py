"""Open-data API of the forum app (conventions in core/api.py): forums, rosters, meetings, decisions.

Members are listed once a forum's roster is published (F-2.1); contact data never (K-4).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router

from core.api import Id, OutSchema, Serialized, Translated, paginated, responses
from core.api_filters import AgencyCode, ChangedSince, DateFrom, DateTo, aware, day_after, day_start
from core.i18n import translations

from .api_rows import forum_rows, forums_out
from .models import Meeting
from .public import counted, forums_with_details, meeting_prefetches

router = Router(tags=["forum"])


class AgencyOut(OutSchema):
    code: str
    name: Translated


class MemberOut(OutSchema):
    name: Translated
    organisation: Translated
    sector: str
    category: int
    role: str


class BalanceOut(OutSchema):
    government: int
    non_government: int


class DecisionOut(OutSchema):
    item: Translated
    outcome: str
    present: int
    agreed_to_vote: int
    in_favour: int
    against: int
    abstain: int


class AgendaItemOut(OutSchema):
    position: int
    title: Translated
    description: Translated
    decision: DecisionOut | None
    resolution: Translated | None


class MeetingOut(OutSchema):
    id: int
    title: Translated
    starts_at: str
    ends_at: str | None
    place: Translated
    online_url: str | None
    present: int
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]
    url: Translated


class MeetingListOut(MeetingOut):
    forum: int
    commitment: int
    lead_agency: str
    updated_at: str


class ForumOut(OutSchema):
    id: int
    commitment: int
    lead_agency: AgencyOut
    members: list[MemberOut]
    balance: BalanceOut
    meetings: list[MeetingOut]


def decision_out(item) -> dict:
    decision = item.decision
    return {
        "item": translations(item, "title"),
        "outcome": decision.outcome,
        "present": decision.present,
        "agreed_to_vote": decision.agreed_to_vote,
        "in_favour": decision.in_favour,
        "against": decision.against,
        "abstain": decision.abstain,
    }


def _decision_of(item):
    try:
        return item.decision
    except Exception:  # RelatedObjectDoesNotExist: no decision recorded yet
        return None


def agenda_item_out(item) -> dict:
    decision = _decision_of(item)
    return {
        "position": item.position,
        "title": translations(item, "title"),
        "description": translations(item, "description"),
        "decision": decision_out(item) if decision is not None else None,
        "resolution": translations(decision, "resolution") if decision is not None else None,
    }


def meeting_out(meeting) -> dict:
    """A meeting with its title, time, place, agenda and decisions (agenda prefetched)."""
    from core.i18n import urls_by_language

    items = list(meeting.agenda_items.all())
    return {
        "id": meeting.pk,
        "title": translations(meeting, "title"),
        "starts_at": timezone.localtime(meeting.starts_at).isoformat(),
        "ends_at": timezone.localtime(meeting.ends_at).isoformat() if meeting.ends_at else None,
        "place": translations(meeting, "place"),
        "online_url": meeting.online_url or None,
        "present": meeting.counted_attendance(),
        "agenda": [agenda_item_out(i) for i in items],
        "decisions": [decision_out(i) for i in items if _decision_of(i) is not None],
        "url": urls_by_language(meeting),
    }


def meeting_list_out(meeting) -> dict:
    return {
        **meeting_out(meeting),
        "forum": meeting.forum_id,
        "commitment": meeting.forum.commitment.number,
        "lead_agency": meeting.forum.commitment.lead_agency.code,
        "updated_at": timezone.localtime(meeting.updated_at).isoformat(),
    }


def forum_out(forum) -> dict:
    members = list(forum.members.all())
    public = forum.roster_is_public(members)
    current = [m for m in members if m.left_on is None] if public else []
    balance = forum.roster_balance(current)
    return {
        "id": forum.pk,
        "commitment": forum.commitment.number,
        "lead_agency": {
            "code": forum.commitment.lead_agency.code,
            "name": translations(forum.commitment.lead_agency, "name"),
        },
        "members": [
            {
                "name": translations(m, "name"),
                "organisation": translations(m, "organisation"),
                "sector": m.sector,
                "category": m.category,
                "role": m.role,
            }
            for m in current
        ],
        "balance": {"government": balance.government, "non_government": balance.non_government},
        "meetings": [meeting_out(meeting) for meeting in forum.meetings.all()],
    }


@router.get("/", response=responses(list[ForumOut]), summary="Forums")
@paginated
def list_forums(request, agency: AgencyCode = None, changed_since: ChangedSince = None):
    """Every forum with its published roster, balance, meetings (title, place, agenda, decisions).

    Filters: ``agency`` (the lead agency's code), ``changed_since`` (a meeting changed since)."""
    forums = forum_rows()
    if agency:
        forums = forums.filter(commitment__lead_agency__code=agency)
    if changed_since:
        forums = forums.filter(meetings__updated_at__gte=aware(changed_since)).distinct()
    return Serialized(forums.order_by("commitment__plan", "commitment__number"), forums_out, cached=True, many=True)


@router.get("/meetings/", response=responses(list[MeetingListOut]), summary="Meetings of every forum")
@paginated
def list_meetings(
    request,
    agency: AgencyCode = None,
    forum: int | None = Query(None, ge=1, le=2**31 - 1, description="A forum's id."),
    date_from: DateFrom = None,
    date_to: DateTo = None,
    changed_since: ChangedSince = None,
):
    """Meetings, soonest first, with title, place, agenda and decisions.

    Filters: ``agency`` (lead agency code), ``forum``, ``date_from`` / ``date_to`` (the meeting's
    day), ``changed_since`` (the meeting was created or changed since)."""
    meetings = counted(Meeting.objects.select_related("forum__commitment__lead_agency")).prefetch_related(
        *meeting_prefetches(attendees=False)
    )
    if agency:
        meetings = meetings.filter(forum__commitment__lead_agency__code=agency)
    if forum:
        meetings = meetings.filter(forum_id=forum)
    if date_from:
        meetings = meetings.filter(starts_at__gte=day_start(date_from))
    if date_to:
        meetings = meetings.filter(starts_at__lt=day_after(date_to))
    if changed_since:
        meetings = meetings.filter(updated_at__gte=aware(changed_since))
    return Serialized(meetings.order_by("starts_at", "pk"), meeting_list_out, cached=True)


@router.get("/{forum_id}/", response=responses(ForumOut, not_found=True), summary="One forum")
def get_forum(request, forum_id: Id):
    """A forum by its id."""
    return forum_out(get_object_or_404(forums_with_details(attendees=False), pk=forum_id))

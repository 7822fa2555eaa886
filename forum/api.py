"""Open-data API of the forum app (conventions in core/api.py): forums, rosters, meetings, decisions.

Members are listed once a forum's roster is published (F-2.1); contact data never (K-4).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from core.api import Id, Serialized, Translated, paginated, responses
from core.i18n import translations

from .public import forums_with_details

router = Router(tags=["forum"])


class AgencyOut(Schema):
    code: str
    name: Translated


class MemberOut(Schema):
    name: Translated
    organisation: Translated
    sector: str
    category: int
    role: str


class BalanceOut(Schema):
    government: int
    non_government: int


class DecisionOut(Schema):
    item: Translated
    outcome: str
    present: int
    agreed_to_vote: int
    in_favour: int
    against: int
    abstain: int


class MeetingOut(Schema):
    id: int
    starts_at: str
    present: int
    decisions: list[DecisionOut]


class ForumOut(Schema):
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
        "meetings": [
            {
                "id": meeting.pk,
                "starts_at": timezone.localtime(meeting.starts_at).isoformat(),
                "present": meeting.counted_attendance(),
                "decisions": [decision_out(i) for i in meeting.agenda_items.all() if hasattr(i, "decision")],
            }
            for meeting in forum.meetings.all()
        ],
    }


@router.get("/", response=responses(list[ForumOut]), summary="Forums")
@paginated
def list_forums(request):
    """Every forum with its published roster, balance, meetings and decisions."""
    return Serialized(forums_with_details().order_by("commitment__plan", "commitment__number"), forum_out)


@router.get("/{forum_id}/", response=responses(ForumOut, not_found=True), summary="One forum")
def get_forum(request, forum_id: Id):
    """A forum by its id."""
    return forum_out(get_object_or_404(forums_with_details(), pk=forum_id))

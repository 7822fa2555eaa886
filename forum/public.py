"""Queries and helpers behind the forum's public pages and API (a fixed number of queries each).

The minutes app may reuse ``attendance_by_sector(meeting)`` to show who attended a meeting by
sector with the balance of those present (F-2.1); prefetch with ``meeting_prefetches()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from commitments.models import ActionPlan

from . import rules
from .models import COUNTED_ATTENDANCE, COUNTED_ATTENDANCE_NAME, AgendaItem, Attendance, Forum, Meeting, Member
from .rules import Category, Sector


def meeting_prefetches(prefix: str = "", *, attendees: bool = True) -> list:
    """Prefetches for meetings with their agenda, decisions and attendance (2 queries).

    ``attendees=False``: the agenda only (1 query); the meetings are read ``counted()``, with the
    number of members present (``Meeting.counted_attendance``) counted in SQL, without reading
    each attendance: the API's lists count, the pages name."""
    agenda = Prefetch(
        f"{prefix}agenda_items", queryset=AgendaItem.objects.select_related("decision").order_by("position", "pk")
    )
    if not attendees:
        return [agenda]
    attendances = Attendance.objects.select_related("member").order_by("member__sector", "member__category", "pk")
    return [agenda, Prefetch(f"{prefix}attendances", queryset=attendances)]


def counted(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """``meetings`` with the number of members present of each (``COUNTED_ATTENDANCE``)."""
    return meetings.annotate(**{COUNTED_ATTENDANCE_NAME: COUNTED_ATTENDANCE})


def forums_with_details(*, attendees: bool = True, counts: bool = True) -> QuerySet[Forum]:
    """Forums with commitment, members, meetings, agenda, decisions and attendance prefetched
    (``attendees=False``: the number of members present instead, see ``meeting_prefetches``, or
    nothing of the attendance with ``counts=False`` too)."""
    meetings = Meeting.objects.all() if attendees or not counts else counted(Meeting.objects.all())
    return Forum.objects.select_related(
        "commitment__plan", "commitment__theme", "commitment__lead_agency"
    ).prefetch_related(
        Prefetch("members", queryset=Member.objects.order_by("sector", "category", "pk")),
        Prefetch("meetings", queryset=meetings.order_by("starts_at", "pk")),
        *meeting_prefetches("meetings__", attendees=attendees),
    )


@dataclass
class SectorGroup:
    """Members of one sector, by category (F-2.3)."""

    sector: Sector
    categories: list[tuple[Category, list[Member]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(members) for _category, members in self.categories)


def roster_by_sector(members: list[Member]) -> list[SectorGroup]:
    """Current members grouped by sector then category (F-2.1, F-2.3), no query."""
    groups = []
    for sector in Sector:
        group = SectorGroup(sector=sector)
        for category in Category:
            chosen = [m for m in members if m.left_on is None and m.sector == sector and m.category == category]
            if chosen:
                group.categories.append((category, chosen))
        groups.append(group)
    return groups


@dataclass
class AttendanceBySector:
    """Who was present at a meeting: members by sector, observers apart, and the balance (F-2.1)."""

    government: list[Attendance]
    non_government: list[Attendance]
    observers: list[Attendance]
    balance: rules.Balance

    @property
    def present(self) -> int:
        """Members who count toward decisions (observers never do, F-3.1)."""
        return self.balance.total


def attendance_by_sector(meeting: Meeting) -> AttendanceBySector:
    """A meeting's attendance by sector; no query when attendances__member are prefetched."""
    attendances = list(meeting.attendances.all())
    members = meeting.members_present()
    return AttendanceBySector(
        government=[a for a in members if a.member.sector == Sector.GOVERNMENT],
        non_government=[a for a in members if a.member.sector == Sector.NON_GOVERNMENT],
        observers=[a for a in attendances if a.member_id is None],
        balance=rules.balance([a.member.sector for a in members]),
    )


@dataclass(frozen=True)
class Presence:
    """How many members were present at a meeting and their balance (F-2.1), without names."""

    balance: rules.Balance

    @property
    def present(self) -> int:
        """Members who count toward decisions (observers never do, F-3.1)."""
        return self.balance.total


def presence_by_meeting(meetings: list[Meeting]) -> dict[int, Presence]:
    """``Presence`` of each of ``meetings`` by id, from one query of three columns (a page that
    shows the balance of those present, not who they were: no attendance or member objects)."""
    rows = Attendance.objects.filter(meeting__in=[m.pk for m in meetings]).order_by()
    present: dict[int, list[str]] = {m.pk: [] for m in meetings}
    for row in rules.members_present(rows.values_list("meeting_id", "member_id", "member__sector", named=True)):
        present[row.meeting_id].append(row.member__sector)
    return {pk: Presence(rules.balance(sectors)) for pk, sectors in present.items()}


def forums_by_theme(plan: ActionPlan) -> list[tuple]:
    """The plan's forums grouped by theme, with current members prefetched: two queries."""
    forums = list(
        Forum.objects.filter(commitment__plan=plan)
        .select_related("commitment__theme", "commitment__lead_agency")
        .prefetch_related(Prefetch("members", queryset=Member.objects.current().order_by("pk")))
        .order_by("commitment__theme__number", "commitment__number")
    )
    grouped: dict[int, tuple] = {}
    for forum in forums:
        theme = forum.commitment.theme
        grouped.setdefault(theme.pk, (theme, []))[1].append(forum)
    return list(grouped.values())

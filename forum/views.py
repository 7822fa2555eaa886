"""Public pages of the forum app: forums by theme, a forum, a meeting (both languages)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from commitments.models import ActionPlan
from core.cache import render_cached

from . import permissions
from .models import Meeting
from .public import (
    attendance_by_sector,
    forums_by_theme,
    forums_with_details,
    meeting_prefetches,
    presence_by_meeting,
    roster_by_sector,
)


def index(request):
    """The current plan's forums, by theme."""

    def build() -> dict:
        plan = ActionPlan.objects.current()
        themes = forums_by_theme(plan) if plan else []
        rows = [
            (theme, [(forum, forum.roster_balance(list(forum.members.all()))) for forum in forums])
            for theme, forums in themes
        ]
        return {"plan": plan, "themes": rows}

    return render_cached(request, "forum/index.html", ("forum-index",), build)


def forum_detail(request, forum: int):
    """A forum: roster by sector and category with the balance meter, meetings and decisions
    (the page body is a cached fragment: core.cache.render_cached)."""

    def build() -> dict:
        obj = get_object_or_404(forums_with_details(attendees=False, counts=False), pk=forum)
        members = list(obj.members.all())
        public_roster = permissions.roster_is_public(obj, members)
        presence = presence_by_meeting(list(obj.meetings.all()))
        meetings = [(m, presence[m.pk]) for m in obj.meetings.all()]
        return {
            "forum": obj,
            "commitment": obj.commitment,
            "public_roster": public_roster,
            "groups": roster_by_sector(members) if public_roster else [],
            "former": [m for m in members if m.left_on is not None] if public_roster else [],
            "balance": obj.roster_balance(members),
            "meetings": meetings,
        }

    return render_cached(request, "forum/forum_detail.html", ("forum-detail", forum), build)


def meeting_detail(request, forum: int, meeting: int):
    """A meeting: time, place, agenda with decisions, and the balance of those present (the page
    body is a cached fragment: core.cache.render_cached)."""

    def build() -> dict:
        chosen = get_object_or_404(
            Meeting.objects.select_related(
                "forum__commitment__plan", "forum__commitment__lead_agency"
            ).prefetch_related(*meeting_prefetches()),
            pk=meeting,
            forum_id=forum,
        )
        obj = chosen.forum
        return {
            "forum": obj,
            "commitment": obj.commitment,
            "meeting": chosen,
            "attendance": attendance_by_sector(chosen),
            # Names of those present only once the forum's roster is public (F-2.1); counts always.
            "public_roster": permissions.roster_is_public(obj),
        }

    return render_cached(request, "forum/meeting_detail.html", ("meeting-detail", forum, meeting), build)

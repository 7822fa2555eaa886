"""The forums list of the API read as rows (forum/api_rows.py) gives exactly what ``forum_out``
gives for the same forums read as model instances, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from forum.api import forum_out
from forum.api_rows import forum_rows, forums_out
from forum.models import Attendance, Meeting
from forum.public import forums_with_details
from forum.rules import Sector
from tests.factories import DecisionFactory

from .conftest import TAIPEI

pytestmark = pytest.mark.django_db


def _both() -> tuple[list[dict], list[dict]]:
    """The forums as ``forum_out`` and as ``forums_out`` give them, in the list's order."""
    order = ("commitment__plan", "commitment__number")
    instances = [forum_out(f) for f in forums_with_details(attendees=False).order_by(*order)]
    return instances, forums_out(list(forum_rows().order_by(*order)))


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_rows_give_the_same_forums_as_instances(forum, other_forum, balanced, make_member, make_meeting, language):
    forum.roster_published = True
    forum.save()
    make_member(forum, Sector.GOVERNMENT, left_on=dt.date(2020, 6, 1))  # left: never listed
    other_forum.roster_published = True  # unequal, reason in English only: public in English
    other_forum.imbalance_reason_en = "A seat is vacant"
    other_forum.save()
    make_member(other_forum, Sector.GOVERNMENT, name_en="", organisation_en="  ")
    decided = make_meeting(
        forum, items=2, ends_at=dt.datetime(2020, 3, 1, 16, tzinfo=TAIPEI), online_url="https://x.tw"
    )
    for member in balanced[:4]:
        Attendance.objects.create(meeting=decided, member=member)
    Attendance.objects.create(meeting=decided, observer_name="觀察員")
    DecisionFactory(
        agenda_item=decided.agenda_items.first(), consensus=False, present=4, agreed_to_vote=3, in_favour=2,
        resolution_zh_hant="通過", resolution_en="",
    )  # fmt: skip
    pending = make_meeting(forum, items=0)
    Meeting.objects.filter(pk=pending.pk).update(place_en="")  # English place pending: null
    make_meeting(other_forum, items=1)
    with translation.override(language):
        instances, rows = _both()
    assert rows == instances
    assert [len(f["members"]) for f in rows] == ([1, 6] if language == "en" else [0, 6])
    assert any(item["decision"] for f in rows for m in f["meetings"] for item in m["agenda"])


def test_rows_of_forums_without_meetings_or_members(forum, other_forum):
    instances, rows = _both()
    assert rows == instances and [f["meetings"] for f in rows] == [[], []]

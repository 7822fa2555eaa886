"""Fixtures of the minutes tests: a forum with members and a 2020 meeting, users by role."""

from __future__ import annotations

import datetime as dt

import pytest

from forum.models import AgendaItem, Attendance, Forum, Meeting, Member
from forum.rules import Category, Role, Sector
from minutes import demo
from minutes.models import Minutes, MinutesSection
from minutes.services import workflows_setup
from tests.factories import DecisionFactory


@pytest.fixture(autouse=True)
def _media_and_pdfs(settings, tmp_path):
    """PDFs go to a temporary folder; automatic PDF builds only where a test turns them on."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MINUTES_BUILD_PDFS = False


@pytest.fixture
def workflow(db):
    return workflows_setup()


@pytest.fixture
def forum(db):
    return demo.ensure_forum({})


@pytest.fixture
def meeting(forum):
    return demo.ensure_meeting(forum, demo.MEETINGS[0])


@pytest.fixture
def second_meeting(forum):
    return demo.ensure_meeting(forum, demo.MEETINGS[1])


@pytest.fixture
def users(users, forum):
    """The shared accounts (tests/conftest.py); the convener and the staff member without a
    role staff ``forum``, the other convener staffs none."""
    forum.staff.add(users["convener"], users["staff_without_role"])
    return users


def make_minutes(meeting: Meeting, *, english: bool = True, publish: bool = True, user=None) -> Minutes:
    minutes = Minutes(
        meeting=meeting,
        closing_remarks_zh_hant="<p>感謝各位委員出席。</p>",
        closing_remarks_en="<p>Thanks to all members.</p>" if english else "",
        live=False,
    )
    minutes.sections = [
        MinutesSection(
            agenda_item=item,
            discussion_zh_hant="<p>與會者討論推動公民參與機制。</p>",
            discussion_en="<p>Members discussed civic participation.</p>" if english else "",
        )
        for item in meeting.agenda_items.all()
    ]
    minutes.save()
    revision = minutes.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        minutes.refresh_from_db()
    return minutes


@pytest.fixture
def published(meeting):
    return make_minutes(meeting)


def other_forum_meeting(number: int = 5) -> Meeting:
    """A meeting of another forum (commitment ``number``) with one member present and one item."""
    from commitments.models import Commitment

    forum, _ = Forum.objects.get_or_create(commitment=Commitment.objects.get(number=number))
    member = Member.objects.create(
        forum=forum, name_zh_hant="張三", organisation_zh_hant="某機關", sector=Sector.GOVERNMENT,
        category=Category.AGENCIES, role=Role.CONVENER, joined_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    meeting = Meeting.objects.create(
        forum=forum, title_zh_hant=f"承諾{number}論壇會議", starts_at=dt.datetime(2021, 5, 1, 2, 0, tzinfo=dt.UTC)
    )
    Attendance.objects.create(meeting=meeting, member=member)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title_zh_hant="議題")
    DecisionFactory(agenda_item=item, present=1, consensus=True)
    return meeting

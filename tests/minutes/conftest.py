"""Fixtures of the minutes tests: a forum with members and a 2020 meeting, users by role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import CONVENER, MODERATOR, NDC_EDITOR, ROLE_GROUPS
from forum.models import AgendaItem, Attendance, Decision, Forum, Meeting, Member
from forum.rules import Category, Role, Sector
from minutes import demo
from minutes.models import Minutes, MinutesSection
from minutes.services import workflows_setup


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


def make_user(email: str, role: str | None = None, forum: Forum | None = None):
    user = get_user_model().objects.create_user(username=email, email=email, password="pw-test-12345")
    if role:
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    if forum is not None:
        forum.staff.add(user)
    return user


@pytest.fixture
def users(forum):
    """One user per role; ``convener`` staffs the forum, ``other_convener`` staffs none."""
    return {
        "ndc_editor": make_user("ndc@test.tw", NDC_EDITOR),
        "convener": make_user("convener@test.tw", CONVENER, forum),
        "other_convener": make_user("other@test.tw", CONVENER),
        "staff_without_role": make_user("norole@test.tw", None, forum),
        "moderator": make_user("moderator@test.tw", MODERATOR),
        "citizen": make_user("citizen@test.tw"),
    }


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
    Decision.objects.create(agenda_item=item, present=1, consensus=True)
    return meeting

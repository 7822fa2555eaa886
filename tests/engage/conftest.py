"""Fixtures of the engagement tests: one account per staff role scoped to data, and a small world
(a consultation awaiting its response, a reported comment, a forum with meetings, a submitted table)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from commitments.models import Agency, AgencyStaff, Commitment
from tests.factories import CitizenFactory


def admin_language(user, language: str) -> None:
    """The Wagtail admin's language for ``user``."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def commitment4(plan):
    return Commitment.objects.get(plan=plan, number=4)


@pytest.fixture
def staff(demo_accounts):
    """Demo staff; the officer works for the Ministry of Education (lead of commitment 4)."""
    AgencyStaff.objects.update_or_create(
        user=demo_accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    return demo_accounts


@pytest.fixture
def citizen(db):
    return CitizenFactory(email="citizen@example.org", nickname="青鳥")


@pytest.fixture
def citizen2(db):
    return CitizenFactory(email="reader@example.org", nickname="讀者", preferred_language="en")


@pytest.fixture
def make_consultation(commitment4, today):
    from consultations.models import Consultation

    def make(opens: int = -5, closes: int = 20, commitment=None, **extra):
        item = Consultation(
            commitment=commitment or commitment4,
            title_zh_hant=extra.pop("title_zh_hant", "草案徵詢"),
            title_en=extra.pop("title_en", "Draft consultation"),
            description_zh_hant=extra.pop("description_zh_hant", "請提供意見。"),
            description_en="Please comment.",
            opens_on=today + dt.timedelta(days=opens),
            closes_on=today + dt.timedelta(days=closes),
            **extra,
        )
        item.save()
        return item

    return make


@pytest.fixture
def open_consultation(make_consultation):
    return make_consultation()


@pytest.fixture
def post():
    from consultations import services

    def do(consultation, author, text="意見", **kwargs):
        return services.comment_post(consultation=consultation, author=author, text=text, token=uuid.uuid4(), **kwargs)[
            0
        ]

    return do


@pytest.fixture
def forum_world(staff, commitment4):
    """A forum on commitment 4 staffed by the convener: a meeting next week without notice, a meeting
    held last week with an undecided agenda item and no minutes."""
    from forum.models import AgendaItem, Forum, Meeting

    forum = Forum.objects.create(commitment=commitment4)
    forum.staff.add(staff["convener"])
    now = timezone.now()
    upcoming = Meeting.objects.create(
        forum=forum, title_zh_hant="第三次會議", title_en="Third meeting", starts_at=now + dt.timedelta(days=5)
    )
    AgendaItem.objects.create(meeting=upcoming, position=1, title_zh_hant="議程一", title_en="Item one")
    held = Meeting.objects.create(
        forum=forum, title_zh_hant="第二次會議", title_en="Second meeting", starts_at=now - dt.timedelta(days=7)
    )
    AgendaItem.objects.create(meeting=held, position=1, title_zh_hant="開放資料議題", title_en="Open data item")
    return {"forum": forum, "upcoming": upcoming, "held": held}

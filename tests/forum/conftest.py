"""Fixtures of the forum tests: forums, members, meetings, and one account per role."""

from __future__ import annotations

import datetime as dt
from itertools import count
from zoneinfo import ZoneInfo

import pytest

TAIPEI = ZoneInfo("Asia/Taipei")
_seq = count(1)


@pytest.fixture
def make_forum(plan):
    from commitments.models import Commitment
    from forum.models import Forum

    def make(number: int = 4, **kwargs):
        commitment = Commitment.objects.get(plan=plan, number=number)
        return Forum.objects.create(commitment=commitment, **kwargs)

    return make


@pytest.fixture
def forum(make_forum):
    return make_forum(4)


@pytest.fixture
def other_forum(make_forum):
    return make_forum(1)


@pytest.fixture
def make_member():
    from forum.models import Member
    from forum.rules import Category, Role, Sector

    def make(forum, sector=Sector.GOVERNMENT, role=Role.MEMBER, **kwargs):
        n = next(_seq)
        defaults = {
            "name_zh_hant": f"成員{n}",
            "name_en": f"Member {n}",
            "organisation_zh_hant": f"機關{n}",
            "organisation_en": f"Organisation {n}",
            "category": Category.AGENCIES if sector == Sector.GOVERNMENT else Category.CIVIL_SOCIETY,
            "joined_on": dt.date(2019, 12, 1),
        }
        defaults.update(kwargs)
        return Member.objects.create(forum=forum, sector=sector, role=role, **defaults)

    return make


@pytest.fixture
def make_meeting():
    from forum.models import AgendaItem, Meeting

    def make(forum, items: int = 1, starts_at=None, **kwargs):
        n = next(_seq)
        meeting = Meeting.objects.create(
            forum=forum,
            title_zh_hant=f"第{n}次會議",
            title_en=f"Meeting {n}",
            starts_at=starts_at or dt.datetime(2020, 3, 1, 14, 0, tzinfo=TAIPEI),
            place_zh_hant="會議室",
            place_en="Meeting room",
            **kwargs,
        )
        for position in range(1, items + 1):
            AgendaItem.objects.create(
                meeting=meeting, position=position, title_zh_hant=f"議題{position}", title_en=f"Item {position}"
            )
        return meeting

    return make


@pytest.fixture
def balanced(forum, make_member):
    """A balanced roster of 3 + 3 with a convener and a non-government co-convener."""
    from forum.rules import Role, Sector

    members = [make_member(forum, Sector.GOVERNMENT, Role.CONVENER, email="convener@example.org")]
    members += [make_member(forum, Sector.GOVERNMENT, email=f"g{i}@example.org") for i in range(2)]
    members.append(make_member(forum, Sector.NON_GOVERNMENT, Role.CO_CONVENER, email="co@example.org"))
    members += [make_member(forum, Sector.NON_GOVERNMENT) for _ in range(2)]
    return members


@pytest.fixture
def staffed(forum, other_forum, users):
    """The convener and secretariat staff ``forum``; the other convener staffs ``other_forum``."""
    forum.staff.add(users["convener"], users["secretariat"])
    other_forum.staff.add(users["other_convener"])
    return forum

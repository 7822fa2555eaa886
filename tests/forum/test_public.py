"""Public pages and API: both languages, balance meter (F-2.1), decisions explained (F-3.1),
published rosters only, no contact data (K-4), a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import Attendance
from forum.rules import Outcome, Role, Sector
from tests.factories import DecisionFactory

from .conftest import TAIPEI

pytestmark = pytest.mark.django_db


def _fill(forum, make_member, make_meeting, size: int):
    """``size`` members (balanced) and ``size`` meetings, each with attendance and a decision."""
    members = [make_member(forum, Sector.GOVERNMENT, Role.CONVENER, email="boss@example.org", phone="02-1234")]
    for i in range(1, size):
        sector = Sector.NON_GOVERNMENT if i % 2 else Sector.GOVERNMENT
        members.append(make_member(forum, sector, email=f"m{i}@example.org", phone="0912-345-678"))
    for i in range(size):
        meeting = make_meeting(
            forum, items=1, starts_at=dt.datetime(2020, 1, 1, 14, tzinfo=TAIPEI) + dt.timedelta(days=i)
        )
        present = members[:4]
        for member in present:
            Attendance.objects.create(meeting=meeting, member=member)
        Attendance.objects.create(meeting=meeting, observer_name="觀察員")
        DecisionFactory(  # counts within the members recorded present (decision_record checks them)
            agenda_item=meeting.agenda_items.get(), consensus=False, present=len(present),
            agreed_to_vote=len(present), in_favour=len(present) // 2,
        )  # fmt: skip
    forum.roster_published = True
    forum.save()
    return members


def test_rule_F_2_1_forum_page_shows_roster_by_sector_and_balance_meter(client, forum, balanced, make_meeting):
    forum.roster_published = True
    forum.save()
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert 'class="balance balanced"' in html
    assert 'data-government="3" data-non-government="3"' in html
    assert "對等：政府與非政府委員人數相等" in html
    assert "共同召集人" in html and "召集人" in html
    assert "第 1 類" in html and "第 2 類" in html
    assert "example.org" not in html  # rule K-4: no contact data


def test_rule_F_2_1_unequal_roster_hidden_until_reason_recorded(client, forum, balanced, make_member):
    make_member(forum, Sector.GOVERNMENT, name_zh_hant="多出的政府委員")
    forum.roster_published = True
    forum.save()
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert "委員名單尚未公開" in html and "多出的政府委員" not in html
    forum.imbalance_reason_zh_hant = "民間代表一席出缺，三月補實"
    forum.imbalance_reason_en = "One civil-society seat is vacant until March"
    forum.save()
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert "多出的政府委員" in html and 'class="balance unequal"' in html and "三月補實" in html
    html = client.get(f"/en/forums/{forum.pk}/").content.decode()
    assert "Unequal" in html and "One civil-society seat is vacant until March" in html


def test_unpublished_roster_is_not_public(client, forum, balanced):
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert "委員名單尚未公開" in html
    assert balanced[0].name_zh_hant not in html
    data = client.get(f"/api/v1/forums/{forum.pk}/").json()
    assert data["members"] == [] and data["balance"] == {"government": 0, "non_government": 0}


def test_rule_F_3_1_decisions_explained_in_both_languages(client, forum, balanced, make_meeting):
    meeting = make_meeting(forum, items=1)
    for member in balanced:
        Attendance.objects.create(meeting=meeting, member=member)
    DecisionFactory(agenda_item=meeting.agenda_items.get(), consensus=False, present=6, agreed_to_vote=4, in_favour=3)
    zh = client.get(f"/forums/{forum.pk}/").content.decode()
    assert "表決通過" in zh and "出席 6 人中 4 人同意付諸表決（過半數）；出席 6 人中 3 人贊成（達二分之一）：通過" in zh
    en = client.get(f"/en/forums/{forum.pk}/").content.decode()
    assert "Adopted by vote" in en
    assert "4 of 6 present agreed to vote (more than half); 3 of 6 voted in favour (at least half): adopted" in en
    page = client.get(f"/en/forums/{forum.pk}/meetings/{meeting.pk}/").content.decode()
    assert "Balanced" in page and "3 of 6 voted in favour" in page


def test_meeting_page_shows_balance_of_those_present(client, forum, balanced, make_meeting):
    forum.roster_published = True
    forum.save()
    meeting = make_meeting(forum)
    for member in balanced[:4]:  # 3 government + the co-convener
        Attendance.objects.create(meeting=meeting, member=member)
    Attendance.objects.create(meeting=meeting, observer_name="周小安", observer_organisation="公民記者")
    html = client.get(f"/forums/{forum.pk}/meetings/{meeting.pk}/").content.decode()
    assert 'data-government="3" data-non-government="1"' in html and "不對等" in html
    assert "周小安" in html and "列席者（不計入議決人數）" in html
    assert client.get(f"/forums/{forum.pk}/meetings/999999/").status_code == 404


def test_finding_6_meeting_page_names_nobody_while_the_roster_is_unpublished(client, forum, balanced, make_meeting):
    """Issue 10 finding 6: counts and balance are public, names only with the published roster."""
    meeting = make_meeting(forum)
    for member in balanced[:4]:
        Attendance.objects.create(meeting=meeting, member=member)
    Attendance.objects.create(meeting=meeting, observer_name="周小安", observer_organisation="公民記者")
    url = f"/en/forums/{forum.pk}/meetings/{meeting.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-government="3" data-non-government="1"' in html
    assert "non-government members present: 1; observers: 1" in html
    for member in balanced:
        assert member.name_en not in html and member.name_zh_hant not in html
        assert member.organisation_en not in html
    assert "周小安" not in html and "公民記者" not in html
    forum.roster_published = True
    forum.save()
    html = client.get(url).content.decode()
    assert balanced[0].name_en in html and "周小安" in html


def test_forums_index_by_theme_both_languages(client, forum, other_forum, balanced):
    forum.roster_published = True
    forum.save()
    html = client.get("/forums/").content.decode()
    assert "青年政策參與" in html and "主辦機關：教育部" in html.replace(": ", "：")
    assert f"/forums/{forum.pk}/" in html and f"/forums/{other_forum.pk}/" in html
    en = client.get("/en/forums/").content.decode()
    assert "Youth participation in policy" in en and "3 government, 3 non-government members" in en


def _queries(client, url: str) -> int:
    client.get(url)  # warm caches (site, translations)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_forum_page_and_api_same_queries_for_2_and_50(client, make_forum, make_member, make_meeting):
    small, large = make_forum(4), make_forum(1)
    _fill(small, make_member, make_meeting, 2)
    _fill(large, make_member, make_meeting, 50)
    assert _queries(client, f"/forums/{small.pk}/") == _queries(client, f"/forums/{large.pk}/") <= 5
    assert _queries(client, f"/en/forums/{small.pk}/") == _queries(client, f"/en/forums/{large.pk}/")
    assert _queries(client, f"/api/v1/forums/{small.pk}/") == _queries(client, f"/api/v1/forums/{large.pk}/") <= 4
    page = client.get(f"/forums/{large.pk}/").content.decode()
    assert page.count('class="decision"') == 50
    detail = client.get(f"/api/v1/forums/{large.pk}/").json()
    assert len(detail["members"]) == 50 and len(detail["meetings"]) == 50


@pytest.mark.parametrize("size", [2, 50])
def test_forums_list_api_and_index_queries_do_not_grow(client, forum, make_member, make_meeting, size):
    _fill(forum, make_member, make_meeting, size)
    assert _queries(client, "/api/v1/forums/") <= 4  # forums, members, meetings, agenda (one page: no count)
    assert _queries(client, "/forums/") <= 6
    listing = client.get("/api/v1/forums/").json()
    assert listing["count"] == 1 and len(listing["items"][0]["meetings"]) == size


def test_api_shape_exactly_as_documented(client, forum, make_member, make_meeting):
    _fill(forum, make_member, make_meeting, 2)
    data = client.get(f"/api/v1/forums/{forum.pk}/").json()
    assert set(data) == {"id", "commitment", "lead_agency", "members", "balance", "meetings"}
    assert data["commitment"] == 4 and data["lead_agency"]["code"] == "moe"
    member = data["members"][0]
    assert set(member) == {"name", "organisation", "sector", "category", "role"}
    assert member["role"] == "convener" and member["sector"] == "government" and member["category"] == 1
    assert member["name"]["zh-hant"] and member["name"]["en"]
    assert data["balance"] == {"government": 1, "non_government": 1}
    meeting = data["meetings"][0]
    assert set(meeting) == {
        "id",
        "title",
        "starts_at",
        "ends_at",
        "place",
        "online_url",
        "present",
        "agenda",
        "decisions",
        "url",
    }  # meetings with title, place, agenda and decisions (issue 12)
    assert meeting["present"] == 2 and meeting["starts_at"] == "2020-01-01T14:00:00+08:00"
    decision = meeting["decisions"][0]
    assert set(decision) == {"item", "outcome", "present", "agreed_to_vote", "in_favour", "against", "abstain"}
    assert decision["outcome"] == Outcome.ADOPTED.value and decision["item"]["en"] == "Item 1"
    raw = client.get("/api/v1/forums/").content.decode()
    assert "example.org" not in raw and "0912" not in raw  # rule K-4
    assert client.get("/api/v1/forums/999999/").status_code == 404


def test_rule_F_2_3_members_in_the_four_categories_grouped_on_the_forum_page(client, forum, make_member):
    from django.core.exceptions import ValidationError

    from forum.public import roster_by_sector
    from forum.rules import Category, Sector

    assert [c.value for c in Category] == [1, 2, 3, 4]  # exactly the four categories of F-2.3
    members = [
        make_member(forum, Sector.GOVERNMENT, category=Category.AGENCIES),
        make_member(forum, Sector.NON_GOVERNMENT, category=Category.CIVIL_SOCIETY),
        make_member(forum, Sector.NON_GOVERNMENT, category=Category.ISSUE_EXPERTS, name_en="Scholar"),
        make_member(forum, Sector.NON_GOVERNMENT, category=Category.OPEN_GOVERNMENT_EXPERTS, name_en="OGP expert"),
    ]
    groups = {g.sector: [c for c, _m in g.categories] for g in roster_by_sector(members)}
    assert groups[Sector.NON_GOVERNMENT] == [
        Category.CIVIL_SOCIETY,
        Category.ISSUE_EXPERTS,
        Category.OPEN_GOVERNMENT_EXPERTS,
    ]
    outsider = members[0]
    outsider.category = 5
    with pytest.raises(ValidationError):
        outsider.full_clean()
    make_member(forum, Sector.GOVERNMENT, category=Category.AGENCIES)  # 3 + 3: the roster is shown (F-2.1)
    make_member(forum, Sector.GOVERNMENT, category=Category.AGENCIES)
    forum.roster_published = True
    forum.save()
    html = client.get(f"/en/forums/{forum.pk}/").content.decode()
    for category in Category:
        assert str(category.label) in html


def test_rule_F_3_1_members_present_counted_in_sql_and_by_meeting_as_by_the_rule(
    client, forum, make_member, make_meeting
):
    """The annotation of the API lists and the forum page's per-meeting balance count exactly the
    members ``Meeting.members_present()`` counts: observers never (F-3.1)."""
    from forum.models import Meeting
    from forum.public import counted, presence_by_meeting

    _fill(forum, make_member, make_meeting, 3)
    empty = make_meeting(forum, items=0)
    meetings = list(Meeting.objects.filter(forum=forum).prefetch_related("attendances__member"))
    by_rule = {m.pk: (m.counted_attendance(), m.present_balance()) for m in meetings}
    assert by_rule[empty.pk][0] == 0 and {n for n, _b in by_rule.values()} == {0, 3}  # 3 members, 1 observer
    annotated = {m.pk: m.counted_attendance() for m in counted(Meeting.objects.filter(forum=forum))}
    assert annotated == {pk: n for pk, (n, _b) in by_rule.items()}
    presence = presence_by_meeting(meetings)
    assert {pk: (p.present, p.balance) for pk, p in presence.items()} == by_rule

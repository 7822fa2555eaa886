"""The convener's admin forms: clear messages in the user's language, input kept, nothing
half-saved (F-2.1, F-2.2, F-2.4, F-3.1)."""

from __future__ import annotations

import pytest
from wagtail.users.models import UserProfile

from forum.models import Attendance, Decision, Meeting, Member
from forum.rules import Outcome, Role, Sector

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/forum"


def _english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


@pytest.fixture
def meeting(staffed, balanced, make_meeting):
    meeting = make_meeting(staffed, items=2)
    for member in balanced:
        Attendance.objects.create(meeting=meeting, member=member)
    Attendance.objects.create(meeting=meeting, observer_name="觀察員")
    return meeting


def _decision_data(item, **values):
    data = {"agenda_item": item.pk, "present": "", "agreed_to_vote": 0, "in_favour": 0, "against": 0, "abstain": 0}
    data.update({"resolution_zh_hant": "照案通過", "resolution_en": ""})
    data.update(values)
    return data


def test_rule_F_3_1_decision_form_refuses_tally_above_present_in_chinese_keeping_input(client, users, meeting):
    client.force_login(users["convener"])
    item = meeting.agenda_items.first()
    data = _decision_data(item, present=6, agreed_to_vote=4, in_favour=5, against=2)
    html = client.post(f"{ADMIN}/decision/add/", data).content.decode()
    assert "贊成、反對與棄權人數合計不得超過出席委員人數" in html
    assert 'name="in_favour" value="5"' in html and "照案通過" in html
    assert not Decision.objects.exists()


def test_rule_F_3_1_decision_form_errors_in_english(client, users, meeting):
    _english(users["convener"])
    client.force_login(users["convener"])
    item = meeting.agenda_items.first()
    html = client.post(f"{ADMIN}/decision/add/", _decision_data(item, present=7)).content.decode()
    assert "Only 6 members are recorded present at this meeting (observers do not count)" in html
    html = client.post(
        f"{ADMIN}/decision/add/", _decision_data(item, present=6, agreed_to_vote=3, in_favour=3)
    ).content.decode()
    assert "No vote may be held unless more than half of those present agree to it" in html
    assert not Decision.objects.exists()


def test_rule_F_3_1_decision_form_computes_outcome_present_from_attendance(client, users, meeting):
    client.force_login(users["convener"])
    first, second = meeting.agenda_items.all()
    response = client.post(f"{ADMIN}/decision/add/", _decision_data(first, agreed_to_vote=4, in_favour=3, against=3))
    assert response.status_code == 302
    decision = Decision.objects.get(agenda_item=first)
    assert decision.present == 6 and decision.outcome == Outcome.ADOPTED
    data = _decision_data(second, consensus="on", present=6, outcome="not_adopted")
    assert client.post(f"{ADMIN}/decision/add/", data).status_code == 302
    assert Decision.objects.get(agenda_item=second).outcome == Outcome.CONSENSUS  # never typed


def test_decision_form_offers_only_own_forums_items(client, users, meeting, other_forum, make_meeting):
    other = make_meeting(other_forum, items=1)
    client.force_login(users["convener"])
    html = client.get(f"{ADMIN}/decision/add/").content.decode()
    assert f'value="{meeting.agenda_items.first().pk}"' in html
    assert f'value="{other.agenda_items.get().pk}"' not in html
    response = client.post(
        f"{ADMIN}/decision/add/", _decision_data(other.agenda_items.get(), consensus="on", present=1)
    )
    assert response.status_code == 200 and not Decision.objects.exists()


def _member_data(forum, **values):
    data = {
        "forum": forum.pk, "name_zh_hant": "林小華", "name_en": "", "title_zh_hant": "", "title_en": "",
        "organisation_zh_hant": "某部會", "organisation_en": "", "sector": Sector.GOVERNMENT, "category": 1,
        "role": Role.CO_CONVENER, "joined_on": "2020-01-01", "left_on": "", "email": "", "phone": "",
        "preferred_language": "",
    }  # fmt: skip
    data.update(values)
    return data


def test_rule_F_2_2_admin_refuses_government_co_convener_with_clear_message(client, users, staffed, balanced):
    client.force_login(users["convener"])
    html = client.post(f"{ADMIN}/member/add/", _member_data(staffed)).content.decode()
    assert "共同召集人須為非政府委員（F-2.2）" in html and "林小華" in html
    _english(users["convener"])
    html = client.post(
        f"{ADMIN}/member/add/", _member_data(staffed, sector=Sector.NON_GOVERNMENT, category=2)
    ).content.decode()
    assert "A forum has at most one co-convener (F-2.2)" in html
    assert not Member.objects.filter(name_zh_hant="林小華").exists()


def test_rule_F_2_2_admin_refuses_non_government_convener(client, users, staffed):
    _english(users["convener"])
    client.force_login(users["convener"])
    data = _member_data(staffed, role=Role.CONVENER, sector=Sector.NON_GOVERNMENT, category=2)
    html = client.post(f"{ADMIN}/member/add/", data).content.decode()
    assert "The convener is the lead agency&#x27;s deputy head: a government member (F-2.2)." in html


def test_rule_F_2_1_admin_refuses_publishing_unequal_roster_without_reason(
    client, users, staffed, balanced, make_member
):
    make_member(staffed, Sector.GOVERNMENT)
    client.force_login(users["convener"])
    edit = f"{ADMIN}/forum/edit/{staffed.pk}/"
    page = client.get(edit).content.decode()
    assert 'data-government="4" data-non-government="3"' in page and "此委員名單已標示為不對等" in page
    data = {
        "commitment": staffed.commitment_id, "staff": [users["convener"].pk, users["secretariat"].pk],
        "imbalance_reason_zh_hant": "", "imbalance_reason_en": "", "roster_published": "on",
    }  # fmt: skip
    html = client.post(edit, data).content.decode()
    assert "政府與非政府委員人數不相等：公開名單前請記錄理由（F-2.1）" in html
    staffed.refresh_from_db()
    assert not staffed.roster_published
    data["imbalance_reason_zh_hant"] = "民間代表一席出缺"
    assert client.post(edit, data).status_code == 302
    staffed.refresh_from_db()
    assert staffed.roster_published and staffed.roster_is_public()


def _formset(prefix: str, forms: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": len(forms), f"{prefix}-INITIAL_FORMS": 0}
    data.update({f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
    for i, form in enumerate(forms):
        data.update({f"{prefix}-{i}-{key}": value for key, value in form.items()})
        data[f"{prefix}-{i}-DELETE"] = ""
    return data


def _meeting_data(forum, agenda, attendance) -> dict:
    data = {
        "forum": forum.pk, "title_zh_hant": "第3次會議", "title_en": "3rd meeting", "starts_at": "2020-04-01 14:00",
        "ends_at": "2020-04-01 16:00", "place_zh_hant": "教育部", "place_en": "", "online_url": "", "chair": "",
    }  # fmt: skip
    data.update(_formset("agenda_items", agenda))
    data.update(_formset("attendances", attendance))
    return data


def test_convener_creates_meeting_with_agenda_and_attendance(client, users, staffed, balanced):
    client.force_login(users["convener"])
    agenda = [
        {
            "position": 1,
            "title_zh_hant": "議題一",
            "title_en": "Item one",
            "description_zh_hant": "",
            "description_en": "",
        }
    ]
    attendance = [
        {"member": balanced[0].pk, "observer_name": "", "observer_organisation": ""},
        {"member": balanced[4].pk, "observer_name": "", "observer_organisation": "", "attendance_fee": "on"},
        {"member": "", "observer_name": "觀察員", "observer_organisation": "媒體"},
    ]
    response = client.post(f"{ADMIN}/meeting/add/", _meeting_data(staffed, agenda, attendance))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(title_zh_hant="第3次會議")
    assert meeting.agenda_items.get().title_en == "Item one"
    assert meeting.counted_attendance() == 2 and meeting.attendances.count() == 3


def test_rule_F_2_4_admin_refuses_fee_for_government_member_keeping_input(client, users, staffed, balanced):
    client.force_login(users["convener"])
    agenda = [
        {"position": 1, "title_zh_hant": "議題一", "title_en": "", "description_zh_hant": "", "description_en": ""}
    ]
    attendance = [{"member": balanced[1].pk, "observer_name": "", "observer_organisation": "", "travel_costs": "on"}]
    response = client.post(f"{ADMIN}/meeting/add/", _meeting_data(staffed, agenda, attendance))
    html = response.content.decode()
    assert response.status_code == 200 and "出席費及交通費僅支給非政府委員（F-2.4）" in html
    assert "第3次會議" in html and not Meeting.objects.filter(title_zh_hant="第3次會議").exists()


def test_meeting_form_refuses_another_forums_member(client, users, staffed, other_forum, make_member):
    stranger = make_member(other_forum, Sector.NON_GOVERNMENT)
    client.force_login(users["convener"])
    agenda = [
        {"position": 1, "title_zh_hant": "議題一", "title_en": "", "description_zh_hant": "", "description_en": ""}
    ]
    attendance = [{"member": stranger.pk, "observer_name": "", "observer_organisation": ""}]
    response = client.post(f"{ADMIN}/meeting/add/", _meeting_data(staffed, agenda, attendance))
    assert response.status_code == 200 and not Meeting.objects.filter(title_zh_hant="第3次會議").exists()
    response = client.post(f"{ADMIN}/meeting/add/", _meeting_data(other_forum, agenda, []))
    assert response.status_code == 200 and not Meeting.objects.filter(title_zh_hant="第3次會議").exists()


def test_rule_F_2_1_admin_forum_listing_shows_balance(client, users, staffed, balanced, make_member):
    make_member(staffed, Sector.NON_GOVERNMENT)
    client.force_login(users["convener"])
    html = client.get(f"{ADMIN}/forum/").content.decode()
    assert "3 : 4 (不對等)" in html


@pytest.mark.parametrize("role,allowed", [("ndc_editor", True), ("convener", False), ("secretariat", False)])
def test_rule_F_9_only_ndc_editors_change_the_copy_addresses(client, users, role, allowed):
    client.force_login(users[role])
    response = client.get("/admin/settings/forum/noticesettings/", follow=True)
    assert (response.status_code == 200 and b'name="minister_office_email"' in response.content) is allowed

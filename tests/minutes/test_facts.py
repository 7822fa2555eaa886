"""The facts of a minutes are read from the meeting record, never copied (F-3.2, F-7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forum.models import Attendance, Member
from forum.rules import Category, Sector
from minutes.models import Minutes

pytestmark = pytest.mark.django_db


def test_change_an_attendance_and_the_minutes_follow(client, published, meeting):
    """rule F-3.2: the record sent to NDC is the meeting's own record."""
    before = published.attendance_by_sector()
    assert (before["balance"].government, before["balance"].non_government) == (2, 2)
    page = client.get(f"/minutes/{published.pk}/").content.decode()
    assert "林美玲" in page

    absent = Member.objects.get(forum=meeting.forum, name_zh_hant="林美玲")
    Attendance.objects.filter(meeting=meeting, member=absent).delete()
    newcomer = Member.objects.create(
        forum=meeting.forum, name_zh_hant="黃新人", organisation_zh_hant="公民團體", sector=Sector.NON_GOVERNMENT,
        category=Category.CIVIL_SOCIETY, joined_on=dt.date(2020, 3, 1),
    )  # fmt: skip
    Attendance.objects.create(meeting=meeting, member=newcomer)
    meeting.place_zh_hant = "行政院第一會議室"
    meeting.save()

    minutes = Minutes.objects.with_facts().get(pk=published.pk)
    names = [m.name_zh_hant for g in minutes.attendance_by_sector()["groups"] for m in g["members"]]
    assert "黃新人" in names and "林美玲" not in names
    page = client.get(f"/minutes/{published.pk}/").content.decode()
    assert "黃新人" in page and "林美玲" not in page and "行政院第一會議室" in page


def test_unbalanced_attendance_is_shown(client, published, meeting):
    Attendance.objects.filter(meeting=meeting, member__sector=Sector.NON_GOVERNMENT).first().delete()
    page = client.get(f"/minutes/{published.pk}/").content.decode()
    assert "出席委員：政府部門 2 人，非政府部門 1 人。" in page
    assert "不符對等原則" in page


def test_decisions_come_from_the_forum_rules(client, published, meeting):
    item = meeting.agenda_items.first()
    decision = item.decision
    decision.consensus, decision.present, decision.agreed_to_vote, decision.in_favour = False, 4, 3, 2
    decision.save()
    with translation.override("en"):
        page = client.get(f"/en/minutes/{published.pk}/").content.decode()
    assert "3 of 4 present agreed to vote (more than half); 2 of 4 voted in favour (at least half): adopted" in page


def test_rule_F_7_facts_and_translation_pending_on_the_english_page(client, second_meeting):
    from .conftest import make_minutes

    minutes = make_minutes(second_meeting, english=False)
    assert minutes.languages_complete == ["zh-hant"]
    page = client.get(f"/en/minutes/{minutes.pk}/").content.decode()
    assert "2nd multi-stakeholder forum meeting" in page  # facts are translated data
    assert "16 June 2020" in page
    assert "Translation pending" in page
    assert "與會者討論推動公民參與機制" in page  # the Chinese is shown, never a blank page
    zh = client.get(f"/minutes/{minutes.pk}/").content.decode()
    assert "民國109年6月16日" in zh and "translation-pending" not in zh


def test_rule_F_7_a_correction_needs_a_note(published):
    published.closing_remarks_zh_hant = "<p>更正後的結語。</p>"
    with pytest.raises(ValidationError) as error:
        published.full_clean()
    assert "correction_note_zh_hant" in error.value.message_dict
    published.correction_note_zh_hant = "更正結語文字。"
    published.full_clean()

"""Meeting notices (F-9) with .ics invitations, re-notices, and the allowance list (F-2.4)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from forum.models import DEFAULT_MINISTER_OFFICE_EMAIL, DEFAULT_NDC_SOCIAL_DEVELOPMENT_EMAIL, Attendance, NoticeSettings
from forum.services import allowance_csv, meeting_changed_since_notice, meeting_send_notice

pytestmark = pytest.mark.django_db

COPIES = {DEFAULT_MINISTER_OFFICE_EMAIL, DEFAULT_NDC_SOCIAL_DEVELOPMENT_EMAIL}


def _ics(message) -> Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_rule_F_9_notice_to_every_member_and_the_two_fixed_copies(
    forum, balanced, make_meeting, mailoutbox, users, django_capture_on_commit_callbacks
):
    meeting = make_meeting(forum, items=2)
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        notice = meeting_send_notice(meeting=meeting, user=users["convener"])
    with_email = {m.email for m in balanced if m.email}
    recipients = [m.to[0] for m in mailoutbox]
    assert len(recipients) == len(set(recipients)) == len(with_email) + 2
    assert set(recipients) == with_email | COPIES  # rule F-9
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mailoutbox)  # K-4: nobody sees other addresses
    assert set(notice.recipients) == set(recipients)
    assert notice.sequence == 1 and notice.sent_by == users["convener"] and notice.sent_at
    assert notice.fingerprint == meeting.notice_fingerprint()
    assert notice.snapshot["agenda"][1]["zh-hant"] == "議題2"
    entry = ModelLogEntry.objects.get(action="forum.notice_sent", object_id=str(meeting.pk))
    assert entry.user == users["convener"] and entry.data["sequence"] == 1
    event = _ics(mailoutbox[0]).walk("VEVENT")[0]
    assert str(event["uid"]) == f"forum-meeting-{meeting.pk}@127.0.0.1"
    assert event.decoded("dtstart") == meeting.starts_at
    assert int(event["sequence"]) == 0
    assert "議題1" in str(event["description"])


def test_rule_F_9_copy_recipients_are_configurable(
    forum, balanced, make_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    copies = NoticeSettings.load()
    copies.minister_office_email = "pdis@example.gov.tw"
    copies.ndc_social_development_email = "social@example.gov.tw"
    copies.save()
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        meeting_send_notice(meeting=make_meeting(forum))
    recipients = {m.to[0] for m in mailoutbox}
    assert {"pdis@example.gov.tw", "social@example.gov.tw"} <= recipients
    assert not recipients & COPIES


def test_notice_in_the_members_language_else_chinese(
    forum, balanced, make_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    balanced[1].preferred_language = "en"
    balanced[1].save()
    meeting = make_meeting(forum)
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        meeting_send_notice(meeting=meeting)
    by_address = {m.to[0]: m for m in mailoutbox}
    english = by_address[balanced[1].email]
    assert english.subject == f"Meeting notice: {meeting.title_en}"
    assert "You are invited" in english.body and "Item 1" in english.body
    assert f"/en/forums/{forum.pk}/meetings/{meeting.pk}/" in english.body
    assert str(_ics(english).walk("VEVENT")[0]["summary"]) == meeting.title_en
    chinese = by_address[balanced[0].email]  # no preferred language recorded
    assert chinese.subject == f"開會通知：{meeting.title_zh_hant}"
    assert "敬邀出席" in chinese.body and "民國109年3月1日" in chinese.body
    copy = by_address[DEFAULT_MINISTER_OFFICE_EMAIL]
    assert copy.subject.startswith("開會通知") and "副本" in copy.body


def test_rule_F_9_changed_meeting_is_renoticed(
    forum, balanced, make_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = make_meeting(forum)
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        meeting_send_notice(meeting=meeting)
    assert not meeting_changed_since_notice(meeting)
    meeting.starts_at += dt.timedelta(days=7)
    meeting.save()
    assert meeting_changed_since_notice(meeting)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        second = meeting_send_notice(meeting=meeting)
    assert second.sequence == 2 and not meeting_changed_since_notice(meeting)
    assert all(m.subject.startswith("會議異動通知") for m in mailoutbox)
    event = _ics(mailoutbox[0]).walk("VEVENT")[0]
    assert int(event["sequence"]) == 1 and event.decoded("dtstart") == meeting.starts_at
    assert meeting.notices.count() == 2


def test_notice_admin_page_lists_recipients_and_sends(
    client, users, staffed, balanced, make_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = make_meeting(staffed)
    client.force_login(users["convener"])
    page = client.get(f"/admin/forum/meetings/{meeting.pk}/notice/").content.decode()
    assert DEFAULT_MINISTER_OFFICE_EMAIL in page and balanced[0].email in page
    with django_capture_on_commit_callbacks(execute=True):  # emails leave after the commit
        response = client.post(f"/admin/forum/meetings/{meeting.pk}/notice/")
    assert response.status_code == 302 and response["Location"].endswith(f"/meeting/edit/{meeting.pk}/")
    assert len(mailoutbox) == 6  # 4 members with email + 2 copies
    edit = client.get(response["Location"]).content.decode()
    assert "重新寄送開會通知" in edit


def test_finding_10_newline_in_a_meeting_title_does_not_break_the_notice(
    client, forum, balanced, make_meeting, mailoutbox, users, staffed, django_capture_on_commit_callbacks
):
    meeting = make_meeting(staffed)
    meeting.title_zh_hant = "第一次會議\n（延期）"
    meeting.title_en = "First meeting\r\nBcc: someone@example.org"
    meeting.save()
    client.force_login(users["convener"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/forum/meetings/{meeting.pk}/notice/")
    assert response.status_code == 302
    assert len(mailoutbox) == len([m for m in balanced if m.email]) + 2
    for message in mailoutbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.bcc == []
        message.message()  # serialises without a header error


def test_finding_7_allowance_csv_neutralises_formulas(client, users, staffed, balanced, make_meeting):
    meeting = make_meeting(staffed)
    meeting.title_en = '=HYPERLINK("http://evil.example","Meeting")'
    meeting.save()
    civil = balanced[4]
    civil.name_en = "@SUM(1+1)"
    civil.organisation_en = "-1+2"
    civil.save()
    Attendance.objects.create(meeting=meeting, member=civil, attendance_fee=True)
    rows = list(csv.reader(io.StringIO(allowance_csv(meeting, "en").lstrip("\ufeff"))))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","Meeting")'
    assert rows[1][2:4] == ["'@SUM(1+1)", "'-1+2"]


def test_rule_F_2_4_allowance_csv_lists_only_non_government_members(client, users, staffed, balanced, make_meeting):
    meeting = make_meeting(staffed)
    government, civil = balanced[1], balanced[4]
    Attendance.objects.create(meeting=meeting, member=government)
    Attendance.objects.create(meeting=meeting, member=civil, attendance_fee=True, travel_costs=True)
    Attendance.objects.create(meeting=meeting, observer_name="觀察員")
    rows = list(csv.reader(io.StringIO(allowance_csv(meeting, "en").lstrip("\ufeff"))))
    assert rows[0][:7] == ["Meeting", "Date", "Name", "Organisation", "Category", "Attendance fee", "Travel costs"]
    assert len(rows) == 2 and rows[1][2] == civil.name_en and rows[1][5:7] == ["yes", "yes"]
    client.force_login(users["secretariat"])
    response = client.get(f"/admin/forum/meetings/{meeting.pk}/allowances.csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert civil.name_zh_hant in body and government.name_zh_hant not in body and "觀察員" not in body


def test_rule_F_8_forum_costs_are_paid_from_the_lead_agency_budget(client, users, staffed, balanced, make_meeting):
    meeting = make_meeting(staffed)
    Attendance.objects.create(meeting=meeting, member=balanced[4], attendance_fee=True)
    agency = meeting.forum.lead_agency
    rows = list(csv.reader(io.StringIO(allowance_csv(meeting, "en").lstrip("\ufeff"))))
    assert rows[0][-1] == "Paid from the budget of"
    assert rows[1][-1] == (agency.name_en or agency.name_zh_hant)
    rows = list(csv.reader(io.StringIO(allowance_csv(meeting, "zh-hant").lstrip("\ufeff"))))
    assert rows[0][-1] == "支付預算機關" and rows[1][-1] == agency.name_zh_hant
    client.force_login(users["secretariat"])
    panel = client.get(f"/admin/snippets/forum/meeting/edit/{meeting.pk}/").content.decode()
    assert agency.name_zh_hant in panel and "F-8" in panel

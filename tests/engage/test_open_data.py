"""Open data journalists can use: API filters, meetings with agenda and decisions, a public .ics
calendar, bulk downloads (CSV with BOM, formula-neutralised; JSON)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(forum_world):
    from tests.factories import DecisionFactory

    item = forum_world["held"].agenda_items.get()
    DecisionFactory(
        agenda_item=item, resolution_zh_hant='=HYPERLINK("http://evil")', resolution_en="Agreed", present=10
    )
    return forum_world


# --- API ------------------------------------------------------------------------------------------


def test_meetings_in_api_with_title_place_agenda_decisions(client, decided):
    meeting = decided["held"]
    meeting.place_zh_hant = "國發會大禮堂"
    meeting.save()
    body = client.get("/api/v1/forums/meetings/").json()
    assert body["count"] == 2
    held = next(m for m in body["items"] if m["id"] == meeting.pk)
    assert held["title"] == {"zh-hant": "第二次會議", "en": "Second meeting"}
    assert held["place"]["zh-hant"] == "國發會大禮堂"
    assert held["agenda"][0]["title"]["en"] == "Open data item"
    assert held["agenda"][0]["decision"]["outcome"]
    assert held["agenda"][0]["resolution"]["en"] == "Agreed"
    assert held["lead_agency"] == "moe" and held["url"]["en"].startswith("/en/forums/")
    forum = client.get(f"/api/v1/forums/{decided['forum'].pk}/").json()
    assert {m["title"]["en"] for m in forum["meetings"]} == {"Second meeting", "Third meeting"}


def test_meeting_filters(client, decided):
    today = timezone.localdate()
    url = "/api/v1/forums/meetings/"
    assert client.get(url, {"date_from": today.isoformat()}).json()["count"] == 1
    assert client.get(url, {"date_to": today.isoformat()}).json()["count"] == 1
    assert client.get(url, {"agency": "moe"}).json()["count"] == 2
    assert client.get(url, {"agency": "nobody"}).json()["count"] == 0
    later = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    assert client.get(url, {"changed_since": later}).json()["count"] == 0
    assert client.get(url, {"changed_since": "2020-01-01T00:00:00"}).json()["count"] == 2
    for bad in [{"date_from": "yesterday"}, {"changed_since": "x"}, {"agency": "<script>"}, {"forum": "0"}]:
        assert client.get(url, bad).status_code == 422, bad


def test_consultation_filters(client, make_consultation, citizen, post):
    from commitments.models import Agency

    open_one = make_consultation()
    make_consultation(opens=-60, closes=-40)  # overdue
    other_agency = Agency.objects.exclude(code="moe").first()
    make_consultation(opens=5, closes=30, agency=other_agency, commitment=None)
    url = "/api/v1/consultations/"
    assert client.get(url).json()["count"] == 3
    assert client.get(url, {"status": "open"}).json()["items"][0]["id"] == open_one.pk
    assert client.get(url, {"status": "overdue"}).json()["count"] == 1
    assert client.get(url, {"status": "upcoming"}).json()["count"] == 1
    assert client.get(url, {"agency": "moe"}).json()["count"] == 2
    assert client.get(url, {"date_from": timezone.localdate().isoformat()}).json()["count"] == 2
    since = timezone.now().isoformat()
    assert client.get(url, {"changed_since": since}).json()["count"] == 0
    post(open_one, citizen)
    assert [i["id"] for i in client.get(url, {"changed_since": since}).json()["items"]] == [open_one.pk]
    assert client.get(url, {"status": "closed-ish"}).status_code == 422


def test_commitment_filters(client, plan, commitment4):
    from tests.factories import CommitmentTableFactory

    CommitmentTableFactory(commitment=commitment4, submitted=True)
    url = "/api/v1/commitments/"
    moe = client.get(url, {"agency": "moe"}).json()
    assert moe["count"] >= 1 and all(i["lead_agency"]["code"] == "moe" for i in moe["items"])
    assert [i["number"] for i in client.get(url, {"status": "submitted"}).json()["items"]] == [4]
    assert 4 not in [i["number"] for i in client.get(url, {"status": "none"}).json()["items"]]
    assert [i["number"] for i in client.get(url, {"changed_since": "2026-01-01"}).json()["items"]] == [4]
    assert client.get(url, {"status": "done"}).status_code == 422


def test_minutes_filters_validate(client):
    url = "/api/v1/minutes/"
    assert (
        client.get(url, {"agency": "moe", "date_from": "2020-01-01", "changed_since": "2020-01-01"}).status_code == 200
    )
    assert client.get(url, {"date_to": "2020-13-01"}).status_code == 422


# --- calendar -------------------------------------------------------------------------------------


def test_public_ics_calendar_of_meetings_in_both_languages(client, decided):
    from icalendar import Calendar

    response = client.get("/forums/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert {str(e["summary"]) for e in events} == {"第二次會議", "第三次會議"}
    english = Calendar.from_ical(client.get("/en/forums/calendar.ics").content).walk("VEVENT")
    assert {str(e["summary"]) for e in english} == {"Second meeting", "Third meeting"}
    assert all("/en/forums/" in str(e["url"]) for e in english)
    one = client.get(f"/en/forums/{decided['forum'].pk}/calendar.ics")
    assert one.status_code == 200 and b"Third meeting" in one.content
    assert client.get("/forums/999999/calendar.ics").status_code == 404
    assert client.get("/forums/99999999999999/calendar.ics").status_code == 404
    assert b"@" not in b"".join(line for line in response.content.splitlines() if line.startswith(b"ATTENDEE"))
    assert "calendar.ics" in client.get("/en/forums/").content.decode()


# --- bulk downloads -------------------------------------------------------------------------------


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_decisions_csv_and_json(client, decided):
    response = client.get("/forums/decisions.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert len(rows) == 1 and rows[0]["item_en"] == "Open data item"
    assert rows[0]["resolution_zh_hant"].startswith("'=")  # formula neutralised
    data = json.loads(client.get("/forums/decisions.json").content)
    assert data["count"] == 1 and data["items"][0]["resolution_en"] == "Agreed"
    assert data["items"][0]["resolution_zh_hant"].startswith("=")  # JSON keeps the text as it is


def test_comments_csv_and_json_as_the_public_sees_them(client, staff, open_consultation, citizen, citizen2, post):
    from consultations import engagement, services

    visible = post(open_consultation, citizen, "@SUM(A1) 意見")
    hidden = post(open_consultation, citizen2, "不當內容")
    services.comment_hide(
        comment=hidden, moderator=staff["moderator"], ground=next(iter(open_consultation.policy.grounds)), note="x"
    )
    withdrawn = post(open_consultation, citizen2, "撤回內容")
    engagement.comment_withdraw(comment=withdrawn, user=citizen2)
    rows = {int(r["id"]): r for r in _csv(client.get("/consultations/comments.csv"))}
    assert rows[visible.pk]["text"] == "'@SUM(A1) 意見" and rows[visible.pk]["author"] == "青鳥"
    assert rows[hidden.pk]["text"] == "" and rows[hidden.pk]["author"] == "" and rows[hidden.pk]["ground"]
    assert rows[withdrawn.pk]["text"] == "" and rows[withdrawn.pk]["withdrawn"]
    body = client.get("/consultations/comments.csv").content.decode()
    assert "citizen@example.org" not in body and "reader@example.org" not in body
    data = json.loads(client.get("/consultations/comments.json", {"consultation": open_consultation.pk}).content)
    assert data["count"] == 3
    assert json.loads(client.get("/consultations/comments.json", {"agency": "nobody"}).content)["count"] == 0
    for bad in [{"consultation": "abc"}, {"agency": "<x>"}, {"consultation": "9" * 30}]:
        assert client.get("/consultations/comments.csv", bad).status_code == 400
        assert client.get("/consultations/comments.json", bad).status_code == 400
    assert "comments.csv" in client.get("/en/consultations/").content.decode()


def test_api_comments_show_edited_and_hide_withdrawn_text(client, open_consultation, citizen, post):
    from consultations import engagement

    edited = post(open_consultation, citizen, "初稿")
    engagement.comment_edit(comment=edited, text="修改後", user=citizen)
    gone = post(open_consultation, citizen, "撤回的文字")
    engagement.comment_withdraw(comment=gone, user=citizen)
    items = {i["id"]: i for i in client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/").json()["items"]}
    assert items[edited.pk]["text"] == "修改後" and items[edited.pk]["edited"] and not items[edited.pk]["withdrawn"]
    assert items[gone.pk]["withdrawn"] and items[gone.pk]["text"] is None
    assert "撤回的文字" not in client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/").content.decode()

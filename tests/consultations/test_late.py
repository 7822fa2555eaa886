"""Late answers stay visible (K-7.2, W-5): a summary response published after its deadline is marked
late with the days late on the consultation page, in the API and on the public overdue board."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from consultations import rules, services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("responded", "today", "expected"),
    [
        (dt.date(2024, 3, 10), dt.date(2024, 4, 1), 0),  # on time
        (dt.date(2024, 3, 14), dt.date(2024, 4, 1), 0),  # on the deadline day
        (dt.date(2024, 3, 15), dt.date(2024, 4, 1), 1),  # one day late, stays late
        (dt.date(2024, 3, 30), dt.date(2024, 4, 1), 16),
        (None, dt.date(2024, 3, 14), 0),  # not yet due
        (None, dt.date(2024, 3, 20), 6),  # overdue so far
    ],
)
def test_rule_K_7_2_days_late(responded, today, expected):
    assert rules.days_late(dt.date(2024, 3, 14), responded, today) == expected


@pytest.fixture
def answered_late(make_consultation, staff):
    item = make_consultation(opens=-60, closes=-40, title_zh_hant="逾期回應的徵詢", title_en="Answered late")
    services.response_publish(
        consultation=item, text_zh_hant="回應", text_en="Response", cited=[], user=staff["ndc_editor"]
    )
    item.refresh_from_db()
    return item


@pytest.fixture
def answered_on_time(make_consultation, staff):
    item = make_consultation(opens=-30, closes=-3, title_zh_hant="準時回應的徵詢", title_en="Answered on time")
    services.response_publish(
        consultation=item, text_zh_hant="回應", text_en="Response", cited=[], user=staff["ndc_editor"]
    )
    item.refresh_from_db()
    return item


@pytest.fixture
def overdue(make_consultation):
    return make_consultation(opens=-70, closes=-50, title_zh_hant="逾期未回應的徵詢", title_en="Still overdue")


def expected_days(item) -> int:
    return (timezone.localdate() - item.deadline).days


def test_rule_K_7_2_late_answer_marked_on_the_page(client, answered_late, answered_on_time):
    days = expected_days(answered_late)
    assert days > 0 and answered_late.responded_late and answered_late.days_late == days
    body = client.get(f"/en/consultations/{answered_late.pk}/").content.decode()
    assert f"Published late: {days} days after the deadline" in body
    body = client.get(f"/consultations/{answered_late.pk}/").content.decode()
    assert "逾期" in body and str(days) in body
    body = client.get(f"/en/consultations/{answered_on_time.pk}/").content.decode()
    assert "Published late" not in body
    assert not answered_on_time.responded_late and answered_on_time.days_late == 0


def test_rule_K_7_2_late_answer_in_the_api(client, answered_late, answered_on_time, overdue):
    data = client.get(f"/api/v1/consultations/{answered_late.pk}/").json()
    assert data["status"] == "responded"
    assert data["responded_late"] is True
    assert data["days_late"] == expected_days(answered_late)
    assert data["responded_on"] == timezone.localdate().isoformat()
    data = client.get(f"/api/v1/consultations/{answered_on_time.pk}/").json()
    assert data["responded_late"] is False and data["days_late"] == 0
    data = client.get(f"/api/v1/consultations/{overdue.pk}/").json()
    assert data["status"] == "overdue"
    assert data["responded_late"] is False and data["responded_on"] is None
    assert data["days_late"] == expected_days(overdue)


def test_rule_W_5_overdue_board_lists_overdue_and_late_per_agency(client, answered_late, answered_on_time, overdue):
    response = client.get("/en/consultations/overdue/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Still overdue" in body and "Answered late" in body
    assert "Answered on time" not in body
    assert f"Answered {expected_days(answered_late)} days late" in body
    assert f"{expected_days(overdue)} days overdue" in body
    board = response.context["board"]
    assert len(board) == 1
    assert board[0]["agency"] == overdue.agency
    assert board[0]["overdue"] == [overdue] and board[0]["late"] == [answered_late]
    chinese = client.get("/consultations/overdue/").content.decode()
    assert "逾期未回應的徵詢" in chinese and "逾期回應的徵詢" in chinese


def test_board_is_empty_without_late_agencies(client, answered_on_time):
    body = client.get("/en/consultations/overdue/").content.decode()
    assert "No response is overdue or was published late." in body


def test_demo_data_includes_a_consultation_answered_late(db):
    from django.core.management import call_command

    from consultations.models import Consultation

    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # idempotent
    late = [c for c in Consultation.objects.select_related("response") if c.responded_late]
    assert len(late) == 1 and late[0].days_late == 16
    answered = [c for c in Consultation.objects.select_related("response") if c.has_response]
    assert len(answered) == 2

"""API (no personal data, fixed queries), CSV export, and every role × staff action, allowed and refused."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.models import Agency, AgencyStaff
from consultations import services
from consultations.models import Comment
from tests.factories import CitizenFactory
from tests.refusals import ADMIN_REFUSAL, login_redirect, refusal

pytestmark = pytest.mark.django_db


def test_api_list_and_detail_fields(client, open_consultation, citizen, post):
    post(open_consultation, citizen)
    data = client.get("/api/v1/consultations/").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert set(item) == {
        "id", "title", "commitment", "opens_on", "closes_on", "status", "response_due_on",
        "extended_to", "extension_reason", "responded_on", "responded_late", "days_late", "comment_count", "url",
    }  # fmt: skip
    assert item["commitment"] == 4 and item["status"] == "open" and item["comment_count"] == 1
    assert item["title"] == {"zh-hant": "草案徵詢", "en": "Draft consultation"}
    assert item["response_due_on"] == (open_consultation.closes_on + dt.timedelta(days=14)).isoformat()
    assert client.get(f"/api/v1/consultations/{open_consultation.pk}/").json()["id"] == open_consultation.pk
    assert client.get("/api/v1/consultations/99999/").status_code == 404


def test_rule_K_4_api_comments_never_leak_personal_data(client, open_consultation, citizen, staff, post):
    citizen.name_display = "nickname"
    citizen.save()
    comment, _ = post(open_consultation, citizen, "公開的意見")
    post(open_consultation, citizen, "回覆", parent=comment)
    hidden, _ = post(open_consultation, citizen, "被隱藏的")
    services.comment_hide(comment=hidden, moderator=staff["moderator"], ground="commercial", note="私下的備註")
    response = client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/")
    text = response.content.decode()
    assert citizen.email not in text and "Real" not in text and "Person" not in text and "私下的備註" not in text
    data = response.json()
    assert data["count"] == 2
    first, second = data["items"]
    assert first["author"] == "青鳥" and first["replies"][0]["text"] == "回覆"
    assert second == {**second, "hidden": True, "ground": "commercial", "text": None, "author": None}
    assert client.get("/api/v1/consultations/").json()["items"][0]["comment_count"] == 2  # visible ones


@pytest.mark.parametrize("size", [10, 200])
def test_api_comments_fixed_queries(client, open_consultation, citizen, size, django_assert_max_num_queries):
    import uuid

    Comment.objects.bulk_create(
        [Comment(consultation=open_consultation, author=citizen, text="c", token=uuid.uuid4()) for _ in range(size)]
    )
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/consultations/").status_code == 200


def test_csv_export_utf8_bom(client, open_consultation, citizen, staff, post):
    post(open_consultation, citizen, "中文意見,含逗號")
    client.force_login(staff["agency_officer"])
    response = client.get(f"/admin/consultations/manage/{open_consultation.pk}/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    assert '"中文意見,含逗號"' in raw.decode("utf-8-sig")
    assert citizen.email not in raw.decode("utf-8-sig")


def _other_officer():
    from django.contrib.auth.models import Group

    from core.roles import AGENCY_OFFICER, ROLE_GROUPS

    user = CitizenFactory(email="other.officer@example.org")
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[AGENCY_OFFICER]))
    AgencyStaff.objects.create(user=user, agency=Agency.objects.get(code="ndc"))
    return user


@pytest.mark.parametrize(
    "role,inbox,manage,moderate,suggestions",
    [
        ("agency_officer", True, True, False, False),
        ("ndc_editor", True, True, False, True),
        ("moderator", False, False, True, False),
        ("convener", False, False, False, False),
        ("other_officer", True, False, False, False),
        ("citizen", False, False, False, False),
    ],
)
def test_staff_views_role_by_role(
    client, open_consultation, citizen, staff, post, role, inbox, manage, moderate, suggestions
):
    comment, _ = post(open_consultation, citizen)
    user = {"citizen": citizen}.get(role) or staff.get(role) or _other_officer()
    client.force_login(user)

    # Wagtail sends a user without admin access to its login page, staff without the permission home.
    refused = login_redirect() if role == "citizen" else ADMIN_REFUSAL

    def allowed(url: str) -> bool:
        response = client.get(url)
        if response.status_code != 200:
            assert refusal(response) == refused, (url, refusal(response))
        return response.status_code == 200

    assert allowed("/admin/consultations/inbox/") is inbox
    assert allowed(f"/admin/consultations/manage/{open_consultation.pk}/") is manage
    assert allowed(f"/admin/consultations/manage/{open_consultation.pk}/export.csv") is manage
    assert allowed(f"/admin/consultations/inbox/{comment.pk}/") is manage
    assert allowed(f"/admin/consultations/moderation/{comment.pk}/") is moderate
    assert allowed("/admin/consultations/suggestions/") is suggestions
    if not moderate:
        client.post(f"/admin/consultations/moderation/{comment.pk}/", {"ground": "unlawful", "note": ""})
        comment.refresh_from_db()
        assert not comment.is_hidden


def test_rule_F_4_2_officer_sees_new_comment_in_inbox_and_marks_read(client, open_consultation, citizen, staff, post):
    comment, _ = post(open_consultation, citizen, "給機關的意見")
    officer = staff["agency_officer"]
    client.force_login(officer)
    assert "給機關的意見" in client.get("/admin/consultations/inbox/").content.decode()
    client.get(f"/admin/consultations/inbox/{comment.pk}/")
    comment.refresh_from_db()
    assert comment.inbox_status == "read"
    response = client.post(
        f"/admin/consultations/inbox/{comment.pk}/", {"inbox_status": "answered", "assigned_to": officer.pk}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.inbox_status == "answered" and comment.assigned_to == officer


def test_other_agency_officer_does_not_see_the_comment(client, open_consultation, citizen, post):
    post(open_consultation, citizen, "只給教育部")
    client.force_login(_other_officer())
    assert "只給教育部" not in client.get("/admin/consultations/inbox/").content.decode()


def test_overdue_flag_in_inbox(client, make_consultation, staff):
    make_consultation(opens=-60, closes=-20, title_zh_hant="逾期徵詢")
    client.force_login(staff["agency_officer"])
    body = client.get("/admin/consultations/inbox/").content.decode()
    assert "help-critical" in body and "逾期徵詢" in body


def test_moderator_hides_through_admin(client, open_consultation, citizen, staff, post):
    comment, _ = post(open_consultation, citizen)
    client.force_login(staff["moderator"])
    response = client.post(f"/admin/consultations/moderation/{comment.pk}/", {"ground": "unlawful", "note": "恐嚇"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_ground == "unlawful"


def test_officer_publishes_response_through_admin(client, make_consultation, citizen, staff, post, today):
    item = make_consultation()
    comment, _ = post(item, citizen)
    item.opens_on, item.closes_on = today - dt.timedelta(days=20), today - dt.timedelta(days=1)
    item.save()
    client.force_login(staff["agency_officer"])
    response = client.post(
        f"/admin/consultations/manage/{item.pk}/",
        {"action": "respond", "text_zh_hant": "回應", "text_en": "Answer", "cited": [comment.pk]},
    )
    assert response.status_code == 302
    assert item.response.cited_comments.get() == comment


def test_extension_refused_in_admin_with_rule_message(client, make_consultation, staff):
    item = make_consultation(opens=-30, closes=-1)
    client.force_login(staff["agency_officer"])
    late = item.response_due_on + dt.timedelta(days=20)
    response = client.post(
        f"/admin/consultations/manage/{item.pk}/",
        {"action": "extend", "extended_to": late.isoformat(), "reason_zh_hant": "r"},
    )
    assert response.status_code == 200 and "K-7.2" in response.content.decode()
    item.refresh_from_db()
    assert item.extended_to is None


def test_ndc_forwards_suggestion_through_admin(client, citizen, staff):
    import uuid

    suggestion, _ = services.suggestion_submit(author=citizen, title="t", text="x", token=uuid.uuid4())
    client.force_login(staff["ndc_editor"])
    moe = Agency.objects.get(code="moe")
    assert (
        client.post(f"/admin/consultations/suggestions/{suggestion.pk}/", {"agency": moe.pk, "note": ""}).status_code
        == 302
    )
    suggestion.refresh_from_db()
    assert suggestion.forwarded_to == moe


def test_officer_consultation_snippet_scoped_to_own_agency(client, make_consultation, staff, plan):
    from commitments.models import Commitment

    mine = make_consultation(title_zh_hant="教育部的")
    other = make_consultation(
        commitment=Commitment.objects.filter(plan=plan).exclude(lead_agency__code="moe").first(), title_zh_hant="別人的"
    )
    client.force_login(staff["agency_officer"])
    body = client.get("/admin/snippets/consultations/consultation/").content.decode()
    assert "教育部的" in body and "別人的" not in body
    assert client.get(f"/admin/snippets/consultations/consultation/edit/{mine.pk}/").status_code == 200
    assert refusal(client.get(f"/admin/snippets/consultations/consultation/edit/{other.pk}/")) == ADMIN_REFUSAL


def _add_form(commitment, opens, closes, agency=""):
    return {
        "commitment": commitment.pk,
        "agency": agency,
        "title_zh_hant": "新徵詢",
        "title_en": "",
        "description_zh_hant": "說明",
        "description_en": "",
        "profile": "kaohsiung",
        "opens_on": opens.isoformat(),
        "closes_on": closes.isoformat(),
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }


def test_rule_K_7_1_2_admin_refuses_bad_dates_with_the_rule(client, staff, commitment4, today):
    from consultations.models import Consultation

    client.force_login(staff["agency_officer"])
    url = "/admin/snippets/consultations/consultation/add/"
    response = client.post(url, _add_form(commitment4, today, today + dt.timedelta(days=5)))
    assert response.status_code == 200 and "K-7.1.2" in response.content.decode()
    assert not Consultation.objects.exists()
    response = client.post(url, _add_form(commitment4, today, today + dt.timedelta(days=20)))
    assert response.status_code == 302
    assert Consultation.objects.get().agency.code == "moe"  # the lead agency by default


def test_openapi_schema_lists_the_consultation_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/consultations/", "/api/v1/consultations/{consultation_id}/"} <= set(paths)
    assert "/api/v1/consultations/{consultation_id}/comments/" in paths


def test_ndc_opens_a_topic_consultation_rule_T_10_1_4(client, staff, commitment4, today):
    from consultations.models import Consultation

    client.force_login(staff["ndc_editor"])
    ndc = Agency.objects.get(code="ndc")
    data = {
        **_add_form(commitment4, today, today + dt.timedelta(days=70), agency=ndc.pk),
        "commitment": "",
        "profile": "taichung",
    }
    response = client.post("/admin/snippets/consultations/consultation/add/", data)
    assert response.status_code == 200 and "T-10.1.4" in response.content.decode()  # over 2 months
    data["closes_on"] = (today + dt.timedelta(days=40)).isoformat()
    assert client.post("/admin/snippets/consultations/consultation/add/", data).status_code == 302
    item = Consultation.objects.get()
    assert item.commitment is None and item.agency == ndc
    api = client.get(f"/api/v1/consultations/{item.pk}/").json()
    assert api["commitment"] is None


def test_topic_consultation_needs_an_agency(client, staff, commitment4, today):
    client.force_login(staff["ndc_editor"])
    data = {**_add_form(commitment4, today, today + dt.timedelta(days=20)), "commitment": ""}
    response = client.post("/admin/snippets/consultations/consultation/add/", data)
    assert response.status_code == 200
    from consultations.models import Consultation

    assert not Consultation.objects.exists()


@pytest.mark.parametrize("size", [10, 200])
def test_inbox_and_moderation_fixed_queries(
    client, open_consultation, citizen, staff, size, django_assert_max_num_queries
):
    import uuid

    Comment.objects.bulk_create(
        [Comment(consultation=open_consultation, author=citizen, text="c", token=uuid.uuid4()) for _ in range(size)]
    )
    client.force_login(staff["agency_officer"])
    client.get("/admin/consultations/inbox/")
    with django_assert_max_num_queries(30):
        assert client.get("/admin/consultations/inbox/").status_code == 200
    client.force_login(staff["moderator"])
    client.get("/admin/consultations/moderation/")
    with django_assert_max_num_queries(30):
        assert client.get("/admin/consultations/moderation/").status_code == 200


def test_csv_export_neutralises_formulas(client, open_consultation, citizen, staff, post):
    post(open_consultation, citizen, '=HYPERLINK("http://evil.example","x")')
    client.force_login(staff["agency_officer"])
    text = client.get(f"/admin/consultations/manage/{open_consultation.pk}/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text


def test_api_list_is_cached_per_day_and_follows_comments(
    client, open_consultation, citizen, post, fragments_on, monkeypatch, django_assert_num_queries
):
    """The consultations list is one cached page for every visitor (a second read runs no query);
    a comment renews it at once, and its statuses are today's: the next day it is rebuilt."""
    from django.utils import timezone

    assert client.get("/api/v1/consultations/").json()["items"][0]["comment_count"] == 0
    with django_assert_num_queries(0):
        assert client.get("/api/v1/consultations/").status_code == 200
    post(open_consultation, citizen)
    assert client.get("/api/v1/consultations/").json()["items"][0]["comment_count"] == 1
    after_closing = open_consultation.closes_on + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: after_closing)
    assert client.get("/api/v1/consultations/").json()["items"][0]["status"] != "open"

"""Public pages, API and staff admin of proposals (K-6.1.1, K-6.3.3, W-5, roles × actions)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse

from proposals import seconding as sec
from proposals import services
from proposals.models import Proposal, Status
from tests.factories import CitizenFactory
from tests.refusals import login_redirect, refusal

pytestmark = pytest.mark.django_db


def test_list_filters_and_bad_params_never_500(client, seconding_proposal, submit):
    seconding_proposal()
    submit(title="增設自行車道")
    assert client.get("/proposals/").status_code == 200
    body = client.get("/proposals/?status=seconding").content.decode()
    assert "推動校園午餐在地食材" in body and "增設自行車道" not in body
    for query in ("?status=zzz", "?agency=%00", "?page=abc", "?profile=x" * 50, "?page=-1"):
        assert client.get("/proposals/" + query).status_code == 200
    assert "增設自行車道" in client.get("/en/proposals/?profile=kaohsiung").content.decode()


def test_rule_W_5_detail_shows_progress_days_left_and_timeline_in_both_languages(client, seconding_proposal):
    proposal = seconding_proposal()
    body = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "0</strong> / 1500" in body and "提案" in body or "Timeline" not in body
    body = client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert "Timeline" in body and "days left" in body and "Review passed" in body


def test_rule_K_6_2_2_not_accepted_text_hidden_reasons_public(client, submit, staff):
    proposal = submit(content="秘密內容不公開")
    services.proposal_reject(proposal=proposal, user=staff["ndc_editor"], ground="commercial", reasons_zh_hant="廣告")
    body = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "秘密內容不公開" not in body and "廣告" in body and "推動校園午餐" not in body
    api = client.get(f"/api/v1/proposals/{proposal.pk}/").json()
    assert api["title"] == {"zh-hant": None, "en": None} and api["status"] == "not_accepted"


def test_propose_requires_login_then_submits(client, citizen):
    response = client.get("/proposals/new/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(citizen)
    assert client.get("/proposals/new/").status_code == 200
    data = {
        "profile": "kaohsiung",
        "title": "路燈改LED",
        "content": "改用LED。",
        "benefits": "省電。",
        "evidence": "",
        "agency": "",
        "token": str(uuid.uuid4()),
    }
    response = client.post("/proposals/new/", data)
    assert response.status_code == 302
    assert Proposal.objects.get().agency is None  # "not sure" (K-6.1.4)


def test_rule_K_6_1_3_bad_input_keeps_the_text(client, citizen):
    client.force_login(citizen)
    data = {
        "profile": "kaohsiung",
        "title": "",
        "content": "我的內容要保留",
        "benefits": "",
        "token": str(uuid.uuid4()),
    }
    response = client.post("/proposals/new/", data)
    assert response.status_code == 400 and "我的內容要保留" in response.content.decode()
    data["title"] = "長" * 300
    assert client.post("/proposals/new/", data).status_code == 400
    assert not Proposal.objects.exists()


def test_rule_K_6_1_1_similar_proposals_json_finds_a_word_inside_a_sentence(client, seconding_proposal):
    proposal = seconding_proposal(title="推動公民參與機制")
    items = client.get("/proposals/similar.json?q=參與").json()["items"]
    assert [i["id"] for i in items] == [proposal.pk]
    assert client.get("/proposals/similar.json?q=").json() == {"items": []}
    assert client.get("/proposals/similar.json?q=" + "字" * 2000 + "&exclude=x").status_code == 200


def test_rule_K_6_3_3_second_button_once_then_refused(client, seconding_proposal, citizens):
    proposal = seconding_proposal()
    url = f"/proposals/{proposal.pk}/second/"
    assert refusal(client.post(url)) == login_redirect(reverse("account_login"))
    client.force_login(citizens[0])
    assert client.post(url, {"opinion": "支持", "notify": "on"}).status_code == 302
    response = client.post(url, {"opinion": "再一次"})
    body = response.content.decode()
    assert response.status_code == 400 and ("already seconded" in body or "已附議" in body)
    assert sec.seconds_count(proposal.pk) == 1


def test_second_opinion_too_long_kept_and_refused(client, seconding_proposal, citizens):
    proposal = seconding_proposal()
    client.force_login(citizens[0])
    response = client.post(f"/proposals/{proposal.pk}/second/", {"opinion": "意" * 600})
    assert response.status_code == 400 and not proposal.seconds.exists()


def test_rule_T_9_3_4_second_with_code_through_the_pages(client, seconding_proposal, citizens):
    from django.core import mail

    proposal = seconding_proposal(profile="taichung")
    client.force_login(citizens[0])
    client.post(f"/proposals/{proposal.pk}/second/", {})
    code = re.search(r"\d{6}", mail.outbox[-1].subject).group()
    response = client.post(f"/proposals/{proposal.pk}/second/confirm/", {"code": "x"})
    assert response.status_code == 400
    response = client.post(f"/proposals/{proposal.pk}/second/confirm/", {"code": code})
    assert response.status_code == 302 and sec.seconds_count(proposal.pk) == 1


def test_seconding_rate_limited_per_user(client, seconding_proposal, citizens, settings):
    settings.PROPOSAL_SECOND_RATE_LIMITS = {"user": (2, 60), "ip": (100, 60)}
    proposals = [seconding_proposal() for _ in range(3)]
    client.force_login(citizens[0])
    codes = [client.post(f"/proposals/{p.pk}/second/").status_code for p in proposals]
    assert codes == [302, 302, 400]
    assert sec.seconds_count(proposals[2].pk) == 0


def test_withdraw_by_author_only(client, seconding_proposal, citizen, citizens):
    proposal = seconding_proposal()
    client.force_login(citizens[0])
    assert client.post(f"/proposals/{proposal.pk}/withdraw/").status_code == 403
    client.force_login(citizen)
    assert client.post(f"/proposals/{proposal.pk}/withdraw/").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN


def test_board_and_feed(client, seconding_proposal, citizens, set_threshold, staff, today):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    services.proposal_notify(proposal=proposal, user=staff["ndc_editor"], today=today - dt.timedelta(days=100))
    body = client.get("/en/proposals/board/").content.decode()
    assert "days late" in body
    feed = client.get("/proposals/feed/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")


def test_api_lists_proposals_and_profiles_without_seconder_identity(client, seconding_proposal, citizens):
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0], opinion="支持")
    data = client.get("/api/v1/proposals/").json()
    item = data["items"][0]
    assert data["count"] == 1 and item["seconds"] == 1 and item["threshold"] == 1500 and item["profile"] == "kaohsiung"
    assert item["status"] == "seconding" and item["agency"] == "moe"
    assert "c0@example.org" not in str(data) and "c0" not in str(item)
    assert client.get(f"/api/v1/proposals/{proposal.pk}/").json()["id"] == proposal.pk
    assert client.get("/api/v1/proposals/?page=0").status_code == 422
    profiles = {p["slug"]: p for p in client.get("/api/v1/policy-profiles/").json()["items"]}
    assert profiles["kaohsiung"]["threshold"] == 1500 and profiles["kaohsiung"]["seconding_days"] == 45
    assert profiles["taichung"]["seconding_months"] == 1 and profiles["taichung"]["seconding_days"] is None
    assert profiles["taichung"]["email_code"] is True and profiles["taichung"]["withdraw_until"] == "review_passed"
    assert profiles["national"]["threshold"] == 5000 and profiles["national"]["seconding_days"] == 60


DONE, REFUSED = "done", "refused"


def _outcome(response, pk: int) -> str:
    """Wagtail turns PermissionDenied into a redirect to the dashboard: tell the two apart exactly."""
    assert response.status_code == 302
    if response["Location"] == f"/admin/proposals/{pk}/":
        return DONE
    assert response["Location"] == "/admin/"
    return REFUSED


@pytest.mark.parametrize(
    ("role", "queue", "review", "confirm"),
    [
        ("ndc_editor", DONE, DONE, DONE),
        ("agency_officer", DONE, REFUSED, DONE),
        ("moderator", REFUSED, REFUSED, REFUSED),
        ("convener", REFUSED, REFUSED, REFUSED),
    ],
)
def test_staff_roles_and_actions(client, submit, staff, role, queue, review, confirm):
    proposal = submit()
    client.force_login(staff[role])
    response = client.get("/admin/proposals/")
    assert (DONE if response.status_code == 200 else _outcome(response, proposal.pk)) == queue
    url = f"/admin/proposals/{proposal.pk}/"
    assert _outcome(client.post(url, {"action": "pass", "agency": proposal.agency_id}), proposal.pk) == review
    proposal.refresh_from_db()
    if role != "ndc_editor":
        assert proposal.status == Status.IN_REVIEW
        services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"])
    assert _outcome(client.post(url, {"action": "confirm"}), proposal.pk) == confirm


def test_officer_of_another_agency_refused(client, submit, staff):
    from commitments.models import Agency

    proposal = submit(agency=Agency.objects.get(code="ndc"))
    services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"])
    client.force_login(staff["agency_officer"])
    assert _outcome(client.get(f"/admin/proposals/{proposal.pk}/"), proposal.pk) == REFUSED


def test_anonymous_admin_redirects_to_login(client, submit):
    proposal = submit()
    response = client.get(f"/admin/proposals/{proposal.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_unverified_cannot_second(client, seconding_proposal):
    proposal = seconding_proposal()
    client.force_login(CitizenFactory(email="nv@example.org", verified=False))
    assert client.post(f"/proposals/{proposal.pk}/second/").status_code == 400


def test_ndc_invalidates_seconds_from_one_address_count_public(client, seconding_proposal, citizens, staff):
    proposal = seconding_proposal()
    for user in citizens[:3]:
        sec.proposal_second(proposal=proposal, user=user, ip="203.0.113.9")
    sec.proposal_second(proposal=proposal, user=citizens[3], ip="198.51.100.1")
    client.force_login(staff["ndc_editor"])
    url = f"/admin/proposals/{proposal.pk}/"
    assert "203.0.113.9" in client.get(url).content.decode()
    response = client.post(url, {"action": "invalidate", "ip": "203.0.113.9", "reason": "同一來源大量附議"})
    assert response.status_code == 302 and sec.seconds_count(proposal.pk) == 1
    body = client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert "3 fraudulent seconds were invalidated" in body and "203.0.113.9" not in body


def test_ndc_reassigns_after_decline_and_handles_together(client, seconding_proposal, staff):
    from commitments.models import Agency

    proposal = seconding_proposal()
    services.proposal_agency_decline(proposal=proposal, user=staff["agency_officer"], reasons="非本部權責")
    client.force_login(staff["ndc_editor"])
    ndc = Agency.objects.get(code="ndc")
    response = client.post(f"/admin/proposals/{proposal.pk}/", {"action": "assign", "agency": ndc.pk})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.agency == ndc and proposal.confirmation == "pending"


def test_rule_K_6_2_1_board_lists_overdue_reviews_and_late_answers(
    client, submit, seconding_proposal, citizens, set_threshold, staff, today, django_assert_max_num_queries
):
    old = submit(on=today - dt.timedelta(days=40))
    fresh = submit(on=today)
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    services.proposal_notify(proposal=proposal, user=staff["ndc_editor"], today=today - dt.timedelta(days=100))
    with django_assert_max_num_queries(12):
        body = client.get("/en/proposals/board/").content.decode()
    assert f"/en/proposals/{old.pk}/" in body and f"/en/proposals/{fresh.pk}/" not in body
    assert "days late" in body


def test_list_and_detail_fixed_queries(client, seconding_proposal, citizens, django_assert_max_num_queries):
    items = [seconding_proposal() for _ in range(5)]
    for user in citizens[:3]:
        sec.proposal_second(proposal=items[0], user=user)
    with django_assert_max_num_queries(10):
        assert client.get("/proposals/").status_code == 200
    client.force_login(citizens[4])
    with django_assert_max_num_queries(20):
        assert client.get(f"/proposals/{items[0].pk}/").status_code == 200

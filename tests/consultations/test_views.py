"""Public pages and posting: verified users, open period, text kept, idempotence, rate limits, escaping."""

from __future__ import annotations

import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

from consultations.models import Comment
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def _post(client, consultation, text="我的意見", token=None, **extra):
    data = {"text": text, "token": str(token or uuid.uuid4()), **extra}
    return client.post(reverse("consultations:comment", args=[consultation.pk]), data)


def test_pages_in_both_languages(client, open_consultation, make_consultation):
    make_consultation(opens=-60, closes=-30, title_zh_hant="逾期的", title_en="Overdue one")
    pk = open_consultation.pk
    urls = ["/consultations/", f"/consultations/{pk}/", "/consultations/overdue/"]
    for url in urls + ["/en" + url for url in urls]:
        assert client.get(url).status_code == 200, url
    assert "Draft consultation" in client.get("/en/consultations/").content.decode()
    assert "逾期的" in client.get("/consultations/overdue/").content.decode()


def test_rule_K_6_1_2_verified_user_comments(client, open_consultation, citizen):
    client.force_login(citizen)
    response = _post(client, open_consultation, "支持這個方案")
    assert response.status_code == 302
    assert Comment.objects.get().text == "支持這個方案"
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "支持這個方案" in page and "青鳥" in page


def test_rule_T_3_unverified_user_refused_text_kept(client, open_consultation, unverified):
    client.force_login(unverified)
    response = client.post(
        f"/en/consultations/{open_consultation.pk}/comment/", {"text": "保留這段文字", "token": str(uuid.uuid4())}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "保留這段文字" in body and "Confirm your email address" in body
    assert Comment.objects.count() == 0


def test_anonymous_refused_text_kept(client, open_consultation):
    response = _post(client, open_consultation, "匿名意見")
    assert response.status_code == 400 and "匿名意見" in response.content.decode()
    assert Comment.objects.count() == 0


def test_after_close_refused_with_clear_message_text_kept(client, make_consultation, citizen):
    closed = make_consultation(opens=-30, closes=-1)
    client.force_login(citizen)
    response = client.post(
        f"/en/consultations/{closed.pk}/comment/", {"text": "late words", "token": str(uuid.uuid4())}
    )
    body = response.content.decode()
    assert response.status_code == 400 and "late words" in body and "closed on" in body
    assert Comment.objects.count() == 0


def test_before_opening_refused(client, make_consultation, citizen):
    upcoming = make_consultation(opens=3, closes=30)
    client.force_login(citizen)
    response = client.post(f"/en/consultations/{upcoming.pk}/comment/", {"text": "early", "token": str(uuid.uuid4())})
    assert response.status_code == 400 and "opens on" in response.content.decode()


def test_double_submit_creates_one_comment(client, open_consultation, citizen):
    client.force_login(citizen)
    token = uuid.uuid4()
    assert _post(client, open_consultation, token=token).status_code == 302
    assert _post(client, open_consultation, token=token).status_code == 302
    assert Comment.objects.count() == 1


def test_reply_one_level(client, open_consultation, citizen, post):
    parent, _ = post(open_consultation, citizen)
    client.force_login(citizen)
    assert _post(client, open_consultation, "回覆", parent=parent.pk).status_code == 302
    reply = Comment.objects.get(parent=parent)
    response = _post(client, open_consultation, "再回覆", parent=reply.pk)
    assert response.status_code == 400 and "再回覆" in response.content.decode()


@override_settings(CONSULTATION_RATE_LIMITS={"user": (3, 60), "ip": (100, 60)})
def test_per_user_rate_limit(client, open_consultation, citizen):
    client.force_login(citizen)
    for _ in range(3):
        assert _post(client, open_consultation).status_code == 302
    response = _post(client, open_consultation, "太快了")
    assert response.status_code == 400 and "太快了" in response.content.decode()
    assert Comment.objects.count() == 3


@override_settings(CONSULTATION_RATE_LIMITS={"user": (100, 60), "ip": (4, 60)})
def test_per_ip_rate_limit_across_users(client, open_consultation):
    for n in range(4):
        client.force_login(CitizenFactory(email=f"u{n}@example.org"))
        assert _post(client, open_consultation).status_code == 302
    client.force_login(CitizenFactory(email="u9@example.org"))
    assert _post(client, open_consultation).status_code == 400
    client.force_login(CitizenFactory(email="other-ip@example.org"))
    response = client.post(
        reverse("consultations:comment", args=[open_consultation.pk]),
        {"text": "x", "token": str(uuid.uuid4())},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 5


def test_user_text_is_escaped(client, open_consultation, citizen, post):
    post(open_consultation, citizen, '<script>alert("x")</script><b>bold</b>')
    body = client.get(f"/consultations/{open_consultation.pk}/").content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body and "<b>bold" not in body


def test_hidden_comment_shown_as_hidden_with_ground(client, open_consultation, citizen, staff, post):
    from consultations import services

    comment, _ = post(open_consultation, citizen, "不雅內容")
    services.comment_hide(comment=comment, moderator=staff["moderator"], ground="public_order", note="")
    body = client.get(f"/en/consultations/{open_consultation.pk}/").content.decode()
    assert "不雅內容" not in body and "Hidden by a moderator" in body and "public order" in body


def test_cited_comment_links_to_response(client, make_consultation, citizen, staff, post, today):
    import datetime as dt

    from consultations import services

    item = make_consultation()
    comment, _ = post(item, citizen)
    item.opens_on, item.closes_on = today - dt.timedelta(days=30), today - dt.timedelta(days=2)
    item.save()
    services.response_publish(
        consultation=item, text_zh_hant="採納", text_en="Adopted", cited=[comment.pk], user=staff["ndc_editor"]
    )
    body = client.get(f"/en/consultations/{item.pk}/").content.decode()
    assert 'id="response"' in body and "Adopted" in body and 'href="#response"' in body


def test_overdue_flag_on_page(client, make_consultation):
    item = make_consultation(opens=-60, closes=-20)
    body = client.get(f"/en/consultations/{item.pk}/").content.decode()
    assert "overdue-flag" in body


def test_rule_K_4_no_personal_data_on_pages(client, open_consultation, citizen, post):
    citizen.name_display = "nickname"
    citizen.save()
    post(open_consultation, citizen, "意見")
    body = client.get(f"/consultations/{open_consultation.pk}/").content.decode()
    assert citizen.email not in body and "Real" not in body and "青鳥" in body


def test_suggest_form_and_my_suggestions(client, citizen):
    client.force_login(citizen)
    token = str(uuid.uuid4())
    response = client.post("/consultations/suggest/", {"title": "新承諾", "text": "內容", "token": token})
    assert response.status_code == 302
    client.post("/consultations/suggest/", {"title": "新承諾", "text": "內容", "token": token})
    body = client.get("/en/consultations/suggestions/").content.decode()
    assert body.count("新承諾") == 1 and "Received by NDC" in body


def test_suggest_requires_login(client):
    assert client.get("/consultations/suggest/").status_code == 302


@pytest.mark.parametrize("size", [10, 1000])
def test_consultation_page_fixed_queries(client, open_consultation, citizen, size, django_assert_max_num_queries):
    comments = [
        Comment(consultation=open_consultation, author=citizen, text=f"c{n}", token=uuid.uuid4()) for n in range(size)
    ]
    Comment.objects.bulk_create(comments)
    first = Comment.objects.order_by("pk").first()
    Comment.objects.bulk_create(
        [
            Comment(consultation=open_consultation, author=citizen, text="r", token=uuid.uuid4(), parent=first)
            for _ in range(3)
        ]
    )
    client.force_login(citizen)
    with django_assert_max_num_queries(14):
        response = client.get(f"/consultations/{open_consultation.pk}/?page=2")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [10, 1000])
def test_list_page_fixed_queries(client, make_consultation, size, django_assert_max_num_queries):
    for _ in range(min(size, 30)):
        make_consultation(opens=-40, closes=-10)
    with django_assert_max_num_queries(8):
        assert client.get("/consultations/").status_code == 200


def test_home_page_lists_open_consultations(client, open_consultation):
    body = client.get("/").content.decode()
    assert open_consultation.title_zh_hant in body


def test_for_commitment_include(open_consultation, commitment4):
    from django.template.loader import render_to_string

    from consultations.public import for_commitment

    html = render_to_string(
        "consultations/includes/for_commitment.html", {"commitment_consultations": for_commitment(commitment4)}
    )
    assert open_consultation.title_zh_hant in html


def test_client_ip_behind_a_proxy_is_the_rightmost_untrusted_address(rf, settings):
    from consultations.ratelimit import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7")
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1, CONSULTATION_RATE_LIMITS={"user": (100, 60), "ip": (20, 60)})
def test_finding_8_spoofed_forwarded_for_does_not_escape_the_per_ip_limit(client, open_consultation):
    """Issue 10 finding 8: 64 comments from one client behind the proxy, each with a made-up
    first X-Forwarded-For entry and a fresh account: only the per-IP limit (20) get through."""
    statuses = []
    for n in range(64):
        client.force_login(CitizenFactory(email=f"spoof{n}@example.org"))
        response = client.post(
            reverse("consultations:comment", args=[open_consultation.pk]),
            {"text": f"意見 {n}", "token": str(uuid.uuid4())},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7",
        )
        statuses.append(response.status_code)
    assert statuses == [302] * 20 + [400] * 44
    assert Comment.objects.count() == 20


def test_comment_refused_with_a_clear_message_when_the_rate_limit_store_is_down(
    client, open_consultation, citizen, monkeypatch
):
    from core import ratelimit

    def down(*args, **kwargs):
        raise ratelimit.RateLimitUnavailable("down")

    monkeypatch.setattr(ratelimit, "add_once", down)
    client.force_login(citizen)
    response = client.post(
        f"/en/consultations/{open_consultation.pk}/comment/", {"text": "保留這段文字", "token": str(uuid.uuid4())}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "保留這段文字" in body and "Try again in a moment" in body
    assert Comment.objects.count() == 0


def test_for_commitment_include_with_only_the_commitment(open_consultation, commitment4, django_assert_max_num_queries):
    from django.template.loader import render_to_string

    render_to_string("consultations/includes/for_commitment.html", {"commitment": commitment4})  # warm policy data
    with django_assert_max_num_queries(1):
        html = render_to_string("consultations/includes/for_commitment.html", {"commitment": commitment4})
    assert open_consultation.title_zh_hant in html and 'id="consultations-heading"' in html


def test_cached_comment_list_shows_a_new_comment_at_once(client, open_consultation, citizen, post, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    url = f"/consultations/{open_consultation.pk}/"
    post(open_consultation, citizen, "第一則")
    assert "第一則" in client.get(url).content.decode()
    post(open_consultation, citizen, "第二則")
    body = client.get(url).content.decode()
    assert "第一則" in body and "第二則" in body


def test_rule_K_3_two_modes_and_consultations_opened_at_a_policy_stage(client, make_consultation):
    from django.utils import translation

    from consultations.models import Stage

    assert [s.value for s in Stage] == ["formation", "implementation", "evaluation"]
    consultation = make_consultation(stage=Stage.EVALUATION)
    assert "政策評估" in client.get(consultation.get_absolute_url()).content.decode()
    with translation.override("en"):
        url = consultation.get_absolute_url()
    assert "Policy evaluation" in client.get(url).content.decode()
    home = client.get("/en/").content.decode()
    assert 'href="/en/proposals/"' in home and 'href="/en/consultations/"' in home  # the two modes

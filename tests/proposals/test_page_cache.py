"""The proposals API and the policy profiles API are answered from the page cache and renewed
by a new proposal or a changed profile."""

from __future__ import annotations

import pytest

from tests.page_cache import served_from_page_cache

pytestmark = pytest.mark.django_db


def test_proposals_api_is_cached_and_renewed_by_a_new_proposal(
    client, page_cache_on, seconding_proposal, monkeypatch, django_assert_num_queries
):
    seconding_proposal(title="第一個提案")
    first = served_from_page_cache(client, monkeypatch, "/api/v1/proposals/", django_assert_num_queries)
    assert [item["title"]["zh-hant"] for item in first.json()["items"]] == ["第一個提案"]
    seconding_proposal(title="第二個提案")
    renewed = client.get("/api/v1/proposals/").json()
    assert renewed["count"] == 2
    assert {item["title"]["zh-hant"] for item in renewed["items"]} == {"第一個提案", "第二個提案"}


def test_policy_profiles_api_is_cached_and_renewed_by_a_changed_profile(
    client, page_cache_on, set_threshold, monkeypatch, django_assert_num_queries
):
    path = "/api/v1/policy-profiles/"
    first = served_from_page_cache(client, monkeypatch, path, django_assert_num_queries)
    before = {item["slug"]: item["threshold"] for item in first.json()["items"]}
    assert before["kaohsiung"] == 1500
    set_threshold("kaohsiung", 1234)
    after = {item["slug"]: item["threshold"] for item in client.get(path).json()["items"]}
    assert after["kaohsiung"] == 1234


def test_rule_K_6_3_4_seconders_comments_are_read_only_when_the_cached_text_is_rebuilt(
    client, fragments_on, seconding_proposal, citizens
):
    """The seconders' comments are shown inside the proposal's cached text: a cached page does not
    read them again; a new second with a comment shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from proposals import seconding

    proposal = seconding_proposal()
    seconding.proposal_second(proposal=proposal, user=citizens[0], opinion="很好的點子")
    path = f"/proposals/{proposal.pk}/"
    assert "很好的點子" in client.get(path).content.decode()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    assert not [q for q in captured.captured_queries if "proposals_second" in q["sql"]]
    seconding.proposal_second(proposal=proposal, user=citizens[1], opinion="同意")
    assert "同意" in client.get(path).content.decode()

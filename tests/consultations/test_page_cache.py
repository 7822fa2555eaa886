"""The comments API and the overdue board are answered from the page cache, renewed by a new comment."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import cache

from consultations import services
from tests.page_cache import served_from_page_cache

pytestmark = pytest.mark.django_db


def test_comments_api_is_cached_and_renewed_by_a_new_comment(
    client, page_cache_on, open_consultation, citizen, monkeypatch, django_assert_num_queries
):
    path = f"/api/v1/consultations/{open_consultation.pk}/comments/"
    services.comment_post(consultation=open_consultation, author=citizen, text="第一則意見", token=uuid.uuid4())
    first = served_from_page_cache(client, monkeypatch, path, django_assert_num_queries)
    assert first.json()["count"] == 1
    services.comment_post(consultation=open_consultation, author=citizen, text="第二則意見", token=uuid.uuid4())
    renewed = client.get(path).json()
    assert renewed["count"] == 2 and [item["text"] for item in renewed["items"]] == ["第一則意見", "第二則意見"]


def test_overdue_board_is_cached_and_renewed(
    client, page_cache_on, make_consultation, monkeypatch, django_assert_num_queries
):
    path = "/consultations/overdue/"
    served_from_page_cache(client, monkeypatch, path, django_assert_num_queries)
    late = make_consultation(opens=-60, closes=-30, title_zh_hant="逾期未回應的諮詢")
    assert "逾期未回應的諮詢" in client.get(path).content.decode(), late


def test_comments_api_fragment_keeps_the_count_and_the_404(
    client, settings, open_consultation, citizen, django_assert_num_queries
):
    """Page cache off, fragments on: the count (and whether the consultation exists) is a fragment
    too, renewed by a new comment; a missing consultation stays a 404."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    path = f"/api/v1/consultations/{open_consultation.pk}/comments/"
    services.comment_post(consultation=open_consultation, author=citizen, text="第一則意見", token=uuid.uuid4())
    assert client.get(path).json()["count"] == 1
    with django_assert_num_queries(0):
        assert client.get(path).json()["count"] == 1
    services.comment_post(consultation=open_consultation, author=citizen, text="第二則意見", token=uuid.uuid4())
    assert client.get(path).json()["count"] == 2
    missing = f"/api/v1/consultations/{open_consultation.pk + 1000}/comments/"
    assert client.get(missing).status_code == 404
    assert client.get(missing).json() == {"detail": "Not Found"}
    cache.clear()

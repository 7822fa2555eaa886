"""Query budgets of the consultation pages and API independent of the number of comments
(stored counters, no count of all comments); the counters follow posts, moderation and deletion."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.counters import counters_refresh
from consultations.models import Comment

pytestmark = pytest.mark.django_db


def _add_comments(consultation, author, count: int) -> None:
    Comment.objects.bulk_create(
        [Comment(consultation=consultation, author=author, text=f"意見 {n}", token=uuid.uuid4()) for n in range(count)]
    )
    counters_refresh(consultation.pk)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


URLS = [
    "/consultations/",
    "/en/consultations/{pk}/",
    "/consultations/{pk}/?page=3",
    "/api/v1/consultations/",
    "/api/v1/consultations/{pk}/comments/",
    "/api/v1/consultations/{pk}/comments/?page=2",
    "/consultations/overdue/",
    "/en/consultations/{pk}/?page=6",
]


@pytest.mark.parametrize("url", URLS)
def test_query_budget_does_not_grow_with_comments(client, open_consultation, citizen, url):
    path = url.format(pk=open_consultation.pk)
    _add_comments(open_consultation, citizen, 120)
    client.get(path)  # warm-up (translations, content types)
    small = _queries(client, path)
    _add_comments(open_consultation, citizen, 400)
    assert _queries(client, path) == small
    assert small <= 12


def test_counts_come_from_stored_counters(client, open_consultation, citizen):
    _add_comments(open_consultation, citizen, 130)
    with CaptureQueriesContext(connection) as captured:
        body = client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/").json()
    assert body["count"] == 130
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries)


def test_counters_follow_posts_moderation_and_deletion(open_consultation, citizen, post):
    comment, _ = post(open_consultation, citizen, "一")
    post(open_consultation, citizen, "二")
    open_consultation.refresh_from_db()
    assert (open_consultation.visible_comments, open_consultation.thread_count) == (2, 2)
    comment.visibility = Comment.Visibility.HIDDEN
    comment.hidden_ground = "spam"
    comment.save()
    open_consultation.refresh_from_db()
    assert (open_consultation.visible_comments, open_consultation.thread_count) == (1, 2)
    comment.delete()
    open_consultation.refresh_from_db()
    assert (open_consultation.visible_comments, open_consultation.thread_count) == (1, 1)


def test_deferred_join_pages_equal_offset_pages(client, open_consultation, citizen):
    """A page read by deferred join (ids first) holds the same comments, in the same order, as
    the plain OFFSET page (issue 11)."""
    from consultations import public

    _add_comments(open_consultation, citizen, 95)
    ordered = list(public.top_level_comments(open_consultation).values_list("pk", flat=True))
    slices = public.DeferredSlices(public.top_level_comments(open_consultation))
    for start in (0, 20, 80, 90):
        assert [c.pk for c in slices[start : start + 20]] == ordered[start : start + 20]
    open_consultation.refresh_from_db()
    last = public.comment_pages(open_consultation, 20).get_page(5)
    assert [c.pk for c in last] == ordered[80:]
    body = client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/?page=2").json()
    assert [item["id"] for item in body["items"]] == ordered[50:95]


def test_cached_pages_follow_new_comments_and_edits(client, fragments_on, open_consultation, citizen, post):
    """The consultation page, the list and the comments API are cached by content version: unchanged,
    they run no query of the consultation or its comments; a comment or an edit shows at once."""
    post(open_consultation, citizen, "第一則意見")
    urls = [
        "/consultations/",
        f"/consultations/{open_consultation.pk}/",
        f"/api/v1/consultations/{open_consultation.pk}/comments/",
    ]
    for url in urls:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert "第一則意見" in client.get(urls[1]).content.decode()
    assert not any("consultations_" in q["sql"] for q in captured.captured_queries)
    post(open_consultation, citizen, "第二則意見")
    assert "第二則意見" in client.get(urls[1]).content.decode()
    assert "(2)" in client.get(urls[1]).content.decode()
    assert client.get(urls[2]).json()["count"] == 2
    open_consultation.title_zh_hant = "新的標題"
    open_consultation.save()
    assert "新的標題" in client.get(urls[0]).content.decode()
    assert "新的標題" in client.get(urls[1]).content.decode()

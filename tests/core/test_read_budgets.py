"""Read paths (issue 11): every public page and API list of the site frame, commitments, forum and
minutes runs a fixed number of queries whatever the amount of data, and its cached fragments
(core.cache.render_cached, ``Serialized(cached=True)``) follow edits and never share a signed-in
user's frame."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Path -> the most queries it may run (caches off, as in every test but these of the cache).
BUDGETS = {
    "/": 12,
    "/en/": 12,
    "/plans/2020-2024/": 8,
    "/en/plans/2020-2024/commitments/4/": 14,
    "/plans/2020-2024/dashboard/": 4,
    "/forums/": 6,
    "/forums/{forum}/": 5,
    "/forums/{forum}/meetings/{meeting}/": 6,
    "/minutes/": 7,
    "/en/minutes/{minutes}/": 8,
    "/minutes/search/?q=%E6%9C%83%E8%AD%B0": 3,
    "/minutes/feed/": 4,
    "/api/v1/commitments/": 8,
    "/api/v1/action-plans/": 4,
    "/api/v1/forums/": 5,
    "/api/v1/forums/meetings/": 3,
    "/api/v1/minutes/": 4,
}


def _grow(count: int) -> dict:
    """``count`` more published minutes (3 agenda items each) over forums of every commitment."""
    from bench.bench_minutes import _forums, _minutes

    with override_settings(MINUTES_BUILD_PDFS=False):
        forums = _forums()
        made = [_minutes(forums[n % len(forums)], n + 1, items=3, paragraphs=1) for n in range(count)]
    first = made[0]
    return {"forum": first.meeting.forum_id, "meeting": first.meeting_id, "minutes": first.pk}


def _queries(client, path: str) -> int:
    client.get(path)  # warm per-process look-ups (site root, policy profile)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def test_every_read_path_has_a_query_budget_independent_of_data_size(client):
    """Issue 11: the same number of queries with 1 and with 9 published minutes, within budget."""
    ids = _grow(1)
    small = {path: _queries(client, path.format(**ids)) for path in BUDGETS}
    _grow_more = _grow(8)  # noqa: F841 - more forums' meetings, agenda items, minutes
    large = {path: _queries(client, path.format(**ids)) for path in BUDGETS}
    assert large == small
    over = {path: n for path, n in large.items() if n > BUDGETS[path]}
    assert not over, over


def test_cached_pages_and_api_lists_run_no_query(client, fragments_on, django_assert_num_queries):
    ids = _grow(1)
    for path in ("/forums/{forum}/", "/forums/{forum}/meetings/{meeting}/", "/en/minutes/{minutes}/", "/forums/"):
        client.get(path.format(**ids))
        with django_assert_num_queries(0):
            assert client.get(path.format(**ids)).status_code == 200
    client.get("/api/v1/minutes/")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/minutes/").json()["count"] == 1


def test_cached_pages_show_the_same_content(client, settings):
    """A cached page body is the very page the view renders without a cache, in both languages."""
    ids = _grow(1)
    paths = ["/forums/{forum}/", "/en/forums/{forum}/meetings/{meeting}/", "/minutes/{minutes}/", "/en/minutes/"]
    paths += ["/plans/2020-2024/", "/en/plans/2020-2024/dashboard/", "/minutes/feed/", "/api/v1/forums/"]
    uncached = {path: client.get(path.format(**ids)).content for path in paths}
    settings.FRAGMENT_CACHE_SECONDS = 300
    for path in paths:
        client.get(path.format(**ids))
        assert client.get(path.format(**ids)).content == uncached[path], path


def test_an_edited_meeting_shows_at_once_on_cached_pages(client, fragments_on):
    from forum.models import Meeting

    ids = _grow(1)
    meeting_path = "/en/forums/{forum}/meetings/{meeting}/".format(**ids)
    minutes_path = "/en/minutes/{minutes}/".format(**ids)
    assert "Meeting 1" in client.get(meeting_path).content.decode()
    assert "Meeting 1" in client.get(minutes_path).content.decode()
    client.get("/api/v1/forums/")
    meeting = Meeting.objects.get(pk=ids["meeting"])
    meeting.title_en = "Renamed meeting"
    meeting.save()
    assert "Renamed meeting" in client.get(meeting_path).content.decode()
    assert "Renamed meeting" in client.get(minutes_path).content.decode()
    assert "Renamed meeting" in client.get("/api/v1/forums/").content.decode()
    assert "Renamed meeting" in client.get("/en/minutes/feed/").content.decode()


def test_a_newly_published_minutes_joins_the_cached_list_and_api(client, fragments_on):
    _grow(1)
    assert client.get("/api/v1/minutes/").json()["count"] == 1
    client.get("/minutes/")
    _grow(2)
    assert client.get("/api/v1/minutes/").json()["count"] == 3
    assert client.get("/minutes/").content.decode().count('href="/minutes/') >= 3


def test_a_signed_in_users_frame_is_never_shared(client, fragments_on, django_user_model):
    """The page body is shared; the header with the account menu is rendered per request."""
    from tests.factories import UserFactory

    ids = _grow(1)
    path = "/forums/{forum}/".format(**ids)
    anonymous = client.get(path).content.decode()
    assert "Signed in as" not in anonymous and "登入身分" not in anonymous
    user = UserFactory(password="raw")
    client.force_login(user)
    mine = client.get(path).content.decode()
    assert "account_logout" not in mine
    assert 'href="/accounts/logout/"' in mine or "/accounts/logout/" in mine
    client.logout()
    again = client.get(path).content.decode()
    assert "/accounts/logout/" not in again

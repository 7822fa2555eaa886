"""Degrade, don't crash (issue 10): with Redis down, public pages, signed-in pages and the API
answer (uncached), rate limits fail safe with a clear message, and nothing written is lost or
left stale once Redis is back."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from consultations.models import Comment

pytestmark = pytest.mark.django_db

CLOSED = "redis://127.0.0.1:1/4"  # nothing listens on port 1
LIVE = "redis://127.0.0.1:6379/4"  # this engineer's Redis database


def redis_caches(location: str) -> dict:
    return {
        "default": {"BACKEND": "core.cache_backends.TolerantRedisCache", "LOCATION": location},
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location},
    }


REDIS_DOWN = override_settings(
    CACHES=redis_caches(CLOSED),
    CACHE_MIDDLEWARE_SECONDS=60,
    FRAGMENT_CACHE_SECONDS=300,
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
)


@pytest.fixture
def open_consultation(plan):
    import datetime as dt

    from django.utils import timezone

    from commitments.models import Commitment
    from consultations.models import Consultation

    today = timezone.localdate()
    item = Consultation(
        commitment=Commitment.objects.get(plan=plan, number=4),
        title_zh_hant="草案徵詢",
        title_en="Draft consultation",
        description_zh_hant="請提供意見。",
        description_en="Please comment.",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=20),
    )
    item.save()
    return item


@REDIS_DOWN
def test_public_pages_and_api_answer_with_redis_down(client, open_consultation):
    urls = [
        "/",
        "/en/",
        "/plans/2020-2024/",
        "/plans/2020-2024/commitments/4/",
        "/forums/",
        "/minutes/",
        "/consultations/",
        f"/consultations/{open_consultation.pk}/",
        "/accounts/login/",
        "/api/v1/commitments/",
        "/api/v1/consultations/",
        "/api/v1/openapi.json",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url).status_code == 200, url  # and again (nothing half-cached)


@REDIS_DOWN
def test_signed_in_pages_work_and_a_comment_is_refused_clearly_with_redis_down(client, open_consultation):
    from tests.factories import CitizenFactory

    citizen = CitizenFactory(email="citizen@example.org", nickname="青鳥")
    client.force_login(citizen)  # session in the database, the cache write skipped
    assert client.get("/en/consultations/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200
    response = client.post(
        f"/en/consultations/{open_consultation.pk}/comment/", {"text": "保留這段文字", "token": str(uuid.uuid4())}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "保留這段文字" in body and "Try again in a moment" in body
    assert Comment.objects.count() == 0


@REDIS_DOWN
def test_sign_in_and_sign_up_fail_safe_with_redis_down(client):
    from tests.factories import PASSWORD, CitizenFactory

    CitizenFactory(email="citizen@example.org")
    response = client.post("/en/accounts/login/", {"login": "citizen@example.org", "password": PASSWORD})
    assert response.status_code == 503 and "try again in a moment" in response.content.decode()
    response = client.post("/en/accounts/signup/", {"email": "new@example.org"})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    response = client.post("/admin/login/", {"username": "citizen@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "unavailable"
    assert "_auth_user_id" not in client.session


@REDIS_DOWN
def test_writes_reach_the_database_with_redis_down(open_consultation, client):
    open_consultation.title_zh_hant = "修改後的標題"
    open_consultation.save()  # bumps the content version: skipped in the cache, no error
    open_consultation.refresh_from_db()
    assert open_consultation.title_zh_hant == "修改後的標題"
    assert "修改後的標題" in client.get(f"/consultations/{open_consultation.pk}/").content.decode()


def _live_redis() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(LIVE, socket_connect_timeout=0.5).ping())
    except redis.exceptions.RedisError:
        return False


@pytest.mark.skipif(not _live_redis(), reason="needs the local Redis")
@override_settings(CACHES=redis_caches(LIVE), CACHE_MIDDLEWARE_SECONDS=60, FRAGMENT_CACHE_SECONDS=300)
def test_an_edit_made_during_an_outage_shows_once_redis_is_back(client, open_consultation, monkeypatch):
    from django.core.cache.backends.redis import RedisCacheClient
    from redis.exceptions import ConnectionError as RedisConnectionError

    cache = caches["default"]
    cache.clear()
    url = f"/consultations/{open_consultation.pk}/"
    assert "草案徵詢" in client.get(url).content.decode()  # now in the page cache

    def down(self, key=None, *, write=False):
        raise RedisConnectionError("down")

    with monkeypatch.context() as patch:
        patch.setattr(RedisCacheClient, "get_client", down)
        open_consultation.title_zh_hant = "停機時修改"
        open_consultation.save()
        assert "停機時修改" in client.get(url).content.decode()  # uncached during the outage
    cache._down_until = 0.0  # Redis is back (skip the retry pause)
    assert "停機時修改" in client.get(url).content.decode()  # not the stale cached page
    cache.clear()

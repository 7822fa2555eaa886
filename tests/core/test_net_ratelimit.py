"""core.net.client_ip (trusted proxies only) and core.ratelimit (fixed windows, fail safe)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from core import ratelimit
from core.net import client_ip


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "", "203.0.113.9"),
        (0, "10.0.0.1", "198.51.100.7", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "10.0.0.1", "198.51.100.7", "198.51.100.7"),
        (1, "10.0.0.1", "192.0.2.66, 198.51.100.7", "198.51.100.7"),  # a spoofed first entry
        (2, "10.0.0.2", "192.0.2.66, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "10.0.0.2", "198.51.100.7", "10.0.0.2"),  # shorter than the proxy chain: the peer
        (1, "10.0.0.1", "192.0.2.66, not-an-ip", "10.0.0.1"),
        (1, "10.0.0.1", " 2001:db8::1 ", "2001:db8::1"),
        (0, "", "", "unknown"),
    ],
)
def test_client_ip(rf, proxies, remote, forwarded, expected):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = rf.get("/", REMOTE_ADDR=remote, **extra)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected


def test_allauth_counts_the_same_address(rf, settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.66, 198.51.100.7")
    assert get_adapter(request).get_client_ip(request) == "198.51.100.7"


def test_hit_counts_within_a_window():
    limit = ratelimit.RateLimit(count=3, seconds=60)
    assert [ratelimit.hit("t:a", limit) for _ in range(5)] == [True, True, True, False, False]
    assert ratelimit.hit("t:b", limit)  # another key, its own counter
    assert not ratelimit.peek("t:a", limit)
    ratelimit.clear("t:a", limit)
    assert ratelimit.peek("t:a", limit) and ratelimit.hit("t:a", limit)


def test_rate_limit_is_frozen():
    limit = ratelimit.RateLimit(count=1, seconds=1)
    with pytest.raises(AttributeError):
        limit.count = 2  # type: ignore[misc]


def test_add_once():
    assert ratelimit.add_once("form:1", 60)
    assert not ratelimit.add_once("form:1", 60)
    ratelimit.forget_once("form:1")
    assert ratelimit.add_once("form:1", 60)


def test_redis_down_fails_safe(settings):
    """A closed port: hit() raises RateLimitUnavailable (callers refuse), never lets it through."""
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/4"},
    }
    limit = ratelimit.RateLimit(count=3, seconds=60)
    with pytest.raises(ratelimit.RateLimitUnavailable):
        ratelimit.hit("t:down", limit)
    with pytest.raises(ratelimit.RateLimitUnavailable):
        ratelimit.peek("t:down", limit)
    with pytest.raises(ratelimit.RateLimitUnavailable):
        ratelimit.add_once("t:down", 60)
    ratelimit.clear("t:down", limit)  # logged, no exception

"""Fixed-window rate limits in Django's cache (Redis when ``REDIS_URL`` is set).

Every limit of the site goes through :func:`hit` with a key that names what is counted
(``"consultations:comment:ip:203.0.113.5"``) and the client's address from
:func:`core.net.client_ip`. The counters live in the ``"ratelimit"`` cache when one is
configured (it never swallows errors), else the default cache.

Fail safe: when the cache cannot be reached :func:`hit` raises
:class:`RateLimitUnavailable`; callers refuse the action with a clear "try again in a
moment" message rather than letting it through uncounted.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.utils.translation import gettext_lazy as _

from .cache_backends import cache_errors

logger = logging.getLogger(__name__)

PREFIX = "ogp:rl"
UNAVAILABLE_MESSAGE = _("This action is briefly unavailable. Please try again in a moment.")


@dataclass(frozen=True)
class RateLimit:
    """At most ``count`` hits per window of ``seconds``."""

    count: int
    seconds: int


class RateLimitUnavailable(Exception):
    """The rate-limit store cannot be reached: refuse the action (fail safe)."""


def exceeded(hits_in_window: int, limit: RateLimit) -> bool:
    """Whether one more hit would exceed ``limit`` given the hits already in the window."""
    return hits_in_window >= limit.count


def store() -> BaseCache:
    """The cache holding the counters: ``"ratelimit"`` when configured, else ``"default"``."""
    return caches["ratelimit" if "ratelimit" in settings.CACHES else "default"]


def _now() -> float:
    """The clock of the windows (tests freeze it so that no window ends mid-test)."""
    return time.time()


def _window_key(key: str, limit: RateLimit) -> str:
    window = int(_now() // limit.seconds)
    return f"{PREFIX}:{key}:{limit.seconds}:{window}"


def hit(key: str, limit: RateLimit) -> bool:
    """Count one hit for ``key`` in the current window; True while within ``limit``.

    Raises :class:`RateLimitUnavailable` when the cache is down.
    """
    bucket = _window_key(key, limit)
    cache = store()
    try:
        cache.add(bucket, 0, timeout=limit.seconds + 1)
        try:
            count = cache.incr(bucket)
        except ValueError:  # expired between add and incr
            cache.add(bucket, 1, timeout=limit.seconds + 1)
            count = 1
    except cache_errors() as error:
        logger.error("Rate limit store unavailable (%s): refusing %s", error, key)
        raise RateLimitUnavailable(str(error)) from error
    return not exceeded(count - 1, limit)


def hit_many(hits: list[tuple[str, RateLimit]]) -> list[bool]:
    """Count one hit for each ``(key, limit)``: the same as :func:`hit` for each, in order, but
    on Redis in **one round trip** (a pipeline of ``SET NX EX`` + ``INCR`` per key, the same
    keys and values as ``add`` + ``incr``). Every key is counted, even when an earlier one is
    over its limit (as calling :func:`hit` for each). Returns within-limit flags.

    Raises :class:`RateLimitUnavailable` when the cache is down.
    """
    cache = store()
    from django.core.cache.backends.redis import RedisCache

    if not isinstance(cache, RedisCache):
        return [hit(key, limit) for key, limit in hits]
    buckets = [(cache.make_and_validate_key(_window_key(key, limit)), limit) for key, limit in hits]
    try:
        pipeline = cache._cache.get_client(write=True).pipeline(transaction=False)
        for bucket, limit in buckets:
            pipeline.set(bucket, 0, ex=limit.seconds + 1, nx=True)
            pipeline.incr(bucket)
        results = pipeline.execute()
    except cache_errors() as error:
        logger.error("Rate limit store unavailable (%s): refusing %s", error, [key for key, _limit in hits])
        raise RateLimitUnavailable(str(error)) from error
    counts = results[1::2]
    return [not exceeded(count - 1, limit) for count, (_bucket, limit) in zip(counts, buckets, strict=True)]


# add_once's SET NX of the token, then (the first time only) hit_many's SET NX + INCR per key.
_ONCE_THEN_HITS = """
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then return false end
local counts = {}
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], 0, 'NX', 'EX', ARGV[i])
  counts[i - 1] = redis.call('INCR', KEYS[i])
end
return counts
"""


def hit_many_once(once: str, seconds: int, hits: list[tuple[str, RateLimit]]) -> list[bool] | None:
    """:func:`add_once` of ``once`` (for ``seconds``) and, only when it is new, :func:`hit_many`:
    on Redis in **one round trip** (a script; the same keys and values). Returns None when
    ``once`` was seen already (nothing counted: the same form again), else the within-limit flags.

    Raises :class:`RateLimitUnavailable` when the cache is down.
    """
    cache = store()
    from django.core.cache.backends.redis import RedisCache

    if not isinstance(cache, RedisCache):
        return hit_many(hits) if add_once(once, seconds) else None
    keys = [cache.make_and_validate_key(f"{PREFIX}:once:{once}")]
    keys += [cache.make_and_validate_key(_window_key(key, limit)) for key, limit in hits]
    timeouts = [seconds] + [limit.seconds + 1 for _key, limit in hits]
    try:
        counts = cache._cache.get_client(write=True).eval(_ONCE_THEN_HITS, len(keys), *keys, *timeouts)
    except cache_errors() as error:
        logger.error("Rate limit store unavailable (%s): refusing %s", error, [key for key, _limit in hits])
        raise RateLimitUnavailable(str(error)) from error
    if counts is None:
        return None
    return [not exceeded(count - 1, limit) for count, (_key, limit) in zip(counts, hits, strict=True)]


def peek(key: str, limit: RateLimit) -> bool:
    """Whether ``key`` is still within ``limit`` in the current window, without counting a hit.

    Raises :class:`RateLimitUnavailable` when the cache is down.
    """
    try:
        count = store().get(_window_key(key, limit), 0)
    except cache_errors() as error:
        logger.error("Rate limit store unavailable (%s): refusing %s", error, key)
        raise RateLimitUnavailable(str(error)) from error
    return not exceeded(count, limit)


def undo(key: str, limit: RateLimit) -> None:
    """Take back one hit of ``key`` in the current window (an attempt that turned out fine)."""
    try:
        store().decr(_window_key(key, limit))
    except ValueError:  # the window has ended meanwhile: nothing to take back
        pass
    except cache_errors():
        logger.warning("Rate limit store unavailable: could not undo a hit of %s", key)


def clear(key: str, limit: RateLimit) -> None:
    """Forget the hits of ``key`` in the current window (e.g. after a successful login)."""
    try:
        store().delete(_window_key(key, limit))
    except cache_errors():
        logger.warning("Rate limit store unavailable: could not clear %s", key)


def add_once(key: str, seconds: int) -> bool:
    """Mark ``key`` as seen for ``seconds``; True the first time (e.g. a form's submission token).

    Raises :class:`RateLimitUnavailable` when the cache is down.
    """
    try:
        return bool(store().add(f"{PREFIX}:once:{key}", 1, timeout=seconds))
    except cache_errors() as error:
        raise RateLimitUnavailable(str(error)) from error


def forget_once(key: str) -> None:
    """Undo :func:`add_once` (the action it guarded was refused)."""
    try:
        store().delete(f"{PREFIX}:once:{key}")
    except cache_errors():
        logger.warning("Rate limit store unavailable: could not forget %s", key)


def available() -> bool:
    """Whether the rate-limit store answers (one round trip)."""
    try:
        store().get(f"{PREFIX}:ping")
    except cache_errors():
        return False
    return True


class GuardMiddleware:
    """Refuses POSTs to paths whose rate limits live outside this project (allauth's sign-up,
    password reset ...: ``settings.RATE_LIMITED_POST_PREFIXES``) while the rate-limit store is
    down, with a clear 503 page: fail safe rather than unlimited."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefixes = tuple(getattr(settings, "RATE_LIMITED_POST_PREFIXES", ()))
        if request.method == "POST" and prefixes and request.path_info.startswith(prefixes) and not available():
            from django.shortcuts import render

            response = render(
                request,
                "core/unavailable.html",
                {"heading": _("Briefly unavailable"), "message": UNAVAILABLE_MESSAGE},
                status=503,
            )
            response["Retry-After"] = "30"
            return response
        return self.get_response(request)

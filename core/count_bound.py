"""An upper bound of a growing count, kept in the cache, that spares an exact ``COUNT(*)`` while
the count is still far from a threshold.

The exact count stays the database's (``COUNT(*)`` of the rows): this is only a hint of how far
it can be. A write that has just added one counted row calls :func:`bound_add_one`:

- the key is there: it is raised by one, atomically (one Redis round trip), and the caller
  compares it with its threshold; below ``threshold - margin`` the exact count cannot have
  reached the threshold, and the caller skips counting;
- the key is missing (first use, Redis flushed or restarted, the cache down): ``None``, and the
  caller counts exactly and calls :func:`bound_seed` with what it counted.

Why it stays an upper bound: each counted row raises the bound **after** it is committed, so a
bound seeded from a count taken before the commit still gets its one, and one taken after it
counted it already (that row is then counted twice: the bound is only higher). Only seeding
races can leave it lower than the truth, by the rows committed while a seeding count ran (a few
requests in flight); callers keep a margin larger than that. A row taken away (moderators
invalidating fraud) leaves the bound higher than the truth: the caller forgets the key then, so
the next write recounts. Nothing here ever decides alone: near the threshold, and whenever the
cache cannot answer, the exact count decides; a daily catch-up counts exactly as well.
"""

from __future__ import annotations

import logging

from django.core.cache import caches

from .cache_backends import cache_errors

logger = logging.getLogger(__name__)

PREFIX = "ogp:bound"
# Raise the key by one only if it exists (INCR alone would start a missing key at 1: far below
# the truth).
_ADD_ONE_IF_PRESENT = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end
return false
"""


def _cache():
    return caches["default"]


def _key(name: str) -> str:
    return f"{PREFIX}:{name}"


def bound_add_one(name: str) -> int | None:
    """Raise the bound ``name`` by one (a counted row was just committed) and return it; None when
    it is unknown (never seeded, evicted, or the cache cannot be reached): count exactly then."""
    cache = _cache()
    from django.core.cache.backends.redis import RedisCache

    try:
        if isinstance(cache, RedisCache):
            key = cache.make_and_validate_key(_key(name))
            value = cache._cache.get_client(write=True).eval(_ADD_ONE_IF_PRESENT, 1, key)
            return None if value is None else int(value)
        return cache.incr(_key(name))
    except ValueError:  # another cache, and the key is missing
        return None
    except cache_errors() as error:
        logger.warning("Count bound %s unavailable (%s): counting exactly", name, error)
        return None


def bound_seed(name: str, counted: int) -> None:
    """Start the bound ``name`` at an exact count, unless another request seeded it already (kept
    without expiry: a missing key only costs one exact count)."""
    try:
        _cache().add(_key(name), counted, timeout=None)
    except cache_errors() as error:
        logger.warning("Count bound %s not seeded (%s)", name, error)


def bound_forget(name: str) -> None:
    """Drop the bound ``name`` (rows were taken away): the next write counts exactly again."""
    try:
        _cache().delete(_key(name))
    except cache_errors() as error:
        logger.warning("Count bound %s not forgotten (%s)", name, error)

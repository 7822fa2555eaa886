"""Fixed-window rate limits: ``core.ratelimit`` (the hardening engineer's, CONTRACTS item 2) when present.

Until it is on main this module provides the same API over Django's cache, so the identity gate
has one call site to switch.
"""

from __future__ import annotations

try:  # pragma: no cover - depends on what main has merged
    from core.ratelimit import RateLimit, RateLimitUnavailable, hit  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import time
    from dataclasses import dataclass

    from django.core.cache import cache

    @dataclass(frozen=True)
    class RateLimit:  # type: ignore[no-redef]
        count: int
        seconds: int

    class RateLimitUnavailable(Exception):  # type: ignore[no-redef]
        """The cache that counts hits is down: refuse, fail safe."""

    def hit(key: str, limit: RateLimit) -> bool:  # type: ignore[no-redef]
        """Count one hit in the current window; True while within the limit."""
        bucket = f"rl:{key}:{int(time.time() // limit.seconds)}"
        try:
            cache.add(bucket, 0, timeout=limit.seconds + 1)
            try:
                count = cache.incr(bucket)
            except ValueError:
                cache.add(bucket, 1, timeout=limit.seconds + 1)
                count = 1
        except Exception as error:  # noqa: BLE001 - any cache failure
            raise RateLimitUnavailable(str(error)) from error
        return count <= limit.count


try:  # pragma: no cover
    from core.net import client_ip  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover

    def client_ip(request) -> str:
        """The client's address (REMOTE_ADDR; core.net honours trusted proxies once merged)."""
        return request.META.get("REMOTE_ADDR", "") or "unknown"

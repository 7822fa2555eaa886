"""Per-user and per-IP rate limits of comment posting, in Django's cache (Redis when REDIS_URL is set).

A submission token counts once: a double click or a retry of the same form is not a new hit.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from . import rules


def limits() -> dict[str, rules.RateLimit]:
    """The limits in force: ``settings.CONSULTATION_RATE_LIMITS`` may override the defaults."""
    configured = getattr(settings, "CONSULTATION_RATE_LIMITS", {})
    return {
        "user": rules.RateLimit(*configured.get("user", (rules.USER_RATE.count, rules.USER_RATE.seconds))),
        "ip": rules.RateLimit(*configured.get("ip", (rules.IP_RATE.count, rules.IP_RATE.seconds))),
    }


def _hit(key: str, limit: rules.RateLimit) -> bool:
    """Count one hit in the current window; True when it is within the limit."""
    window = int(time.time() // limit.seconds)
    bucket = f"consultations:rl:{key}:{window}"
    cache.add(bucket, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=limit.seconds + 1)
        count = 1
    return not rules.rate_exceeded(count - 1, limit)


def allow(*, user_id: int, ip: str, token: str) -> bool:
    """Whether a new submission (user, IP, token) is within the per-user and per-IP limits."""
    active = limits()
    if not cache.add(f"consultations:rl:token:{user_id}:{token}", 1, timeout=active["user"].seconds * 10):
        return True  # the same form again: not a new hit
    ok_user = _hit(f"user:{user_id}", active["user"])
    ok_ip = _hit(f"ip:{ip}", active["ip"])
    if not (ok_user and ok_ip):
        cache.delete(f"consultations:rl:token:{user_id}:{token}")
    return ok_user and ok_ip


def client_ip(request) -> str:
    """The client's address; behind a reverse proxy set ``CONSULTATION_CLIENT_IP_HEADER``
    (e.g. ``"HTTP_X_FORWARDED_FOR"``) so that visitors are not all counted as the proxy."""
    header = getattr(settings, "CONSULTATION_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"

"""Consultations' own limits of comment posting (per user and per IP), counted by core.ratelimit.

A submission token counts once: a double click or a retry of the same form is not a new hit.
The client's address comes from :func:`core.net.client_ip` (trusted proxies only).
"""

from __future__ import annotations

from django.conf import settings

from core import ratelimit
from core.net import client_ip

from . import rules

__all__ = ["allow", "client_ip", "limits"]


def limits() -> dict[str, ratelimit.RateLimit]:
    """The limits in force: ``settings.CONSULTATION_RATE_LIMITS`` may override the defaults."""
    configured = getattr(settings, "CONSULTATION_RATE_LIMITS", {})
    return {
        "user": ratelimit.RateLimit(*configured.get("user", (rules.USER_RATE.count, rules.USER_RATE.seconds))),
        "ip": ratelimit.RateLimit(*configured.get("ip", (rules.IP_RATE.count, rules.IP_RATE.seconds))),
    }


def allow(*, user_id: int, ip: str, token: str) -> bool:
    """Whether a new submission (user, IP, token) is within the per-user and per-IP limits.

    Raises :class:`core.ratelimit.RateLimitUnavailable` when the counters cannot be reached.
    """
    active = limits()
    once = f"consultations:comment:token:{user_id}:{token}"
    # The token and both counters in one round trip; the same form again is not a new hit.
    flags = ratelimit.hit_many_once(
        once,
        active["user"].seconds * 10,
        [(f"consultations:comment:user:{user_id}", active["user"]), (f"consultations:comment:ip:{ip}", active["ip"])],
    )
    if flags is None:
        return True
    ok_user, ok_ip = flags
    if not (ok_user and ok_ip):
        ratelimit.forget_once(once)
    return ok_user and ok_ip

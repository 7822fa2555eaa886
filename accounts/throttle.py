"""Sign-in throttle shared by the public (allauth) sign-in and the admin's sign-in page.

Every attempt counts against two fixed windows (``settings.LOGIN_RATE_LIMITS``, as
``(count, seconds)``): one per account (the email typed, lower-cased) and one per client
address (:func:`core.net.client_ip`). The per-address limit is much higher than the
per-account one, so that people behind one NAT or proxy are not locked out together by one
guesser, while one account is locked after a handful of wrong passwords. An attempt is counted
*before* the password is checked and taken back when it succeeds, so the attempt after the
limit is refused even with the right password. When the counters cannot be reached the
sign-in is refused with a "try again in a moment" message (fail safe).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.net import client_ip

DEFAULT_LIMITS = {"account": (5, 15 * 60), "ip": (50, 15 * 60)}

LOCKED_MESSAGE = _("Too many failed sign-in attempts. Wait 15 minutes and try again, or reset your password by email.")


def limits() -> dict[str, ratelimit.RateLimit]:
    """The limits in force (``settings.LOGIN_RATE_LIMITS`` overrides the defaults)."""
    configured = {**DEFAULT_LIMITS, **getattr(settings, "LOGIN_RATE_LIMITS", {})}
    return {name: ratelimit.RateLimit(*configured[name]) for name in ("account", "ip")}


def _account(identifier: str) -> str:
    """One key per account whether it is named by username or email (both sign-in pages share
    it); the text typed when no account matches."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    typed = identifier.strip().lower()
    pk = (
        get_user_model()
        .objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed))
        .values_list("pk", flat=True)
        .first()
        if typed
        else None
    )
    return f"user:{pk}" if pk is not None else f"typed:{typed}"


def _keys(request: HttpRequest, identifier: str) -> list[tuple[str, ratelimit.RateLimit]]:
    active = limits()
    return [
        (f"login:account:{_account(identifier)}", active["account"]),
        (f"login:ip:{client_ip(request)}", active["ip"]),
    ]


def throttled(request: HttpRequest, identifier: str, check: Callable[[], Any]) -> Any:
    """Run ``check()`` (which authenticates and returns a user or None) as one counted attempt.

    Raises ``ValidationError`` without calling ``check`` when the account or the address is
    over its limit, or when the counters are unavailable.
    """
    keys = _keys(request, identifier)
    try:
        within = [ratelimit.hit(key, limit) for key, limit in keys]
    except ratelimit.RateLimitUnavailable:
        raise ValidationError(ratelimit.UNAVAILABLE_MESSAGE, code="unavailable") from None
    if not all(within):
        raise ValidationError(LOCKED_MESSAGE, code="too_many_login_attempts")
    user = check()
    if user is not None:
        for key, limit in keys:
            ratelimit.undo(key, limit)
    return user

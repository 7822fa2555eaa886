"""The identity gate (P-3, P-4): national ID + birth date + CAPTCHA, checked with the household registry.

Reusable by anything that must know "one eligible person, once" without knowing who: budgeting
votes and targeted surveys (P-4). It returns a keyed hash of the ID, scoped to one purpose
(``scope``, e.g. ``"process:7"``) so that hashes of two votes cannot be joined; the raw ID and
birth date are never stored. Attempts are limited per browser session and per client address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core import ratelimit

from . import captcha, identity, rules
from .registry import RegistryUnavailable, registry


class IdentityRefused(Exception):
    """The flow ends here, with a message for the person (``code`` says why, for tests and logs)."""

    def __init__(self, code: str, message):
        super().__init__(code)
        self.code = code
        self.message = message


MESSAGES = {
    "limited": _("Too many attempts. For your security, try again in 15 minutes."),
    "limit_unavailable": _("We cannot check your identity right now. Try again in a moment."),
    "captcha": _("The characters in the picture (or the sum) were not right. Try the new challenge."),
    "format": _("This is not a valid national ID or resident certificate number. Check it and try again."),
    "unavailable": _(
        "The household registration service is not available at the moment. Nothing was recorded: "
        "please try again later."
    ),
    "incorrect": _("The household registration service could not confirm this ID number and date of birth."),
    rules.NOT_OLD_ENOUGH: _("You are not old enough to take part in this vote."),
    rules.NOT_RESIDENT: _("Only registered residents of this area can take part."),
    "pending": _("Your declaration that you work or study here is waiting for staff review."),
}


def voter_key() -> bytes:
    """The secret of the voter roll's keyed hashes (its own setting, never SECRET_KEY)."""
    key = getattr(settings, "BUDGETING_VOTER_KEY", "")
    if not key:
        raise ImproperlyConfigured("BUDGETING_VOTER_KEY is not set.")
    return key.encode("utf-8")


def voter_hash(*, scope: str, national_id: str) -> str:
    """HMAC-SHA256 of the normalised ID within one scope: stable for one vote, useless elsewhere."""
    message = f"{scope}|{identity.national_id_normalise(national_id)}".encode()
    return hmac.new(voter_key(), message, hashlib.sha256).hexdigest()


def attempt_allowed(*, session_key: str, ip: str) -> None:
    """Count one identity check for the session and the address; refuse beyond the limits."""
    configured = settings.BUDGETING_IDENTITY_LIMITS
    try:
        ok_session = ratelimit.hit(f"budgeting:id:s:{session_key}", ratelimit.RateLimit(*configured["session"]))
        ok_ip = ratelimit.hit(f"budgeting:id:ip:{ip}", ratelimit.RateLimit(*configured["ip"]))
    except ratelimit.RateLimitUnavailable as error:
        raise IdentityRefused("limit_unavailable", MESSAGES["limit_unavailable"]) from error
    if not (ok_session and ok_ip):
        raise IdentityRefused("limited", MESSAGES["limited"])


def identity_check(
    *,
    session,
    session_key: str,
    ip: str,
    national_id: str,
    birth_date: dt.date,
    captcha_answer: str,
    case_code: str,
    scope: str,
    policy: rules.Eligibility,
    on: dt.date,
    non_resident_status: Callable[[str], str | None] = lambda _hash: None,
) -> str:
    """The whole check, in the order of P-3; returns the scoped voter hash or raises ``IdentityRefused``.

    ``non_resident_status(hash)`` gives the status of a non-resident's declaration
    ("approved", "pending", ...) for processes open to people who work or study locally.
    """
    attempt_allowed(session_key=session_key, ip=ip)
    if not captcha.challenge_check(session, captcha_answer):
        raise IdentityRefused("captcha", MESSAGES["captcha"])
    national_id = identity.national_id_normalise(national_id)
    if not identity.national_id_valid(national_id):
        raise IdentityRefused("format", MESSAGES["format"])
    try:
        answer = registry().check(case_code=case_code, national_id=national_id, birth_date=birth_date)
    except RegistryUnavailable as error:
        raise IdentityRefused("unavailable", MESSAGES["unavailable"]) from error
    if not answer.correct:
        raise IdentityRefused("incorrect", MESSAGES["incorrect"])
    hashed = voter_hash(scope=scope, national_id=national_id)
    status = None if answer.resident else non_resident_status(hashed)
    reason = rules.ineligibility(
        policy, birth_date=birth_date, on=on, resident=answer.resident, non_resident_approved=status == "approved"
    )
    if reason == rules.NOT_RESIDENT and policy.allow_non_residents and status == "pending":
        raise IdentityRefused("pending", MESSAGES["pending"])
    if reason is not None:
        raise IdentityRefused(reason, MESSAGES[reason])
    return hashed

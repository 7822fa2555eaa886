"""allauth's adapter: client address from core.net, sign-ins through accounts.throttle."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from core.net import client_ip

from . import throttle


class AccountAdapter(DefaultAccountAdapter):
    """The project's allauth adapter."""

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's rate limits count: the same as every other limit of the site."""
        return client_ip(request)

    def authenticate(self, request: HttpRequest, **credentials: Any):
        """One throttled attempt, counted with the admin's sign-in (allauth's own
        ``login_failed`` limit is off: ``ACCOUNT_RATE_LIMITS``)."""
        identifier = str(credentials.get("email") or credentials.get("username") or "")
        return throttle.throttled(
            request, identifier, lambda: super(AccountAdapter, self).authenticate(request, **credentials)
        )

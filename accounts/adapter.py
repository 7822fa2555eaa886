"""allauth's adapter: the client's address comes from core.net (trusted proxies only)."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from core.net import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """The project's allauth adapter."""

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address allauth's rate limits count: the same as every other limit of the site."""
        return client_ip(request)

"""The client's network address, the one place every rate limit asks for it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (default 0: the site faces the internet),
each proxy appends the address it received the request from to ``X-Forwarded-For``. Only
those appended entries can be believed: the client may send any ``X-Forwarded-For`` it
likes, and its entries come first. So the client's address is the N-th entry from the right
(the rightmost one no trusted proxy vouches for), never the first one.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def _valid(address: str) -> str | None:
    """``address`` normalised when it is an IP address (IPv4, IPv6), else None."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The client's address, honouring ``settings.TRUSTED_PROXY_COUNT``.

    With 0 trusted proxies: ``REMOTE_ADDR``. With N: the N-th address from the right of
    ``X-Forwarded-For``. A header shorter than N entries, or an entry that is not an IP
    address, means the request did not come through the configured proxies: the peer
    address (``REMOTE_ADDR``) is used then. ``"unknown"`` when there is no address at all.
    """
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return _valid(forwarded[-count]) or remote

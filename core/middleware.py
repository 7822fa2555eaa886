"""Full-page cache for anonymous visitors, renewed as soon as the content a page shows changes.

``PageCacheMiddleware`` (right after WhiteNoise in MIDDLEWARE) answers a GET of a public path
from a visitor without a session or pending messages from the ``template_fragments`` cache
(in-process LRU over Redis, core/cache_backends.py), keyed by the path (language included),
the query string and the path's content **stamp** (core/cache.py): one round trip to read the
versions, none for the body when this process has it. Responses are stored only when they are
a plain 200 that sets no cookie and is not private. For every request it also records the
path, so fragments are keyed by the same stamp.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_response_headers

from . import cache as content

UNCACHED_PREFIXES = ("/admin/", "/accounts/", "/en/accounts/", "/documents/", "/django-admin/", "/static/", "/media/")
UNCACHED_PATHS = ("/healthz",)
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _cacheable(request) -> bool:
    """Public GETs from visitors without a session or pending messages."""
    return (
        request.method == "GET"
        and settings.CACHE_MIDDLEWARE_SECONDS > 0
        and not request.path.startswith(UNCACHED_PREFIXES)
        and request.path not in UNCACHED_PATHS
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def _storable(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def page_key(request, stamp: str) -> str:
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return f"ogp:page:{path}:{stamp}"


class PageCacheMiddleware:
    """Serves and stores anonymous public pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            token = content.begin_request(request.path)
            try:
                return self.get_response(request)
            finally:
                content.end_request(token)
        stamp = content.path_stamp(request.path)
        token = content.begin_request(request.path, stamp)
        try:
            store = content.fragment_cache()
            key = page_key(request, stamp)
            entry = store.get(key)
            if entry is not None:
                status, headers, body = entry
                response = HttpResponse(body, status=status)
                for name, value in headers:
                    response[name] = value
                return response
            response = self.get_response(request)
            if _storable(response):
                patch_response_headers(response, settings.CACHE_MIDDLEWARE_SECONDS)
                if getattr(settings, "CDN_CACHE_SECONDS", 0) > 0:  # a shared cache (CDN, proxy) may keep it too
                    patch_cache_control(response, public=True, s_maxage=settings.CDN_CACHE_SECONDS)
                headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
                store.set(key, (response.status_code, headers, response.content), settings.CACHE_MIDDLEWARE_SECONDS)
            return response
        finally:
            content.end_request(token)

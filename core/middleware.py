"""Full-page cache for anonymous visitors, invalidated as soon as public content changes.

Django's cache middleware, keyed additionally by the content version (``core.cache``),
so an edit is visible at once. Only public paths are cached (GET and HEAD); responses that vary on a
cookie the visitor sends (a logged-in user, a pending message) or that set a cookie are
never shared (Django's own rules).
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils import translation

from .cache import content_version

UNCACHED_PREFIXES = ("/admin/", "/accounts/", "/en/accounts/", "/documents/", "/django-admin/")


PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _cacheable(request) -> bool:
    """Public paths for visitors without a session or pending messages."""
    return (
        settings.CACHE_MIDDLEWARE_SECONDS > 0
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


class PageCacheUpdateMiddleware(UpdateCacheMiddleware):
    """First in MIDDLEWARE: stores anonymous public responses."""

    def process_response(self, request, response):
        if not _cacheable(request):
            return response
        self.key_prefix = f"page:{content_version()}"
        return super().process_response(request, response)


class PageCacheFetchMiddleware(FetchFromCacheMiddleware):
    """Early in MIDDLEWARE: answers from the cache when it can.

    It runs before LocaleMiddleware, so it activates the path's language itself: the
    cache key includes the active language."""

    def process_request(self, request):
        if not _cacheable(request):
            request._cache_update_cache = False
            return None
        translation.activate(translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)
        self.key_prefix = f"page:{content_version()}"
        return super().process_request(request)

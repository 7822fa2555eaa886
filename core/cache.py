"""Fragment caching of public pages, invalidated whenever public content changes.

Public templates wrap their expensive parts in
``{% cache FRAGMENT_SECONDS "name" CURRENT_LANGUAGE CONTENT_VERSION ... %}``. The content
version is a number in the cache, bumped by every save or delete of a model of the
project's apps and by Wagtail page publishing, so an edit shows at once; the timeout
bounds staleness for writes that bypass signals (``QuerySet.update``: call
``bump_content_version()`` after one).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "ogp:content-version"
CONTENT_APPS = {"core", "accounts", "commitments", "forum", "minutes", "consultations", "wagtailcore", "wagtaildocs"}


def content_version() -> int:
    """The current content version (set on first use)."""
    version = cache.get(KEY)
    if version is None:
        version = time.time_ns()
        cache.add(KEY, version, timeout=None)
        version = cache.get(KEY, version)
    return version


def cached_fragment(parts: tuple, build: Callable[[], dict]) -> dict:
    """What ``build()`` returns (rendered HTML and the like), cached per ``parts``, language
    and content version for ``FRAGMENT_CACHE_SECONDS`` (0 turns it off). For views whose
    queries should not run at all when their part of the page is cached."""
    from django.conf import settings

    from core.i18n import current_language

    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return build()
    key = "ogp:fragment:" + ":".join(str(part) for part in (*parts, current_language(), content_version()))
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def bump_content_version(**_kwargs) -> None:
    """Invalidate every cached fragment."""
    cache.set(KEY, time.time_ns(), timeout=None)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        bump_content_version()


def connect() -> None:
    """Listen to every model change of the content apps (called from CoreConfig.ready)."""
    post_save.connect(_on_change, dispatch_uid="ogp-cache-save")
    post_delete.connect(_on_change, dispatch_uid="ogp-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="ogp-cache-m2m")
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(bump_content_version, dispatch_uid="ogp-cache-publish")
    page_unpublished.connect(bump_content_version, dispatch_uid="ogp-cache-unpublish")

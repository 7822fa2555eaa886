"""Content versions: cached pages and fragments change as soon as the content they show does.

Every save or delete of a model of a content app bumps the version of that model's **scope**
(its app label, or a narrower one from ``MODEL_SCOPES``: comments are their own scope). The
versions live in the shared cache (Redis in production: every process sees a bump at once) and
are read with one ``get_many`` per request. A public path depends on a set of scopes
(``PATH_SCOPES``, by URL prefix; anything else depends on all of them); its **stamp** — the
versions of those scopes — keys its page-cache entry (core/middleware.py) and its fragments
(``{% cache FRAGMENT_SECONDS "name" CURRENT_LANGUAGE CONTENT_VERSION ... %}`` and
``cached_fragment``). So a comment renews only the consultation pages, an edited minutes only the
pages that show minutes, and a login (``last_login`` only) nothing at all.

A write that bypasses signals (``QuerySet.update``, ``bulk_create``) must call
``bump_content_version()`` (every scope) or ``bump("scope", ...)``. Fragments and pages are stored
in the ``template_fragments`` cache (core/cache_backends.py: in-process LRU over Redis).
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "ogp:v:"
# App label -> scope. Every other app of the project is its own scope (its label).
CONTENT_APPS = {
    "core": "pages",
    "wagtailcore": "pages",
    "wagtaildocs": "pages",
    "accounts": "accounts",
    "commitments": "commitments",
    "forum": "forum",
    "minutes": "minutes",
    "consultations": "consultations",
}
# "app_label.model_name" -> scope, or None for models no public page shows.
MODEL_SCOPES: dict[str, str | None] = {
    "consultations.comment": "comments",
    "consultations.consultationcounter": "comments",
    "consultations.agencynotificationsetting": None,
    # A roll entry is only ever written with its ballot, in the same transaction
    # (budgeting.services.ballot_cast): the ballot's save renews the budgeting pages; one Redis
    # write per ballot, not two.
    "budgeting.voterrollentry": None,
    # Ballots are their own scope: what voting reads (the process, its phases, projects and
    # consent versions) stays cached while votes come in; the pages that show results follow them.
    "budgeting.ballot": "ballots",
    "core.outgoingemail": None,
    "core.scheduledjobrun": None,
}
# Saves that change only these fields never change a public page.
IGNORED_UPDATES = {"accounts.user": {"last_login"}}
# URL prefix (without the /en language prefix) -> the scopes its pages show; longest prefix wins.
_LISTS = {"pages", "accounts", "commitments"}
PATH_SCOPES: dict[str, set[str]] = {
    "/consultations/": _LISTS | {"consultations", "comments"},
    "/api/v1/consultations/": _LISTS | {"consultations", "comments"},
    "/forums/": _LISTS | {"forum", "minutes", "consultations"},
    "/api/v1/forums/": _LISTS | {"forum", "minutes"},
    "/minutes/": _LISTS | {"forum", "minutes"},
    "/api/v1/minutes/": _LISTS | {"forum", "minutes"},
    "/plans/": _LISTS | {"forum", "minutes", "consultations"},
    "/api/v1/commitments/": _LISTS | {"forum", "minutes", "consultations"},
    "/api/v1/action-plans/": _LISTS | {"forum", "minutes", "consultations"},
    "/proposals/": _LISTS | {"proposals"},
    "/api/v1/proposals/": _LISTS | {"proposals"},
    "/budgeting/": _LISTS | {"budgeting", "ballots", "consultations"},
    "/api/v1/budgeting/": _LISTS | {"budgeting", "ballots"},
}

# The request being served: {"path": ..., "stamp": computed on first use}.
_current: contextvars.ContextVar[dict | None] = contextvars.ContextVar("ogp_content_request", default=None)


@functools.cache
def _project_apps() -> frozenset[str]:
    """Labels of the project's own apps (any new app is a content app by default)."""
    from django.apps import apps
    from django.conf import settings

    base = Path(settings.BASE_DIR).resolve()
    return frozenset(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base) and ".venv" not in Path(config.path).parts
    )


def all_scopes() -> set[str]:
    return (
        set(CONTENT_APPS.values())
        | {scope for scope in MODEL_SCOPES.values() if scope}
        | {CONTENT_APPS.get(label, label) for label in _project_apps()}
    )


def scopes_for_path(path: str) -> set[str]:
    """The scopes the page at ``path`` depends on (every scope when unknown)."""
    if path.startswith("/en/"):
        path = path[3:]
    best = None
    for prefix in PATH_SCOPES:
        if path.startswith(prefix) and (best is None or len(prefix) > len(best)):
            best = prefix
    return set(PATH_SCOPES[best]) if best else all_scopes()


def versions(scopes: Iterable[str]) -> dict[str, int]:
    """The current version of each scope (one round trip; missing ones are created)."""
    keys = {PREFIX + scope: scope for scope in scopes}
    found = cache.get_many(list(keys))
    result = {keys[key]: value for key, value in found.items()}
    for key, scope in keys.items():
        if scope not in result:
            cache.add(key, time.time_ns(), timeout=None)
            result[scope] = cache.get(key) or 0
    return result


def stamp(scopes: Iterable[str] | None = None) -> str:
    """A short string naming the versions of ``scopes`` (all when None)."""
    current = versions(sorted(all_scopes() if scopes is None else scopes))
    return ".".join(f"{current[scope] % 1_000_000_007:x}" for scope in sorted(current))


def begin_request(path: str, stamp_value: str | None = None) -> contextvars.Token:
    """Called by the page-cache middleware for every request: fragments use this path's stamp."""
    return _current.set({"path": path, "stamp": stamp_value})


def end_request(token: contextvars.Token) -> None:
    _current.reset(token)


def path_stamp(path: str) -> str:
    return stamp(scopes_for_path(path))


def content_version() -> str:
    """The stamp keying cached fragments: the current request's path stamp, else every scope's."""
    current = _current.get()
    if current is None:
        return stamp()
    if current["stamp"] is None:
        current["stamp"] = path_stamp(current["path"])
    return current["stamp"]


def scoped_stamp(scopes: Iterable[str]) -> str:
    """The stamp of ``scopes`` only, read once per request (one round trip the first time)."""
    key = tuple(sorted(scopes))
    current = _current.get()
    if current is None:
        return stamp(key)
    memo = current.setdefault("stamps", {})
    if key not in memo:
        memo[key] = stamp(key)
    return memo[key]


def cached_fragment(parts: tuple, build: Callable[[], dict], *, scopes: Iterable[str] | None = None) -> dict:
    """What ``build()`` returns (rendered HTML and the like), cached per ``parts``, language
    and content version for ``FRAGMENT_CACHE_SECONDS`` (0 turns it off). For views whose
    queries should not run at all when their part of the page is cached. ``scopes``: what it
    depends on when narrower than the request's path (``scoped_stamp``), e.g. a write path
    that reads what its own writes never change."""
    from django.conf import settings

    from core.i18n import current_language

    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return build()
    store = fragment_cache()
    version = content_version() if scopes is None else scoped_stamp(scopes)
    key = "ogp:fragment:" + ":".join(str(part) for part in (*parts, current_language(), version))
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, seconds)
    return value


def fragment_cache():
    """The cache of pages and fragments (two-level when configured)."""
    from django.conf import settings

    return caches["template_fragments" if "template_fragments" in settings.CACHES else "default"]


def bump(*scopes: str) -> None:
    """Renew the version of ``scopes``: pages and fragments depending on them are rebuilt."""
    now = time.time_ns()
    if len(scopes) == 1:  # every single write: one SET, not a MULTI/SET/EXEC pipeline
        cache.set(PREFIX + scopes[0], now, timeout=None)
    else:
        cache.set_many({PREFIX + scope: now for scope in scopes}, timeout=None)


def bump_content_version(**_kwargs) -> None:
    """Renew every scope (after writes that bypass signals, and on page publishing)."""
    bump(*all_scopes())


def scope_of(model, update_fields=None) -> str | None:
    """The scope a change of ``model`` renews (None: no public page shows it)."""
    label = model._meta.label_lower
    if update_fields and label in IGNORED_UPDATES and set(update_fields) <= IGNORED_UPDATES[label]:
        return None
    if label in MODEL_SCOPES:
        return MODEL_SCOPES[label]
    app = model._meta.app_label
    if app in CONTENT_APPS:
        return CONTENT_APPS[app]
    return app if app in _project_apps() else None


def _on_change(sender, update_fields=None, **kwargs) -> None:
    scope = scope_of(sender, update_fields)
    if scope:
        bump(scope)


def _on_publish(sender=None, **kwargs) -> None:
    bump("pages")


def connect() -> None:
    """Listen to every model change of the content apps (called from CoreConfig.ready)."""
    post_save.connect(_on_change, dispatch_uid="ogp-cache-save")
    post_delete.connect(_on_change, dispatch_uid="ogp-cache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="ogp-cache-m2m")
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(_on_publish, dispatch_uid="ogp-cache-publish")
    page_unpublished.connect(_on_publish, dispatch_uid="ogp-cache-unpublish")


# Blocks of a page template kept in a cached page body (the frame, base.html, is rendered per request).
CACHED_BLOCKS = ("title", "extra_head", "content")


def render_cached(request, template_name: str, parts: tuple, build: Callable[[], dict], *, status: int = 200):
    """Render ``template_name`` (a page extending base.html) with the context ``build()``
    returns, caching its ``title``, ``extra_head`` and ``content`` blocks as one fragment
    (``cached_fragment``: per ``parts``, language and content version).

    Only the page's own blocks are cached: the frame (header with the account menu, messages,
    language links, search box) is rendered for each request, so a signed-in user's frame is
    never shared. The blocks must not depend on the user; ``parts`` must name everything else
    they depend on (ids, the query string). A cache hit runs none of ``build()``'s queries.
    """
    from django.shortcuts import render
    from django.template.loader import get_template
    from django.template.loader_tags import ExtendsNode
    from django.utils.safestring import mark_safe

    def blocks() -> dict:
        template = get_template(template_name)
        extends = template.template.nodelist.get_nodes_by_type(ExtendsNode)[0]
        from django.template.context import make_context

        context = make_context(build(), request)
        rendered = {}
        with context.bind_template(template.template):
            for name in CACHED_BLOCKS:
                node = extends.blocks.get(name)
                rendered[name] = node.nodelist.render(context) if node is not None else None
        return rendered

    found = cached_fragment(("page", template_name, *parts), blocks)
    return render(
        request,
        "core/cached_page.html",
        {name: mark_safe(value) if value is not None else None for name, value in found.items()},  # noqa: S308 - our templates
        status=status,
    )

"""Slots through which a lower app asks "who has something for X?" without naming higher apps.

An app registers a provider for a slot in its ``AppConfig.ready()``::

    from core import providers

    providers.register("commitment_page", public.commitment_section)

and the app that owns the page or command collects every provider's answer::

    sections = providers.collect("commitment_page", commitment=commitment, request=request)

``collect`` calls the providers of the installed apps only, in ``INSTALLED_APPS`` order, and
returns each non-``None`` result. An app removed from ``INSTALLED_APPS`` never registers (its
``ready()`` does not run) and a provider left over from an earlier app registry (tests that
change ``INSTALLED_APPS``) is skipped, so the pages that collect keep working without it.

Slots (keyword arguments → what a provider returns; ``None`` for "nothing here"):

``home``
    ``request`` → a ``Section`` of the home page (``core/home.py``). ``wide=True`` sections
    span the page (the plan's commitments); the others share columns below. Collected only
    when the page's cached fragment is rebuilt: keep querysets lazy.
``commitment_page``
    ``commitment``, ``request`` → a ``Section`` shown on a commitment's public page below its
    table (its forum, the forum's minutes, its consultations). Rendered inside the page's
    cached fragment.
``navigation``
    ``request`` → a ``Link`` in the site's main navigation (``templates/base.html``).
``account_menu``
    ``request`` → a ``Link`` in the account menu of a signed-in user.
``setup``
    no arguments → nothing; brings the app's part of the database to a usable state
    (workflows, shipped seed data). Run by ``manage.py setup_site`` after roles and the home
    page, in ``INSTALLED_APPS`` order. Must be idempotent.
``demo``
    ``accounts`` (role → demo ``User``) → nothing; loads the app's demo data. Run by
    ``manage.py load_demo`` in ``INSTALLED_APPS`` order, only where ``DEMO_DATA_ALLOWED``.
``personal_data``
    ``user`` → a dict of JSON-ready lists of what the app holds about ``user`` (K-4 export),
    merged into ``accounts.services.account_export``.
``search``
    ``query``, ``request`` → a list of ``core.sitesearch.Group`` (one per kind of result the app
    owns: hits with title, address, excerpt, date) for the site-wide search (``/search/``).
    Chinese-aware matching through ``core.search``, both languages; public content only.
``feeds``
    ``request`` → a ``Link`` to an Atom feed, advertised on every page
    (``<link rel="alternate" type="application/atom+xml">`` in ``templates/base.html``).
``reminders``
    ``today`` → a list of ``core.reminders.Reminder`` due that day (before a deadline and on
    the day it passes); ``manage.py send_reminders`` sends each once (``SentReminder``).
``admin_dashboard``
    ``request`` → a Wagtail admin panel for the staff dashboard (reserved).

A new slot: add it to this list (name, arguments, result) in the same commit as its first
``collect`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

_registry: dict[str, list[Callable[..., Any]]] = {}


@dataclass(frozen=True)
class Section:
    """A part of a page contributed by another app: a template and the context it needs."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    wide: bool = False


@dataclass(frozen=True)
class Link:
    """A link offered by another app (navigation, menus): its address and its label."""

    url: str
    label: str


def register(slot: str, provider: Callable[..., Any]) -> None:
    """Offer ``provider`` for ``slot`` (call from ``AppConfig.ready()``; registering twice is a no-op)."""
    providers = _registry.setdefault(slot, [])
    if provider not in providers:
        providers.append(provider)


def _app_index(provider: Callable[..., Any]) -> int | None:
    """The position of the provider's app in INSTALLED_APPS, or None when it is not installed."""
    config = apps.get_containing_app_config(provider.__module__)
    if config is None:
        return None
    return [c.name for c in apps.get_app_configs()].index(config.name)


def providers_for(slot: str) -> list[Callable[..., Any]]:
    """The installed providers of ``slot`` in INSTALLED_APPS order."""
    ranked = [(index, n, p) for n, p in enumerate(_registry.get(slot, [])) if (index := _app_index(p)) is not None]
    return [p for _index, _n, p in sorted(ranked, key=lambda item: (item[0], item[1]))]


def collect(slot: str, **kwargs: Any) -> list[Any]:
    """Call every installed provider of ``slot`` with ``kwargs``; their non-None results in order."""
    results = []
    for provider in providers_for(slot):
        result = provider(**kwargs)
        if result is not None:
            results.append(result)
    return results

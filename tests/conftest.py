"""Shared fixtures: the seeded site in every test database, Chinese active by default."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with roles, the home page and the shipped action plans."""
    with django_db_blocker.unblock():
        call_command("setup_site", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and cached fragments never leak from one test to the next."""
    from django.core.cache import caches

    from core import policy_store

    for cache in caches.all():
        cache.clear()
    policy_store.invalidate()  # the per-process copy of the policy version too
    yield


@pytest.fixture(autouse=True)
def _rate_limit_clock(monkeypatch):
    """Rate limits count in fixed windows: a window ending mid-test would reset the counts."""
    import time

    from core import ratelimit

    frozen = time.time()
    monkeypatch.setattr(ratelimit, "_now", lambda: frozen)


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """The active language leaks between tests (STACK_NOTES): start each in Chinese."""
    translation.activate("zh-hant")
    yield
    translation.activate("zh-hant")


@pytest.fixture
def seeded_transactional_db(transactional_db):
    """A transactional database (flushed after each test) with the site set up again."""
    call_command("setup_site", verbosity=0)
    return transactional_db


@pytest.fixture
def demo_accounts(db):
    """One account per staff role, as `make run` creates them."""
    from core.services import demo_accounts_ensure

    return demo_accounts_ensure()


@pytest.fixture
def plan(db):
    from commitments.models import ActionPlan

    return ActionPlan.objects.get(slug="2020-2024")


@pytest.fixture
def users(db):
    """One account per role (tests.factories), plus a second convener, an agency officer
    acting as a forum's secretariat, a staff member without a role and a plain citizen."""
    from core.roles import AGENCY_OFFICER, CONVENER, MODERATOR, NDC_EDITOR
    from tests.factories import UserFactory

    return {
        "ndc_editor": UserFactory(email="editor@example.org", roles=[NDC_EDITOR]),
        "convener": UserFactory(email="convener@example.org", roles=[CONVENER]),
        "other_convener": UserFactory(email="other@example.org", roles=[CONVENER]),
        "secretariat": UserFactory(email="secretariat@example.org", roles=[AGENCY_OFFICER]),
        "officer": UserFactory(email="officer@example.org", roles=[AGENCY_OFFICER]),
        "moderator": UserFactory(email="moderator@example.org", roles=[MODERATOR]),
        "staff_without_role": UserFactory(email="norole@example.org"),
        "citizen": UserFactory(email="citizen@example.org"),
    }


def _clear_caches() -> None:
    from django.core.cache import caches

    for alias in ("default", "template_fragments"):
        caches[alias].clear()


@pytest.fixture
def fragments_on(settings):
    """Cached fragments as served (FRAGMENT_CACHE_SECONDS=300), from empty caches."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture
def page_cache_on(settings):
    """The anonymous page cache and fragments as served, from empty caches."""
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 300
    _clear_caches()
    yield
    _clear_caches()

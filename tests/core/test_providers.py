"""The provider registry (core.providers): installed apps only, INSTALLED_APPS order, None dropped."""

from __future__ import annotations

import pytest

from core import providers


@pytest.fixture
def slot(monkeypatch):
    """A throw-away slot name, removed from the registry after the test."""
    name = "test-slot"
    monkeypatch.setattr(providers, "_registry", {})
    return name


def _provider(module: str, value):
    def provide(**kwargs):
        return value(**kwargs) if callable(value) else value

    provide.__module__ = module
    return provide


def test_collect_in_installed_apps_order_and_drops_none(slot):
    minutes = _provider("minutes.public", "minutes")
    commitments = _provider("commitments.public", "commitments")
    forum = _provider("forum.public", None)
    for provider in (minutes, commitments, forum):
        providers.register(slot, provider)
    assert providers.collect(slot) == ["commitments", "minutes"]


def test_collect_passes_keyword_arguments(slot):
    providers.register(slot, _provider("forum.public", lambda number: number * 2))
    assert providers.collect(slot, number=21) == [42]


def test_register_twice_is_a_no_op(slot):
    provider = _provider("forum.public", "forum")
    providers.register(slot, provider)
    providers.register(slot, provider)
    assert providers.collect(slot) == ["forum"]


def test_provider_of_an_app_not_installed_is_skipped(slot):
    providers.register(slot, _provider("not_an_installed_app.public", "stray"))
    providers.register(slot, _provider("core.views", "core"))
    assert providers.collect(slot) == ["core"]


def test_unknown_slot_collects_nothing(slot):
    assert providers.collect("nobody-offers-this") == []

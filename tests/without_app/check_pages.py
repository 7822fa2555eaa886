"""Run by tests/core/test_removable_apps.py under tests/without_app/settings.py (apps left out).

Not collected by the normal run (its name does not start with ``test_``).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    """Set-up and demo data of the apps still installed (their commands work without the others)."""
    call_command("setup_site", verbosity=0)
    call_command("load_demo", verbosity=0)


def _mentions_a_removed_app(body: str) -> set[str]:
    return {app for app in settings.WITHOUT_APPS if f"/{app}/" in body}


def test_the_apps_are_really_gone():
    assert not any(apps.is_installed(app) for app in settings.WITHOUT_APPS)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_home_page_works(client, demo, prefix):
    response = client.get(f"{prefix}/")
    assert response.status_code == 200
    assert not _mentions_a_removed_app(response.content.decode())


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_commitment_page_works(client, demo, plan, prefix):
    paths = [c.get_absolute_url() for c in plan.commitments.order_by("number")[:3]]
    for path in paths:
        response = client.get(f"{prefix}{path}")
        assert response.status_code == 200
        assert not _mentions_a_removed_app(response.content.decode())


def test_plan_page_and_api_work(client, demo, plan):
    assert client.get(f"/plans/{plan.slug}/").status_code == 200
    assert client.get("/api/v1/commitments/").status_code == 200

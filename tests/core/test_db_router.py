"""Primary + replica router (docs/deploy.md) and the shared-cache header of anonymous pages."""

from __future__ import annotations

import pytest
from django.db import connections

from core.db_router import PrimaryReplicaRouter


def test_reads_go_to_the_replica_writes_and_migrations_to_the_primary():
    router = PrimaryReplicaRouter()
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("default", "core") is True
    assert router.allow_migrate("replica", "core") is False


def test_reads_inside_a_write_transaction_stay_on_the_primary(monkeypatch):
    router = PrimaryReplicaRouter()
    monkeypatch.setattr(connections["default"], "in_atomic_block", False)
    assert router.db_for_read(None) == "replica"
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)
    assert router.db_for_read(None) == "default"


@pytest.mark.django_db
def test_anonymous_pages_are_shared_cacheable_when_a_cdn_is_configured(client, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.CDN_CACHE_SECONDS = 300
    response = client.get("/en/plans/2020-2024/")
    assert response.status_code == 200
    assert "s-maxage=300" in response["Cache-Control"] and "public" in response["Cache-Control"]

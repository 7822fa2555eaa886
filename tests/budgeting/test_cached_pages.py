"""The processes page, the projects API and the comments count of the consultations API are cached fragments
(by content version, and day for the phase of today), renewed as soon as what they show changes."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from budgeting.models import Phase, Process

from .conftest import add_project, make_process

pytestmark = pytest.mark.django_db


def test_the_processes_page_is_cached_and_renewed_by_a_change(client, fragments_on, django_assert_num_queries):
    process = make_process(phase="voting")
    first = client.get("/en/budgeting/")
    assert "Zhongzheng participatory budget" in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get("/en/budgeting/").content == first.content
    Process.objects.filter(pk=process.pk).update(title_en="Renamed")  # no signal: bump by hand
    from core.cache import bump

    bump("budgeting")
    assert "Renamed" in client.get("/en/budgeting/").content.decode()
    Phase.objects.filter(process=process).delete()  # signals: the page renews itself
    assert "Between phases" in client.get("/en/budgeting/").content.decode()


def test_the_cached_page_is_the_page_rendered_without_a_cache(client, settings):
    make_process(phase="voting")
    settings.FRAGMENT_CACHE_SECONDS = 0
    uncached = {path: client.get(path).content for path in ("/budgeting/", "/en/budgeting/")}
    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    for path, body in uncached.items():
        client.get(path)
        assert client.get(path).content == body


def test_the_projects_api_is_cached_and_renewed_by_a_change(client, fragments_on, django_assert_num_queries):
    process = make_process(phase="voting")
    add_project(process, "公園步道", 400)
    path = f"/api/v1/budgeting/{process.pk}/projects/"
    first = client.get(path).json()
    assert first["count"] >= 1
    with django_assert_num_queries(0):
        assert client.get(path).json() == first
    project = process.projects.order_by("pk").first()
    project.cost_estimate += 1
    project.save()  # signals renew the budgeting scope
    assert client.get(path).json()["items"][0]["cost_estimate"] == project.cost_estimate
    assert client.get("/api/v1/budgeting/99999/projects/").status_code == 404

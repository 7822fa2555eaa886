"""Query budgets of the public budgeting pages and API, independent of the number of projects
and ballots (issue 11); their cached bodies follow every change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from budgeting import services
from budgeting.models import Ballot
from tests.budgeting.conftest import add_project, make_process

pytestmark = pytest.mark.django_db


def _queries(url: str) -> int:
    client = Client()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _finished(demo_accounts, projects: int, ballots: int):
    process = make_process(phase="results", budget=100, max_choices=3, binding_method="mes", electorate=400)
    pks = [add_project(process, f"計畫 {n}", 20 + n).pk for n in range(projects)]
    Ballot.objects.bulk_create(
        [Ballot(process=process, choices=pks[n % projects : n % projects + 2]) for n in range(ballots)]
    )
    services.results_publish(process=process, user=demo_accounts["ndc_editor"])
    return process


# (url, budget)
URLS = [
    ("/budgeting/", 6),
    ("/budgeting/{voting}/", 6),
    ("/en/budgeting/{finished}/results/", 6),
    ("/api/v1/budgeting/{finished}/projects/", 5),
]


@pytest.mark.parametrize(("url", "budget"), URLS)
def test_query_budget_does_not_grow_with_projects(demo_accounts, url, budget):
    small_voting = make_process()
    for n in range(3):
        add_project(small_voting, f"小 {n}", 100)
    small_finished = _finished(demo_accounts, projects=3, ballots=10)
    path = url.format(voting=small_voting.pk, finished=small_finished.pk)
    _queries(path)  # warm-up
    small = _queries(path)
    large_voting = make_process()
    for n in range(40):
        add_project(large_voting, f"大 {n}", 100)
    large_finished = _finished(demo_accounts, projects=40, ballots=300)
    assert _queries(url.format(voting=large_voting.pk, finished=large_finished.pk)) == small
    assert small <= budget


def test_cached_process_page_follows_changes(fragments_on):
    process = make_process()
    project = add_project(process, "公園", 400)
    url = f"/budgeting/{process.pk}/"
    assert "公園" in Client().get(url).content.decode()
    cached = _queries(url)
    project.title_zh_hant = "河濱公園"
    project.save()
    body = Client().get(url).content.decode()
    assert "河濱公園" in body
    assert _queries(url) == cached
    assert "河濱公園 (en)" not in body and "公園 (en)" in Client().get(f"/en{url}").content.decode()

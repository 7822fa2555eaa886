"""Query budget of the ballot write (P-1 one ballot per identity, P-3 secrecy): the ballot's
projects are read once (for the form and for the checks), the roll entry and the ballot are
written in one transaction, the session forgets the voter."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from budgeting.models import Ballot, VoterRollEntry

from .conftest import RESIDENT, RESIDENT_2
from .test_vote_views import agree, check_identity

pytestmark = pytest.mark.django_db

# Uncached (as in the other tests): the session, the process, its phases, its consent versions, the
# projects, BEGIN/roll entry/ballot/COMMIT, the session's BEGIN/UPDATE/COMMIT (Django's database
# sessions). As served, see test_rule_P_3_cached_voting_reads_and_receipt_page: 5.
BALLOT_QUERIES = 12


def test_rule_P_1_ballot_write_has_a_fixed_query_budget(voting_process, solve_captcha):
    client = Client()
    agree(client, voting_process)
    assert check_identity(client, voting_process, solve_captcha).status_code == 302
    first = voting_process.projects.order_by("pk").first()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/budgeting/{voting_process.pk}/vote/ballot/", {"projects": [str(first.pk)]})
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) <= BALLOT_QUERIES, [s[:80] for s in sql]
    assert sum('FROM "budgeting_project"' in s for s in sql) == 1  # read once
    assert Ballot.objects.count() == 1 and VoterRollEntry.objects.count() == 1


def test_rule_P_1_a_ballot_renews_the_budgeting_pages_once():
    """The roll entry (written only with its ballot) bumps no version of its own; the ballot bumps
    its own scope, which the budgeting pages depend on, and not what voting reads."""
    from budgeting import vote_views
    from budgeting.models import Ballot, VoterRollEntry
    from core.cache import scope_of, scopes_for_path

    assert scope_of(Ballot) == "ballots"
    assert scope_of(VoterRollEntry) is None
    assert "ballots" in scopes_for_path("/budgeting/1/results/") and "ballots" in scopes_for_path("/en/budgeting/")
    assert "ballots" in scopes_for_path("/api/v1/budgeting/processes/") and "ballots" in scopes_for_path("/")
    assert "ballots" not in vote_views.STABLE_SCOPES and "budgeting" in vote_views.STABLE_SCOPES


@pytest.fixture
def fragments_on(settings):
    from django.core.cache import caches

    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "core.sessions"  # as served: read from the cache, saved with one UPDATE
    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    yield
    for alias in ("default", "template_fragments"):
        caches[alias].clear()


# BEGIN, roll entry, ballot, COMMIT, the session's UPDATE (its read: from the cache).
SERVED_BALLOT_QUERIES = 5
RECEIPT = re.compile(r'<code class="receipt">([^<]+)</code>')
VOTING_READS = ("budgeting_process", "budgeting_phase", "budgeting_project", "budgeting_consentversion")


def _ballot(process, solve_captcha, identity):
    client = Client()
    agree(client, process)
    assert check_identity(client, process, solve_captcha, identity).status_code == 302
    first = process.projects.order_by("pk").first()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/budgeting/{process.pk}/vote/ballot/", {"projects": [str(first.pk)]})
    assert response.status_code == 200
    page = response.content.decode()
    receipt = RECEIPT.search(page).group(1)
    return page, receipt, [q["sql"] for q in captured.captured_queries]


def test_rule_P_3_cached_voting_reads_and_receipt_page(voting_process, solve_captcha, fragments_on, settings):
    """With fragments cached (as served), a ballot reads no process, phase, project or consent row:
    they are cached by the budgeting version, which a ballot does not renew. The receipt page is
    cached without its number: each voter sees their own ballot's id, in the same page as uncached."""
    from django.core.cache import caches

    first_page, first, _sql = _ballot(voting_process, solve_captcha, RESIDENT)
    fragments = caches["template_fragments"]
    if hasattr(fragments, "_local"):
        fragments._local.clear()  # as another server process: the page comes from the shared cache
    second_page, second, sql = _ballot(voting_process, solve_captcha, RESIDENT_2)
    assert not [s for s in sql if any(f'FROM "{table}"' in s for table in VOTING_READS)], sql
    assert len(sql) <= SERVED_BALLOT_QUERIES, sql
    assert first != second and {first, second} == {str(pk) for pk in Ballot.objects.values_list("id", flat=True)}
    assert first_page.replace(first, "R") == second_page.replace(second, "R")
    settings.FRAGMENT_CACHE_SECONDS = 0
    uncached_page, third, _sql = _ballot(voting_process, solve_captcha, ("F131104093", dt.date(1975, 11, 30)))
    assert uncached_page.replace(third, "R") == first_page.replace(first, "R")


def test_rule_P_1_a_change_of_the_process_renews_what_voting_reads(voting_process, solve_captcha, fragments_on):
    """A project no longer feasible leaves the cached ballot at once (a budgeting save renews it)."""
    from budgeting.models import Project

    client = Client()
    agree(client, voting_process)
    assert check_identity(client, voting_process, solve_captcha).status_code == 302
    url = f"/budgeting/{voting_process.pk}/vote/ballot/"
    first = voting_process.projects.order_by("pk").first()
    assert str(first.pk) in client.get(url).content.decode()
    first.status = Project.Status.INFEASIBLE
    first.save()
    response = client.post(url, {"projects": [str(first.pk)]})
    assert response.status_code == 400
    assert not Ballot.objects.exists()

"""Query budget of the ballot write (P-1 one ballot per identity, P-3 secrecy): the ballot's
projects are read once (for the form and for the checks), the roll entry and the ballot are
written in one transaction, the session forgets the voter."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from budgeting.models import Ballot, VoterRollEntry

from .test_vote_views import agree, check_identity

pytestmark = pytest.mark.django_db

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
    """The roll entry (written only with its ballot) bumps no version of its own."""
    from budgeting.models import Ballot, VoterRollEntry
    from core.cache import scope_of

    assert scope_of(Ballot) == "budgeting"
    assert scope_of(VoterRollEntry) is None

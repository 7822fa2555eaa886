"""Query budget of the seconding write (K-6.3.3): a fixed number of SQL queries per second,
whatever the number of seconds already given (no re-read of the proposal, the rate-limit
counters in the cache, one INSERT in its own short transaction, and the exact COUNT for the
threshold only while the cached bound of the count is unknown or near it: see
test_seconds_bound.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from proposals import seconding as sec

pytestmark = pytest.mark.django_db

# session (database sessions in tests), user, the proposal with the user's verified address,
# SAVEPOINT/INSERT/RELEASE of the second (one autocommit INSERT when served), the exact count
# (the first second only: the bound of the count is unknown until then).
SECOND_QUERIES = 7


def test_rule_K_6_3_3_second_write_has_a_fixed_query_budget(client, seconding_proposal, citizens):
    proposal = seconding_proposal()
    url = f"/proposals/{proposal.pk}/second/"
    counts = []
    for citizen in citizens[:3]:
        client.force_login(citizen)
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, {"opinion": ""})
        assert response.status_code == 302
        counts.append(len(captured))
    assert counts[1] == counts[2] <= SECOND_QUERIES, [q["sql"][:80] for q in captured.captured_queries]
    assert sec.seconds_count(proposal.pk) == 3


def test_rule_K_6_3_3_second_on_a_missing_proposal_is_404(client, citizen):
    client.force_login(citizen)
    assert client.post("/proposals/999999/second/", {"opinion": ""}).status_code == 404

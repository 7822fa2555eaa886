"""Counting seconds without counting them all (K-6.3.2, K-6.3.3): far from the threshold a second
skips the exact COUNT (an upper bound in the cache says it cannot have been reached); near it, or
when the bound is unknown, the exact count decides, so qualification happens at exactly the
threshold-th second."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import count_bound
from proposals import demo
from proposals import seconding as sec
from proposals.models import Proposal, Status
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def _counts(captured) -> int:
    return sum("COUNT(" in query["sql"].upper() for query in captured.captured_queries)


def _with_threshold(proposal, threshold: int) -> Proposal:
    Proposal.objects.filter(pk=proposal.pk).update(threshold=threshold)
    proposal.refresh_from_db()
    return proposal


def test_rule_K_6_3_2_far_from_the_threshold_a_second_does_not_count_all(seconding_proposal, citizens):
    proposal = _with_threshold(seconding_proposal(), 5000)
    with CaptureQueriesContext(connection) as first:
        sec.proposal_second(proposal=proposal, user=citizens[0])
    assert _counts(first) == 1  # the bound was unknown: counted exactly, and seeded
    with CaptureQueriesContext(connection) as second:
        sec.proposal_second(proposal=proposal, user=citizens[1])
    assert _counts(second) == 0  # 2 + margin < 5000: no COUNT
    assert count_bound.bound_add_one(sec.bound_name(proposal.pk)) == 3
    assert sec.seconds_count(proposal.pk) == 2


def test_rule_K_6_3_2_qualifies_at_exactly_the_threshold_even_with_a_stale_low_bound(seconding_proposal):
    threshold = sec.BOUND_MARGIN + 50
    proposal = _with_threshold(seconding_proposal(), threshold)
    users = [CitizenFactory(email=f"bulk{n}@example.org") for n in range(threshold - 2)]
    demo._bulk_second(proposal, users, threshold - 2, on=timezone.now())
    # A bound left behind lower than the truth (by less than the margin) ...
    count_bound.bound_seed(sec.bound_name(proposal.pk), threshold - 2 - sec.BOUND_MARGIN + 1)
    sec.proposal_second(proposal=proposal, user=CitizenFactory(email="late1@example.org"))
    proposal.refresh_from_db()
    assert proposal.status == Status.SECONDING  # threshold - 1 counted
    sec.proposal_second(proposal=proposal, user=CitizenFactory(email="late2@example.org"))
    proposal.refresh_from_db()
    # ... is near enough: the exact count decides, at the threshold-th second.
    assert proposal.status == Status.QUALIFIED
    assert sec.seconds_count(proposal.pk) == threshold


def test_rule_K_6_3_2_rows_written_around_the_one_click_path_forget_the_bound(seconding_proposal, citizens):
    proposal = _with_threshold(seconding_proposal(), 5000)
    sec.proposal_second(proposal=proposal, user=citizens[0])
    demo._bulk_second(proposal, citizens[1:3], 2, on=timezone.now())
    assert count_bound.bound_add_one(sec.bound_name(proposal.pk)) is None


def test_invalidating_seconds_forgets_the_bound(
    seconding_proposal, citizens, staff, django_capture_on_commit_callbacks
):
    proposal = _with_threshold(seconding_proposal(), 5000)
    for user in citizens[:2]:
        sec.proposal_second(proposal=proposal, user=user)
    ids = list(proposal.seconds.values_list("pk", flat=True)[:1])
    with django_capture_on_commit_callbacks(execute=True):
        sec.seconds_invalidate(proposal=proposal, user=staff["moderator"], second_ids=ids, reason="同一人多帳號")
    assert count_bound.bound_add_one(sec.bound_name(proposal.pk)) is None
    with CaptureQueriesContext(connection) as captured:
        sec.proposal_second(proposal=proposal, user=citizens[2])
    assert _counts(captured) == 1  # counted exactly again
    assert sec.seconds_count(proposal.pk) == 2


def test_rule_K_6_3_2_cache_down_counts_exactly(seconding_proposal, citizens, set_threshold, monkeypatch):
    set_threshold("kaohsiung", 2)
    proposal = seconding_proposal()
    monkeypatch.setattr(sec, "bound_add_one", lambda name: None)
    for user in citizens[:2]:
        sec.proposal_second(proposal=proposal, user=user)
    proposal.refresh_from_db()
    assert proposal.status == Status.QUALIFIED

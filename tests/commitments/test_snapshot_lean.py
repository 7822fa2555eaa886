"""The commitment page's lean read (``commitment_data(..., lean=True)``: the table's parts as
rows, no workflow status) gives the same data as the prefetched read the API and the compiled
plan use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from commitments import rules
from commitments.models import Agency, Commitment, IndicatorProgress, SustainableDevelopmentGoal
from commitments.snapshot import commitment_data, commitment_for_page, commitments_prefetched

pytestmark = pytest.mark.django_db


def _both(pk: int, today: dt.date) -> tuple[dict, dict]:
    """The commitment read both ways: the prefetched data without its status, and the lean data."""
    full = commitment_data(commitments_prefetched().get(pk=pk), today)
    lean = commitment_data(commitment_for_page().get(pk=pk), today, lean=True)
    return {key: value for key, value in full.items() if key != "status"}, lean


def test_lean_read_gives_the_published_table_as_the_prefetched_one(published_table, django_assert_num_queries):
    table = published_table
    agencies = list(Agency.objects.exclude(pk=table.commitment.lead_agency_id).order_by("-code")[:2])
    goals = list(SustainableDevelopmentGoal.objects.order_by("-number")[:2]) or [
        SustainableDevelopmentGoal.objects.create(number=n, name_zh_hant=f"目標{n}", name_en=f"Goal {n}")
        for n in (16, 5)
    ]
    table.co_agencies = agencies
    table.sdgs = goals
    table.save()
    indicators = list(table.indicators.all())
    IndicatorProgress.objects.create(
        indicator=indicators[0], status=rules.IN_PROGRESS, value_reached=Decimal("1.50"), note_zh_hant="進行中",
        reported_on=dt.date(2021, 3, 1), evidence_url="https://example.gov.tw/e",
    )  # fmt: skip
    IndicatorProgress.objects.create(indicator=indicators[0], status=rules.DELAYED, reported_on=dt.date(2021, 6, 1))
    IndicatorProgress.objects.create(indicator=indicators[-1], status=rules.COMPLETED, reported_on=dt.date(2021, 6, 1))
    today = dt.date(2030, 1, 1)  # every indicator has ended: overdue ones are told apart
    full, lean = _both(table.commitment_id, today)
    assert lean == full
    assert len(lean["co_agencies"]) == len(agencies) and len(lean["sdgs"]) == len(goals)
    assert lean["indicators"][0]["progress"][0]["status"] == rules.DELAYED and lean["participants"]
    commitment = commitment_for_page().get(pk=table.commitment_id)
    with django_assert_num_queries(4):  # co-agencies, SDGs, participants, indicators with progress
        commitment_data(commitment, today, lean=True)


def test_lean_read_of_a_commitment_without_published_table(draft_table):
    full, lean = _both(draft_table.commitment_id, dt.date(2022, 1, 1))
    assert lean == full and lean["published"] is False
    other = Commitment.objects.exclude(table__isnull=False).first()
    full, lean = _both(other.pk, dt.date(2022, 1, 1))
    assert lean == full

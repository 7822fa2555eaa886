"""Demo data: every status under both profiles, Lunar New Year, election blackout (K-8); idempotent."""

from __future__ import annotations

import datetime as dt

import pytest

from proposals import demo
from proposals.models import Proposal, Status

pytestmark = pytest.mark.django_db


def test_demo_has_every_status_under_kaohsiung_and_taichung_rule_K_8(demo_accounts):
    from commitments.models import Agency, AgencyStaff

    AgencyStaff.objects.update_or_create(
        user=demo_accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    demo.load(demo_accounts)
    count = Proposal.objects.count()
    demo.load(demo_accounts)  # idempotent
    assert Proposal.objects.count() == count
    for profile in ("kaohsiung", "taichung"):
        statuses = set(Proposal.objects.filter(profile=profile).values_list("status", flat=True))
        assert statuses == set(Status.values), (profile, set(Status.values) - statuses)
    lny = Proposal.objects.get(title_en="Extra buses over Lunar New Year")
    assert lny.review_due_on == dt.date(2026, 2, 26)  # 5 working days across Lunar New Year 2026
    blackout = Proposal.objects.get(title_en="Accessible polling stations")
    assert blackout.seconding_base_closes_on == dt.date(2026, 11, 4)
    assert blackout.seconding_closes_on == dt.date(2027, 1, 4)  # extended by 61 suspended days
    responded = Proposal.objects.get(profile="kaohsiung", status=Status.RESPONDED)
    assert responded.extended_to and responded.commended_on and responded.adoption == "adopted"

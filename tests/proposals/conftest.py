"""Fixtures of the proposals tests: verified citizens, staff by role, proposals in each state."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from commitments.models import Agency, AgencyStaff
from tests.factories import CitizenFactory


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def citizen(db):
    return CitizenFactory(email="citizen@example.org")


@pytest.fixture
def citizens(db):
    return [CitizenFactory(email=f"c{n}@example.org") for n in range(5)]


@pytest.fixture
def moe():
    return Agency.objects.get(code="moe")


@pytest.fixture
def staff(demo_accounts, moe):
    """Demo staff; the officer works for the Ministry of Education."""
    AgencyStaff.objects.update_or_create(user=demo_accounts["agency_officer"], defaults={"agency": moe})
    return demo_accounts


@pytest.fixture
def submit(citizen, moe, today):
    from proposals import services

    def make(profile="kaohsiung", title="推動校園午餐在地食材", author=None, agency="moe", on=None, **extra):
        proposal, _created = services.proposal_submit(
            author=author or citizen,
            title=title,
            content=extra.pop("content", "建議各校午餐採用在地食材。"),
            benefits=extra.pop("benefits", "支持在地農業，減少碳足跡。"),
            evidence=extra.pop("evidence", ""),
            agency=moe if agency == "moe" else agency,
            profile=profile,
            token=uuid.uuid4(),
            today=on or today,
            **extra,
        )
        return proposal

    return make


@pytest.fixture
def seconding_proposal(submit, staff, today):
    """A Kaohsiung proposal whose seconding opened today."""
    from proposals import services

    def make(profile="kaohsiung", **extra):
        proposal = submit(profile=profile, on=today - dt.timedelta(days=3), **extra)
        return services.proposal_review_pass(
            proposal=proposal, user=staff["ndc_editor"], today=today - dt.timedelta(days=1)
        )

    return make


@pytest.fixture
def set_threshold():
    from core.models import PolicyProfile

    def setter(slug: str, threshold: int):
        profile = PolicyProfile.objects.get(slug=slug)
        profile.threshold = threshold
        profile.save()

    return setter


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    """Emails and follow-ups queued with on_commit run at once inside the test's transaction."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())

"""Fixtures of the consultations tests: consultations, verified citizens, staff by role."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from commitments.models import Agency, AgencyStaff, Commitment
from tests.factories import CitizenFactory


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def commitment4(plan):
    return Commitment.objects.get(plan=plan, number=4)


@pytest.fixture
def citizen(db):
    return CitizenFactory(email="citizen@example.org", nickname="青鳥", first_name="Real", last_name="Person")


@pytest.fixture
def unverified(db):
    return CitizenFactory(email="unverified@example.org", verified=False)


@pytest.fixture
def staff(demo_accounts):
    """Demo staff accounts; the officer works for the Ministry of Education (lead of commitment 4)."""
    AgencyStaff.objects.update_or_create(
        user=demo_accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    return demo_accounts


@pytest.fixture
def make_consultation(commitment4, today):
    from consultations.models import Consultation

    def make(opens: int = -5, closes: int = 20, commitment=None, **extra):
        commitment = commitment or commitment4
        item = Consultation(
            commitment=commitment,
            title_zh_hant=extra.pop("title_zh_hant", "草案徵詢"),
            title_en=extra.pop("title_en", "Draft consultation"),
            description_zh_hant="請提供意見。",
            description_en="Please comment.",
            opens_on=today + dt.timedelta(days=opens),
            closes_on=today + dt.timedelta(days=closes),
            **extra,
        )
        item.save()
        return item

    return make


@pytest.fixture
def open_consultation(make_consultation):
    return make_consultation()


@pytest.fixture
def post():
    """Post a comment through the service (idempotent token by default new)."""
    from consultations import services

    def do(consultation, author, text="意見", token=None, **kwargs):
        return services.comment_post(
            consultation=consultation, author=author, text=text, token=token or uuid.uuid4(), **kwargs
        )

    return do

"""Fixtures of the commitments tests: officers of two agencies, NDC, complete tables."""

from __future__ import annotations

import pytest

from commitments.demo import TEXTS, build_table, publish_table
from commitments.models import Commitment
from core.roles import AGENCY_OFFICER, CONVENER, NDC_EDITOR
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def moe_officer(db):
    return UserFactory(email="moe-officer@example.org", roles=[AGENCY_OFFICER], agency="moe")


@pytest.fixture
def moj_officer(db):
    return UserFactory(email="moj-officer@example.org", roles=[AGENCY_OFFICER], agency="moj")


@pytest.fixture
def ndc_editor(db):
    return UserFactory(email="ndc-editor@example.org", roles=[NDC_EDITOR])


@pytest.fixture
def convener(db):
    return UserFactory(email="convener@example.org", roles=[CONVENER])


@pytest.fixture
def commitment4(plan):
    return Commitment.objects.get(plan=plan, number=4)


@pytest.fixture
def draft_table(commitment4):
    """A complete draft of commitment 4's table (MOE leads it)."""
    return build_table(commitment4, texts=TEXTS[4])


@pytest.fixture
def published_table(draft_table, moe_officer, ndc_editor):
    publish_table(draft_table, submitter=moe_officer, reviewer=ndc_editor)
    draft_table.refresh_from_db()
    return draft_table


def publish_many(plan, count: int, indicators_per_year: int, submitter, reviewer):
    """Publish tables for the first ``count`` commitments of ``plan`` (for query-count tests and the bench)."""
    tables = []
    for commitment in Commitment.objects.filter(plan=plan).order_by("number")[:count]:
        texts = TEXTS[4]
        table = build_table(commitment, texts=texts, indicators_per_year=indicators_per_year)
        publish_table(table, submitter=submitter, reviewer=reviewer)
        tables.append(table)
    return tables

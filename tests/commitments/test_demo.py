"""Demo data: two published tables with progress and an overdue indicator, a draft, a compiled plan."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from commitments.models import CommitmentTable, CompiledPlan, TableStatus
from commitments.public import overdue_indicators
from tests.refusals import ADMIN_REFUSAL, refusal

pytestmark = pytest.mark.django_db


def test_demo_data_is_complete_and_idempotent(plan):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    tables = {t.commitment.number: t for t in CommitmentTable.objects.select_related("commitment")}
    assert tables[4].status == TableStatus.PUBLISHED and tables[4].live and tables[4].days_late == 0
    assert tables[1].status == TableStatus.PUBLISHED and tables[1].days_late == 6  # rule F-6
    assert tables[11].status == TableStatus.DRAFT and not tables[11].live
    assert CompiledPlan.objects.count() == 1
    assert CompiledPlan.objects.get().commitment_count == 2
    overdue = overdue_indicators(plan)
    assert [i.table.commitment.number for i in overdue if i.status == "delayed"] == [4]


def test_demo_officer_edits_commitment_4(client, plan):
    call_command("load_demo", verbosity=0)
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="officer@demo.ogp.tw")
    client.force_login(officer)
    table = CommitmentTable.objects.get(commitment__number=4)
    assert client.get(f"/admin/commitments/tables/edit/{table.pk}/").status_code == 200
    other = CommitmentTable.objects.get(commitment__number=1)
    assert refusal(client.get(f"/admin/commitments/tables/edit/{other.pk}/")) == ADMIN_REFUSAL

"""Demo data: a finished process with results under both methods, one open for voting, one taking proposals."""

from __future__ import annotations

import pytest
from django.utils import timezone

from budgeting import demo
from budgeting.models import Process

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_and_methods_differ(demo_accounts):
    demo.load(demo_accounts)
    demo.load(demo_accounts)
    assert Process.objects.count() == 3
    finished = Process.objects.get(case_code="DEMO-ZZ-2025")
    result = finished.result
    assert result.greedy != result.mes
    assert result.online_ballots == 600 and result.paper_ballots == 12
    assert finished.projects.filter(funded=True, progress=40).count() == len(result.mes)
    assert Process.objects.get(case_code="DEMO-ZZ-2026").phase_on(timezone.localdate()) == "voting"
    assert Process.objects.get(case_code="DEMO-ZZ-2027").phase_on(timezone.localdate()) == "intake"

"""Fixtures of the budgeting tests: processes in each phase, feasible projects, consent, test identities."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from budgeting import captcha, services
from budgeting.models import Phase, Process, Project

RESIDENT = ("A123456789", dt.date(1980, 1, 1))
RESIDENT_2 = ("B223456782", dt.date(1992, 7, 15))
TOO_YOUNG = ("H220000006", dt.date(2015, 6, 1))
NON_RESIDENT = ("K120000006", dt.date(1990, 9, 9))


@pytest.fixture
def today():
    return timezone.localdate()


def make_process(*, phase: str = "voting", ballot_kind: str = "approval", budget: int = 1000, **extra) -> Process:
    """A process whose ``phase`` is open today; earlier phases are over, later ones to come."""
    today = timezone.localdate()
    process = Process.objects.create(
        title_zh_hant="中正區參與式預算",
        title_en="Zhongzheng participatory budget",
        description_zh_hant="說明",
        description_en="About",
        area_zh_hant="中正區",
        area_en="Zhongzheng",
        case_code="TPE-ZZ-2026",
        budget=budget,
        ballot_kind=ballot_kind,
        max_choices=extra.pop("max_choices", 2),
        **extra,
    )
    order = ["intake", "refinement", "review", "exhibition", "voting", "results", "execution"]
    if process.two_rounds:
        order.insert(5, "voting_2")
    current = order.index(phase) if phase in order else len(order)
    for index, kind in enumerate(order):
        offset = (index - current) * 10
        start = today + dt.timedelta(days=offset - 3)
        Phase.objects.create(process=process, kind=kind, starts_on=start, ends_on=start + dt.timedelta(days=6))
    services.consent_publish(
        process=process,
        issue_zh_hant="議題",
        voting_rules_zh_hant="投票規則",
        privacy_notice_zh_hant="隱私權聲明",
        issue_en="The issue",
        voting_rules_en="Voting rules",
        privacy_notice_en="Privacy notice",
    )
    return process


def add_project(process: Process, title: str, cost: int | None, status: str = "feasible") -> Project:
    return Project.objects.create(
        process=process,
        title_zh_hant=title,
        title_en=f"{title} (en)",
        summary_zh_hant="摘要",
        summary_en="Summary",
        status=status,
        cost_estimate=cost,
    )


@pytest.fixture
def voting_process(db):
    process = make_process()
    add_project(process, "公園", 400)
    add_project(process, "路燈", 300)
    add_project(process, "圖書館", 500)
    return process


@pytest.fixture
def solve_captcha():
    """Start a challenge in a test client's session and return its answer."""

    def solve(client) -> str:
        session = client.session
        captcha.challenge_new(session)
        session.save()
        return session[captcha.SESSION_KEY]["code"]

    return solve

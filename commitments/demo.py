"""Demo data of the commitments app (``manage.py load_demo``; idempotent).

The demo officer works for the Ministry of Education and can edit commitment 4's table; the
second demo officer works for the Ministry of Justice and drafts commitment 11's table.
Two complete, published tables (4 and 1) with indicators for every plan year, progress and
one overdue indicator; a draft (11); a compiled plan.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.cache import bump_content_version

from . import rules
from .models import (
    Agency,
    AgencyStaff,
    Commitment,
    CommitmentTable,
    CompiledPlan,
    Indicator,
    IndicatorProgress,
    Participant,
    SustainableDevelopmentGoal,
)

TEXTS = {
    4: {
        "problem": (
            "青年參與公共事務的管道有限，政策形成過程中缺少青年觀點。",
            "Young people have few ways to take part in public affairs.",
        ),
        "description": (
            "建立青年參與政策的常設機制，並公開其建議與政府回應。",
            "A standing mechanism for youth participation, publishing advice and government responses.",
        ),
        "contribution": (
            "讓青年意見系統性地進入政策制定並被回應。",
            "Youth views reach policy-making systematically and get answers.",
        ),
        "participation": ("擴大青年影響決策的機會。", "More opportunities for young people to influence decisions."),
        "transparency": (
            "公開青年諮詢會議紀錄與回應。",
            "Minutes of youth advisory meetings and responses are published.",
        ),
        "indicator": ("辦理青年政策論壇", "Youth policy forums held"),
        "unit": ("場", "forums"),
        "participants": [
            ("civil_society", "臺灣青年民主協會", "Taiwan Youth Democracy Association"),
            ("government", "教育部青年發展署", "Youth Development Administration"),
        ],
    },
    1: {
        "problem": (
            "政府資料開放缺乏法律依據，機關開放意願不一。",
            "Open government data lacks a legal basis; agencies vary in willingness.",
        ),
        "description": ("研擬政府資料開放及運用之法制。", "Draft legislation on opening and using government data."),
        "contribution": ("以法律明確開放範圍與程序。", "The law sets the scope and procedure of opening data."),
        "transparency": ("擴大政府資料之公開與近用。", "Wider publication of and access to government data."),
        "accountability": ("機關須說明不開放之理由。", "Agencies must give reasons for not opening data."),
        "indicator": ("完成法制作業階段", "Legislative stage completed"),
        "unit": ("階段", "stage"),
        "participants": [
            ("civil_society", "開放文化基金會", "Open Culture Foundation"),
            ("working_team", "資料開放諮詢小組", "Open data advisory team"),
        ],
    },
    11: {
        "problem": ("採購資訊分散，不易監督。", "Procurement information is scattered and hard to monitor."),
        "description": ("建置機關採購廉政平臺。", "A procurement integrity platform."),
        "contribution": ("", ""),
        "indicator": ("平臺上線機關數", "Agencies on the platform"),
        "unit": ("個", "agencies"),
        "participants": [("government", "法務部廉政署", "Agency Against Corruption")],
    },
}


def build_table(commitment: Commitment, *, texts: dict, indicators_per_year: int = 1) -> CommitmentTable:
    """A complete table (as a draft) for ``commitment``: indicators in every plan year."""
    plan = commitment.plan
    table = CommitmentTable(
        commitment=commitment,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        problem_zh_hant=texts["problem"][0],
        problem_en=texts["problem"][1],
        description_zh_hant=texts["description"][0],
        description_en=texts["description"][1],
        contribution_zh_hant=texts["contribution"][0],
        contribution_en=texts["contribution"][1],
        budget_amount=3_000_000,
        budget_source_zh_hant="公務預算",
        budget_source_en="Public budget",
        contact_name="王小明",
        contact_title="科長",
        contact_email="officer@example.gov.tw",
        contact_phone="02-1234-5678",
        live=False,
    )
    for name in rules.OGP_VALUES:
        if name in texts:
            setattr(table, f"{name}_relevant", True)
            setattr(table, f"{name}_argument_zh_hant", texts[name][0])
            setattr(table, f"{name}_argument_en", texts[name][1])
    indicators = []
    for year in rules.plan_years(plan.starts_on, plan.ends_on):
        for index in range(indicators_per_year):
            indicators.append(
                Indicator(
                    description_zh_hant=f"{texts['indicator'][0]}（第{year.number}年，{index + 1}）",
                    description_en=f"{texts['indicator'][1]} (year {year.number}, {index + 1})",
                    starts_on=year.starts_on,
                    ends_on=year.ends_on,
                    target_value=Decimal(2 + index),
                    target_unit_zh_hant=texts["unit"][0],
                    target_unit_en=texts["unit"][1],
                    sort_order=len(indicators),
                )
            )
    table.indicators = indicators
    table.participants = [
        Participant(kind=kind, name_zh_hant=zh, name_en=en, sort_order=i)
        for i, (kind, zh, en) in enumerate(texts["participants"])
    ]
    table.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=[4, 16, 17]))
    table.save()
    return table


def publish_table(table: CommitmentTable, *, submitter, reviewer, submitted_at: dt.datetime | None = None) -> None:
    """Run ``table`` through the NDC review workflow: submit, approve (publishes it)."""
    from .services import workflows_setup

    table.save_revision(user=submitter)
    (table.get_workflow() or workflows_setup()).start(table, submitter)
    table.refresh_from_db()
    if submitted_at is not None:
        deadline = table.commitment.plan.submission_deadline
        late = rules.days_late(timezone.localtime(submitted_at).date(), deadline)
        CommitmentTable.objects.filter(pk=table.pk).update(submitted_at=submitted_at, days_late=late)
        bump_content_version()
    table.refresh_from_db()
    table.current_workflow_task_state.approve(user=reviewer)


def _service_account(code: str):
    """A non-login demo officer for an agency other than the demo officer's."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=f"demo-{code}@demo.ogp.tw", defaults={"email": f"demo-{code}@demo.ogp.tw", "first_name": code.upper()}
    )
    if user.has_usable_password():
        user.set_unusable_password()
        user.save()
    AgencyStaff.objects.update_or_create(user=user, defaults={"agency": Agency.objects.get(code=code)})
    return user


def load(accounts: dict) -> None:
    officer = accounts["agency_officer"]
    editor = accounts["ndc_editor"]
    AgencyStaff.objects.update_or_create(user=officer, defaults={"agency": Agency.objects.get(code="moe")})
    # the second agency's officer writes commitment 11's draft table (Ministry of Justice)
    officer_2 = accounts.get("agency_officer_2") or _service_account("moj")
    AgencyStaff.objects.update_or_create(user=officer_2, defaults={"agency": Agency.objects.get(code="moj")})
    tz = timezone.get_current_timezone()
    plan_commitments = {c.number: c for c in Commitment.objects.filter(plan__is_current=True)}
    if not plan_commitments:
        return
    created = False
    for number, submitter, submitted in (
        (4, officer, dt.datetime(2020, 3, 27, 10, 0, tzinfo=tz)),
        (1, _service_account("ndc"), dt.datetime(2020, 4, 6, 16, 30, tzinfo=tz)),
    ):
        commitment = plan_commitments[number]
        if CommitmentTable.objects.filter(commitment=commitment).exists():
            continue
        table = build_table(commitment, texts=TEXTS[number])
        publish_table(table, submitter=submitter, reviewer=editor, submitted_at=submitted)
        created = True
        indicators = list(table.indicators.order_by("ends_on"))
        IndicatorProgress.objects.create(
            indicator=indicators[0],
            status=rules.COMPLETED,
            value_reached=indicators[0].target_value,
            reported_on=indicators[0].ends_on,
            note_zh_hant="如期完成。",
            note_en="Completed on time.",
            recorded_by=submitter,
        )
        # commitment 4's second-year indicator is overdue (delayed); 1's is in progress
        status = rules.DELAYED if number == 4 else rules.IN_PROGRESS
        IndicatorProgress.objects.create(
            indicator=indicators[1],
            status=status,
            value_reached=Decimal(1),
            reported_on=indicators[1].ends_on,
            note_zh_hant="受疫情影響延後。" if number == 4 else "進行中。",
            note_en="Delayed by the pandemic." if number == 4 else "Under way.",
            recorded_by=submitter,
        )
    draft = plan_commitments[11]
    if not CommitmentTable.objects.filter(commitment=draft).exists():
        build_table(draft, texts=TEXTS[11]).save_revision(user=officer_2)
    if created or not CompiledPlan.objects.filter(plan=draft.plan).exists():
        _compile(draft.plan, editor)


def _compile(plan, editor) -> None:
    from core.pdf import cjk_font_available

    from .services import action_plan_compile

    formats = None if cjk_font_available() else ("odt", "json", "csv")
    action_plan_compile(plan=plan, user=editor, formats=formats)

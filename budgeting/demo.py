"""Demo data (idempotent; dates relative to today): a finished process with results under both
methods and execution tracking, one open for voting (test identities in the README and in
``test_identities.json``), and one taking proposals."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import timezone

from commitments.models import Agency

from . import services
from .models import Ballot, Phase, Process, Project, VoterRollEntry

ORDER = ["intake", "refinement", "review", "exhibition", "voting", "results", "execution"]
CONSENT = {
    "issue_zh_hant": "本區明年度保留新臺幣一百萬元，由居民提案並投票決定用途。",
    "issue_en": "The district sets aside NT$1,000,000 of next year's budget for projects residents propose and choose.",
    "voting_rules_zh_hant": "年滿16歲的設籍居民可投票，每人一票，最多可選三案。得票依平均分配法決定獲得經費的提案。",
    "voting_rules_en": "Registered residents aged 16 or over vote once and choose up to three projects. "
    "The Method of Equal Shares decides which projects are funded.",
    "privacy_notice_zh_hant": "身分證號與出生日期僅送戶政系統核對，不會儲存；"
    "投票名冊只保留無法還原的編碼，選票不含任何個人資料。",
    "privacy_notice_en": "Your ID number and date of birth are only checked with the household registry and never "
    "stored; the voter roll keeps an irreversible code; ballots hold no personal data.",
}
PROJECTS = [
    ("北區兒童遊戲場更新", "Renew the north playground", 330_000, "north"),
    ("北區社區圖書角", "North community reading corner", 330_000, "north"),
    ("北區人行道照明", "North footpath lighting", 330_000, "north"),
    ("南區長者共餐據點", "South elders' shared meals", 330_000, "south"),
    ("河濱自行車道標線", "Riverside bike lane markings", 600_000, None),
]


def _process(case_code: str, title: tuple[str, str], phase: str, **extra) -> tuple[Process, bool]:
    existing = Process.objects.filter(case_code=case_code).first()
    if existing is not None:
        return existing, False
    today = timezone.localdate()
    process = Process.objects.create(
        case_code=case_code,
        title_zh_hant=title[0],
        title_en=title[1],
        description_zh_hant="由居民提案、機關評估、居民投票決定的區預算。",
        description_en="A district budget residents propose, agencies review and residents decide.",
        area_zh_hant="中正區",
        area_en="Zhongzheng District",
        budget=1_000_000,
        max_choices=3,
        electorate=2400,
        **extra,
    )
    current = ORDER.index(phase) if phase in ORDER else len(ORDER)
    for index, kind in enumerate(ORDER):
        start = today + dt.timedelta(days=(index - current) * 14 - 6)
        Phase.objects.create(
            process=process,
            kind=kind,
            starts_on=start,
            ends_on=start + dt.timedelta(days=12),
            note_zh_hant="工作坊於區公所舉行。" if kind == "refinement" else "",
            note_en="Workshops at the district office." if kind == "refinement" else "",
        )
    services.consent_publish(process=process, **CONSENT)
    return process, True


def _projects(process: Process, reviewer) -> list[Project]:
    agency = Agency.objects.filter(code="moe").first() or Agency.objects.order_by("pk").first()
    made = []
    for title_zh, title_en, cost, _group in PROJECTS:
        project = Project.objects.create(
            process=process,
            title_zh_hant=title_zh,
            title_en=title_en,
            summary_zh_hant=f"{title_zh}：居民提案，經工作坊討論修正。",
            summary_en=f"{title_en}: proposed by residents and refined in a workshop.",
            agency=agency,
        )
        services.project_review(
            project=project,
            feasible=True,
            cost_estimate=cost,
            reasons_zh_hant="經現場勘查可行，經費依市價估算。",
            reasons_en="Feasible after a site visit; costed at market prices.",
            user=reviewer,
        )
        made.append(project)
    return made


@transaction.atomic
def load(accounts: dict) -> None:
    editor = accounts["ndc_editor"]
    finished, created = _process(
        "DEMO-ZZ-2025", ("2025 中正區參與式預算", "Zhongzheng participatory budget 2025"), "done"
    )
    if created:
        north1, north2, north3, south, river = _projects(finished, editor)
        # 300 voters of the north approve its three projects, 200 of the south the elders' meals,
        # 100 the bike lanes: greedy gives the north the whole budget, MES shares it.
        groups = [([north1, north2, north3], 300), ([south], 200), ([river], 100)]
        now = timezone.now()
        consent = services.consent_current(finished)
        serial = 0
        for chosen, count in groups:
            Ballot.objects.bulk_create(
                [Ballot(process=finished, choices=sorted(p.pk for p in chosen)) for _ in range(count)]
            )
            rolls = []
            for _ in range(count):
                serial += 1
                fake = hashlib.sha256(f"demo-voter-{serial}".encode()).hexdigest()
                rolls.append(VoterRollEntry(process=finished, voter_hash=fake, voted_at=now, consent_version=consent))
            VoterRollEntry.objects.bulk_create(rolls)
        station = finished.stations.create(name_zh_hant="中正區公所", name_en="Zhongzheng District Office")
        services.tally_enter(station=station, round_=1, entry=1, counts={south.pk: 12}, ballots=12, user=editor)
        services.tally_enter(
            station=station, round_=1, entry=2, counts={south.pk: 12}, ballots=12, user=accounts["convener"]
        )
        services.tally_reconcile(station=station, round_=1, user=editor)
        services.results_publish(process=finished, user=editor)
        for project in finished.projects.filter(funded=True):
            services.project_update_add(
                project=project,
                on=timezone.localdate() - dt.timedelta(days=3),
                progress=40,
                text_zh_hant="已完成設計與採購，預計下月施工。",
                text_en="Design and procurement done; works start next month.",
                evidence_url="https://example.org/evidence",
                user=editor,
            )
    open_, created = _process(
        "DEMO-ZZ-2026", ("2026 中正區參與式預算", "Zhongzheng participatory budget 2026"), "voting"
    )
    if created:
        _projects(open_, editor)
        open_.stations.create(name_zh_hant="中正區公所", name_en="Zhongzheng District Office")
    _process("DEMO-ZZ-2027", ("2027 中正區參與式預算", "Zhongzheng participatory budget 2027"), "intake")

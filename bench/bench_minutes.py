"""Minutes benchmarks: the bilingual PDF of a 20-page minutes, and the public minutes list with
200 published minutes, each beside a baseline measured in the same run."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile

from django.test import Client, override_settings

from .common import Report, requests_per_second, seconds

PARAGRAPH = (
    "<p>與會者討論如何推動公民參與機制，建議擴大青年參與政策討論的管道，並請主辦機關於下次會議前提出具體的"
    "時程與衡量指標；非政府部門委員建議公開會議資料，政府部門委員同意研議。</p>"
)
PARAGRAPH_EN = (
    "<p>Participants discussed how to promote civic participation, suggested more ways for young people to "
    "take part in policy discussions, and asked the lead agency to propose a timetable and indicators before "
    "the next meeting; non-government members asked for open meeting documents, which the government agreed "
    "to consider.</p>"
)


def _forums():
    from commitments.models import Commitment
    from forum.models import Forum, Member
    from forum.rules import Category, Sector

    forums = []
    for commitment in Commitment.objects.all():
        forum, created = Forum.objects.get_or_create(commitment=commitment)
        if created:
            for n, sector in enumerate([Sector.GOVERNMENT, Sector.NON_GOVERNMENT] * 3):
                Member.objects.create(
                    forum=forum, name_zh_hant=f"委員{n}", organisation_zh_hant="機關", sector=sector,
                    category=Category.AGENCIES if sector == Sector.GOVERNMENT else Category.CIVIL_SOCIETY,
                    joined_on=dt.date(2020, 1, 1),
                )  # fmt: skip
        forums.append(forum)
    return forums


def _minutes(forum, day: int, items: int, paragraphs: int):
    from forum.models import AgendaItem, Attendance, Decision, Meeting
    from minutes.models import Minutes, MinutesSection

    meeting = Meeting.objects.create(
        forum=forum, title_zh_hant=f"第{day}次會議", title_en=f"Meeting {day}",
        starts_at=dt.datetime(2020, 1, 1, 2, tzinfo=dt.UTC) + dt.timedelta(days=day), place_zh_hant="會議室",
    )  # fmt: skip
    members = list(forum.members.all())
    Attendance.objects.bulk_create([Attendance(meeting=meeting, member=m) for m in members])
    minutes = Minutes(meeting=meeting, closing_remarks_zh_hant="<p>散會。</p>", closing_remarks_en="<p>Closed.</p>")
    sections = []
    for position in range(1, items + 1):
        item = AgendaItem.objects.create(meeting=meeting, position=position, title_zh_hant=f"議案{position}")
        Decision.objects.create(agenda_item=item, present=len(members), consensus=True, resolution_zh_hant="照案通過。")
        sections.append(
            MinutesSection(
                agenda_item=item, discussion_zh_hant=PARAGRAPH * paragraphs, discussion_en=PARAGRAPH_EN * paragraphs
            )
        )
    minutes.sections = sections
    minutes.live = False
    minutes.save()
    minutes.save_revision().publish()
    return minutes


def _pages(data: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
    match = re.search(r"Pages:\s+(\d+)", info)
    return int(match.group(1)) if match else 0


@override_settings(MINUTES_BUILD_PDFS=False)
def run(report: Report) -> None:
    from core import pdf as core_pdf
    from minutes import pdf
    from minutes.models import Minutes

    forums = _forums()
    big = _minutes(forums[3], 0, items=12, paragraphs=6)
    big = Minutes.objects.with_facts().get(pk=big.pk)
    data = pdf.render(big, "bilingual")
    pages = _pages(data)

    css = core_pdf.page_css(language="zh-hant")
    trivial = f"<html><head><style>{css}</style></head><body><p>會議紀錄</p></body></html>"
    baseline_pdf = seconds(lambda: core_pdf.render_pdf(trivial))
    report.add("baseline: one-page Chinese PDF", baseline_pdf, "s")
    took = seconds(lambda: pdf.render(Minutes.objects.with_facts().get(pk=big.pk), "bilingual"))
    report.add(
        f"minutes: bilingual PDF of {pages} pages", took, "s", f"{took / baseline_pdf:.1f}× baseline (target < 5 s)"
    )

    for n in range(1, 200):
        _minutes(forums[n % len(forums)], n, items=1, paragraphs=1)
    client = Client()
    baseline = report.baselines.get("one_line_view") or requests_per_second(client, "/__bench__/ok/")
    listing = requests_per_second(client, "/minutes/")
    report.add(
        "minutes list (zh), 200 published, uncached", listing, "req/s", f"{100 * listing / baseline:.1f}% of baseline"
    )
    api = requests_per_second(client, "/api/v1/minutes/")
    report.add("API /api/v1/minutes/, 200 published", api, "req/s", f"{100 * api / baseline:.1f}% of baseline")

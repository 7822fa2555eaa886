"""Minutes benchmarks: the bilingual PDF of a 20-page minutes, and the public minutes list with
60 published minutes, served, beside the floor of the same run."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile

from django.test import override_settings

from .common import Site, seconds

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
    from forum.services import decision_record
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
        decision = Decision(agenda_item=item, present=len(members), consensus=True, resolution_zh_hant="照案通過。")
        decision_record(decision=decision, user=None)
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


STATE: dict = {}
# More than two pages of the public list (PAGE_SIZE 20) and of the API (50); each costs a
# publish, so the set-up stays within the bench's time budget.
LISTED = 60


def setup() -> None:
    """LISTED published minutes and one of 12 agenda items (PDFs not built here: timed in run)."""
    with override_settings(MINUTES_BUILD_PDFS=False):
        forums = _forums()
        STATE["big"] = _minutes(forums[3], 0, items=12, paragraphs=6).pk
        for n in range(1, LISTED):
            _minutes(forums[n % len(forums)], n, items=1, paragraphs=1)


def pages() -> list[tuple[str, str]]:
    return [
        (f"minutes list, {LISTED} published", "/minutes/"),
        ("minutes page, 12 agenda items (en)", f"/en/minutes/{STATE['big']}/"),
        (f"API minutes, {LISTED} published", "/api/v1/minutes/"),
    ]


def run(site: Site) -> None:
    from core import pdf as core_pdf
    from minutes import pdf
    from minutes.models import Minutes

    data = pdf.render(Minutes.objects.with_facts().get(pk=STATE["big"]), "bilingual")
    pages = _pages(data)
    css = core_pdf.page_css(language="zh-hant")
    trivial = f"<html><head><style>{css}</style></head><body><p>會議紀錄</p></body></html>"
    baseline_pdf = seconds(lambda: core_pdf.render_pdf(trivial))
    site.report.add("one-page Chinese PDF (in-process)", baseline_pdf, "s", "", section="PDFs")
    took = seconds(lambda: pdf.render(Minutes.objects.with_facts().get(pk=STATE["big"]), "bilingual"))
    site.report.add(
        f"minutes: bilingual PDF of {pages} pages",
        took,
        "s",
        f"{took / baseline_pdf:.1f}× the one-page PDF (target < 5 s)",
        section="PDFs",
    )

"""Demo minutes for `make run`: a forum on commitment 4 (created if the forum app's demo has
not made one), two meetings in 2020 with attendance and decisions, published bilingual
minutes of the first and draft minutes of the second with English missing. Idempotent."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

from commitments.models import Commitment
from forum.models import AgendaItem, Attendance, Decision, Forum, Meeting, Member
from forum.rules import Category, Role, Sector
from forum.services import decision_record

from .models import Minutes, MinutesSection
from .services import workflows_setup

TAIPEI = ZoneInfo("Asia/Taipei")

MEMBERS = [
    # name zh, name en, organisation zh, organisation en, sector, category, role
    ("王大明", "Wang Da-ming", "教育部", "Ministry of Education", Sector.GOVERNMENT, Category.AGENCIES, Role.CONVENER),
    ("李小華", "Li Hsiao-hua", "青年參與協會", "Youth Participation Association", Sector.NON_GOVERNMENT,
     Category.CIVIL_SOCIETY, Role.CO_CONVENER),
    ("陳志明", "Chen Chih-ming", "教育部青年發展署", "Youth Development Administration", Sector.GOVERNMENT,
     Category.AGENCIES, Role.MEMBER),
    ("林美玲", "Lin Mei-ling", "國立臺灣大學", "National Taiwan University", Sector.NON_GOVERNMENT,
     Category.ISSUE_EXPERTS, Role.MEMBER),
]  # fmt: skip

MEETINGS = [
    {
        "title": ("第1次多方利害關係人論壇會議", "1st multi-stakeholder forum meeting"),
        "starts_at": dt.datetime(2020, 3, 31, 14, 0, tzinfo=TAIPEI),
        "place": ("教育部5樓大禮堂", "Ministry of Education, 5th floor auditorium"),
        "items": [
            ("承諾事項目標與推動公民參與機制", "Goals of the commitment and mechanisms to promote civic participation"),
            ("年度衡量指標", "Yearly indicators"),
        ],
    },
    {
        "title": ("第2次多方利害關係人論壇會議", "2nd multi-stakeholder forum meeting"),
        "starts_at": dt.datetime(2020, 6, 16, 10, 0, tzinfo=TAIPEI),
        "place": ("青年發展署會議室", "Youth Development Administration meeting room"),
        "items": [("青年諮詢委員遴選方式", "How youth advisory members are selected")],
    },
]

DISCUSSION = {
    "zh-hant": "<p>與會者討論如何推動公民參與機制，建議擴大青年參與政策討論的管道。</p>",
    "en": "<p>Participants discussed how to promote civic participation and suggested more ways for young "
    "people to take part in policy discussions.</p>",
}


def ensure_forum(accounts: dict) -> Forum:
    """The forum on commitment 4 with a few members (kept as they are if it already has some)."""
    commitment = Commitment.objects.filter(number=4, plan__is_current=True).first() or Commitment.objects.get(number=4)
    forum, _ = Forum.objects.get_or_create(commitment=commitment)
    if "convener" in accounts:
        forum.staff.add(accounts["convener"])
    if not forum.members.exists():
        for name, name_en, org, org_en, sector, category, role in MEMBERS:
            Member.objects.create(
                forum=forum, name_zh_hant=name, name_en=name_en, organisation_zh_hant=org, organisation_en=org_en,
                sector=sector, category=category, role=role, joined_on=dt.date(2020, 1, 1),
            )  # fmt: skip
    return forum


def ensure_meeting(forum: Forum, spec: dict) -> Meeting:
    """A meeting with its agenda, every current member present and a consensus decision per item."""
    meeting = Meeting.objects.filter(forum=forum, title_zh_hant=spec["title"][0]).first()
    if meeting is not None:
        return meeting
    members = list(forum.members.current())
    chair = next((m for m in members if m.role == Role.CONVENER), members[0] if members else None)
    meeting = Meeting.objects.create(
        forum=forum, title_zh_hant=spec["title"][0], title_en=spec["title"][1], starts_at=spec["starts_at"],
        ends_at=spec["starts_at"] + dt.timedelta(hours=2), place_zh_hant=spec["place"][0], place_en=spec["place"][1],
        chair=chair,
    )  # fmt: skip
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member)
    for position, (title, title_en) in enumerate(spec["items"], start=1):
        item = AgendaItem.objects.create(meeting=meeting, position=position, title_zh_hant=title, title_en=title_en)
        decision_record(
            decision=Decision(
                agenda_item=item, present=max(1, len(members)), consensus=True,
                resolution_zh_hant="照案通過。", resolution_en="Approved as proposed.",
            ),
            user=None,
        )  # fmt: skip
    return meeting


@transaction.atomic
def load(accounts: dict) -> None:
    workflows_setup()
    forum = ensure_forum(accounts)
    existing = list(forum.meetings.filter(starts_at__year=2020).order_by("starts_at")[:2])
    if len(existing) == 2:  # the forum app's demo meetings: write minutes for those
        first, second = existing
    else:
        first, second = (ensure_meeting(forum, spec) for spec in MEETINGS)
    editor = accounts.get("ndc_editor")
    if not Minutes.objects.filter(meeting=first).exists():
        minutes = Minutes(
            meeting=first,
            closing_remarks_zh_hant="<p>感謝各位委員出席。</p>",
            closing_remarks_en="<p>The convener thanked the members for attending.</p>",
            live=False,
        )
        minutes.sections = [
            MinutesSection(agenda_item=item, discussion_zh_hant=DISCUSSION["zh-hant"], discussion_en=DISCUSSION["en"])
            for item in first.agenda_items.all()
        ]
        minutes.save()
        Minutes.objects.filter(pk=minutes.pk).update(sent_to_ndc_at=dt.datetime(2020, 4, 10, 9, 0, tzinfo=TAIPEI))
        minutes.refresh_from_db()
        minutes.save_revision(user=accounts.get("convener")).publish(user=editor)
    if not Minutes.objects.filter(meeting=second).exists():
        draft = Minutes(meeting=second, closing_remarks_zh_hant="<p>下次會議另行通知。</p>", live=False)
        draft.sections = [
            MinutesSection(agenda_item=item, discussion_zh_hant="<p>與會者討論青年諮詢委員的遴選方式與任期。</p>")
            for item in second.agenda_items.all()
        ]
        draft.save()
        draft.save_revision(user=accounts.get("convener"))
    _second_forum_draft(accounts)


SECOND_MEETING = {
    "title": ("採購廉政平臺論壇第1次會議", "Procurement integrity forum: 1st meeting"),
    "starts_at": dt.datetime(2020, 5, 12, 14, 0, tzinfo=TAIPEI),
    "place": ("法務部廉政署會議室", "Agency Against Corruption meeting room"),
    "items": [("平臺資料欄位", "Data fields of the platform")],
}
SECOND_DRAFT = "<p>（草稿）與會者討論採購平臺應公開之資料欄位與廠商資訊。</p>"


def _second_forum_draft(accounts: dict) -> None:
    """Draft minutes of the second forum (commitment 11), written by its own convener."""
    from forum.demo import load_second_forum

    forum = load_second_forum(accounts)
    if forum is None:
        return
    meeting = ensure_meeting(forum, SECOND_MEETING)
    if Minutes.objects.filter(meeting=meeting).exists():
        return
    draft = Minutes(meeting=meeting, closing_remarks_zh_hant="<p>下次會議另行通知。</p>", live=False)
    draft.sections = [
        MinutesSection(agenda_item=item, discussion_zh_hant=SECOND_DRAFT) for item in meeting.agenda_items.all()
    ]
    draft.save()
    draft.save_revision(user=accounts.get("convener_2"))

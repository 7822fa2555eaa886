# ruff: noqa: E501
"""Demo forum for `make run`: commitment 4 (Youth participation in policy, Ministry of Education)
with a balanced roster, a non-government co-convener, two meetings in 2020, attendance, and
decisions showing each of the four outcomes of F-3.1. Idempotent. People are fictional."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group

from commitments.models import ActionPlan, Commitment
from core.roles import CONVENER, ROLE_GROUPS

from .models import AgendaItem, Attendance, Decision, Forum, Meeting, Member
from .rules import Category, Role, Sector
from .services import decision_record

TAIPEI = ZoneInfo("Asia/Taipei")
G, N = Sector.GOVERNMENT, Sector.NON_GOVERNMENT

# (key, name zh, name en, title zh, title en, organisation zh, organisation en, sector, category, role, lang)
MEMBERS = [
    ("convener", "王志明", "Wang Chih-ming", "政務次長", "Deputy Minister", "教育部", "Ministry of Education",
     G, Category.AGENCIES, Role.CONVENER, "zh-hant"),
    ("yda", "陳怡君", "Chen Yi-chun", "組長", "Division Director", "教育部青年發展署", "Youth Development Administration",
     G, Category.AGENCIES, Role.MEMBER, "zh-hant"),
    ("k12", "張淑芬", "Chang Shu-fen", "科長", "Section Chief", "教育部國民及學前教育署",
     "K-12 Education Administration", G, Category.AGENCIES, Role.MEMBER, ""),
    ("ndc", "李建宏", "Lee Chien-hung", "專門委員", "Senior Specialist", "國家發展委員會", "National Development Council",
     G, Category.AGENCIES, Role.MEMBER, "zh-hant"),
    ("moi", "吳佩珊", "Wu Pei-shan", "科長", "Section Chief", "內政部", "Ministry of the Interior",
     G, Category.AGENCIES, Role.MEMBER, ""),
    ("mohw", "黃俊傑", "Huang Chun-chieh", "簡任視察", "Senior Inspector", "衛生福利部", "Ministry of Health and Welfare",
     G, Category.AGENCIES, Role.MEMBER, "zh-hant"),
    ("co_convener", "林雅婷", "Lin Ya-ting", "理事長", "Chair", "青年參與促進協會", "Youth Participation Association",
     N, Category.CIVIL_SOCIETY, Role.CO_CONVENER, "zh-hant"),
    ("students", "劉家豪", "Liu Chia-hao", "召集人", "Convenor", "全國學生自治聯盟", "National Student Self-Government Union",
     N, Category.CIVIL_SOCIETY, Role.MEMBER, ""),
    ("scholar1", "蔡明哲", "Tsai Ming-che", "教授", "Professor", "國立政治大學公共行政學系",
     "Department of Public Administration, National Chengchi University", N, Category.ISSUE_EXPERTS, Role.MEMBER,
     "zh-hant"),
    ("scholar2", "鄭雅文", "Cheng Ya-wen", "副教授", "Associate Professor", "國立臺灣師範大學公民教育與活動領導學系",
     "Department of Civic Education and Leadership, National Taiwan Normal University", N, Category.ISSUE_EXPERTS,
     Role.MEMBER, ""),
    ("opengov", "許志偉", "Hsu Chih-wei", "執行長", "Executive Director", "開放文化基金會", "Open Culture Foundation",
     N, Category.OPEN_GOVERNMENT_EXPERTS, Role.MEMBER, "zh-hant"),
    ("intl", "陳美玲", "Mei-ling Chen", "顧問", "Adviser", "開放政府夥伴關係國際專家", "Open Government Partnership expert",
     N, Category.OPEN_GOVERNMENT_EXPERTS, Role.MEMBER, "en"),
]  # fmt: skip

# Meetings: (starts, title zh, title en, place zh, place en, absent member keys, items)
# Each item: (title zh, title en, consensus, agreed_to_vote, in_favour, against, abstain)
MEETINGS = [
    (
        dt.datetime(2020, 1, 15, 14, 0, tzinfo=TAIPEI),
        "青年政策參與論壇第1次會議", "Youth participation forum: 1st meeting",
        "教育部5樓大禮堂", "Ministry of Education, 5th-floor auditorium",
        {"mohw", "intl"},
        [
            ("確認論壇運作方式與會議紀錄公開原則", "Confirm how the forum works and that its minutes are public",
             True, 0, 0, 0, 0),
            ("青年代表遴選方式是否改採公開抽籤", "Whether youth representatives should be chosen by public lot",
             False, 5, 0, 0, 0),
        ],
    ),
    (
        dt.datetime(2020, 2, 20, 14, 0, tzinfo=TAIPEI),
        "青年政策參與論壇第2次會議", "Youth participation forum: 2nd meeting",
        "教育部青年發展署會議室", "Youth Development Administration meeting room",
        set(),
        [
            ("承諾事項年度衡量指標草案", "Draft yearly indicators of the commitment", False, 7, 6, 4, 2),
            ("增設中學生代表席次", "Add seats for secondary-school students", False, 8, 5, 4, 3),
        ],
    ),
]  # fmt: skip


def load(accounts: dict) -> None:
    plan = ActionPlan.objects.get(slug="2020-2024")
    commitment = Commitment.objects.get(plan=plan, number=4)
    forum, _created = Forum.objects.get_or_create(commitment=commitment, defaults={"roster_published": True})
    convener_account = accounts["convener"]
    forum.staff.add(convener_account)
    convener_account.groups.add(Group.objects.get(name=ROLE_GROUPS[CONVENER]))
    load_second_forum(accounts)

    members: dict[str, Member] = {}
    for key, name_zh, name_en, title_zh, title_en, org_zh, org_en, sector, category, role, lang in MEMBERS:
        members[key], _ = Member.objects.update_or_create(
            forum=forum,
            name_zh_hant=name_zh,
            defaults={
                "name_en": name_en,
                "title_zh_hant": title_zh,
                "title_en": title_en,
                "organisation_zh_hant": org_zh,
                "organisation_en": org_en,
                "sector": sector,
                "category": category,
                "role": role,
                "joined_on": dt.date(2019, 12, 1),
                "email": f"{key.replace('_', '.')}@demo.ogp.tw",
                "preferred_language": lang,
            },
        )

    for starts, title_zh, title_en, place_zh, place_en, absent, items in MEETINGS:
        meeting, _ = Meeting.objects.update_or_create(
            forum=forum,
            starts_at=starts,
            defaults={
                "title_zh_hant": title_zh,
                "title_en": title_en,
                "place_zh_hant": place_zh,
                "place_en": place_en,
                "ends_at": starts + dt.timedelta(hours=2),
                "chair": members["convener"],
            },
        )
        meeting.invited.set(members.values())
        for key, member in members.items():
            if key not in absent:
                Attendance.objects.get_or_create(
                    meeting=meeting,
                    member=member,
                    defaults={"attendance_fee": member.sector == N, "travel_costs": member.sector == N},
                )
        Attendance.objects.get_or_create(
            meeting=meeting, member=None, observer_name="周小安", defaults={"observer_organisation": "公民記者"}
        )
        present = len(members) - len(absent)
        for position, (item_zh, item_en, consensus, agreed, favour, against, abstain) in enumerate(items, start=1):
            item, _ = AgendaItem.objects.update_or_create(
                meeting=meeting, position=position, defaults={"title_zh_hant": item_zh, "title_en": item_en}
            )
            decision = Decision.objects.filter(agenda_item=item).first() or Decision(agenda_item=item)
            decision.consensus, decision.present = consensus, present
            decision.agreed_to_vote, decision.in_favour, decision.against, decision.abstain = (
                agreed,
                favour,
                against,
                abstain,
            )
            decision_record(decision=decision, user=None)


# The second forum (commitment 11, Ministry of Justice): its own convener, an unpublished roster.
SECOND_FORUM_MEMBERS = [
    ("陳正義", "Chen Cheng-yi", "法務部廉政署", "Agency Against Corruption", G, Category.AGENCIES, Role.CONVENER),
    ("周明潔", "Chou Ming-chieh", "透明社會協會", "Transparent Society Association", N, Category.CIVIL_SOCIETY,
     Role.CO_CONVENER),
]  # fmt: skip


def load_second_forum(accounts: dict) -> Forum | None:
    """A second forum with its own convener (``convener_2``), so that scoping can be tried."""
    commitment = Commitment.objects.filter(plan__slug="2020-2024", number=11).first()
    if commitment is None:
        return None
    forum, _created = Forum.objects.get_or_create(commitment=commitment, defaults={"roster_published": False})
    if "convener_2" in accounts:
        forum.staff.add(accounts["convener_2"])
        accounts["convener_2"].groups.add(Group.objects.get(name=ROLE_GROUPS[CONVENER]))
    for name_zh, name_en, org_zh, org_en, sector, category, role in SECOND_FORUM_MEMBERS:
        Member.objects.update_or_create(
            forum=forum,
            name_zh_hant=name_zh,
            defaults={
                "name_en": name_en, "organisation_zh_hant": org_zh, "organisation_en": org_en, "sector": sector,
                "category": category, "role": role, "joined_on": dt.date(2020, 1, 1),
                "email": f"forum11.{role}@demo.ogp.tw",
            },
        )  # fmt: skip
    return forum

# ruff: noqa: E501
"""Journey: a convener, through the Wagtail admin alone, creates a meeting with an agenda, sends
the notice (email + .ics), records attendance and a decision that needs a vote; the public forum
page then shows the outcome and its explanation in both languages (F-2.1, F-2.4, F-3.1, F-9)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from forum.services import decision_record
from tests.factories import UserFactory

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PASSWORD = "convener-pass-2020"


@pytest.fixture
def convener_forum(site):

    from commitments.models import Commitment
    from core.roles import CONVENER
    from forum.models import Forum, Member
    from forum.rules import Category, Role, Sector

    forum = Forum.objects.create(
        commitment=Commitment.objects.get(plan__slug="2020-2024", number=4), roster_published=True
    )
    UserFactory(email="convener@example.org", password=PASSWORD, roles=[CONVENER], forums=[forum])
    people = [
        ("王志明", "Wang Chih-ming", "教育部", "Ministry of Education", Sector.GOVERNMENT, Category.AGENCIES, Role.CONVENER, ""),
        ("陳怡君", "Chen Yi-chun", "青年署", "Youth Development Administration", Sector.GOVERNMENT, Category.AGENCIES, Role.MEMBER, ""),
        ("李建宏", "Lee Chien-hung", "國發會", "National Development Council", Sector.GOVERNMENT, Category.AGENCIES, Role.MEMBER, ""),
        ("林雅婷", "Lin Ya-ting", "青年參與促進協會", "Youth Participation Association", Sector.NON_GOVERNMENT, Category.CIVIL_SOCIETY, Role.CO_CONVENER, ""),
        ("蔡明哲", "Tsai Ming-che", "政治大學", "National Chengchi University", Sector.NON_GOVERNMENT, Category.ISSUE_EXPERTS, Role.MEMBER, "en"),
        ("許志偉", "Hsu Chih-wei", "開放文化基金會", "Open Culture Foundation", Sector.NON_GOVERNMENT, Category.OPEN_GOVERNMENT_EXPERTS, Role.MEMBER, ""),
    ]  # fmt: skip
    members = []
    for i, (zh, en, org_zh, org_en, sector, category, role, language) in enumerate(people):
        members.append(
            Member.objects.create(
                forum=forum,
                name_zh_hant=zh,
                name_en=en,
                organisation_zh_hant=org_zh,
                organisation_en=org_en,
                sector=sector,
                category=category,
                role=role,
                joined_on=dt.date(2019, 12, 1),
                email=f"member{i}@example.org",
                preferred_language=language,
            )  # fmt: skip
        )
    return forum, members


def show_english(page) -> None:
    """wagtail-modeltranslation's locale picker hides the English column until its toggle is on."""
    toggle = page.locator("button.locale-toggle", has_text="en")
    if toggle.count() and "showing-locale" not in (toggle.get_attribute("class") or ""):
        toggle.click()


@pytest.mark.parametrize("viewport_name,viewport", [("desktop", DESKTOP)])
def test_convener_journey_rule_F_3_1_F_9(site, browser, shot, convener_forum, viewport_name, viewport):
    from forum.models import Decision, Meeting

    forum, members = convener_forum
    mail.outbox.clear()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()

    # Log in to the admin.
    page.goto(site.url + "/admin/login/")
    page.fill('[name="username"]', "convener@example.org")
    page.fill('[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url(site.url + "/admin/")

    # 1. Create the meeting with its agenda.
    page.goto(site.url + "/admin/snippets/forum/meeting/add/")
    show_english(page)
    page.select_option('[name="forum"]', str(forum.pk))
    page.fill('[name="title_zh_hant"]', "青年政策參與論壇第3次會議")
    page.fill('[name="title_en"]', "Youth participation forum: 3rd meeting")
    page.fill('[name="starts_at"]', "2020-04-01 14:00")
    page.keyboard.press("Escape")
    page.fill('[name="ends_at"]', "2020-04-01 16:00")
    page.keyboard.press("Escape")
    page.fill('[name="place_zh_hant"]', "教育部5樓大禮堂")
    page.fill('[name="place_en"]', "Ministry of Education, 5th-floor auditorium")
    page.click("#id_agenda_items-ADD")
    page.fill('[name="agenda_items-0-position"]', "1")
    page.fill('[name="agenda_items-0-title_zh_hant"]', "增設中學生代表席次")
    page.fill('[name="agenda_items-0-title_en"]', "Add seats for secondary-school students")
    shot(page, f"forum-admin-meeting-create-{viewport_name}")
    page.click("button.action-save")
    page.wait_for_load_state()
    meeting = Meeting.objects.get(title_zh_hant="青年政策參與論壇第3次會議")
    assert meeting.agenda_items.get().title_en == "Add seats for secondary-school students"

    # 2. Send the notice from the meeting's page.
    page.goto(site.url + f"/admin/snippets/forum/meeting/edit/{meeting.pk}/")
    page.get_by_role("link", name="寄送開會通知").click()
    page.wait_for_url(f"**/admin/forum/meetings/{meeting.pk}/notice/")
    assert "minister-without-portfolio@ogp.localhost" in page.inner_text("main")
    shot(page, f"forum-admin-notice-{viewport_name}")
    page.locator('form button[type="submit"]', has_text="寄送開會通知").click()
    page.wait_for_url(f"**/admin/snippets/forum/meeting/edit/{meeting.pk}/")
    assert len(mail.outbox) == len(members) + 2  # rule F-9: every member and the two copies
    recipients = {m.to[0] for m in mail.outbox}
    assert {"minister-without-portfolio@ogp.localhost", "ndc-social-development@ogp.localhost"} <= recipients
    english = next(m for m in mail.outbox if m.to == ["member4@example.org"])
    assert english.subject == "Meeting notice: Youth participation forum: 3rd meeting"
    name, ics, mimetype = english.attachments[0]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics and "Add seats for secondary-school students" in ics

    # 3. Record attendance: five members and an observer; fees for non-government members (F-2.4).
    present = members[:5]
    for i, member in enumerate(present):
        page.click("#id_attendances-ADD")
        page.select_option(f'[name="attendances-{i}-member"]', str(member.pk))
        if member.sector == "non_government":
            page.check(f'[name="attendances-{i}-attendance_fee"]')
            page.check(f'[name="attendances-{i}-travel_costs"]')
    page.click("#id_attendances-ADD")
    page.fill(f'[name="attendances-{len(present)}-observer_name"]', "周小安")
    page.click("button.action-save")
    page.wait_for_load_state()
    assert meeting.attendances.count() == 6 and meeting.counted_attendance() == 5

    # 4. Record a decision that needed a vote: 3 of 5 agreed to vote, 3 of 5 in favour.
    page.goto(site.url + f"/admin/snippets/forum/meeting/edit/{meeting.pk}/")
    assert 'data-government="3" data-non-government="2"' in page.content()
    page.locator(".balance").first.scroll_into_view_if_needed()
    shot(page, f"forum-admin-meeting-attendance-{viewport_name}")
    page.get_by_role("link", name="登錄決議").click()
    page.wait_for_url("**/admin/snippets/forum/decision/add/")
    page.select_option('[name="agenda_item"]', str(meeting.agenda_items.get().pk))
    page.uncheck('[name="consensus"]')
    page.fill('[name="agreed_to_vote"]', "3")
    page.fill('[name="in_favour"]', "3")
    page.fill('[name="against"]', "2")
    page.fill('[name="abstain"]', "1")
    page.click("button.action-save")
    page.wait_for_load_state()
    # Too many votes for 5 present: a clear message, input kept.
    assert "贊成、反對與棄權人數合計不得超過出席委員人數" in page.inner_text("body")
    assert page.input_value('[name="in_favour"]') == "3"
    shot(page, f"forum-admin-decision-error-{viewport_name}")
    page.fill('[name="abstain"]', "0")
    page.click("button.action-save")
    page.wait_for_load_state()
    decision = Decision.objects.get(agenda_item__meeting=meeting)
    assert decision.present == 5 and decision.outcome == "adopted"

    # 5. The public forum page shows the outcome and its explanation in both languages.
    page.goto(site.url + f"/forums/{forum.pk}/")
    text = page.inner_text("main")
    assert "表決通過" in text
    assert "出席 5 人中 3 人同意付諸表決（過半數）；出席 5 人中 3 人贊成（達二分之一）：通過" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    shot(page, f"forum-public-zh-{viewport_name}")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site.url + f"/en/forums/{forum.pk}/")
    text = page.inner_text("main")
    assert "Adopted by vote" in text
    assert "3 of 5 present agreed to vote (more than half); 3 of 5 voted in favour (at least half): adopted" in text
    shot(page, f"forum-public-en-{viewport_name}")
    context.close()


def test_forum_pages_on_a_phone(site, browser, shot, convener_forum):
    forum, _members = convener_forum
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path, name in [
        ("/forums/", "index"),
        (f"/forums/{forum.pk}/", "forum"),
        (f"/en/forums/{forum.pk}/", "forum-en"),
    ]:
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, f"forum-{name}-phone")
    assert "Balanced" in page.inner_text("main")
    context.close()


def test_forum_pages_have_no_wcag_aa_violation_rule_W_3(site, browser, convener_forum):
    """The forum index, a forum page and a meeting page, in both languages (axe-core, WCAG 2.1 AA)."""
    from axe_playwright_python.sync_playwright import Axe

    from forum.models import AgendaItem, Attendance, Decision, Meeting

    forum, members = convener_forum
    meeting = Meeting.objects.create(
        forum=forum, title_zh_hant="第1次會議", title_en="1st meeting", place_zh_hant="教育部",
        starts_at=dt.datetime(2020, 1, 15, 6, 0, tzinfo=dt.UTC),
    )  # fmt: skip
    item = AgendaItem.objects.create(meeting=meeting, position=1, title_zh_hant="議題", title_en="Item")
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member)
    Attendance.objects.create(meeting=meeting, observer_name="周小安")
    decision = Decision(agenda_item=item, consensus=False, present=6, agreed_to_vote=4, in_favour=3, against=3)
    decision_record(decision=decision, user=None)
    page = browser.new_page(viewport=DESKTOP)
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    problems = {}
    for path in ["/forums/", f"/forums/{forum.pk}/", f"/en/forums/{forum.pk}/", meeting.get_absolute_url(),
                 "/en" + meeting.get_absolute_url()]:  # fmt: skip
        page.goto(site.url + path)
        result = axe.run(page, options=options)
        assert result.response["passes"], "axe did not run"
        if result.violations_count:
            problems[path] = result.generate_report()
    assert not problems, problems

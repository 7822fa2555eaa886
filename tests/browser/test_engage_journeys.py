"""Issue 12: each staff role starts at its dashboard (the admin home says what to do next) and
ends with the task done, in both languages, the page language asserted on every page; and a
citizen follows, comments, edits and reports. Waits on conditions only."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from core.services import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_ensure

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

ADMIN_LANG = {"zh-hant": "zh-hant", "en": "en"}
PUBLIC_LANG = {"zh-hant": "zh-Hant-TW", "en": "en"}

TEXT = {
    "zh-hant": {
        "respond": "發布「已截止徵詢」的綜整回應",
        "respond_done": "綜整回應已公布",
        "notice": "寄發「第三次會議」的開會通知",
        "notice_sent": "下次會議：「第三次會議」",
        "queue_empty": "沒有待處理的被檢舉意見。",
        "review": "審查承諾事項 4",
        "review_empty": "沒有待核定的承諾事項表。",
        "follow": "追蹤這項徵詢",
        "following": "您正在追蹤這項徵詢。",
        "post": "發表意見",
        "edit": "編輯或撤回",
        "save": "儲存修改",
        "edited": "編輯",
        "report": "檢舉",
        "report_send": "向管理員檢舉",
        "reported": "謝謝：管理員將檢視這則意見。",
        "answered": "您追蹤或參與的徵詢已有機關回應",
    },
    "en": {
        "respond": "Publish the summary response to “Closed consultation”",
        "respond_done": "The summary response is published.",
        "notice": "Send the notice of “Third meeting”",
        "notice_sent": "Next meeting: “Third meeting”",
        "queue_empty": "No reported comment is waiting.",
        "review": "Review the table of Commitment 4",
        "review_empty": "No table is waiting for approval.",
        "follow": "Follow this consultation",
        "following": "You follow this consultation.",
        "post": "Post comment",
        "edit": "Edit or withdraw",
        "save": "Save the change",
        "edited": "edited",
        "report": "Report",
        "report_send": "Report to the moderators",
        "reported": "Thank you: the moderators will look at this comment.",
        "answered": "The agency answered a consultation you follow or took part in",
    },
}


def _citizen(email: str, nickname: str, language: str):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username=email, email=email, password=DEMO_PASSWORD, nickname=nickname, preferred_language=language
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _world(language: str) -> dict:
    """Staff of every role with something waiting for each."""
    from commitments.models import ActionPlan, Agency, AgencyStaff, Commitment, CommitmentTable
    from consultations import engagement, services
    from consultations.models import Consultation
    from forum.models import AgendaItem, Forum, Meeting

    accounts = demo_accounts_ensure()
    for user in accounts.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language  # the admin's language
        profile.save()
        user.preferred_language = language  # the language of their emails
        user.save(update_fields=["preferred_language"])
    AgencyStaff.objects.update_or_create(
        user=accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    plan = ActionPlan.objects.get(slug="2020-2024")
    commitment = Commitment.objects.get(plan=plan, number=4)
    today = timezone.localdate()

    def consultation(title_zh, title_en, opens, closes):
        item = Consultation(
            commitment=commitment,
            title_zh_hant=title_zh,
            title_en=title_en,
            description_zh_hant="請提供意見。",
            description_en="Please comment.",
            opens_on=today + dt.timedelta(days=opens),
            closes_on=today + dt.timedelta(days=closes),
        )
        item.save()
        return item

    writer = _citizen("writer@example.org", "寫手", language)
    closed = consultation("已截止徵詢", "Closed consultation", -30, -3)
    open_one = consultation("草案徵詢", "Draft consultation", -5, 20)
    reported, _created = services.comment_post(
        consultation=open_one, author=writer, text="離題的意見", token=uuid.uuid4()
    )
    engagement.comment_report(comment=reported, user=_citizen("reporter@example.org", "檢舉人", language))

    forum = Forum.objects.create(commitment=commitment)
    forum.staff.add(accounts["convener"])
    upcoming = Meeting.objects.create(
        forum=forum,
        title_zh_hant="第三次會議",
        title_en="Third meeting",
        starts_at=timezone.now() + dt.timedelta(days=9),
    )
    AgendaItem.objects.create(meeting=upcoming, position=1, title_zh_hant="議程一", title_en="Item one")

    table = CommitmentTable.objects.create(commitment=commitment, problem_zh_hant="青年參與管道有限。")
    revision = table.save_revision(user=accounts["agency_officer"])
    table.get_workflow().start(table, accounts["agency_officer"])
    assert revision
    return {"accounts": accounts, "closed": closed, "open": open_one, "reported": reported, "table": table}


def _admin(browser, site, role: str):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", DEMO_ACCOUNTS[role][0])
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site.url + "/admin/")
    return context, page


# Interface strings left in English on the Chinese admin pages a journey visited: {url: [strings]}.
UNTRANSLATED: dict[str, list[str]] = {}
# Known exceptions, not interface strings we can translate: the language codes on
# wagtail-modeltranslation's field-language toggles, and the hidden button of the vendored
# jQuery date-time picker (hard-coded English in Wagtail's bundled script).
NOT_TRANSLATABLE = frozenset({"zh-hant", "en", "Save Selected"})


@pytest.fixture(autouse=True)
def _chinese_admin_pages_fully_translated():
    """Fails a journey that met any untranslated string on a Chinese admin page (as rendered in
    the browser, dialogs and menus built by JavaScript included); lists them all at once."""
    UNTRANSLATED.clear()
    yield
    assert not UNTRANSLATED, "\n".join(f"{url}: {found}" for url, found in UNTRANSLATED.items())


def _lang(page, expected: str) -> None:
    """The page is in ``expected``; a Chinese admin page has no interface string left in English."""
    expect(page.locator("html")).to_have_attribute("lang", expected)
    if expected == "zh-hant" and "/admin/" in page.url:
        from tests.admin.untranslated import english_strings

        names = set()
        for _email, first, last in DEMO_ACCOUNTS.values():
            names |= {first, last, f"{first} {last}", f"{last} {first}", f"{last}{first}"}
        found = english_strings(page.content(), allow=frozenset(names) | NOT_TRANSLATABLE)
        if found:
            UNTRANSLATED[page.url] = found


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_officer_answers_a_consultation_from_the_dashboard(site, browser, shot, language):
    world = _world(language)
    text = TEXT[language]
    context, page = _admin(browser, site, "agency_officer")
    _lang(page, ADMIN_LANG[language])
    panel = page.locator("[data-dashboard-panel='dashboard-consultations-officer']")
    expect(panel).to_contain_text(text["respond"])
    shot(page, f"engage-officer-dashboard-{language}")
    panel.get_by_role("link", name=text["respond"]).click()
    page.wait_for_url(f"**/admin/consultations/manage/{world['closed'].pk}/")
    _lang(page, ADMIN_LANG[language])
    page.fill("textarea[name=text_zh_hant]", "感謝各界意見。")
    page.fill("textarea[name=text_en]", "Thank you for your comments.")
    page.locator("form:has(input[value=respond]) button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(text["respond_done"])
    _lang(page, ADMIN_LANG[language])
    page.goto(site.url + "/admin/")
    _lang(page, ADMIN_LANG[language])
    expect(page.locator("main")).not_to_contain_text(text["respond"])
    context.close()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_convener_sends_a_notice_from_the_dashboard(site, browser, shot, language):
    _world(language)
    text = TEXT[language]
    context, page = _admin(browser, site, "convener")
    _lang(page, ADMIN_LANG[language])
    panel = page.locator("[data-dashboard-panel='dashboard-forum-convener']")
    expect(panel).to_contain_text(text["notice"])
    shot(page, f"engage-convener-dashboard-{language}")
    panel.get_by_role("link", name=re.compile(re.escape(text["notice"]))).click()
    page.wait_for_url("**/admin/forum/meetings/*/notice/")
    _lang(page, ADMIN_LANG[language])
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admin/snippets/forum/meeting/edit/*/")
    _lang(page, ADMIN_LANG[language])
    page.goto(site.url + "/admin/")
    _lang(page, ADMIN_LANG[language])
    expect(page.locator("[data-dashboard-panel='dashboard-forum-convener']")).to_contain_text(text["notice_sent"])
    context.close()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_moderator_clears_the_queue_from_the_dashboard(site, browser, shot, language):
    world = _world(language)
    text = TEXT[language]
    context, page = _admin(browser, site, "moderator")
    _lang(page, ADMIN_LANG[language])
    panel = page.locator("[data-dashboard-panel='dashboard-consultations-moderation']")
    expect(panel).to_contain_text(f"#{world['reported'].pk}")
    shot(page, f"engage-moderator-dashboard-{language}")
    panel.locator("a").first.click()
    page.wait_for_url(f"**/admin/consultations/moderation/{world['reported'].pk}/")
    _lang(page, ADMIN_LANG[language])
    expect(page.locator("[data-reports]")).to_be_visible()
    page.select_option("select[name=ground]", index=1)
    page.fill("textarea[name=note]", "離題")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/admin/consultations/moderation/")
    _lang(page, ADMIN_LANG[language])
    page.goto(site.url + "/admin/")
    _lang(page, ADMIN_LANG[language])
    expect(page.locator("#dashboard-consultations-moderation-content")).to_contain_text(text["queue_empty"])
    context.close()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_ndc_editor_approves_a_table_from_the_dashboard(site, browser, shot, language, settings):
    from commitments.models import TableStatus

    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    world = _world(language)
    text = TEXT[language]
    context, page = _admin(browser, site, "ndc_editor")
    _lang(page, ADMIN_LANG[language])
    panel = page.locator("[data-dashboard-panel='dashboard-commitments-review']")
    expect(panel).to_contain_text(text["review"])
    shot(page, f"engage-ndc-dashboard-{language}")
    panel.get_by_role("link", name=re.compile(re.escape(text["review"]))).click()
    page.wait_for_url(f"**/admin/commitments/tables/edit/{world['table'].pk}/")
    _lang(page, ADMIN_LANG[language])
    approve = page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    if not approve.first.is_visible():
        page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        approve.first.click()
    page.wait_for_load_state("networkidle")
    world["table"].refresh_from_db()
    assert world["table"].status == TableStatus.PUBLISHED
    # Wagtail tells the submitting officer, in the officer's language (core.wagtail_mail).
    from django.core import mail

    officer = world["accounts"]["agency_officer"]
    approved = [m for m in mail.outbox if m.to == [officer.email] and "4" in m.subject]
    assert approved, [m.subject for m in mail.outbox]
    subject = approved[-1].subject
    if language == "en":
        assert "has been approved" in subject and not re.search(r"[\u4e00-\u9fff]", subject), subject
    else:
        assert "核准" in subject and "has been" not in subject, subject
    page.goto(site.url + "/admin/")
    _lang(page, ADMIN_LANG[language])
    expect(page.locator("main")).to_contain_text(text["review_empty"])
    context.close()


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_citizen_follows_comments_edits_and_reports(site, browser, shot, language):
    world = _world(language)
    text = TEXT[language]
    prefix = "" if language == "zh-hant" else "/en"
    _citizen("citizen.j@example.org", "公民", language)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site.url}{prefix}/accounts/login/")
    _lang(page, PUBLIC_LANG[language])
    page.fill("input[name=login]", "citizen.j@example.org")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    url = f"{site.url}{prefix}/consultations/{world['open'].pk}/"
    page.goto(url)
    _lang(page, PUBLIC_LANG[language])
    page.get_by_role("button", name=text["follow"]).click()
    expect(page.locator("main")).to_contain_text(text["following"])
    _lang(page, PUBLIC_LANG[language])
    page.fill("textarea[name=text]", "請公開遴選標準")
    page.get_by_role("button", name=text["post"]).click()
    expect(page.locator("main")).to_contain_text("請公開遴選標準")
    _lang(page, PUBLIC_LANG[language])
    page.get_by_role("link", name=text["edit"]).click()
    page.wait_for_url("**/edit/")
    _lang(page, PUBLIC_LANG[language])
    page.fill("textarea[name=text]", "請公開遴選標準與評分方式")
    page.get_by_role("button", name=text["save"]).click()
    expect(page.locator("main")).to_contain_text("請公開遴選標準與評分方式")
    expect(page.locator(".edited-flag")).to_contain_text(text["edited"])
    _lang(page, PUBLIC_LANG[language])
    page.locator(f"#comment-{world['reported'].pk}").get_by_role("link", name=text["report"]).click()
    page.wait_for_url("**/report/")
    _lang(page, PUBLIC_LANG[language])
    page.fill("textarea[name=reason]", "離題")
    page.get_by_role("button", name=text["report_send"]).click()
    expect(page.locator(".messages")).to_contain_text(text["reported"])
    _lang(page, PUBLIC_LANG[language])
    shot(page, f"engage-citizen-{language}")

    # The agency answers after closing: the follower and commenter hears back, in their language.
    from django.core import mail

    from consultations import services
    from consultations.models import Consultation

    today = timezone.localdate()
    Consultation.objects.filter(pk=world["open"].pk).update(
        opens_on=today - dt.timedelta(days=20), closes_on=today - dt.timedelta(days=1)
    )
    mail.outbox.clear()
    services.response_publish(
        consultation=Consultation.objects.get(pk=world["open"].pk),
        text_zh_hant="感謝意見。",
        text_en="Thank you.",
        cited=[],
        user=world["accounts"]["agency_officer"],
    )
    message = next(m for m in mail.outbox if m.to == ["citizen.j@example.org"])
    expected = text["answered"]
    assert expected in message.subject
    assert f"{prefix}/consultations/{world['open'].pk}/#response" in message.body
    if language == "zh-hant":
        assert "/en/" not in message.body
    page.goto(url)
    _lang(page, PUBLIC_LANG[language])
    expect(page.locator("#response")).to_be_visible()
    context.close()

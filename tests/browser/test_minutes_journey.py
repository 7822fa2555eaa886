"""Journey (F-3.2, F-7): a convener drafts minutes in the admin and submits them to NDC; an NDC
editor approves; the public reads them in Chinese and English and downloads the three PDFs."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from core.services import DEMO_PASSWORD, demo_accounts_ensure
from minutes import demo
from minutes.models import Minutes
from minutes.services import workflows_setup

from .conftest import DESKTOP, PHONE
from .test_accessibility import WCAG_AA

pytestmark = pytest.mark.browser


def _login(context, base: str, email: str):
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def _type_rich(page, field_id: str, text: str):
    editor = page.locator(".w-field__wrapper", has=page.locator(f"#{field_id}")).locator(".public-DraftEditor-content")
    editor.click()
    page.keyboard.type(text)
    page.keyboard.press("Tab")  # Draftail writes its hidden input when the editor loses focus
    expect(page.locator(f"#{field_id}")).to_have_value(re.compile(re.escape(text)))


def test_rule_F_3_2_minutes_journey(site, browser, shot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    accounts = demo_accounts_ensure()
    workflows_setup()
    forum = demo.ensure_forum(accounts)
    meeting = demo.ensure_meeting(forum, demo.MEETINGS[0])
    base = site.url

    # 1. The convener drafts the minutes and submits them to NDC.
    convener = browser.new_context(viewport=DESKTOP)
    page = _login(convener, base, "convener@demo.ogp.tw")
    page.goto(base + "/admin/snippets/minutes/minutes/add/")
    page.select_option("#id_meeting", str(meeting.pk))
    page.get_by_role("button", name=re.compile("Discussion record|討論紀錄")).first.click()
    page.select_option("#id_sections-0-agenda_item", str(meeting.agenda_items.first().pk))
    _type_rich(page, "id_sections-0-discussion_zh_hant", "與會者討論推動公民參與機制。")
    _type_rich(page, "id_closing_remarks_zh_hant", "感謝各位委員出席。")
    # Both languages are shown side by side by default (rule F-7): the English fields are visible.
    assert page.locator("#id_closing_remarks_en").count() == 1
    _type_rich(page, "id_sections-0-discussion_en", "Members discussed civic participation.")
    _type_rich(page, "id_closing_remarks_en", "Thanks to all members.")
    shot(page, "minutes-admin-draft")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():  # the server has committed when its answer arrives
        page.get_by_role("button", name=re.compile("Submit to|提交至")).click()
    # The admin page's own requests (editing sessions) settle before the test reads the
    # database: SQLite's shared in-memory database locks a table while the server writes it.
    page.wait_for_load_state("networkidle")
    shot(page, "minutes-admin-submitted")
    convener.close()
    minutes = Minutes.objects.filter(meeting=meeting, sent_to_ndc_at__isnull=False).first()
    assert minutes is not None, "the minutes were not submitted to NDC"
    assert not minutes.live

    # 2. An NDC editor approves: the minutes are published.
    editor = browser.new_context(viewport=DESKTOP)
    page = _login(editor, base, "ndc.editor@demo.ogp.tw")
    page.goto(base + f"/admin/snippets/minutes/minutes/edit/{minutes.pk}/")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    shot(page, "minutes-admin-review")
    # "Approve and publish" (核准並發佈), the action without a comment.
    with page.expect_navigation():
        page.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state("networkidle")
    shot(page, "minutes-admin-approved")
    editor.close()
    minutes = Minutes.objects.filter(pk=minutes.pk, live=True).first()
    assert minutes is not None, "NDC's approval did not publish the minutes"
    assert minutes.sent_to_ndc_at is not None

    # 3. The public reads the minutes in both languages and downloads the three PDFs.
    public = browser.new_context(viewport=PHONE)
    page = public.new_page()
    page.goto(base + "/minutes/")
    page.get_by_role("link", name="第1次多方利害關係人論壇會議").click()
    main = page.inner_text("main")
    assert "與會者討論推動公民參與機制" in main and "民國109年3月31日" in main
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, "minutes-public-zh-phone")
    for kind in ("zh-hant", "en", "bilingual"):
        href = page.locator(f"a.pdf-{kind}").get_attribute("href")
        response = public.request.get(base + href)
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        assert response.body()[:4] == b"%PDF"
    page.get_by_role("link", name="English").click()
    main = page.inner_text("main")
    assert "Members discussed civic participation." in main and "31 March 2020" in main
    assert "Thanks to all members." in main and "Translation pending" not in main
    shot(page, "minutes-public-en-phone")

    # The minutes pages meet WCAG 2.1 AA (axe-core), rule W-3.
    axe = Axe()
    problems = {}
    for path in ("/minutes/", f"/minutes/{minutes.pk}/", f"/en/minutes/{minutes.pk}/", "/en/minutes/search/?q=參與"):
        page.goto(base + path)
        result = axe.run(page, options=WCAG_AA)
        if result.violations_count:
            problems[path] = result.generate_report()
    assert not problems, problems
    public.close()

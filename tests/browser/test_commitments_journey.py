"""Journey: an agency officer fills a commitment table in the admin, is refused while a plan year
has no indicator and a relevant OGP value has no argument, fixes it, submits after the deadline
(flagged late); an NDC reviewer approves; the public sees the table, the progress dashboard and
the compiled plan's PDF and ODT, in both languages (F-5.2, F-5.3, F-5.4, F-6, F-7, F-A2)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from commitments.models import Agency, AgencyStaff, CommitmentTable, TableStatus
from core.services import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_ensure

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

YEARS = [
    ("2020-05-01", "2021-04-30"),
    ("2021-05-01", "2022-04-30"),
    ("2022-05-01", "2023-04-30"),
    ("2023-05-01", "2024-05-31"),
]


def sign_in(browser, site, role):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", DEMO_ACCOUNTS[role][0])
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site.url + "/admin/")
    return context, page


def show_english(page):
    """wagtail-modeltranslation's locale picker hides English fields until its EN toggle is on."""
    if not page.locator("#id_problem_en").is_visible():
        page.locator("button.locale-toggle", has_text="en").first.click()


def close_pickers(page):
    """Leave the focused field, which closes its date picker."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("document.querySelectorAll('.xdsoft_datetimepicker').forEach(e => e.style.display = 'none')")


def tab(page, name):
    close_pickers(page)
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(page.locator(f"#{tab.get_attribute('aria-controls')}")).to_be_visible()


def add_indicator(page, index, year):
    page.locator("#id_indicators-ADD").dispatch_event("click")
    page.locator(f"#id_indicators-{index}-description_zh_hant").wait_for()
    prefix = f"#id_indicators-{index}-"
    page.fill(prefix + "description_zh_hant", f"辦理青年政策論壇第{index + 1}年")
    page.fill(prefix + "description_en", f"Youth policy forums, year {index + 1}")
    for field, value in (("starts_on", year[0]), ("ends_on", year[1])):
        page.fill(prefix + field, value)
        page.keyboard.press("Escape")  # close the date picker
    page.fill(prefix + "target_value", "4")
    page.fill(prefix + "target_unit_zh_hant", "場")
    page.fill(prefix + "target_unit_en", "forums")


def submit(page):
    """Submit to NDC and wait for the server's answer (a new page: refusal or success)."""
    close_pickers(page)
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    # The admin page's own requests settle before the test reads the database (SQLite's shared
    # in-memory database locks a table while the server writes it).
    page.wait_for_load_state("networkidle")


def test_commitment_table_journey(site, browser, shot, settings):
    # Without autosave the form is sent only by the officer's own actions: no background save
    # races the submission (autosave itself is Wagtail's, tested there).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    accounts = demo_accounts_ensure()
    AgencyStaff.objects.update_or_create(
        user=accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )

    # 1. The Ministry of Education's officer writes commitment 4's table.
    context, page = sign_in(browser, site, "agency_officer")
    page.goto(site.url + "/admin/commitments/tables/add/")
    page.select_option("#id_commitment", label="4. 青年政策參與")
    show_english(page)
    page.fill("#id_problem_zh_hant", "青年參與公共事務的管道有限。")
    page.fill("#id_problem_en", "Young people have few ways to take part in public affairs.")
    page.fill("#id_description_zh_hant", "建立青年參與政策的常設機制。")
    page.fill("#id_description_en", "A standing mechanism for youth participation.")
    page.fill("#id_contribution_zh_hant", "讓青年意見進入政策制定。")
    page.fill("#id_contribution_en", "Youth views reach policy-making.")
    tab(page, "OGP 核心價值")
    page.check("#id_participation_relevant")
    page.fill("#id_participation_argument_zh_hant", "擴大青年影響決策的機會。")
    page.fill("#id_participation_argument_en", "More chances for youth to influence decisions.")
    page.check("#id_accountability_relevant")  # ... but no argument yet (F-5.2)
    tab(page, "衡量指標")
    for index, year in enumerate(YEARS[:3]):  # the fourth plan year has none yet (F-5.3)
        add_indicator(page, index, year)
    tab(page, "參與人員與聯絡資訊")
    page.locator("#id_participants-ADD").dispatch_event("click")
    page.select_option("#id_participants-0-kind", "civil_society")
    page.fill("#id_participants-0-name_zh_hant", "臺灣青年民主協會")
    page.fill("#id_participants-0-name_en", "Taiwan Youth Democracy Association")
    page.fill("#id_contact_email", "officer@moe.example.tw")
    submit(page)

    # 2. Refused, with messages naming the plan year and the OGP value.
    page.wait_for_load_state()
    body = page.inner_text("body")
    assert "2023/5–2024/5" in body
    assert "已勾選與「課責」相關" in body
    # nothing was submitted (a draft may have been saved: drafts may be incomplete)
    assert not CommitmentTable.objects.with_status().exclude(derived_status=TableStatus.DRAFT).exists()
    shot(page, "commitments-admin-refused")

    # 3. Fixed and submitted after the deadline (F-6).
    show_english(page)
    tab(page, "OGP 核心價值")
    page.fill("#id_accountability_argument_zh_hant", "青年諮詢會議紀錄與回應公開。")
    page.fill("#id_accountability_argument_en", "Minutes and responses of youth advisory meetings are published.")
    tab(page, "衡量指標")
    add_indicator(page, 3, YEARS[3])
    submit(page)
    page.wait_for_url("**/admin/commitments/tables/**")
    table = CommitmentTable.objects.get()
    assert table.status == TableStatus.SUBMITTED and table.days_late > 2000
    shot(page, "commitments-admin-submitted")
    context.close()

    # 4. NDC reviews: sees the late flag, approves.
    context, page = sign_in(browser, site, "ndc_editor")
    page.goto(site.url + "/admin/commitments/monitoring/")
    assert str(table.days_late) in page.inner_text("main")
    page.goto(site.url + f"/admin/commitments/tables/edit/{table.pk}/")
    approve = page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    if not approve.first.is_visible():
        page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        approve.first.click()
    page.wait_for_load_state("networkidle")
    table.refresh_from_db()
    assert table.status == TableStatus.PUBLISHED and table.live
    # ... and compiles the national action plan.
    page.goto(site.url + "/admin/commitments/monitoring/")
    page.get_by_role("button", name="立即彙整行動方案").click()
    page.wait_for_load_state()
    assert table.plan.compilations.count() == 1
    shot(page, "commitments-admin-monitoring")
    context.close()

    # 5. The public sees the table, the dashboard and the compiled plan, in both languages.
    for viewport_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(site.url + "/plans/2020-2024/commitments/4/")
        main = page.inner_text("main")
        assert "承諾事項將涉及哪些公共問題？" in main and "青年參與公共事務的管道有限。" in main
        assert "逾期" in main  # submitted late
        assert "officer@moe.example.tw" not in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shot(page, f"commitments-table-zh-{viewport_name}")
        page.get_by_role("link", name="English").click()
        main = page.inner_text("main")
        assert "Young people have few ways to take part in public affairs." in main
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shot(page, f"commitments-table-en-{viewport_name}")

        page.goto(site.url + "/en/plans/2020-2024/dashboard/")
        assert page.locator("svg[role=img] rect").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shot(page, f"commitments-dashboard-en-{viewport_name}")
        page.goto(site.url + "/plans/2020-2024/dashboard/")
        shot(page, f"commitments-dashboard-zh-{viewport_name}")

        page.goto(site.url + "/plans/2020-2024/")
        page.get_by_role("link", name="彙整之行動方案（PDF、ODT、開放資料）").click()
        pdf = page.get_by_role("link", name="PDF（中英對照）")
        odt = page.get_by_role("link", name="ODF 文字文件（.odt）")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shot(page, f"commitments-compiled-zh-{viewport_name}")
        for link, kind in ((pdf, "application/pdf"), (odt, "application/vnd.oasis.opendocument.text")):
            response = page.request.get(site.url + link.get_attribute("href"))
            assert response.status == 200 and response.headers["content-type"] == kind
        page.get_by_role("link", name="English").click()
        assert page.get_by_role("link", name="PDF (bilingual)").is_visible()
        assert page.get_by_role("link", name="ODF text document (.odt)").is_visible()
        shot(page, f"commitments-compiled-en-{viewport_name}")
        context.close()

"""Journey: a visitor opens the home page in both languages on a phone and a desktop (W-4, F-7)."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport_name,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_home_page_both_languages_rule_W_4(site, browser, shot, viewport_name, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert page.get_by_role("heading", level=1).inner_text() == "開放政府共創平臺"
    assert page.locator(".commitment-list li").count() == 12
    assert "主辦機關：教育部" in page.inner_text("main")
    # No horizontal scrolling on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    shot(page, f"home-zh-{viewport_name}")

    page.get_by_role("link", name="English").click()
    page.wait_for_url(site.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".commitment-list li").count() == 12
    assert "Lead agency: Ministry of Education" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    shot(page, f"home-en-{viewport_name}")

    page.get_by_role("link", name="Youth participation in policy").click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Youth participation in policy")
    page.get_by_role("link", name="中文").click()
    page.wait_for_url(site.url + "/plans/2020-2024/commitments/4/")
    assert "青年政策參與" in page.get_by_role("heading", level=1).inner_text()
    context.close()


def test_keyboard_focus_is_visible(site, browser):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

"""Journey: each demo staff role signs in to the Wagtail admin with its demo password."""

from __future__ import annotations

import pytest

from core.services import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_ensure

from .conftest import DESKTOP

pytestmark = pytest.mark.browser


def test_each_demo_role_signs_in_to_the_admin(site, browser, shot):
    demo_accounts_ensure()
    for role, (email, _first, _last) in DEMO_ACCOUNTS.items():
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(site.url + "/admin/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(site.url + "/admin/")
        assert page.locator("main").is_visible()
        shot(page, f"admin-dashboard-{role}")
        context.close()


def test_a_wrong_password_is_refused(site, browser):
    demo_accounts_ensure()
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", DEMO_ACCOUNTS["ndc_editor"][0])
    page.fill("input[name=password]", "wrong")
    page.click("button[type=submit]")
    assert "/admin/login/" in page.url

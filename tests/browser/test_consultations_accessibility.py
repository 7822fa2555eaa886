"""WCAG 2.1 AA (axe-core) on the consultation and account pages, both languages, with and without forms."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _check(page, base, paths) -> dict:
    axe = Axe()
    problems = {}
    for path in paths:
        page.goto(base + path)
        result = axe.run(page, options=WCAG_AA)
        if result.violations_count:
            problems[path] = result.generate_report()
    return problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_consultation_pages_wcag_aa_rule_W_3(site, browser, viewport):
    call_command("load_demo", verbosity=0)
    from consultations.models import Consultation

    ids = list(Consultation.objects.order_by("pk").values_list("pk", flat=True))
    paths = ["/consultations/", "/en/consultations/overdue/", "/accounts/signup/", "/en/accounts/login/"]
    paths += [f"/consultations/{pk}/" for pk in ids] + [f"/en/consultations/{pk}/" for pk in ids]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    problems = _check(page, site.url, paths)
    page.goto(site.url + "/en/accounts/login/")
    page.fill("input[name=login]", "citizen@demo.ogp.tw")
    page.fill("input[name=password]", "demo-ogp-2020")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    problems |= _check(
        page,
        site.url,
        [
            f"/consultations/{ids[0]}/",
            f"/en/consultations/{ids[0]}/",
            "/consultations/suggest/",
            "/en/accounts/profile/",
        ],
    )
    context.close()
    assert not problems, problems

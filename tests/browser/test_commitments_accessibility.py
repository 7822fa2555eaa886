"""WCAG 2.1 AA (axe-core) on the commitment table, dashboard and compiled plan pages, with demo data (W-3)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PAGES = [
    "/plans/2020-2024/commitments/4/",
    "/en/plans/2020-2024/commitments/4/",
    "/plans/2020-2024/dashboard/",
    "/en/plans/2020-2024/dashboard/",
    "/plans/2020-2024/compiled/1/",
    "/en/plans/2020-2024/compiled/1/",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_commitment_pages_have_no_wcag_aa_violation_rule_W_3(site, browser, viewport, shot):
    call_command("load_demo", verbosity=0)
    page = browser.new_page(viewport=viewport)
    axe = Axe()
    problems = {}
    for path in PAGES:
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        result = axe.run(page, options=WCAG_AA)
        assert result.response["passes"], "axe did not run"
        if result.violations_count:
            problems[path] = result.generate_report()
    shot(page, f"commitments-demo-compiled-en-{viewport['width']}")
    assert not problems, problems

"""WCAG 2.1 AA checks (axe-core, bundled with axe-playwright-python) on public pages."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PAGES = ["/", "/en/", "/plans/2020-2024/", "/en/plans/2020-2024/commitments/4/"]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_have_no_wcag_aa_violation_rule_W_3(site, browser, viewport):
    page = browser.new_page(viewport=viewport)
    axe = Axe()
    problems = {}
    for path in PAGES:
        page.goto(site.url + path)
        result = axe.run(page, options=WCAG_AA)
        assert result.response["passes"], "axe did not run"
        if result.violations_count:
            problems[path] = result.generate_report()
    assert not problems, problems

"""Issue 10 (CSP): public pages, allauth's and the API docs page run in Chromium without a single
Content-Security-Policy violation."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/en/",
    "/plans/2020-2024/dashboard/",
    "/plans/2020-2024/commitments/4/",
    "/forums/",
    "/minutes/",
    "/consultations/",
    "/accounts/login/",
    "/en/accounts/signup/",
    "/api/v1/docs",
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_public_pages_have_no_csp_violations(site, browser):
    call_command("load_demo", verbosity=0)
    from forum.models import Meeting

    meeting = Meeting.objects.first()
    pages = PAGES + [f"/forums/{meeting.forum_id}/", f"/forums/{meeting.forum_id}/meetings/{meeting.pk}/"]
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    for path in pages:
        response = page.goto(site.url + path)
        assert response.status == 200, path
        assert "unsafe-inline" not in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        if path == "/api/v1/docs":
            page.locator(".swagger-ui .info").wait_for()
        assert page.evaluate("window.__cspViolations") == [], path
    assert [text for text in console if "Content Security Policy" in text] == []
    context.close()

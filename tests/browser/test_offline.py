"""Works offline: the API documentation renders from our own static files with every external
request blocked, and the public pages have no horizontal scroll on a 360 px phone."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = pytest.mark.browser


def block_external(context, site_url: str) -> list[str]:
    """Abort every request that does not go to the live server; return what was blocked."""
    own = urlsplit(site_url).netloc
    blocked: list[str] = []

    def handle(route):
        url = route.request.url
        if urlsplit(url).netloc == own or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", handle)
    return blocked


def test_api_docs_render_with_the_network_blocked(site, browser, shot):
    context = browser.new_context()
    blocked = block_external(context, site.url)
    page = context.new_page()
    page.goto(site.url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("OGP Taiwan open data")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    expect(page.get_by_text("/api/v1/consultations/", exact=False).first).to_be_visible()
    shot(page, "api-docs-offline")
    assert blocked == []
    context.close()


def test_no_horizontal_scroll_at_360px_on_the_english_plan(site, browser, shot):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("/en/plans/2020-2024/", "/plans/2020-2024/"):
        page.goto(site.url + path)
        expect(page.locator("h1")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
        shot(page, "plan-360" + path.replace("/", "-"))
    context.close()

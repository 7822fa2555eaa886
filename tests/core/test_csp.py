"""Issue 10 finding 11 (CSP): public pages carry a Content-Security-Policy without
'unsafe-inline' and have no inline script or style; the admin keeps what Wagtail needs."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"|javascript:", re.I)


@pytest.fixture
def demo_site(db):
    call_command("load_demo", verbosity=0)


def public_urls() -> list[str]:
    from forum.models import Forum, Meeting
    from minutes.models import Minutes

    urls = [
        "/",
        "/plans/2020-2024/",
        "/plans/2020-2024/dashboard/",
        "/plans/2020-2024/commitments/4/",
        "/forums/",
        "/minutes/",
        "/minutes/search/?q=會議",
        "/consultations/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/proposals/",
        "/proposals/board/",
        "/budgeting/",
    ]
    forum = Forum.objects.first()
    if forum:
        urls.append(f"/forums/{forum.pk}/")
    meeting = Meeting.objects.first()
    if meeting:
        urls.append(f"/forums/{meeting.forum_id}/meetings/{meeting.pk}/")
    minutes = Minutes.objects.published().first()
    if minutes:
        urls.append(f"/minutes/{minutes.pk}/")
    return urls + ["/en" + url for url in urls]


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy_and_no_inline_code(client, demo_site):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))
        assert not INLINE_STYLE.search(html), (url, INLINE_STYLE.search(html).group(0))


def test_api_and_its_docs_page_have_the_strict_policy(client):
    for url in ("/api/v1/docs", "/api/v1/openapi.json", "/api/v1/commitments/"):
        response = client.get(url)
        assert response.status_code == 200, url
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, url
    html = client.get("/api/v1/docs").content.decode()
    assert not INLINE_SCRIPT.search(html) and not INLINE_STYLE.search(html)


def test_admin_keeps_what_wagtail_needs(client, demo_accounts):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"] and "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    client.force_login(demo_accounts["ndc_editor"])
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_not_found_pages_have_the_policy_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "unsafe-inline" not in response["Content-Security-Policy"]

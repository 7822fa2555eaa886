"""Journeys of issue 9 in both languages: propose (similar ones shown), review, agency confirms,
citizens second (with and without an email code), qualify, notify, respond with an extension
(K-6.1.1, K-6.2.1, K-6.2.4, K-6.2.6, K-6.3.3, K-6.3.5, K-6.4.3, K-6.4.4, T-9.3.4, W-5)."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core import mail
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PASSWORD = "pw-123456-long"
TEXT = {
    "": {"similar": "類似提案", "qualified": "已成案", "adopted": "採納", "counted": "已計入"},
    "/en": {"similar": "Similar proposals", "qualified": "Qualified", "adopted": "Adopted", "counted": "counted"},
}


def _citizen(email: str, language: str):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, nickname=email.split("@")[0], preferred_language=language
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _login(browser, base: str, lang: str, email: str, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base}{lang}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _admin(browser, base: str, email: str):
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "demo-ogp-2020")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def _setup(threshold: int):
    from commitments.models import Agency, AgencyStaff
    from core.models import PolicyProfile
    from core.services import demo_accounts_ensure
    from proposals import services

    accounts = demo_accounts_ensure()
    AgencyStaff.objects.update_or_create(
        user=accounts["agency_officer"], defaults={"agency": Agency.objects.get(code="moe")}
    )
    for profile in PolicyProfile.objects.all():
        profile.threshold = threshold
        profile.save()
    earlier = _citizen("earlier@example.org", "zh-hant")
    proposal, _ = services.proposal_submit(
        author=earlier,
        title="推動公民參與機制",
        content="內容",
        benefits="效益",
        agency=Agency.objects.get(code="moe"),
        profile="kaohsiung",
        token=uuid.uuid4(),
    )
    services.proposal_review_pass(proposal=proposal, user=accounts["ndc_editor"])
    return accounts


@pytest.mark.parametrize("lang", ["", "/en"])
def test_proposal_journey(site, browser, lang):
    from proposals import seconding as sec
    from proposals.models import Proposal

    _setup(threshold=2)
    base, name = site.url, ("zh" if lang == "" else "en")
    language = "zh-hant" if lang == "" else "en"
    _citizen(f"proposer-{name}@example.org", language)
    supporter = _citizen(f"supporter-{name}@example.org", language)
    other = _citizen(f"other-{name}@example.org", language)

    # 1. The proposer types a topic on a phone: similar proposals appear as they type (K-6.1.1).
    page = _login(browser, base, lang, f"proposer-{name}@example.org", viewport=PHONE)
    page.goto(f"{base}{lang}/proposals/new/")
    page.fill("input[name=title]", "擴大公民參與")
    expect(page.locator("#similar-proposals")).to_be_visible()
    expect(page.locator("#similar-proposals")).to_contain_text("推動公民參與機制")
    expect(page.locator("#similar-proposals h2")).to_have_text(TEXT[lang]["similar"])
    page.fill("textarea[name=content]", f"每區設置公民參與據點（{name}）")
    page.fill("textarea[name=benefits]", "更多人參與。")
    from commitments.models import Agency

    page.select_option("select[name=agency]", str(Agency.objects.get(code="moe").pk))
    page.locator("form.proposal-form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    proposal = Proposal.objects.get(content=f"每區設置公民參與據點（{name}）")

    # 2. The management team passes review (K-6.2.1): seconding opens the next day (K-6.2.4).
    ndc = _admin(browser, base, "ndc.editor@demo.ogp.tw")
    ndc.goto(f"{base}/admin/proposals/{proposal.pk}/")
    ndc.check("input[name=action][value=pass]")
    ndc.locator("#review-submit").click()
    expect(ndc.locator("[data-testid=status]")).to_contain_text(re.compile("附議中|Open for seconding"))

    # 3. The agency confirms it is competent (K-6.2.6).
    officer = _admin(browser, base, "officer@demo.ogp.tw")
    officer.goto(f"{base}/admin/proposals/{proposal.pk}/")
    officer.locator("button[name=action][value=confirm]").click()
    expect(officer.locator("main")).to_contain_text(re.compile("機關已確認權責|Confirmed by the agency"))

    # 4. Seconding is open from the next day: move the window to today for the journey.
    Proposal.objects.filter(pk=proposal.pk).update(seconding_opens_on=proposal.submitted_on)
    seconder = _login(browser, base, lang, supporter.email)
    seconder.goto(f"{base}{lang}/proposals/{proposal.pk}/")
    seconder.fill("textarea[name=opinion]", "支持")
    seconder.check("input[name=notify]")  # opt in to the progress emails
    seconder.locator(".second-form button[type=submit]").click()
    expect(seconder.locator("[data-testid=second-count]")).to_have_text("1")
    expect(seconder.locator("ul.messages")).to_contain_text(TEXT[lang]["counted"])
    sec.proposal_second(proposal=proposal, user=other)  # the threshold is reached: qualified
    seconder.reload()
    expect(seconder.locator(".status")).to_contain_text(TEXT[lang]["qualified"])

    # 5. Notify (K-6.3.5), extend once with a public reason (K-6.4.4), respond (K-6.4.3).
    ndc.goto(f"{base}/admin/proposals/{proposal.pk}/")
    ndc.locator("button[name=action][value=notify]").click()
    expect(ndc.locator("main")).to_contain_text(re.compile("回應期限|Response due"))
    proposal.refresh_from_db()
    from proposals import rules

    latest = rules.extension_latest(proposal.response_due_on, proposal.policy)
    officer.goto(f"{base}/admin/proposals/{proposal.pk}/")
    officer.fill("input[name=extended_to]", latest.isoformat())
    officer.fill("textarea[name=reason_zh_hant]", "需跨局處研議")
    officer.locator("button[name=action][value=extend]").click()
    expect(officer.locator("main")).to_contain_text("需跨局處研議")
    officer.select_option("select[name=adoption]", "adopted")
    officer.fill("textarea[name=response_zh_hant]", "採納，明年實施。")
    officer.locator("button[name=action][value=respond]").click()
    expect(officer.locator("[data-testid=status]")).to_contain_text(re.compile("已回應|Responded"))

    seconder.goto(f"{base}{lang}/proposals/{proposal.pk}/")
    expect(seconder.locator("[data-testid=adoption]")).to_have_text(TEXT[lang]["adopted"])
    expect(seconder.locator("main")).to_contain_text("需跨局處研議")
    assert any(supporter.email in m.to for m in mail.outbox)  # the opt-in seconder is emailed,
    assert not any(other.email in m.to for m in mail.outbox)  # the one who did not opt in is not


@pytest.mark.parametrize("lang", ["", "/en"])
def test_second_with_email_code_rule_T_9_3_4(site, browser, lang):
    from commitments.models import Agency
    from proposals import services
    from proposals.models import Proposal

    accounts = _setup(threshold=5)
    name = "zh" if lang == "" else "en"
    author = _citizen(f"tc-author-{name}@example.org", "zh-hant")
    proposal, _ = services.proposal_submit(
        author=author,
        title="臺中公車加班",
        content="內容",
        benefits="效益",
        agency=Agency.objects.get(code="moe"),
        profile="taichung",
        token=uuid.uuid4(),
    )
    services.proposal_review_pass(proposal=proposal, user=accounts["ndc_editor"])
    Proposal.objects.filter(pk=proposal.pk).update(seconding_opens_on=proposal.submitted_on)
    seconder = _citizen(f"tc-seconder-{name}@example.org", "zh-hant" if lang == "" else "en")
    page = _login(browser, site.url, lang, seconder.email, viewport=PHONE)
    page.goto(f"{site.url}{lang}/proposals/{proposal.pk}/")
    page.locator(".second-form button[type=submit]").click()
    expect(page.locator("form.code-form")).to_be_visible()
    expect(page.locator("[data-testid=second-count]")).to_have_text("0")
    code = re.search(r"\d{6}", next(m for m in reversed(mail.outbox) if seconder.email in m.to).subject).group()
    page.fill("input[name=code]", code)
    page.locator("form.code-form button[type=submit]").first.click()
    expect(page.locator("[data-testid=second-count]")).to_have_text("1")

"""Journeys of issue 6, in both languages: a newcomer signs up, confirms, comments; the officer sees it
in the inbox; a moderator hides another comment; after closing the agency answers citing the comment,
and the commenter sees the link (F-4.2, K-6.1.2, K-6.2.2, K-7.2, T-3)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TEXT = {
    "": {"signup": "註冊", "post": "發表意見", "hidden": "已由管理者隱藏", "cited": "已獲機關綜整回應引用"},
    "/en": {
        "signup": "Sign Up",
        "post": "Post comment",
        "hidden": "Hidden by a moderator",
        "cited": "Cited in the agency",
    },
}


def _admin_login(page, base, email):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "demo-ogp-2020")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_consultation_journey(site, browser, shot, lang):
    call_command("load_demo", verbosity=0)
    from consultations.models import Comment, Consultation

    consultation = Consultation.objects.get(title_en="Consultation on the draft youth participation commitment")
    base = site.url
    name = "zh" if lang == "" else "en"
    email = f"newcomer-{name}@example.org"
    comment_text = f"Newcomer comment ({name}): 請公開遴選標準"

    # 1. A newcomer signs up on a phone, choosing a nickname.
    citizen = browser.new_context(viewport=PHONE)
    page = citizen.new_page()
    page.goto(f"{base}{lang}/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", "a-long-pass-phrase-42")
    page.fill("input[name=password2]", "a-long-pass-phrase-42")
    page.select_option("select[name=name_display]", "nickname")
    page.fill("input[name=nickname]", f"新來的{name}")
    shot(page, f"consultations-signup-{name}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    # 2. Confirms the email (the console/locmem backend holds the message).
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page.goto(base + path)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    if "/login/" in page.url:
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", "a-long-pass-phrase-42")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()

    # 3. Comments on the open demo consultation, pointing at the indicators.
    page.goto(f"{base}{lang}/consultations/{consultation.pk}/")
    page.fill("textarea[name=text]", comment_text)
    page.select_option("select[name=section]", "indicators")
    page.get_by_role("button", name=TEXT[lang]["post"]).click()
    page.wait_for_load_state()
    assert comment_text in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, f"consultations-commented-{name}")
    comment = Comment.objects.get(text=comment_text)

    # 4. The agency officer sees it in the inbox at once.
    staff = browser.new_context(viewport=DESKTOP)
    officer = staff.new_page()
    _admin_login(officer, base, "officer@demo.ogp.tw")
    officer.goto(base + "/admin/consultations/inbox/")
    assert comment_text[:40] in officer.inner_text("main")
    shot(officer, f"consultations-inbox-{name}")

    # 5. A moderator hides another comment with a ground.
    other = Comment.objects.filter(consultation=consultation, parent__isnull=True).exclude(pk=comment.pk).first()
    moderation = browser.new_context(viewport=DESKTOP).new_page()
    _admin_login(moderation, base, "moderator@demo.ogp.tw")
    moderation.goto(f"{base}/admin/consultations/moderation/{other.pk}/")
    moderation.select_option("select[name=ground]", "personal_interest")
    moderation.fill("textarea[name=note]", "僅涉個人利益")
    moderation.locator("main form button[type=submit]").click()
    moderation.wait_for_load_state()
    page.goto(f"{base}{lang}/consultations/{consultation.pk}/")
    assert TEXT[lang]["hidden"] in page.inner_text(f"#comment-{other.pk}")

    # 6. After closing, the agency publishes a response citing the comment.
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - dt.timedelta(days=30), closes_on=today - dt.timedelta(days=1)
    )
    officer.goto(f"{base}/admin/consultations/manage/{consultation.pk}/")
    officer.fill("textarea[name=text_zh_hant]", "感謝意見，我們將公開遴選標準。")
    officer.fill("textarea[name=text_en]", "Thank you: we will publish the selection criteria.")
    officer.check(f"input[name=cited][value='{comment.pk}']")
    shot(officer, f"consultations-respond-{name}")
    officer.locator("form:has(input[value=respond]) button[type=submit]").click()
    officer.wait_for_load_state()

    # 7. The commenter sees the link from their comment to the response.
    page.goto(f"{base}{lang}/consultations/{consultation.pk}/")
    link = page.locator(f"#comment-{comment.pk} a.cited-link")
    assert TEXT[lang]["cited"] in link.inner_text()
    link.click()
    assert page.locator("#response").is_visible()
    shot(page, f"consultations-response-{name}")
    citizen.close()
    staff.close()


def test_consultation_lists_and_overdue_on_desktop(site, browser, shot):
    call_command("load_demo", verbosity=0)
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site.url + "/consultations/")
    assert "進行中" in page.inner_text("main")
    shot(page, "consultations-index-zh")
    page.goto(site.url + "/en/consultations/overdue/")
    assert "Consultation on school participation mechanisms" in page.inner_text("main")
    shot(page, "consultations-overdue-en")
    page.goto(site.url + "/en/")
    assert "Consultation on the draft youth participation commitment" in page.inner_text("main")

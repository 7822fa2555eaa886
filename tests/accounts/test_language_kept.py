"""Language is kept (rule F-7): an English visitor is never pushed into Chinese by a redirect or an
email, and emails link to the public site address in the reader's language."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import override_settings

from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-42"
SIGNUP = {
    "email": "reader@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "name_display": "nickname",
    "nickname": "reader",
    "last_name": "",
    "first_name": "",
}


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def assert_english_page(client, url: str):
    assert url.startswith("/en/"), url
    response = client.get(url)
    assert response.status_code == 200, url
    assert html_lang(response) == "en", url
    return response


def test_signup_form_on_english_defaults_to_english_emails(client):
    # rule F-7
    response = client.get("/en/accounts/signup/")
    assert re.search(r'<option value="en" selected>', response.content.decode())
    response = client.get("/accounts/signup/")
    assert re.search(r'<option value="zh-hant" selected>', response.content.decode())


@override_settings(PUBLIC_BASE_URL="https://ogp.example.tw")
def test_rule_F_7_english_signup_confirm_login_logout_never_lands_in_chinese(client):
    assert_english_page(client, "/en/accounts/signup/")
    response = client.post("/en/accounts/signup/", {**SIGNUP, "preferred_language": "en"})
    assert response.status_code == 302
    assert_english_page(client, response.url)
    user = User.objects.get(email="reader@example.org")
    assert user.preferred_language == "en"

    # The confirmation email: English, the configured site address, the English page.
    message = mail.outbox[-1]
    assert message.subject == "[OGP Taiwan] Please Confirm Your Email Address"
    assert "Hello from ogp.example.tw!" in message.body
    assert "testserver" not in message.body and "127.0.0.1" not in message.body
    assert not re.search(r"[\u4e00-\u9fff]", message.subject + message.body)
    link = re.search(r"https://ogp\.example\.tw(/\S+/accounts/confirm-email/\S+)", message.body).group(1)
    assert link.startswith("/en/accounts/confirm-email/")
    assert_english_page(client, link)
    response = client.post(link)
    assert response.status_code == 302
    assert_english_page(client, response.url)

    response = client.post("/en/accounts/login/", {"login": "reader@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/en/"
    assert_english_page(client, response.url)

    # A page that needs signing in sends an English reader to the English sign-in page.
    client.logout()
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    client.post("/en/accounts/login/", {"login": "reader@example.org", "password": PASSWORD})

    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert response.url == "/en/"
    assert_english_page(client, response.url)


def test_chinese_visitor_stays_in_chinese(client):
    client.post("/accounts/signup/", {**SIGNUP, "preferred_language": "zh-hant"})
    user = User.objects.get(email="reader@example.org")
    assert user.preferred_language == "zh-hant"
    link = re.search(r"https?://\S+?(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    assert re.search(r"[\u4e00-\u9fff]", mail.outbox[-1].body)
    client.post(link)
    response = client.post("/accounts/login/", {"login": "reader@example.org", "password": PASSWORD})
    assert response.url == "/"
    response = client.post("/accounts/logout/")
    assert response.url == "/"


def test_email_in_the_account_language_not_the_page_language(client):
    """A reader who chose English emails gets them in English even when acting on a Chinese page."""
    client.post("/en/accounts/signup/", {**SIGNUP, "preferred_language": "en"})
    mail.outbox.clear()
    client.post("/accounts/password/reset/", {"email": "reader@example.org"})
    message = mail.outbox[-1]
    assert not re.search(r"[\u4e00-\u9fff]", message.subject + message.body)
    assert "/en/accounts/password/reset/key/" in message.body


def test_next_keeps_the_language(client):
    client.post("/en/accounts/signup/", {**SIGNUP, "preferred_language": "en"})
    link = re.search(r"https?://\S+?(/en/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    client.post(link)
    response = client.post(
        "/en/accounts/login/?next=/en/plans/2020-2024/", {"login": "reader@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/en/plans/2020-2024/"


def test_account_deletion_returns_to_the_readers_home(client):
    from tests.factories import CitizenFactory

    user = CitizenFactory(email="gone@example.org", nickname="gone")
    user.set_password(PASSWORD)
    user.save()
    client.force_login(user)
    response = client.post("/en/accounts/profile/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/en/"

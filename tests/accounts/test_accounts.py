"""Accounts: sign-up with a verified email and a chosen public name (T-3, K-6.1.2), personal data (K-4)."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD, CitizenFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new@example.org",
    "password1": "a-long-pass-phrase-42",
    "password2": "a-long-pass-phrase-42",
    "name_display": "nickname",
    "nickname": "小草",
    "last_name": "",
    "first_name": "",
    "preferred_language": "zh-hant",
}


def test_rule_T_3_signup_needs_email_verification_and_public_name_choice(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.public_name == "小草" and user.name_display == "nickname"
    assert user.emailaddress_set.get().verified is False
    from consultations import permissions

    assert not permissions.can_comment(user)  # rule K-6.1.2: not before the email is confirmed
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    user = User.objects.get(pk=user.pk)
    assert permissions.can_comment(user)


def test_signup_real_name_requires_a_name(client):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "name_display": "real_name", "nickname": ""})
    assert response.status_code == 200 and "Give your name" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()
    client.post("/accounts/signup/", {**SIGNUP, "name_display": "real_name", "last_name": "陳", "first_name": "大文"})
    assert User.objects.get(email="new@example.org").public_name == "大文 陳"


def test_profile_changes_public_name(client):
    user = CitizenFactory(email="p@example.org", nickname="舊名")
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {"name_display": "nickname", "nickname": "新名", "last_name": "", "first_name": "", "preferred_language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.public_name == "新名" and user.preferred_language == "en"


def test_rule_K_4_data_download(client):
    from consultations.models import Comment

    user = CitizenFactory(email="d@example.org")
    client.force_login(user)
    response = client.get("/accounts/profile/data.json")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "d@example.org" and data["comments"] == []
    # the account, then each installed app's part (its ``personal_data`` provider)
    assert set(data) == {"account", "email_addresses", "comments", "suggestions", "proposals", "seconds"} | {
        "budgeting_proposals"
    }
    assert Comment.objects.count() == 0


def test_rule_K_4_account_deletion_keeps_comments_as_deleted_user(client, open_consultation, post):
    user = CitizenFactory(email="gone@example.org", nickname="將離開")
    comment, _ = post(open_consultation, user, "我的意見留下")
    client.force_login(user)
    assert client.post("/accounts/profile/delete/", {"password": "wrong"}).status_code == 400
    response = client.post("/accounts/profile/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email is None and not user.is_active and user.nickname == "" and user.deleted_at is not None
    assert not user.emailaddress_set.exists()
    page = client.get(f"/en/consultations/{open_consultation.pk}/").content.decode()
    assert "我的意見留下" in page and "deleted user" in page and "將離開" not in page
    assert not client.login(username="gone@example.org", password=PASSWORD)
    api = client.get(f"/api/v1/consultations/{open_consultation.pk}/comments/").json()
    assert api["items"][0]["author"] == str(user.public_name)
    comment.refresh_from_db()
    assert comment.text == "我的意見留下"


def test_login_is_rate_limited(client):
    CitizenFactory(email="target@example.org")
    statuses = []
    for _ in range(7):
        response = client.post("/en/accounts/login/", {"login": "target@example.org", "password": "guess"})
        statuses.append(response.status_code)
    assert statuses == [200] * 7
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_account_pages_need_login(client):
    for url in ("/accounts/profile/", "/accounts/profile/data.json", "/accounts/profile/delete/"):
        assert client.get(url).status_code == 302


def test_signup_pages_in_both_languages(client):
    assert 'lang="en"' in client.get("/en/accounts/signup/").content.decode()
    body = client.get("/accounts/signup/").content.decode()
    assert "zh-Hant-TW" in body and 'name="nickname"' in body


def test_tokens_are_not_shared_between_users(open_consultation, post):
    a, b = CitizenFactory(email="a@example.org"), CitizenFactory(email="b@example.org")
    token = uuid.uuid4()
    post(open_consultation, a, token=token)
    post(open_consultation, b, token=token)
    from consultations.models import Comment

    assert Comment.objects.count() == 2

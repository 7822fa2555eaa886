"""Issue 10 finding 4 (and the login half of finding 8): sign-ins are throttled per account and
per address, the admin's sign-in page is for staff only and shares the public page's counters."""

from __future__ import annotations

import pytest
from django.test import override_settings

from core.roles import NDC_EDITOR
from tests.factories import PASSWORD, CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
PUBLIC_LOGIN = "/en/accounts/login/"


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", roles=[NDC_EDITOR], verified=True)


def admin_login(client, username, password, **extra):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password}, **extra)


def public_login(client, email, password, **extra):
    return client.post(PUBLIC_LOGIN, {"login": email, "password": password}, **extra)


def refusal(response) -> str:
    """The code of the form's error (language-independent: the admin speaks Chinese)."""
    return response.context["form"].non_field_errors().as_data()[0].code


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_staff_signs_in(client, editor):
    response = admin_login(client, "editor@example.org", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(client)


def test_finding_4_admin_refuses_the_sixth_attempt_even_with_the_right_password(client, editor):
    for _ in range(5):
        response = admin_login(client, "editor@example.org", "wrong-password")
        assert response.status_code == 200 and refusal(response) == "invalid_login"
    response = admin_login(client, "editor@example.org", PASSWORD)
    assert response.status_code == 200
    assert refusal(response) == "too_many_login_attempts"
    assert not signed_in(client)


def test_finding_4_public_login_refuses_the_sixth_attempt_even_with_the_right_password(client, editor):
    for _ in range(5):
        assert public_login(client, "editor@example.org", "wrong-password").status_code == 200
    response = public_login(client, "editor@example.org", PASSWORD)
    assert response.status_code == 200
    assert refusal(response) == "too_many_login_attempts"
    assert not signed_in(client)


def test_admin_and_public_sign_in_share_the_counters(client, editor):
    for _ in range(3):
        admin_login(client, "EDITOR@example.org", "wrong-password")
    for _ in range(2):
        public_login(client, "editor@example.org", "wrong-password")
    assert refusal(admin_login(client, "editor@example.org", PASSWORD)) == "too_many_login_attempts"
    assert refusal(public_login(client, "editor@example.org", PASSWORD)) == "too_many_login_attempts"


def test_a_successful_sign_in_does_not_count(client, editor):
    for _ in range(10):
        assert admin_login(client, "editor@example.org", PASSWORD).status_code == 302
        client.logout()


def test_finding_4_admin_refuses_citizens(client):
    CitizenFactory(email="citizen@example.org")
    response = admin_login(client, "citizen@example.org", PASSWORD)
    assert response.status_code == 200
    assert refusal(response) == "not_staff"
    assert not signed_in(client)


def test_finding_4_admin_refuses_unverified_accounts(client):
    CitizenFactory(email="new@example.org", verified=False)
    response = admin_login(client, "new@example.org", PASSWORD)
    assert response.status_code == 200 and not signed_in(client)
    assert refusal(response) == "not_staff"
    UserFactory(email="new-staff@example.org", roles=[NDC_EDITOR], verified=False)
    response = admin_login(client, "new-staff@example.org", PASSWORD)
    assert response.status_code == 200 and not signed_in(client)
    assert refusal(response) == "unconfirmed"


def test_a_wrong_password_of_a_citizen_says_nothing_about_the_account(client):
    CitizenFactory(email="citizen@example.org")
    assert refusal(admin_login(client, "citizen@example.org", "wrong")) == "invalid_login"


def test_one_guesser_behind_a_nat_does_not_lock_out_the_others(client, editor):
    """Five wrong passwords for one account lock that account only: a colleague behind the
    same address still signs in."""
    CitizenFactory(email="victim@example.org")
    for _ in range(6):
        admin_login(client, "victim@example.org", "wrong-password", REMOTE_ADDR="192.0.2.1")
    response = admin_login(client, "editor@example.org", PASSWORD, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 302


@override_settings(LOGIN_RATE_LIMITS={"account": (5, 900), "ip": (8, 900)}, TRUSTED_PROXY_COUNT=1)
def test_per_address_limit_counts_the_rightmost_untrusted_address(client, editor):
    for n in range(8):
        response = admin_login(
            client,
            f"nobody{n}@example.org",
            "wrong",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7",
        )
        assert refusal(response) == "invalid_login"
    response = admin_login(
        client, "editor@example.org", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.7"
    )
    assert response.status_code == 200 and refusal(response) == "too_many_login_attempts"
    response = admin_login(
        client, "editor@example.org", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert response.status_code == 302


def test_sign_in_refused_when_the_counters_are_down(client, editor, monkeypatch):
    from core import ratelimit

    def down(*args, **kwargs):
        raise ratelimit.RateLimitUnavailable("down")

    monkeypatch.setattr(ratelimit, "hit", down)
    response = admin_login(client, "editor@example.org", PASSWORD)
    assert response.status_code == 200 and refusal(response) == "unavailable"
    response = public_login(client, "editor@example.org", PASSWORD)
    assert response.status_code == 200 and "try again in a moment" in response.content.decode()
    assert not signed_in(client)

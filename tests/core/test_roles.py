"""Roles as groups: every staff role reaches the admin; the public does not."""

from __future__ import annotations

import pytest

from core.roles import ROLE_GROUPS, STAFF_ROLES
from tests.factories import CitizenFactory
from tests.refusals import ADMIN_REFUSAL, refusal

pytestmark = pytest.mark.django_db


def test_every_role_has_a_group(demo_accounts):
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_GROUPS.values())


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_staff_role_reaches_the_admin(client, demo_accounts, role):
    client.force_login(demo_accounts[role])
    response = client.get("/admin/")
    assert response.status_code == 200


def test_anonymous_and_citizen_are_refused_by_the_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.force_login(CitizenFactory())
    response = client.get("/admin/")
    assert response.status_code == 302  # Wagtail sends a signed-in user without admin access to its login page
    assert response["Location"].startswith("/admin/login/")


def test_ndc_editor_edits_commitments_and_officer_does_not(client, demo_accounts):
    editor, officer = demo_accounts["ndc_editor"], demo_accounts["agency_officer"]
    assert editor.has_perm("commitments.change_commitment")
    assert editor.has_perm("commitments.change_agency")
    assert not officer.has_perm("commitments.change_commitment")
    assert not officer.has_perm("commitments.delete_commitment")
    client.force_login(editor)
    assert client.get("/admin/snippets/commitments/commitment/").status_code == 200
    client.force_login(officer)
    assert refusal(client.get("/admin/snippets/commitments/commitment/add/")) == ADMIN_REFUSAL


def test_editor_admin_edit_form_shows_both_languages_side_by_side(client, demo_accounts):
    from commitments.models import Commitment

    client.force_login(demo_accounts["ndc_editor"])
    commitment = Commitment.objects.get(number=4)
    html = client.get(f"/admin/snippets/commitments/commitment/edit/{commitment.pk}/").content.decode()
    assert 'name="title_zh_hant"' in html and 'name="title_en"' in html


def test_demo_accounts_are_idempotent(demo_accounts):
    from core.services import demo_accounts_ensure

    again = demo_accounts_ensure()
    assert {k: v.pk for k, v in again.items()} == {k: v.pk for k, v in demo_accounts.items()}


def test_demo_accounts_refused_without_permission(settings, db):
    from core.services import demo_accounts_ensure

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(PermissionError):
        demo_accounts_ensure()


def test_editor_edits_the_home_page_in_both_languages(client, demo_accounts):
    from core.models import HomePage

    client.force_login(demo_accounts["ndc_editor"])
    home = HomePage.objects.get()
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title_zh_hant", "title_en", "intro_zh_hant", "intro_en"):
        assert f'name="{field}"' in html, field


def test_convener_cannot_edit_the_home_page(client, demo_accounts):
    from core.models import HomePage

    client.force_login(demo_accounts["convener"])
    home = HomePage.objects.get()
    assert refusal(client.get(f"/admin/pages/{home.pk}/edit/")) == ADMIN_REFUSAL

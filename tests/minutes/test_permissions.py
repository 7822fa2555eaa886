"""Who may do what with minutes, role × action, allowed AND refused (checked in minutes/permissions.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from minutes import permissions
from tests.refusals import ADMIN_REFUSAL, refusal

from .conftest import make_minutes, other_forum_meeting

pytestmark = pytest.mark.django_db

ROLES = ["ndc_editor", "convener", "other_convener", "staff_without_role", "moderator", "citizen", "anonymous"]
# role: (create/edit own forum's, edit other forum's, publish, delete unpublished, delete published, queue)
EXPECTED = {
    "ndc_editor": (True, True, True, True, False, True),
    "convener": (True, False, False, False, False, False),
    "other_convener": (False, False, False, False, False, False),
    "staff_without_role": (False, False, False, False, False, False),
    "moderator": (False, False, False, False, False, False),
    "citizen": (False, False, False, False, False, False),
    "anonymous": (False, False, False, False, False, False),
}


def _user(users, role):
    return AnonymousUser() if role == "anonymous" else users[role]


@pytest.mark.parametrize("role", ROLES)
def test_role_by_action(role, users, meeting, second_meeting):
    user = _user(users, role)
    own = make_minutes(meeting, publish=True)
    draft = make_minutes(second_meeting, publish=False)
    foreign = make_minutes(other_forum_meeting(), publish=False)
    edit_own, edit_other, publish, delete_draft, delete_published, queue = EXPECTED[role]
    assert permissions.can_create_minutes(user, meeting) is edit_own
    assert permissions.can_edit_minutes(user, own) is edit_own
    assert permissions.can_edit_minutes(user, draft) is edit_own
    assert permissions.can_edit_minutes(user, foreign) is edit_other
    assert permissions.can_publish_minutes(user, own) is publish
    assert permissions.can_delete_minutes(user, draft) is delete_draft
    assert permissions.can_delete_minutes(user, own) is delete_published
    assert permissions.can_view_translation_queue(user) is queue
    from minutes.models import Minutes

    editable = set(permissions.editable_minutes(user, Minutes.objects.all()))
    expected = {own, draft} if edit_own else set()
    if edit_other:
        expected.add(foreign)
    assert editable == expected


def _login(client, user):
    client.force_login(user)
    return client


def test_admin_convener_edits_only_their_forum(client, users, meeting, second_meeting):
    own = make_minutes(meeting, publish=False)
    foreign = make_minutes(other_forum_meeting(), publish=False)
    _login(client, users["convener"])
    assert client.get(f"/admin/snippets/minutes/minutes/edit/{own.pk}/").status_code == 200
    response = client.get(f"/admin/snippets/minutes/minutes/edit/{foreign.pk}/")
    assert refusal(response) == ADMIN_REFUSAL
    listing = client.get("/admin/snippets/minutes/minutes/").content.decode()
    assert f"/edit/{own.pk}/" in listing and f"/edit/{foreign.pk}/" not in listing
    # The create form offers only meetings of the convener's forum without minutes yet.
    create = client.get("/admin/snippets/minutes/minutes/add/").content.decode()
    assert "第2次多方利害關係人論壇會議" in create and "承諾5論壇會議" not in create


def test_admin_ndc_editor_edits_every_minutes(client, users, meeting):
    foreign = make_minutes(other_forum_meeting(), publish=False)
    _login(client, users["ndc_editor"])
    assert client.get(f"/admin/snippets/minutes/minutes/edit/{foreign.pk}/").status_code == 200


def test_admin_others_are_refused(client, users, meeting):
    own = make_minutes(meeting, publish=False)
    for role in ("other_convener", "moderator"):
        _login(client, users[role])
        assert refusal(client.get(f"/admin/snippets/minutes/minutes/edit/{own.pk}/")) == ADMIN_REFUSAL


def test_rule_F_7_translation_queue_lists_minutes_missing_english_for_ndc_only(client, users, meeting, second_meeting):
    complete = make_minutes(meeting)
    pending = make_minutes(second_meeting, english=False, publish=False)
    _login(client, users["ndc_editor"])
    page = client.get("/admin/minutes-translation/").content.decode()
    assert str(pending.meeting) in page and f"/edit/{pending.pk}/" in page
    assert f"/edit/{complete.pk}/" not in page
    assert 'class="days"' in page
    _login(client, users["convener"])
    assert refusal(client.get("/admin/minutes-translation/")) == ADMIN_REFUSAL


def test_draft_pdf_preview_for_editors_only(client, users, meeting, monkeypatch):
    from minutes import pdf

    monkeypatch.setattr(pdf, "render", lambda minutes, kind: b"%PDF-fake")
    foreign = make_minutes(other_forum_meeting(), publish=False)
    own = make_minutes(meeting, publish=False)
    _login(client, users["convener"])
    assert client.get(f"/admin/minutes-pdf/{own.pk}/archival/").content == b"%PDF-fake"
    assert refusal(client.get(f"/admin/minutes-pdf/{foreign.pk}/archival/")) == ADMIN_REFUSAL

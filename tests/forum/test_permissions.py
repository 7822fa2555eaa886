"""Every role × action on forums, allowed and refused (forum/permissions.py is the one place)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import permissions
from forum.models import Attendance, Decision
from forum.rules import Sector
from tests.refusals import ADMIN_REFUSAL, refusal

pytestmark = pytest.mark.django_db

# Who may edit ``forum`` (the convener's own, staffed by convener + secretariat).
EDITS_OWN = {"ndc_editor", "convener", "secretariat"}
ROLES = ["ndc_editor", "convener", "other_convener", "secretariat", "officer", "moderator", "citizen", "anonymous"]


@pytest.fixture
def world(staffed, other_forum, balanced, make_meeting, make_member):
    meeting = make_meeting(staffed, items=1)
    Attendance.objects.create(meeting=meeting, member=balanced[3], attendance_fee=True)
    decision = Decision.objects.create(agenda_item=meeting.agenda_items.get(), consensus=True, present=1)
    other_meeting = make_meeting(other_forum, items=1)
    return {
        "forum": staffed,
        "member": balanced[1],
        "meeting": meeting,
        "decision": decision,
        "other_forum": other_forum,
        "other_member": make_member(other_forum, Sector.GOVERNMENT),
        "other_meeting": other_meeting,
    }


def _user(users, role):
    return AnonymousUser() if role == "anonymous" else users[role]


@pytest.mark.parametrize("role", ROLES)
def test_edit_own_forum_objects_allowed_and_refused(users, world, role):
    user = _user(users, role)
    allowed = role in EDITS_OWN
    for key in ("forum", "member", "meeting", "decision"):
        assert permissions.can_edit(user, world[key]) is allowed, (role, key)
    assert permissions.can_send_notice(user, world["meeting"]) is allowed
    assert permissions.can_download_allowances(user, world["meeting"]) is allowed
    assert (world["forum"] in permissions.editable_forums(user)) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_other_forum_only_for_its_staff_and_ndc(users, world, role):
    user = _user(users, role)
    allowed = role in {"ndc_editor", "other_convener"}
    for key in ("other_forum", "other_member", "other_meeting"):
        assert permissions.can_edit(user, world[key]) is allowed, (role, key)


@pytest.mark.parametrize("role", ROLES)
def test_only_ndc_editors_create_forums_and_edit_notice_copies(users, role):
    user = _user(users, role)
    assert user.has_perm("forum.add_forum") is (role == "ndc_editor")
    assert user.has_perm("forum.change_noticesettings") is (role == "ndc_editor")


def test_staff_without_role_permission_cannot_edit(users, world):
    """Being listed in Forum.staff is not enough: the role's model permissions are needed too."""
    world["forum"].staff.add(users["moderator"], users["citizen"])
    assert not permissions.can_edit(users["moderator"], world["forum"])
    assert not permissions.can_edit(users["citizen"], world["meeting"])


def test_inactive_user_refused(users, world):
    users["convener"].is_active = False
    users["convener"].save()
    assert not permissions.can_edit(users["convener"], world["forum"])


ADMIN = "/admin/snippets/forum"


@pytest.mark.parametrize("role", ["ndc_editor", "convener", "other_convener", "secretariat", "officer", "moderator"])
def test_admin_edit_pages_allowed_and_refused(client, users, world, role):
    client.force_login(users[role])
    allowed = role in EDITS_OWN
    urls = [
        f"{ADMIN}/forum/edit/{world['forum'].pk}/",
        f"{ADMIN}/member/edit/{world['member'].pk}/",
        f"{ADMIN}/meeting/edit/{world['meeting'].pk}/",
        f"{ADMIN}/decision/edit/{world['decision'].pk}/",
        f"/admin/forum/meetings/{world['meeting'].pk}/notice/",
        f"/admin/forum/meetings/{world['meeting'].pk}/allowances.csv",
    ]
    for url in urls:
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        else:
            assert refusal(response) == ADMIN_REFUSAL, (role, url, refusal(response))


@pytest.mark.parametrize("role", ["ndc_editor", "convener", "other_convener", "officer"])
def test_admin_listings_show_only_own_forum(client, users, world, role):
    client.force_login(users[role])
    html = client.get(f"{ADMIN}/meeting/").content.decode()
    own = world["meeting"].title_zh_hant in html
    other = world["other_meeting"].title_zh_hant in html
    assert own is (role in EDITS_OWN)
    assert other is (role in {"ndc_editor", "other_convener"})


def test_convener_cannot_post_to_another_forum(client, users, world, mailoutbox):
    client.force_login(users["convener"])
    response = client.post(f"/admin/forum/meetings/{world['other_meeting'].pk}/notice/")
    assert refusal(response) == ADMIN_REFUSAL
    assert not world["other_meeting"].notices.exists() and mailoutbox == []
    response = client.post(f"{ADMIN}/meeting/delete/{world['other_meeting'].pk}/")
    assert refusal(response) == ADMIN_REFUSAL
    assert world["other_meeting"].__class__.objects.filter(pk=world["other_meeting"].pk).exists()


def test_convener_may_not_delete_members_history_is_kept(client, users, world):
    """Membership history is kept (design decision, no rule ID): members leave (left_on), they are
    not deleted; conveners lack the permission."""
    client.force_login(users["convener"])
    assert not users["convener"].has_perm("forum.delete_member")
    response = client.post(f"{ADMIN}/member/delete/{world['member'].pk}/")
    assert refusal(response) == ADMIN_REFUSAL
    assert world["member"].__class__.objects.filter(pk=world["member"].pk).exists()
    assert not users["convener"].has_perm("forum.add_forum")
    assert refusal(client.get(f"{ADMIN}/forum/add/")) == ADMIN_REFUSAL


@pytest.mark.parametrize("role", ROLES)
def test_public_sees_published_roster_and_decisions_whatever_the_role(client, users, world, role):
    if role != "anonymous":
        client.force_login(users[role])
    forum = world["forum"]
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert "共識決" in html  # decisions are public
    assert world["member"].name_zh_hant not in html  # unpublished roster
    forum.roster_published = True
    forum.save()
    html = client.get(f"/forums/{forum.pk}/").content.decode()
    assert world["member"].name_zh_hant in html
    assert "@example.org" not in html  # rule K-4


@pytest.mark.parametrize(
    "role,created",
    [("ndc_editor", True), ("convener", True), ("secretariat", True), ("other_convener", False), ("officer", False),
     ("moderator", False)],
)  # fmt: skip
def test_create_meeting_in_a_forum_allowed_and_refused(client, users, world, role, created):
    client.force_login(users[role])
    data = {
        "forum": world["forum"].pk, "title_zh_hant": "臨時會議", "title_en": "", "starts_at": "2020-05-01 10:00",
        "ends_at": "", "place_zh_hant": "", "place_en": "", "online_url": "", "chair": "",
        "agenda_items-TOTAL_FORMS": 0, "agenda_items-INITIAL_FORMS": 0,
        "attendances-TOTAL_FORMS": 0, "attendances-INITIAL_FORMS": 0,
    }  # fmt: skip
    client.post(f"{ADMIN}/meeting/add/", data)
    assert world["forum"].meetings.filter(title_zh_hant="臨時會議").exists() is created

"""Role groups have our own names and exactly their grants (issue 10, finding 1)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page

from core.models import HomePage
from core.roles import MODERATOR, ROLE_GROUPS, role_permissions
from tests.refusals import ADMIN_REFUSAL, refusal

pytestmark = pytest.mark.django_db


def test_no_role_group_uses_a_wagtail_default_name():
    assert not {"Moderators", "Editors"} & set(ROLE_GROUPS.values())
    assert ROLE_GROUPS[MODERATOR] == "Comment moderators"


def test_each_role_group_has_exactly_the_declared_model_grants(demo_accounts):
    for role, codenames in role_permissions().items():
        group = Group.objects.get(name=ROLE_GROUPS[role])
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert granted == codenames, role


def test_comment_moderator_has_no_page_or_collection_grant_and_approves_nothing(demo_accounts):
    group = Group.objects.get(name=ROLE_GROUPS[MODERATOR])
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()
    assert not GroupApprovalTask.objects.filter(groups=group).exists()


def test_finding_1_comment_moderator_cannot_unpublish_the_home_page(client, demo_accounts):
    home = HomePage.objects.get()
    client.force_login(demo_accounts["moderator"])
    response = client.post(f"/admin/pages/{home.pk}/unpublish/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    home.refresh_from_db()
    assert home.live
    assert refusal(client.get(f"/admin/pages/{home.pk}/edit/")) == ADMIN_REFUSAL
    assert refusal(client.post(f"/admin/pages/{home.pk}/lock/")) == ADMIN_REFUSAL
    home.refresh_from_db()
    assert not home.locked


def test_finding_1_setup_site_repairs_an_old_install(client, demo_accounts):
    """An install where comment moderators were Wagtail's "Moderators" group, with its grants."""
    moderator = demo_accounts["moderator"]
    group = Group.objects.get(name=ROLE_GROUPS[MODERATOR])
    group.name = "Moderators"
    group.save()
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=root,
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    GroupCollectionPermission.objects.create(
        group=group,
        collection_id=root.pk
        and GroupCollectionPermission._meta.get_field("collection").related_model.get_first_root_node().pk,
        permission=Permission.objects.get(codename="change_image"),
    )
    group.permissions.add(Permission.objects.get(codename="change_commitment"))
    task = GroupApprovalTask.objects.create(name="Moderators approval (old)")
    task.groups.add(group)

    call_command("setup_site", verbosity=0)

    group.refresh_from_db()
    assert Group.objects.filter(pk=group.pk).values_list("name", flat=True).get() == "Comment moderators"
    assert moderator.groups.filter(pk=group.pk).exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()
    assert not group.permissions.filter(codename="change_commitment").exists()
    assert not task.groups.filter(pk=group.pk).exists()
    assert task.groups.filter(name=ROLE_GROUPS["ndc_editor"]).exists()
    home = HomePage.objects.get()
    client.force_login(moderator)
    assert client.post(f"/admin/pages/{home.pk}/unpublish/").status_code == 302
    home.refresh_from_db()
    assert home.live

"""Issue 10's findings 2, 3, 5 and 9, one test each, and the policies' two answers agreeing.

World: the demo data (tests/security/conftest.py). The officer works for the Ministry of
Education (commitment 4); the other agency's draft table is commitment 11's (Ministry of Justice).
The convener staffs forum X (commitment 4); forum Y (commitment 11) has its own draft minutes.
"""

from __future__ import annotations

import csv
import io

import pytest
from wagtail.log_actions import log

from core.permissions import SCOPED_POLICIES

from .matrix_commitments import OTHER_DRAFT as OTHER_TABLE_DRAFT
from .matrix_minutes import OTHER_DRAFT as OTHER_MINUTES_DRAFT

pytestmark = pytest.mark.django_db


def _refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_finding_2_officer_cannot_read_another_agencys_draft_table(world):
    client = world.clients["officer"]
    own, other = world.get("table", "own"), world.get("table", "other")
    base = "/admin/commitments/tables"
    for path in (
        "copy/{pk}/",
        "history/{pk}/",
        "history/{pk}/revisions/compare/earliest...latest/",
        "usage/{pk}/",
        "workflow_history/{pk}/",
        "edit/{pk}/",
    ):
        response = client.get(f"{base}/{path.format(pk=other.pk)}")
        assert _refused(response), path
        assert OTHER_TABLE_DRAFT not in response.content.decode()
        assert client.get(f"{base}/{path.format(pk=own.pk)}").status_code == 200, path
    listing = client.get(f"{base}/").content.decode()
    assert f"/edit/{other.pk}/" not in listing and f"/edit/{own.pk}/" in listing


def test_finding_3_convener_cannot_read_another_forums_draft_minutes(world):
    client = world.clients["convener"]
    own, other = world.get("minutes", "own"), world.get("minutes", "other")
    base = "/admin/snippets/minutes/minutes"
    for path in (
        "history/{pk}/revisions/compare/earliest...latest/",
        "history/{pk}/",
        "copy/{pk}/",
        "usage/{pk}/",
        "workflow_history/{pk}/",
        "edit/{pk}/",
    ):
        response = client.get(f"{base}/{path.format(pk=other.pk)}")
        assert _refused(response), path
        assert OTHER_MINUTES_DRAFT not in response.content.decode()
        assert client.get(f"{base}/{path.format(pk=own.pk)}").status_code == 200, path


def test_finding_5_staff_cannot_lock_what_they_may_not_edit(world):
    officer, convener = world.clients["officer"], world.clients["convener"]
    table, minutes = world.get("table", "other"), world.get("minutes", "other")
    assert _refused(officer.post(f"/admin/commitments/tables/lock/{table.pk}/"))
    assert _refused(convener.post(f"/admin/snippets/minutes/minutes/lock/{minutes.pk}/"))
    table.refresh_from_db()
    minutes.refresh_from_db()
    assert not table.locked and not minutes.locked
    # a moderator locks nothing at all
    assert _refused(world.clients["moderator"].post(f"/admin/commitments/tables/lock/{table.pk}/"))
    # their own objects they do lock
    own_table, own_minutes = world.get("table", "own"), world.get("minutes", "own")
    assert officer.post(f"/admin/commitments/tables/lock/{own_table.pk}/").status_code == 302
    assert convener.post(f"/admin/snippets/minutes/minutes/lock/{own_minutes.pk}/").status_code == 302
    own_table.refresh_from_db()
    own_minutes.refresh_from_db()
    assert own_table.locked and own_minutes.locked


def test_finding_9_member_chooser_shows_only_the_conveners_forum(world):
    client = world.clients["convener"]
    own, other = world.get("member", "own"), world.get("member", "other")
    html = client.get("/admin/snippets/choose/forum/member/").json()["html"]
    assert own.name_zh_hant in html
    assert other.name_zh_hant not in html
    assert client.get(f"/admin/snippets/choose/forum/member/chosen/{other.pk}/").status_code == 404
    assert _refused(client.get(f"/admin/snippets/forum/member/history/{other.pk}/"))
    assert _refused(client.get(f"/admin/snippets/forum/member/usage/{other.pk}/"))


def _site_history(client, export: str = "") -> str:
    url = "/admin/reports/site-history/" + (f"?export={export}" if export else "")
    response = client.get(url)
    assert response.status_code == 200
    if export == "xlsx":
        from openpyxl import load_workbook

        content = b"".join(response.streaming_content) if response.streaming else response.content
        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    if export == "csv":
        return "\n".join(",".join(row) for row in csv.reader(io.StringIO(text)))
    return text


def test_finding_9_site_history_and_its_exports_show_only_ones_own_records(world):
    other_table, other_minutes = world.get("table", "other"), world.get("minutes", "other")
    own_table, own_minutes = world.get("table", "own"), world.get("minutes", "own")
    for obj in (other_table, other_minutes, own_table, own_minutes):
        log(
            instance=obj,
            action="wagtail.edit",
            user=world.users["ndc_editor"],
            title=f"LOGGED-{obj._meta.model_name}-{obj.pk}",
        )
    officer, convener = world.clients["officer"], world.clients["convener"]
    for export in ("", "csv", "xlsx"):
        officer_sees = _site_history(officer, export)
        assert f"LOGGED-commitmenttable-{own_table.pk}" in officer_sees, export
        assert f"LOGGED-commitmenttable-{other_table.pk}" not in officer_sees, export
        assert "LOGGED-minutes" not in officer_sees, export
        convener_sees = _site_history(convener, export)
        assert f"LOGGED-minutes-{own_minutes.pk}" in convener_sees, export
        assert f"LOGGED-minutes-{other_minutes.pk}" not in convener_sees, export
        assert "LOGGED-commitmenttable" not in convener_sees, export
    editor_sees = _site_history(world.clients["ndc_editor"], "csv")
    assert f"LOGGED-minutes-{other_minutes.pk}" in editor_sees


ACTIONS = ("add", "change", "delete", "view", "lock", "unlock", "publish")


def test_each_policy_queryset_agrees_with_the_rules_predicates(world):
    """For every scoped model, role, action and object: ``obj in instances(...)`` == ``has_perm(..., obj)``."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    disagreements = []
    for model, policy in SCOPED_POLICIES.items():
        objects = list(model._default_manager.all()[:50])
        content_type = ContentType.objects.get_for_model(model)
        codenames = set(Permission.objects.filter(content_type=content_type).values_list("codename", flat=True))
        for role, user in world.users.items():
            if user is None:
                continue
            for action in ACTIONS:
                if f"{action}_{model._meta.model_name}" not in codenames:
                    continue
                allowed = set(policy.instances_user_has_permission_for(user, action).values_list("pk", flat=True))
                for obj in objects:
                    if (obj.pk in allowed) != user.has_perm(policy._get_permission_name(action), obj):
                        disagreements.append(f"{model.__name__} {role} {action} #{obj.pk}")
    assert not disagreements, disagreements

"""The commitment table in the admin: agency scoping, refusal at submission, NDC review (F-5.x, F-6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commitments import permissions
from commitments.models import Agency, CommitmentTable, IndicatorProgress, TableStatus
from tests.factories import UserFactory
from tests.refusals import ADMIN_REFUSAL, refusal

pytestmark = pytest.mark.django_db


def edit_url(table) -> str:
    return f"/admin/commitments/tables/edit/{table.pk}/"


def _post_value(value):
    """A form value as a browser posts it (a checkbox left unticked posts nothing: ``""``)."""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple):
        return [_post_value(item) for item in value]
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _fields(form) -> dict:
    return {field.name: _post_value(field.value()) for field in form if field.value() is not None}


def current_form(client, table) -> dict:
    """The editor's form as POST data, from the form Django renders (its initial values) and
    Wagtail's ``form_data`` helpers for the inline panels."""
    response = client.get(edit_url(table))
    assert response.status_code == 200
    form = response.context["form"]
    data = _fields(form)
    for formset in form.formsets.values():
        data[formset.prefix] = inline_formset(
            [_fields(child) for child in formset.forms], initial=formset.initial_form_count()
        )
    return nested_form_data(data)


def test_officer_of_lead_agency_edits_and_others_are_refused(client, draft_table, moe_officer, moj_officer, convener):
    client.force_login(moe_officer)
    assert client.get(edit_url(draft_table)).status_code == 200
    client.force_login(moj_officer)
    assert refusal(client.get(edit_url(draft_table))) == ADMIN_REFUSAL
    client.force_login(convener)
    assert refusal(client.get(edit_url(draft_table))) == ADMIN_REFUSAL


def test_other_agency_cannot_post_changes(client, draft_table, moe_officer, moj_officer):
    client.force_login(moe_officer)
    data = current_form(client, draft_table)
    data["problem_zh_hant"] = "被竄改"
    client.force_login(moj_officer)
    response = client.post(edit_url(draft_table), data)
    assert refusal(response) == ADMIN_REFUSAL
    assert "被竄改" not in str(draft_table.get_latest_revision_as_object().problem_zh_hant)


@pytest.mark.parametrize(
    "role,visible",
    [("moe", True), ("moj", False), ("co", True), ("ndc", True), ("convener", False), ("anonymous", False)],
)
def test_who_sees_a_table(draft_table, role, visible, moe_officer, moj_officer, ndc_editor, convener):
    from django.contrib.auth.models import AnonymousUser

    co_officer = UserFactory(email="dge-officer@example.org", roles=["agency_officer"], agency="dge")
    draft_table.co_agencies.add(Agency.objects.get(code="dge"))
    draft_table.save()
    user = {
        "moe": moe_officer,
        "moj": moj_officer,
        "co": co_officer,
        "ndc": ndc_editor,
        "convener": convener,
        "anonymous": AnonymousUser(),
    }[role]
    assert permissions.can_view_table(user, draft_table) is visible
    listed = permissions.tables_visible_to(user, CommitmentTable.objects.all())
    assert (draft_table in listed) is visible
    # only the lead agency edits
    assert permissions.can_edit_table(user, draft_table) is (role == "moe")


def test_listing_is_scoped(client, draft_table, moj_officer, moe_officer):
    client.force_login(moj_officer)
    assert "青年政策參與" not in client.get("/admin/commitments/tables/").content.decode()
    client.force_login(moe_officer)
    assert "青年政策參與" in client.get("/admin/commitments/tables/").content.decode()


def test_officer_starts_tables_only_for_his_agency(client, moe_officer, plan):
    client.force_login(moe_officer)
    html = client.get("/admin/commitments/tables/add/").content.decode()
    assert "青年政策參與" in html and "實質受益人資訊透明" not in html
    from commitments.models import Commitment

    moj_commitment = Commitment.objects.get(plan=plan, number=12)
    response = client.post(
        "/admin/commitments/tables/add/",
        {
            "commitment": moj_commitment.pk,
            "problem_zh_hant": "x",
            "description_zh_hant": "x",
            "contribution_zh_hant": "x",
        },
    )
    assert response.status_code == 200  # form redisplayed with an error
    assert not CommitmentTable.objects.filter(commitment=moj_commitment).exists()


def _drop_year_two(data: dict) -> dict:
    for key in list(data):
        if key.endswith("-ends_on") and data[key].startswith("2022-04"):
            data[key.replace("ends_on", "DELETE")] = "on"
    return data


def test_submission_refused_naming_the_year_then_fixed_rule_F_5_3(client, draft_table, moe_officer):
    client.force_login(moe_officer)
    data = _drop_year_two(current_form(client, draft_table))
    data["action-submit"] = "1"
    response = client.post(edit_url(draft_table), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2021/5–2022/4" in html
    draft_table.refresh_from_db()
    assert draft_table.status == TableStatus.DRAFT and draft_table.current_workflow_state is None
    # the fixed table goes through
    data = current_form(client, draft_table)
    data["action-submit"] = "1"
    response = client.post(edit_url(draft_table), data)
    assert response.status_code == 302
    draft_table.refresh_from_db()
    assert draft_table.status == TableStatus.SUBMITTED and draft_table.is_late  # rule F-6


def test_submission_refused_for_relevant_value_without_argument_rule_F_5_2(client, draft_table, moe_officer):
    client.force_login(moe_officer)
    data = current_form(client, draft_table)
    data["accountability_relevant"] = "on"
    data["action-submit"] = "1"
    html = client.post(edit_url(draft_table), data).content.decode()
    assert "已勾選與「課責」相關" in html  # Accountability is marked as relevant ...
    assert CommitmentTable.objects.get(pk=draft_table.pk).status == TableStatus.DRAFT


def test_submission_refused_without_non_government_participant_rule_F_5_4(client, draft_table, moe_officer):
    client.force_login(moe_officer)
    data = current_form(client, draft_table)
    for key in list(data):
        if key.endswith("-kind") and data[key] != "government":
            data[key.replace("kind", "DELETE")] = "on"
    data["action-submit"] = "1"
    html = client.post(edit_url(draft_table), data).content.decode()
    assert "請至少列出一個參與的民間團體" in html


def test_submission_refused_without_english_rule_F_7(client, draft_table, moe_officer):
    client.force_login(moe_officer)
    data = current_form(client, draft_table)
    data["problem_en"] = ""
    data["action-submit"] = "1"
    html = client.post(edit_url(draft_table), data).content.decode()
    assert "缺少英文翻譯" in html


def test_saving_an_incomplete_draft_is_allowed(client, draft_table, moe_officer):
    client.force_login(moe_officer)
    data = _drop_year_two(current_form(client, draft_table))
    data["accountability_relevant"] = "on"
    assert client.post(edit_url(draft_table), data).status_code == 302


def test_ndc_editor_approves_in_the_admin(client, draft_table, moe_officer, ndc_editor):
    client.force_login(moe_officer)
    data = current_form(client, draft_table)
    data["action-submit"] = "1"
    assert client.post(edit_url(draft_table), data).status_code == 302
    client.force_login(ndc_editor)
    data = current_form(client, draft_table)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    response = client.post(edit_url(draft_table), data)
    assert response.status_code == 302
    draft_table.refresh_from_db()
    assert draft_table.live and draft_table.status == TableStatus.PUBLISHED


def test_ndc_editor_cannot_edit_a_draft(client, draft_table, ndc_editor):
    client.force_login(ndc_editor)
    assert refusal(client.get(edit_url(draft_table))) == ADMIN_REFUSAL


def test_monitoring_page_for_ndc_only(client, published_table, ndc_editor, moe_officer):
    client.force_login(moe_officer)
    assert refusal(client.get("/admin/commitments/monitoring/")) == ADMIN_REFUSAL
    client.force_login(ndc_editor)
    response = client.get("/admin/commitments/monitoring/")
    assert response.status_code == 200
    response = client.post("/admin/commitments/monitoring/")
    assert response.status_code == 302
    assert published_table.plan.compilations.count() == 1


def test_progress_recorded_by_lead_agency_only(client, published_table, moe_officer, moj_officer):
    indicator = published_table.indicators.first()
    client.force_login(moj_officer)
    html = client.get("/admin/commitments/progress/add/").content.decode()
    assert f'value="{indicator.pk}"' not in html
    response = client.post(
        "/admin/commitments/progress/add/",
        {"indicator": indicator.pk, "status": "completed", "reported_on": "2021-04-01"},
    )
    assert not IndicatorProgress.objects.exists()
    client.force_login(moe_officer)
    response = client.post(
        "/admin/commitments/progress/add/",
        {"indicator": indicator.pk, "status": "completed", "reported_on": "2021-04-01", "note_zh_hant": "完成"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    report = IndicatorProgress.objects.get()
    assert report.recorded_by == moe_officer
    client.force_login(moj_officer)
    assert refusal(client.get(f"/admin/commitments/progress/edit/{report.pk}/")) == ADMIN_REFUSAL


def test_listing_shows_and_filters_the_status_derived_from_the_workflow(client, draft_table, moe_officer, ndc_editor):
    from commitments.services import commitment_table_submit

    commitment_table_submit(table=draft_table, user=moe_officer)
    client.force_login(ndc_editor)
    submitted = client.get("/admin/commitments/tables/", {"status": "submitted"})
    assert submitted.status_code == 200
    assert [t.pk for t in submitted.context["object_list"]] == [draft_table.pk]
    assert "已送國發會" in submitted.content.decode()  # the status column, in Chinese
    drafts = client.get("/admin/commitments/tables/", {"status": "draft"})
    assert list(drafts.context["object_list"]) == []

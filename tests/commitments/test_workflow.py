"""Submission, review and publication of commitment tables (Wagtail workflow; F-6, F-A2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry, Workflow, WorkflowContentType

from commitments.models import CommitmentTable, Indicator, TableStatus
from commitments.services import (
    commitment_table_record_submitted,
    commitment_table_review,
    commitment_table_submit,
    workflows_setup,
)
from commitments.services.tables import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def test_workflow_setup_is_idempotent():
    first = workflows_setup()
    second = workflows_setup()
    assert first == second
    # The column holds the English msgid; ``first.name`` reads it translated (core.stored_names).
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert first.name == "國發會審查承諾事項表"
    assert WorkflowContentType.objects.get(content_type__model="commitmenttable").workflow == first


def test_submit_after_deadline_is_flagged_late_rule_F_6(draft_table, moe_officer):
    commitment_table_submit(table=draft_table, user=moe_officer)
    draft_table.refresh_from_db()
    assert draft_table.status == TableStatus.SUBMITTED
    assert draft_table.submitted_at is not None
    expected = (dt.date.today() - dt.date(2020, 3, 31)).days
    assert abs(draft_table.days_late - expected) <= 1
    assert draft_table.is_late
    assert ModelLogEntry.objects.filter(action="commitments.table.submit").exists()


def test_submit_before_deadline_is_not_late_rule_F_6(draft_table):
    draft_table.plan.submission_deadline = dt.date(2099, 1, 1)
    draft_table.plan.save()
    at = dt.datetime(2098, 12, 31, 12, tzinfo=dt.UTC)
    commitment_table_record_submitted(table_id=draft_table.pk, user=None, at=at)
    draft_table.refresh_from_db()
    assert draft_table.days_late == 0 and not draft_table.is_late


def test_incomplete_table_is_refused_at_submission_rule_F_5_3(draft_table, moe_officer):
    draft_table.indicators.filter(ends_on__year=2022).delete()
    with pytest.raises(ValidationError) as error:
        commitment_table_submit(table=CommitmentTable.objects.get(pk=draft_table.pk), user=moe_officer)
    assert any("2021/5–2022/4" in message for message in error.value.messages)
    draft_table.refresh_from_db()
    assert draft_table.status == TableStatus.DRAFT
    assert draft_table.current_workflow_state is None


def test_relevant_value_without_argument_refused_rule_F_5_2(draft_table, moe_officer):
    draft_table.accountability_relevant = True
    draft_table.save()
    with pytest.raises(ValidationError) as error:
        commitment_table_submit(table=draft_table, user=moe_officer)
    assert any("課責" in message for message in error.value.messages), error.value.messages  # accountability


def test_no_non_government_participant_refused_rule_F_5_4(draft_table, moe_officer):
    draft_table.participants.exclude(kind="government").delete()
    with pytest.raises(ValidationError):
        commitment_table_submit(table=CommitmentTable.objects.get(pk=draft_table.pk), user=moe_officer)


def test_officer_of_another_agency_cannot_submit(draft_table, moj_officer):
    with pytest.raises(PermissionDenied):
        commitment_table_submit(table=draft_table, user=moj_officer)


def test_ndc_approves_and_the_table_is_published(draft_table, moe_officer, ndc_editor):
    commitment_table_submit(table=draft_table, user=moe_officer)
    table = commitment_table_review(table=draft_table, user=ndc_editor, approve=True)
    assert table.live and table.status == TableStatus.PUBLISHED
    assert table.submitted_at is not None  # kept through publication
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"commitments.table.submit", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    approve = ModelLogEntry.objects.get(action="wagtail.workflow.approve")
    assert approve.user == ndc_editor


def test_ndc_returns_with_comments_then_resubmission(draft_table, moe_officer, ndc_editor):
    commitment_table_submit(table=draft_table, user=moe_officer)
    first_submission = CommitmentTable.objects.get(pk=draft_table.pk).submitted_at
    table = commitment_table_review(table=draft_table, user=ndc_editor, approve=False, comment="請補充預算來源")
    assert table.status == TableStatus.DRAFT and not table.live
    assert table.review_comment == "請補充預算來源"
    commitment_table_submit(table=table, user=moe_officer)
    table.refresh_from_db()
    assert table.status == TableStatus.SUBMITTED
    assert table.submitted_at == first_submission  # F-6 counts the first submission


def test_only_ndc_reviews(draft_table, moe_officer):
    commitment_table_submit(table=draft_table, user=moe_officer)
    with pytest.raises(PermissionDenied):
        commitment_table_review(table=draft_table, user=moe_officer, approve=True)


def _statuses(table) -> tuple[str, str]:
    """The status read on the instance and the one annotated by a queryset (the same definition)."""
    fresh = CommitmentTable.objects.get(pk=table.pk)
    return fresh.status, CommitmentTable.objects.with_status().get(pk=table.pk).derived_status


def test_status_is_derived_from_the_workflow_through_every_step(draft_table, moe_officer, ndc_editor, rf):
    """draft → submitted → returned (draft) → submitted → withdrawn (draft) → submitted → published;
    a new version of the published table: published while it waits, draft when returned."""
    assert _statuses(draft_table) == ("draft", "draft")
    commitment_table_submit(table=draft_table, user=moe_officer)
    assert _statuses(draft_table) == ("submitted", "submitted")
    commitment_table_review(table=draft_table, user=ndc_editor, approve=False, comment="再補充")
    assert _statuses(draft_table) == ("draft", "draft")
    commitment_table_submit(table=draft_table, user=moe_officer)
    assert _statuses(draft_table) == ("submitted", "submitted")
    draft_table.refresh_from_db()
    draft_table.current_workflow_state.cancel(user=moe_officer)  # withdrawn
    assert _statuses(draft_table) == ("draft", "draft")
    commitment_table_submit(table=draft_table, user=moe_officer)
    commitment_table_review(table=draft_table, user=ndc_editor, approve=True)
    assert _statuses(draft_table) == ("published", "published")
    commitment_table_submit(table=draft_table, user=moe_officer)  # a new version
    assert _statuses(draft_table) == ("submitted", "submitted")
    commitment_table_review(table=draft_table, user=ndc_editor, approve=False, comment="no")
    assert _statuses(draft_table) == ("draft", "draft")
    assert CommitmentTable.objects.get(pk=draft_table.pk).live  # the approved version stays public


def test_status_filters_and_the_api_agree(draft_table, moe_officer, client):
    commitment_table_submit(table=draft_table, user=moe_officer)
    assert list(CommitmentTable.objects.with_status().filter(derived_status="submitted")) == [draft_table]
    item = client.get("/api/v1/commitments/4/").json()
    assert (item["status"], item["published"]) == ("submitted", False)
    listed = client.get("/api/v1/commitments/", {"status": "submitted"}).json()["items"]
    assert [i["number"] for i in listed] == [4]
    assert client.get("/api/v1/commitments/", {"status": "draft"}).json()["count"] == 0


def test_rule_F_5_1_ambition_is_judged_by_ndc_who_returns_an_unambitious_table(draft_table, moe_officer, ndc_editor):
    """F-5.1 (pioneering, forward-looking, challenging) is a judgement no rule can compute: the
    platform's part is that no table is published without NDC's review, and NDC can return it
    with its reasons, which the agency sees."""
    commitment_table_submit(table=draft_table, user=moe_officer)
    with pytest.raises(PermissionDenied):
        commitment_table_review(table=draft_table, user=moe_officer, approve=True)
    assert not CommitmentTable.objects.get(pk=draft_table.pk).live
    reason = "目標僅延續現行作法，請提出更具挑戰性的指標"
    table = commitment_table_review(table=draft_table, user=ndc_editor, approve=False, comment=reason)
    assert table.status == TableStatus.DRAFT and not table.live and table.review_comment == reason


def test_edits_of_a_published_table_stay_in_revisions_until_approved(published_table, moe_officer, ndc_editor):
    revisions_before = published_table.revisions.count()
    latest = published_table.get_latest_revision_as_object()
    latest.problem_zh_hant = "新的問題描述"
    latest.save_revision(user=moe_officer)
    published_table.refresh_from_db()
    assert published_table.problem_zh_hant != "新的問題描述"  # the public still sees the approved version
    assert published_table.revisions.count() == revisions_before + 1
    commitment_table_submit(table=published_table, user=moe_officer)
    commitment_table_review(table=published_table, user=ndc_editor, approve=True)
    published_table.refresh_from_db()
    assert published_table.problem_zh_hant == "新的問題描述"
    assert published_table.status == TableStatus.PUBLISHED


def test_revisions_keep_both_languages_rule_F_7(published_table):
    content = published_table.revisions.order_by("-created_at").first().content
    assert content["problem_zh_hant"] and content["problem_en"]
    assert content["indicators"][0]["description_en"]


def test_database_refuses_indicator_ending_before_it_starts(published_table):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(
            table=published_table,
            description_zh_hant="x",
            starts_on=dt.date(2021, 1, 2),
            ends_on=dt.date(2021, 1, 1),
        )

"""Convener drafts and submits to NDC (date recorded, F-3.2); an NDC editor approves and publishes
or returns with a comment; a correction is published with a note and the earlier version stays."""

from __future__ import annotations

import pytest
from wagtail.models import WorkflowContentType, WorkflowState

from minutes.models import Minutes
from minutes.services import published_revisions, workflows_setup

from .conftest import make_minutes

pytestmark = pytest.mark.django_db


def test_workflows_setup_is_idempotent(db):
    first = workflows_setup()
    second = workflows_setup()
    assert first.pk == second.pk
    assert WorkflowContentType.objects.filter(workflow=first).count() == 1
    assert [t.specific.groups.values_list("name", flat=True).get() for t in first.tasks] == ["NDC editors"]
    assert Minutes().get_workflow() == first


def test_rule_F_3_2_submitting_records_the_date_sent_to_ndc_and_ndc_publishes(workflow, meeting, users):
    minutes = make_minutes(meeting, publish=False, user=users["convener"])
    assert minutes.sent_to_ndc_at is None and not minutes.live
    workflow.start(minutes, users["convener"])
    minutes.refresh_from_db()
    assert minutes.sent_to_ndc_at is not None
    state = minutes.current_workflow_state
    task = state.current_task_state.task.specific
    assert task.get_actions(minutes, users["convener"]) == []  # the convener cannot approve
    assert [a[0] for a in task.get_actions(minutes, users["ndc_editor"])][:1] == ["reject"]
    task.on_action(state.current_task_state, users["ndc_editor"], "approve")
    minutes.refresh_from_db()
    assert minutes.live and minutes.first_published_at is not None
    assert minutes.sent_to_ndc_at is not None  # publishing the revision keeps the date sent


def test_rule_F_3_2_ndc_returns_minutes_with_a_comment(workflow, meeting, users):
    minutes = make_minutes(meeting, publish=False, user=users["convener"])
    workflow.start(minutes, users["convener"])
    minutes.refresh_from_db()
    sent = minutes.sent_to_ndc_at
    state = minutes.current_workflow_state
    task = state.current_task_state.task.specific
    task.on_action(state.current_task_state, users["ndc_editor"], "reject", comment="請補充第二案討論。")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "請補充第二案討論。"
    minutes.refresh_from_db()
    assert not minutes.live
    # Resubmitted: the first date sent to NDC is kept.
    state.resume(users["convener"])
    minutes.refresh_from_db()
    assert minutes.sent_to_ndc_at == sent


def test_rule_F_7_a_correction_keeps_the_earlier_version(client, published, users):
    published.closing_remarks_zh_hant = "<p>更正後的結語。</p>"
    published.correction_note_zh_hant = "更正結語。"
    published.correction_note_en = "Closing remarks corrected."
    published.save_revision(user=users["ndc_editor"]).publish(user=users["ndc_editor"])
    published.refresh_from_db()
    versions = published_revisions(published)
    assert len(versions) == 2
    page = client.get(f"/minutes/{published.pk}/").content.decode()
    assert "更正後的結語" in page and "更正結語。" in page
    earlier_url = f"/minutes/{published.pk}/versions/{versions[1][0].pk}/"
    assert earlier_url in page
    earlier = client.get(earlier_url).content.decode()
    assert "感謝各位委員出席" in earlier and "更正後的結語" not in earlier
    en = client.get(f"/en/minutes/{published.pk}/").content.decode()
    assert "Closing remarks corrected." in en
    assert client.get(f"/minutes/{published.pk}/versions/999999/").status_code == 404

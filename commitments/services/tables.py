"""Writes on commitment tables, their workflow, progress and the compiled plan.

(Part of the ``commitments.services`` package.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from core.cache import bump_content_version
from core.i18n import translations
from core.roles import NDC_EDITOR, ROLE_GROUPS

from .. import exports, permissions, rules
from ..models import ActionPlan, CommitmentTable, CompiledPlan, Indicator, IndicatorProgress
from ..snapshot import commitment_data, commitments_prefetched, plan_data
from ..validation import table_problems

# English msgids, shown translated by ``core.stored_names`` (registered in ``providers.register``).
WORKFLOW_NAME = gettext_noop("Commitment table review (NDC)")
TASK_NAME = gettext_noop("NDC review")


@transaction.atomic
def workflows_setup() -> Workflow:
    """Create the NDC review workflow for commitment tables and link it to the model. Idempotent."""
    group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[NDC_EDITOR])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([group])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    content_type = ContentType.objects.get_for_model(CommitmentTable)
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


def _refuse(problems) -> None:
    raise ValidationError([f"{problem.message}" for problem in problems])


@transaction.atomic
def commitment_table_submit(*, table: CommitmentTable, user) -> CommitmentTable:
    """Submit the latest version of ``table`` to NDC (F-6), refusing it while the rules fail.

    Raises ``PermissionDenied`` for anyone but the lead agency's officers and
    ``ValidationError`` with every problem (F-5.2, F-5.3, F-5.4, F-7).
    """
    if not permissions.can_edit_table(user, table):
        raise PermissionDenied
    latest = table.get_latest_revision_as_object()
    problems = table_problems(latest)
    if problems:
        _refuse(problems)
    revision = latest.save_revision(user=user, log_action=True)
    workflow = table.get_workflow() or workflows_setup()
    state = table.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(table, user)
    table.refresh_from_db()
    del revision
    return table


@transaction.atomic
def commitment_table_record_submitted(*, table_id: int, user, at: dt.datetime | None = None) -> CommitmentTable:
    """Record a submission to NDC (run when the review workflow starts, ``signals.py``).

    The first submission is the one F-6 counts: it is timestamped and its days late after the
    plan's deadline stored; later submissions keep both. Audited as ``commitments.table.submit``.
    """
    table = CommitmentTable.objects.select_for_update().select_related("commitment__plan").get(pk=table_id)
    if table.submitted_at is None:
        at = at or timezone.now()
        late = rules.days_late(timezone.localtime(at).date(), table.plan.submission_deadline)
        CommitmentTable.objects.filter(pk=table.pk).update(submitted_at=at, days_late=late)
        bump_content_version()  # an update() sends no post_save: refresh cached public pages
        table.submitted_at, table.days_late = at, late
    log(table, "commitments.table.submit", user=user, data={"days_late": table.days_late})
    return table


@transaction.atomic
def commitment_table_review(*, table: CommitmentTable, user, approve: bool, comment: str = "") -> CommitmentTable:
    """NDC approves (publishing the table) or returns it with a comment."""
    task_state = table.current_workflow_task_state
    if task_state is None:
        raise ValidationError("the table is not awaiting review")
    task = task_state.task.specific
    if not task.user_can_access_editor(table, user):
        raise PermissionDenied
    if approve:
        task_state.approve(user=user, comment=comment)
    else:
        task_state.reject(user=user, comment=comment)
    table.refresh_from_db()
    return table


@transaction.atomic
def indicator_progress_record(
    *,
    indicator: Indicator,
    user,
    status: str,
    reported_on: dt.date | None = None,
    value_reached: Decimal | None = None,
    evidence_url: str = "",
    note_zh_hant: str = "",
    note_en: str = "",
) -> IndicatorProgress:
    """Record progress on an indicator (W-2); only the lead agency's officers may."""
    if not permissions.can_record_progress(user, indicator):
        raise PermissionDenied
    report = IndicatorProgress.objects.create(
        indicator=indicator,
        status=status,
        reported_on=reported_on or timezone.localdate(),
        value_reached=value_reached,
        evidence_url=evidence_url,
        note_zh_hant=note_zh_hant,
        note_en=note_en,
        recorded_by=user,
    )
    log(report, "commitments.progress.record", user=user, data={"indicator": indicator.pk, "status": status})
    return report


def plan_snapshot(plan: ActionPlan, *, version: int, compiled_at: dt.datetime) -> dict:
    """Everything the compiled plan shows: the plan and each published table."""
    every = list(commitments_prefetched(plan))
    commitments = [commitment_data(c) for c in every if getattr(c, "table", None) and c.table.live]
    # Listed so that the compiled plan warns about them: they have no approved (published) table.
    without_table = [
        {"number": c.number, "title": translations(c, "title")}
        for c in every
        if not (getattr(c, "table", None) and c.table.live)
    ]
    return {
        "plan": plan_data(plan),
        "version": version,
        "compiled_at": compiled_at.isoformat(),
        "commitments": commitments,
        "without_table": without_table,
    }


@transaction.atomic
def action_plan_compile(*, plan: ActionPlan, user=None, formats: tuple[str, ...] | None = None) -> CompiledPlan:
    """Compile the published tables into a new version of the national action plan.

    The snapshot and its files (PDF, ODT, JSON, CSV) are made now and stored, so the
    compiled plan never changes afterwards and downloads never wait.
    """
    if user is not None and not permissions.can_compile_plan(user):
        raise PermissionDenied
    version = (CompiledPlan.objects.filter(plan=plan).aggregate(v=Max("version"))["v"] or 0) + 1
    now = timezone.now()
    data = plan_snapshot(plan, version=version, compiled_at=now)
    compiled = CompiledPlan.objects.create(
        plan=plan, version=version, compiled_by=user, data=data, commitment_count=len(data["commitments"])
    )
    makers = {
        "pdf": exports.render_pdf_bytes,
        "odt": exports.render_odt_bytes,
        "json": exports.render_json_bytes,
        "csv": exports.render_csv_bytes,
    }
    for fmt, make in makers.items():
        if formats is not None and fmt not in formats:
            continue
        getattr(compiled, fmt).save(f"action-plan-{plan.slug}-v{version}.{fmt}", ContentFile(make(data)), save=False)
    compiled.save()
    log(
        compiled,
        "commitments.plan.compile",
        user=user,
        data={"version": version, "commitments": len(data["commitments"])},
    )
    return compiled

"""Keep a table's status in step with its Wagtail workflow (connected in ``apps.ready``)."""

from __future__ import annotations

from wagtail.signals import published, task_submitted, workflow_cancelled, workflow_rejected


def _table(workflow_state):
    from .models import CommitmentTable

    obj = workflow_state.content_object
    if not isinstance(obj, CommitmentTable):
        return None
    return CommitmentTable.objects.select_related("commitment__plan").get(pk=obj.pk)


def on_task_submitted(sender, instance, user=None, **kwargs):
    table = _table(instance.workflow_state)
    if table is not None:
        table.mark_submitted(user=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    table = _table(instance)
    if table is not None:
        task_state = instance.current_task_state
        table.mark_returned(user=user, comment=(task_state.comment if task_state else "") or "")


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    table = _table(instance)
    if table is not None and table.status == "submitted":
        table.mark_withdrawn(user=user)


def on_published(sender, instance, revision=None, **kwargs):
    from .models import CommitmentTable, TableStatus

    if not isinstance(instance, CommitmentTable):
        return
    table = CommitmentTable.objects.select_related("commitment__plan").get(pk=instance.pk)
    from wagtail.models import TaskState

    approval = (
        TaskState.objects.filter(
            workflow_state__base_content_type__model="commitmenttable",
            workflow_state__object_id=str(table.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .order_by("-finished_at")
        .first()
    )
    user = approval.finished_by if approval else getattr(revision, "user", None)
    if table.status == TableStatus.SUBMITTED:
        table.mark_approved(user=user)
    table.mark_published(user=user)


def connect() -> None:
    from .models import CommitmentTable

    task_submitted.connect(on_task_submitted, dispatch_uid="commitments_task_submitted")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="commitments_workflow_rejected")
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="commitments_workflow_cancelled")
    published.connect(on_published, sender=CommitmentTable, dispatch_uid="commitments_published")

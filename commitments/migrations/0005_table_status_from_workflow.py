"""A commitment table's status is derived from its workflow (``status_expression``): drop the
stored ``status`` and ``review_comment`` columns.

Before dropping them, a table stored as submitted without a review in progress (possible only
for rows written directly, never through the admin or the services) is given one, so that it
still reads as submitted and NDC can review it. Every other state already follows from the
workflow states and ``live`` kept by Wagtail.
"""

from django.db import migrations
from django.utils import timezone

IN_PROGRESS = "in_progress"
WORKFLOW_NAME = "Commitment table review (NDC)"
TASK_NAME = "NDC review"


def _content_type(apps, app_label: str, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _review_workflow(apps, table_type):
    """The workflow linked to commitment tables, created as ``workflows_setup`` does when missing."""
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    link = WorkflowContentType.objects.filter(content_type=table_type).select_related("workflow").first()
    if link is not None:
        return link.workflow
    from core.roles import NDC_EDITOR, ROLE_GROUPS

    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[NDC_EDITOR])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, active=True, content_type=_content_type(apps, "wagtailcore", "groupapprovaltask")
        )
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowContentType.objects.create(content_type=table_type, workflow=workflow)
    return workflow


def keep_submitted_tables_in_review(apps, schema_editor):
    CommitmentTable = apps.get_model("commitments", "CommitmentTable")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Revision = apps.get_model("wagtailcore", "Revision")
    table_type = _content_type(apps, "commitments", "commitmenttable")
    for table in CommitmentTable.objects.filter(status="submitted").order_by("pk"):
        states = WorkflowState.objects.filter(base_content_type=table_type, object_id=str(table.pk))
        if states.filter(status=IN_PROGRESS).exists():
            continue
        revision = (
            Revision.objects.filter(base_content_type=table_type, object_id=str(table.pk))
            .order_by("-created_at", "-pk")
            .first()
        )
        if revision is None:  # nothing NDC could review: it reads as a draft
            continue
        states.filter(status="needs_changes").update(status="cancelled")  # one open review per object
        workflow = _review_workflow(apps, table_type)
        first = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order").first()
        state = WorkflowState.objects.create(
            content_type=table_type,
            base_content_type=table_type,
            object_id=str(table.pk),
            workflow=workflow,
            status=IN_PROGRESS,
        )
        if first is not None:
            task_state = TaskState.objects.create(
                workflow_state=state,
                revision=revision,
                task_id=first.task_id,
                status=IN_PROGRESS,
                content_type=_content_type(apps, "wagtailcore", "taskstate"),
            )
            state.current_task_state = task_state
            state.save(update_fields=["current_task_state"])
        if table.submitted_at is None:
            table.submitted_at = timezone.now()
            table.save(update_fields=["submitted_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0004_engage_commitmentfollow"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(keep_submitted_tables_in_review, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="commitmenttable", name="review_comment"),
        migrations.RemoveField(model_name="commitmenttable", name="status"),
    ]

"""Writes of the minutes app: the NDC approval workflow, the date sent to NDC, stored PDFs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    ModelLogEntry,
    Revision,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

from core.cache import bump_content_version
from core.roles import CONVENER, NDC_EDITOR, ROLE_GROUPS

from .models import Minutes
from .tasks import refresh_pdfs

# English msgids, shown translated by ``core.stored_names`` (registered in ``providers.register``).
WORKFLOW_NAME = gettext_noop("NDC approval of minutes")
TASK_NAME = gettext_noop("Minutes review by NDC editors")
# The bilingual names earlier versions stored: ``workflows_setup`` renames them.
LEGACY_NAMES = {
    "國發會審核會議紀錄 (NDC approval of minutes)": WORKFLOW_NAME,
    "國發會編輯審核 (review by NDC editors)": TASK_NAME,
}


@transaction.atomic
def workflows_setup() -> Workflow:
    """Create (once) the minutes workflow: one GroupApprovalTask for the "NDC editors" group,
    assigned to the Minutes model; also let conveners and NDC editors upload and choose
    documents (attachments) in the root collection. Safe to run again."""
    editors, _ = Group.objects.get_or_create(name=ROLE_GROUPS[NDC_EDITOR])
    conveners, _ = Group.objects.get_or_create(name=ROLE_GROUPS[CONVENER])
    for old, new in LEGACY_NAMES.items():
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Minutes), defaults={"workflow": workflow}
    )
    root = Collection.get_first_root_node()
    if root is not None:
        for group in (editors, conveners):
            for codename in ("add_document", "choose_document"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
                )
    return workflow


@transaction.atomic
def minutes_record_sent(*, minutes_id: int, user=None, when: dt.datetime | None = None) -> None:
    """Record the date the minutes were sent to NDC (F-3.2): the first submission to the workflow.
    A later resubmission (after NDC returned them) is logged but keeps the first date."""
    when = when or timezone.now()
    minutes = Minutes.objects.select_for_update().get(pk=minutes_id)
    first = minutes.sent_to_ndc_at is None
    if first:
        Minutes.objects.filter(pk=minutes_id).update(sent_to_ndc_at=when)
        bump_content_version()  # an update() sends no signal: cached public pages must know
    log(minutes, "minutes.sent_to_ndc", user=user, data={"at": when.isoformat(), "first": first})


def _publications(minutes: Minutes):
    """The log entries of each publication of ``minutes`` with a revision, newest first."""
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Minutes),
        object_id=str(minutes.pk),
        action="wagtail.publish",
        revision__isnull=False,
    ).order_by("-timestamp", "-pk")


def published_revisions(minutes: Minutes) -> list[tuple[Revision, dt.datetime]]:
    """Every revision that was published, newest first, with when (earlier versions stay reachable)."""
    entries = _publications(minutes).select_related("revision")
    seen: set[int] = set()
    result = []
    for entry in entries:
        if entry.revision_id not in seen:
            seen.add(entry.revision_id)
            result.append((entry.revision, entry.timestamp))
    return result


@dataclass(frozen=True)
class VersionRef:
    """A published revision as the minutes page links to it: its id only."""

    pk: int


def published_versions(minutes: Minutes) -> list[tuple[VersionRef, dt.datetime]]:
    """``published_revisions`` as the page of the current version lists them (ids and dates):
    the same entries in the same order, without reading each revision's stored content."""
    seen: set[int] = set()
    result = []
    for revision_id, timestamp in _publications(minutes).values_list("revision_id", "timestamp"):
        if revision_id not in seen:
            seen.add(revision_id)
            result.append((VersionRef(revision_id), timestamp))
    return result


def pdfs_enabled() -> bool:
    """Whether PDFs are rebuilt automatically (tests switch it off where not needed)."""
    return settings.MINUTES_BUILD_PDFS


def minutes_pdfs_schedule(*, minutes_ids: list[int]) -> None:
    """Enqueue a PDF refresh for each minutes after the current transaction commits."""
    if not pdfs_enabled() or not minutes_ids:
        return
    for minutes_id in sorted(set(minutes_ids)):
        transaction.on_commit(lambda pk=minutes_id: refresh_pdfs.enqueue(pk))

"""Wagtail's cross-model admin listings, narrowed to the objects each user may view.

The site-history report (and its CSV/XLSX exports, its user/content-type/action filters) and the
workflow reports list records of every model a user holds any model permission for: an agency
officer would see every agency's tables, a convener every forum's minutes. Wagtail has no hook
for these querysets, so :func:`install` (called from ``CoreConfig.ready``) wraps the two places
that build them; both only *narrow* Wagtail's own result, by the models' rules-backed policies
(``core.permissions.SCOPED_POLICIES``).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet


def viewable_objects_q(user, prefix: str = "") -> Q | None:
    """A condition on ``<prefix>content_type`` / ``<prefix>object_id``: scoped models' rows only
    for objects ``user`` may view; rows of other models untouched. ``None`` for superusers."""
    from .permissions import SCOPED_POLICIES

    if user.is_superuser:
        return None
    scoped_types: list[int] = []
    allowed = Q(pk__in=[])
    for model, policy in SCOPED_POLICIES.items():
        content_type = ContentType.objects.get_for_model(model)
        scoped_types.append(content_type.pk)
        ids = [str(pk) for pk in policy.instances_user_has_permission_for(user, "view").values_list("pk", flat=True)]
        if ids:
            allowed |= Q(**{f"{prefix}content_type_id": content_type.pk, f"{prefix}object_id__in": ids})
    return ~Q(**{f"{prefix}content_type_id__in": scoped_types}) | allowed


def scope_queryset(user, queryset: QuerySet, prefix: str = "") -> QuerySet:
    condition = viewable_objects_q(user, prefix)
    return queryset if condition is None else queryset.filter(condition)


def install() -> None:
    """Wrap Wagtail's log-entry visibility and workflow report querysets (idempotent)."""
    from wagtail.admin.views.reports import workflows
    from wagtail.models.audit_log import ModelLogEntryManager

    if getattr(ModelLogEntryManager.viewable_by_user, "_scoped", False):
        return

    original_viewable = ModelLogEntryManager.viewable_by_user

    def viewable_by_user(self, user):
        return scope_queryset(user, original_viewable(self, user))

    viewable_by_user._scoped = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user

    for view_class, prefix in ((workflows.WorkflowView, ""), (workflows.WorkflowTasksView, "workflow_state__")):
        original = view_class.get_queryset

        def get_queryset(self, _original=original, _prefix=prefix):
            return scope_queryset(self.request.user, _original(self), _prefix)

        view_class.get_queryset = get_queryset

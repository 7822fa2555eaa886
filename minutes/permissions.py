"""Who may do what with minutes: the one place these checks live (used by admin and public views).

- NDC editors: every minutes (edit, approve and publish, correct, delete unpublished ones,
  see the translation queue).
- A forum convener who is on the forum's staff (``Forum.staff``): the minutes of that forum's
  meetings only (draft, edit, submit to NDC); never publish.
- Everyone else, the public included: published minutes only.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from core.roles import CONVENER, NDC_EDITOR, user_has_role


def is_ndc_editor(user) -> bool:
    return user_has_role(user, NDC_EDITOR)


def staffs_forum(user, forum_id: int | None) -> bool:
    """Whether ``user`` is a convener on the staff of forum ``forum_id``."""
    if forum_id is None or not user_has_role(user, CONVENER):
        return False
    cache = getattr(user, "_minutes_forum_ids", None)
    if cache is None:
        cache = set(user.forums_staffed.values_list("pk", flat=True))
        user._minutes_forum_ids = cache
    return forum_id in cache


def can_create_minutes(user, meeting) -> bool:
    """Draft minutes for ``meeting``."""
    return is_ndc_editor(user) or staffs_forum(user, meeting.forum_id)


def can_edit_minutes(user, minutes) -> bool:
    """Edit, lock and submit ``minutes`` to NDC."""
    return is_ndc_editor(user) or staffs_forum(user, minutes.meeting.forum_id)


def can_publish_minutes(user, minutes=None) -> bool:
    """Approve and publish (NDC editors only, F-3.2: NDC publishes)."""
    return is_ndc_editor(user)


def can_delete_minutes(user, minutes) -> bool:
    """Delete minutes never published (a published record is corrected, never deleted)."""
    return is_ndc_editor(user) and not minutes.first_published_at


def can_view_translation_queue(user) -> bool:
    """List the minutes still lacking English (F-7)."""
    return is_ndc_editor(user)


def can_view_minutes(user, minutes) -> bool:
    """Read ``minutes``: published ones for everybody; drafts for those who may edit them."""
    return minutes.live or can_edit_minutes(user, minutes)


def editable_minutes(user, queryset: QuerySet) -> QuerySet:
    """The minutes of ``queryset`` that ``user`` may edit."""
    if is_ndc_editor(user):
        return queryset
    if not user_has_role(user, CONVENER):
        return queryset.none()
    return queryset.filter(meeting__forum__staff=user)


def meetings_for_minutes(user, queryset: QuerySet) -> QuerySet:
    """The meetings of ``queryset`` for which ``user`` may draft minutes."""
    if is_ndc_editor(user):
        return queryset
    if not user_has_role(user, CONVENER):
        return queryset.none()
    return queryset.filter(forum__staff=user)


class MinutesPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions (from the role groups) narrowed to a convener's own forum."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action == "publish":
            return can_publish_minutes(user, instance)
        if action == "delete":
            return can_delete_minutes(user, instance)
        return can_edit_minutes(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        if action == "publish":
            return self.model.objects.all() if is_ndc_editor(user) else self.model.objects.none()
        return editable_minutes(user, self.model.objects.all())

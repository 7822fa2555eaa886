"""Who may do what with minutes (rules predicates, core.permissions; used by admin and public views).

- NDC editors: every minutes (edit, approve and publish, correct, delete unpublished ones,
  see the translation queue).
- A forum convener who is on the forum's staff (``Forum.staff``): the minutes of that forum's
  meetings only (draft, edit, lock, submit to NDC); never publish. Another forum's minutes,
  drafts and revisions included, are invisible to him.
- Everyone else, the public included: published minutes only.
"""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from core.permissions import is_convener, is_ndc_editor, object_perm, policy_for, register_scoped_policy
from forum.permissions import is_convener_of, staffed_forum_ids


@rules.predicate
def is_minutes_convener(user, minutes) -> bool:
    """A convener on the staff of the forum whose meeting ``minutes`` records."""
    return minutes is not None and is_convener_of(user, minutes.meeting.forum_id)


@rules.predicate
def never_published(user, minutes) -> bool:
    return minutes is not None and not minutes.first_published_at


def _scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the predicates registered below."""
    if action == "publish":
        return queryset if is_ndc_editor(user) else queryset.none()
    if action == "delete":
        return queryset.filter(first_published_at__isnull=True) if is_ndc_editor(user) else queryset.none()
    if is_ndc_editor(user):
        return queryset
    if not is_convener(user):
        return queryset.none()
    return queryset.filter(meeting__forum_id__in=staffed_forum_ids(user))


def _register() -> None:
    from .models import Minutes

    for action in ("add", "change", "view", "lock", "unlock"):
        object_perm(f"minutes.{action}_minutes", is_ndc_editor | is_minutes_convener)
    object_perm("minutes.publish_minutes", is_ndc_editor)
    object_perm("minutes.delete_minutes", is_ndc_editor & never_published)
    register_scoped_policy(Minutes, _scope)


_register()


# Helpers for views, forms and services: each is one question to the rules above.


def can_create_minutes(user, meeting) -> bool:
    """Draft minutes for ``meeting``."""
    return user.has_perm("minutes.add_minutes") and (is_ndc_editor(user) or is_convener_of(user, meeting.forum_id))


def can_edit_minutes(user, minutes) -> bool:
    """Edit, lock and submit ``minutes`` to NDC."""
    return user.has_perm("minutes.change_minutes", minutes)


def can_publish_minutes(user, minutes=None) -> bool:
    """Approve and publish (NDC editors only, F-3.2: NDC publishes)."""
    return user.has_perm("minutes.publish_minutes", minutes) if minutes is not None else is_ndc_editor(user)


def can_delete_minutes(user, minutes) -> bool:
    """Delete minutes never published (a published record is corrected, never deleted)."""
    return user.has_perm("minutes.delete_minutes", minutes)


def can_view_translation_queue(user) -> bool:
    """List the minutes still lacking English (F-7)."""
    return is_ndc_editor(user)


def editable_minutes(user, queryset: QuerySet) -> QuerySet:
    """The minutes of ``queryset`` that ``user`` may edit."""
    from .models import Minutes

    return queryset.filter(pk__in=policy_for(Minutes).instances_user_has_permission_for(user, "change"))


def meetings_for_minutes(user, queryset: QuerySet) -> QuerySet:
    """The meetings of ``queryset`` for which ``user`` may draft minutes."""
    if not user.has_perm("minutes.add_minutes"):
        return queryset.none()
    if is_ndc_editor(user):
        return queryset
    if not is_convener(user):
        return queryset.none()
    return queryset.filter(forum_id__in=staffed_forum_ids(user))

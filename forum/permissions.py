"""Who may do what with forums (rules predicates, core.permissions).

- NDC editors edit every forum (and alone create forums and edit the notice copy addresses).
- A forum's convener's office and secretariat (``Forum.staff``; the convener's account is one of
  them) edit only their own forum's roster, meetings, attendance and decisions, and send its
  notices. They also need the role's model permission (``forum/roles.py``).
- The public sees a forum's meetings and decisions, and its roster once published (F-2.1);
  contact data never (K-4).
"""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from core.permissions import is_convener, is_ndc_editor, object_perm, register_scoped_policy

from .models import AgendaItem, Decision, Forum, Meeting, Member

# The lookup from each scoped model to its forum (querysets) — the twin of ``forum_of``.
FORUM_PATHS: dict[type, str] = {
    Forum: "",
    Member: "forum__",
    Meeting: "forum__",
    AgendaItem: "meeting__forum__",
    Decision: "agenda_item__meeting__forum__",
}


def _active_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def staffed_forum_ids(user) -> set[int]:
    """The forums on whose staff (convener's office, secretariat) ``user`` is."""
    if not _active_staff(user):
        return set()
    cache = getattr(user, "_staffed_forum_ids", None)
    if cache is None:
        cache = set(Forum.objects.filter(staff=user).values_list("pk", flat=True))
        user._staffed_forum_ids = cache
    return cache


def is_forum_staff(user, forum_id: int | None) -> bool:
    """Whether ``user`` is on the staff of forum ``forum_id``."""
    return forum_id is not None and forum_id in staffed_forum_ids(user)


def is_convener_of(user, forum_id: int | None) -> bool:
    """Whether ``user`` is a forum convener on the staff of forum ``forum_id``."""
    return is_convener(user) and is_forum_staff(user, forum_id)


def forum_of(obj) -> Forum | None:
    """The forum a forum-app object belongs to."""
    if isinstance(obj, Forum):
        return obj
    if isinstance(obj, Member | Meeting):
        return obj.forum
    if isinstance(obj, AgendaItem):
        return obj.meeting.forum
    if isinstance(obj, Decision):
        return obj.agenda_item.meeting.forum
    return None


@rules.predicate
def is_staff_of_objects_forum(user, obj) -> bool:
    """``user`` is on the staff of the forum ``obj`` belongs to."""
    forum = forum_of(obj)
    return forum is not None and is_forum_staff(user, forum.pk)


def _scope(model) -> object:
    path = FORUM_PATHS[model]

    def scope(user, action: str, queryset: QuerySet) -> QuerySet:
        if is_ndc_editor(user):
            return queryset
        return queryset.filter(**{f"{path}pk__in": staffed_forum_ids(user)})

    return scope


def _register() -> None:
    for model in (Forum, Member, Meeting, Decision, AgendaItem):
        name = model._meta.model_name
        for action in ("add", "change", "delete", "view"):
            object_perm(f"forum.{action}_{name}", is_ndc_editor | is_staff_of_objects_forum)
        if model is not AgendaItem:
            register_scoped_policy(model, _scope(model))


_register()


# Helpers for views, forms and services: each is one question to the rules above.


def edits_all_forums(user) -> bool:
    """NDC editors (and superusers) edit every forum."""
    return _active_staff(user) and is_ndc_editor(user)


def editable_forums(user) -> QuerySet[Forum]:
    """The forums ``user`` may edit (roster or meetings)."""
    if edits_all_forums(user):
        return Forum.objects.all()
    if not (user.has_perm("forum.change_forum") or user.has_perm("forum.change_meeting")):
        return Forum.objects.none()
    return Forum.objects.filter(pk__in=staffed_forum_ids(user))


def can_edit_forum(user, forum: Forum) -> bool:
    """Edit the forum's roster, meetings, attendance and decisions."""
    return user.has_perm("forum.change_forum", forum) or user.has_perm("forum.change_meeting", Meeting(forum=forum))


def can_send_notice(user, meeting: Meeting) -> bool:
    """Send or re-send a meeting's notice (F-9)."""
    return user.has_perm("forum.add_notice") and user.has_perm("forum.change_meeting", meeting)


def can_download_allowances(user, meeting: Meeting) -> bool:
    """The per-meeting allowance list holds personal data: the forum's editors only (F-2.4, K-4)."""
    return user.has_perm("forum.change_meeting", meeting)


def can_edit(user, obj) -> bool:
    """Edit ``obj`` of the forum app (its model's change permission on that object)."""
    return user.has_perm(f"forum.change_{obj._meta.model_name}", obj)


def scoped(user, queryset: QuerySet, forum_path: str) -> QuerySet:
    """``queryset`` limited to the forums ``user`` may edit; ``forum_path`` leads to the forum."""
    if edits_all_forums(user):
        return queryset
    if not _active_staff(user):
        return queryset.none()
    return queryset.filter(**{f"{forum_path}pk__in": staffed_forum_ids(user)})


def roster_is_public(forum: Forum, members=None) -> bool:
    """The public sees a roster once published, balanced or with its reason recorded (F-2.1)."""
    return forum.roster_is_public(members)

"""Who may do what with forums: the one place the forum app checks permissions.

- NDC editors edit every forum (and alone create forums and edit the notice copy addresses).
- A forum's convener's office and secretariat (``Forum.staff``; the convener's account is one of
  them) edit only their own forum's roster, meetings, attendance and decisions, and send its
  notices. They also need the role's model permission (``forum/roles.py``).
- The public sees a forum's meetings and decisions, and its roster once published (F-2.1);
  contact data never (K-4).
"""

from __future__ import annotations

from django.db.models import QuerySet

from core.roles import NDC_EDITOR, user_has_role

from .models import AgendaItem, Decision, Forum, Meeting, Member


def _active_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def edits_all_forums(user) -> bool:
    """NDC editors (and superusers) edit every forum."""
    return _active_staff(user) and user_has_role(user, NDC_EDITOR)


def editable_forums(user) -> QuerySet[Forum]:
    """The forums ``user`` may edit."""
    if not _active_staff(user):
        return Forum.objects.none()
    if edits_all_forums(user):
        return Forum.objects.all()
    return Forum.objects.filter(staff=user)


def can_edit_forum(user, forum: Forum) -> bool:
    """Edit the forum's roster, meetings, attendance and decisions."""
    if not _active_staff(user):
        return False
    if not (user.has_perm("forum.change_forum") or user.has_perm("forum.change_meeting")):
        return False
    return edits_all_forums(user) or forum.staff.filter(pk=user.pk).exists()


def can_create_forum(user) -> bool:
    return edits_all_forums(user) and user.has_perm("forum.add_forum")


def can_send_notice(user, meeting: Meeting) -> bool:
    """Send or re-send a meeting's notice (F-9)."""
    return user.has_perm("forum.add_notice") and can_edit_forum(user, meeting.forum)


def can_download_allowances(user, meeting: Meeting) -> bool:
    """The per-meeting allowance list holds personal data: the forum's editors only (F-2.4, K-4)."""
    return can_edit_forum(user, meeting.forum)


def can_edit_notice_settings(user) -> bool:
    return edits_all_forums(user) and user.has_perm("forum.change_noticesettings")


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


def can_edit(user, obj) -> bool:
    """Edit (or delete, with the model permission) ``obj`` of the forum app."""
    forum = forum_of(obj)
    return forum is not None and can_edit_forum(user, forum)


def scoped(user, queryset: QuerySet, forum_path: str) -> QuerySet:
    """``queryset`` limited to the forums ``user`` may edit; ``forum_path`` leads to the forum."""
    if edits_all_forums(user):
        return queryset
    if not _active_staff(user):
        return queryset.none()
    return queryset.filter(**{f"{forum_path}staff": user}).distinct()


def roster_is_public(forum: Forum, members=None) -> bool:
    """The public sees a roster once published, balanced or with its reason recorded (F-2.1)."""
    return forum.roster_is_public(members)

"""Who may do what in the consultations app (rules predicates, core.permissions).

- NDC editors manage every consultation and forward suggested commitments (F-4.3).
- Agency officers open consultations for their agency and manage only their agency's
  (edit, inbox, summary response, export).
- Comment moderators hide and restore comments (K-6.2.2, T-7); nothing else.
- Verified citizens comment (K-6.1.2, T-3).
"""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from commitments.permissions import is_officer_of, user_agency_id
from core.permissions import is_agency_officer, is_moderator, is_ndc_editor, object_perm, register_scoped_policy


def is_verified(user) -> bool:
    """Whether the user has confirmed an email address (K-6.1.2, T-3)."""
    if not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_verified_email", None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._verified_email = cached
    return cached


@rules.predicate
def is_consultation_officer(user, consultation) -> bool:
    """An officer of the agency running ``consultation``."""
    return consultation is not None and is_officer_of(user, consultation.agency_id)


@rules.predicate
def is_comment_officer(user, comment) -> bool:
    return comment is not None and is_officer_of(user, comment.consultation.agency_id)


def _scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the consultation predicates."""
    if is_ndc_editor(user):
        return queryset
    agency = officer_agency_id(user)
    return queryset.filter(agency_id=agency) if agency is not None else queryset.none()


def _comments_scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the comment predicates (view: NDC, moderators, the agency's officers)."""
    if action == "change":
        return queryset if is_moderator(user) else queryset.none()
    if is_ndc_editor(user) or is_moderator(user):
        return queryset
    agency = officer_agency_id(user)
    return queryset.filter(consultation__agency_id=agency) if agency is not None else queryset.none()


def _register() -> None:
    from .models import Comment, Consultation

    for action in ("add", "change", "delete", "view"):
        object_perm(f"consultations.{action}_consultation", is_ndc_editor | is_consultation_officer)
    object_perm("consultations.view_comment", is_ndc_editor | is_moderator | is_comment_officer)
    object_perm("consultations.change_comment", is_moderator)
    register_scoped_policy(Consultation, _scope)
    register_scoped_policy(Comment, _comments_scope)


_register()


# Helpers for views and services: each is one question to the rules above.


def can_comment(user) -> bool:
    """Only verified users comment (the consultation must also be open: rules.can_comment_now)."""
    return is_verified(user)


def officer_agency_id(user) -> int | None:
    """The agency an agency officer works for, or None."""
    return user_agency_id(user) if is_agency_officer(user) else None


def can_open_consultation(user) -> bool:
    """NDC editors and agency officers open consultations."""
    return user.has_perm("consultations.add_consultation") and (
        is_ndc_editor(user) or officer_agency_id(user) is not None
    )


def can_manage_consultation(user, consultation) -> bool:
    """NDC editors, and the officers of the consultation's agency: edit, inbox, response, export."""
    return user.has_perm("consultations.change_consultation", consultation)


def can_view_inbox(user) -> bool:
    """NDC editors see every agency's inbox; officers their own agency's."""
    return is_ndc_editor(user) or officer_agency_id(user) is not None


def can_handle_comment(user, comment) -> bool:
    """Mark read/answered and assign: whoever manages the comment's consultation."""
    return can_manage_consultation(user, comment.consultation)


def can_moderate(user, comment=None) -> bool:
    """Moderators hide and restore comments (K-6.2.2, T-7)."""
    if comment is not None:
        return user.has_perm("consultations.change_comment", comment)
    return is_moderator(user) and user.has_perm("consultations.change_comment")


def can_handle_suggestions(user) -> bool:
    """NDC's inbox of suggested commitments: NDC editors forward them (F-4.3)."""
    return is_ndc_editor(user)

"""Who may do what in the consultations app: the one place permissions are checked."""

from __future__ import annotations

from core.roles import AGENCY_OFFICER, MODERATOR, NDC_EDITOR, user_has_role


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


def can_comment(user) -> bool:
    """Only verified users comment (the consultation must also be open: rules.can_comment_now)."""
    return is_verified(user)


def officer_agency_id(user) -> int | None:
    """The agency an agency officer works for, or None."""
    if not user.is_authenticated or not user_has_role(user, AGENCY_OFFICER):
        return None
    staff = getattr(user, "agency_staff", None) if hasattr(user, "agency_staff") else None
    return staff.agency_id if staff is not None else None


def can_open_consultation(user) -> bool:
    """NDC editors and agency officers open consultations."""
    return user_has_role(user, NDC_EDITOR) or officer_agency_id(user) is not None


def can_manage_consultation(user, consultation) -> bool:
    """NDC editors, and the officers of the consultation's agency: edit, inbox, response, export."""
    if user_has_role(user, NDC_EDITOR):
        return True
    agency_id = officer_agency_id(user)
    return agency_id is not None and agency_id == consultation.agency_id


def can_view_inbox(user) -> bool:
    """NDC editors see every agency's inbox; officers their own agency's."""
    return user_has_role(user, NDC_EDITOR) or officer_agency_id(user) is not None


def can_handle_comment(user, comment) -> bool:
    """Mark read/answered and assign: whoever manages the comment's consultation."""
    return can_manage_consultation(user, comment.consultation)


def can_moderate(user) -> bool:
    """Moderators hide and restore comments (K-6.2.2, T-7)."""
    return user_has_role(user, MODERATOR)


def can_handle_suggestions(user) -> bool:
    """NDC's inbox of suggested commitments: NDC editors forward them (F-4.3)."""
    return user_has_role(user, NDC_EDITOR)

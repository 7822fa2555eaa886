"""Personal data (K-4): what a user can download, and account deletion that keeps their comments."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from .models import User


def account_export(*, user: User) -> dict:
    """Everything the platform holds about ``user``, as JSON-ready data."""
    from allauth.account.models import EmailAddress

    from consultations.models import Comment, Suggestion

    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "nickname": user.nickname,
            "name_display": user.name_display,
            "public_name": user.public_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "comments": [
            {
                "id": c.pk,
                "consultation": c.consultation_id,
                "reply_to": c.parent_id,
                "posted": c.created_at.isoformat(),
                "section": c.section,
                "section_label": c.section_label,
                "text": c.text,
                "hidden": c.is_hidden,
                "ground": c.hidden_ground or None,
            }
            for c in Comment.objects.filter(author=user).order_by("created_at")
        ],
        "suggestions": [
            {
                "title": s.title,
                "text": s.text,
                "sent": s.created_at.isoformat(),
                "forwarded_to": s.forwarded_to.code if s.forwarded_to_id else None,
            }
            for s in Suggestion.objects.filter(author=user).select_related("forwarded_to")
        ],
    }


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Delete the personal data of an account; its comments stay, shown as by "deleted user" (K-4)."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    user.email = None
    user.username = f"deleted-{uuid.uuid4().hex}"
    user.first_name = ""
    user.last_name = ""
    user.nickname = ""
    user.is_active = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    return user

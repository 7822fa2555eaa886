"""Personal data (K-4): what a user can download, and account deletion that keeps their comments."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from core import providers

from .models import User


def account_export(*, user: User) -> dict:
    """Everything the platform holds about ``user``, as JSON-ready data: the account here, and
    what each app holds (its ``personal_data`` provider, e.g. consultations' comments)."""
    from allauth.account.models import EmailAddress

    data = {
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
    }
    for part in providers.collect("personal_data", user=user):
        data.update(part)
    return data


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

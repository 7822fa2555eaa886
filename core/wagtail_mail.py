"""Wagtail's own emails in the recipient's language (rule F-7).

Wagtail writes its notifications (workflow submitted / approved / rejected, task submitted, page
comments) inside ``translation.override(recipient.wagtail_userprofile.get_preferred_language())``:
the language of Wagtail's admin profile, which our users never set. Ours is
``accounts.User.preferred_language`` (chosen at sign-up, on ``/en/`` English). Before Wagtail
renders, each recipient is given an in-memory profile whose language is theirs; nothing is saved,
so the admin keeps following the admin's own language choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import wraps

from django.conf import settings


def recipient_language(user) -> str:
    """The language a user's emails are written in: ``preferred_language``, else the site's."""
    language = getattr(user, "preferred_language", None)
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def speaking_their_language(users: Iterable) -> list:
    """``users``, each carrying a Wagtail profile (unsaved change) in its own email language."""
    from wagtail.users.models import UserProfile

    result = []
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = recipient_language(user)
        user.wagtail_userprofile = profile
        result.append(user)
    return result


def _wrap_send_notification(function):
    @wraps(function)
    def send_notification(recipient_users, notification, extra_context):
        return function(speaking_their_language(recipient_users), notification, extra_context)

    send_notification.in_recipient_language = True
    return send_notification


def install() -> None:
    """Patch Wagtail's two ways of sending mail (notifier classes, ``send_notification``). Once."""
    from wagtail.admin import mail
    from wagtail.admin.views.pages import edit

    mixin = mail.EmailNotificationMixin
    if not getattr(mixin.send_emails, "in_recipient_language", False):
        original = mixin.send_emails

        @wraps(original)
        def send_emails(self, template_set, context, recipients, **kwargs):
            return original(self, template_set, context, speaking_their_language(recipients), **kwargs)

        send_emails.in_recipient_language = True
        mixin.send_emails = send_emails
    for module in (mail, edit):
        if not getattr(module.send_notification, "in_recipient_language", False):
            module.send_notification = _wrap_send_notification(module.send_notification)

"""The admin's sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``): throttled like the public
sign-in (accounts.throttle, same counters) and for staff only.

Refused, each with a clear message and only once the password is right (so that the form
does not tell a guesser which accounts exist): accounts without access to the admin
(citizens), and accounts whose email address is registered but not confirmed yet. Accounts
that staff created in the admin have no email record to confirm: their creator vouches for them.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from . import throttle


def email_unconfirmed(user) -> bool:
    """Whether ``user`` registered an email address (allauth) and has not confirmed it."""
    from allauth.account.models import EmailAddress

    addresses = list(EmailAddress.objects.filter(user=user).values_list("verified", flat=True))
    return bool(addresses) and not any(addresses)


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, throttled and for staff only."""

    error_messages = {
        **LoginForm.error_messages,
        "not_staff": _(
            "This sign-in is for staff of the platform. To take part as a citizen, sign in on the public site."
        ),
        "unconfirmed": _("Confirm your email address first (see the message we sent you), then sign in."),
    }

    def clean(self):
        """Authenticate as one throttled attempt, then refuse non-staff and unconfirmed accounts."""
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = throttle.throttled(
                self.request, username, lambda: authenticate(self.request, username=username, password=password)
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def confirm_login_allowed(self, user) -> None:
        """Active staff (access to the admin) with no unconfirmed email address only."""
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")
        if email_unconfirmed(user):
            raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")

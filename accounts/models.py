"""Accounts: one user model for staff and citizens (K-4, T-3)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account: staff (in groups) or a citizen.

    Contact data (email, real name) is personal data (K-4): it is never shown on
    public pages or in the API; ``public_name`` is what the public sees.
    """

    class NameDisplay(models.TextChoices):
        REAL_NAME = "real_name", _("Real name")
        NICKNAME = "nickname", _("Nickname")

    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    nickname = models.CharField(_("nickname"), max_length=60, blank=True)
    name_display = models.CharField(
        _("appear as"), max_length=20, choices=NameDisplay.choices, default=NameDisplay.NICKNAME
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=[("zh-hant", "中文"), ("en", "English")],
        default="zh-hant",
    )
    deleted_at = models.DateTimeField(_("account deleted"), null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def public_name(self) -> str:
        """The name shown to the public, as the user chose (T-3)."""
        if not self.is_active:
            return str(_("deleted user"))
        if self.name_display == self.NameDisplay.REAL_NAME:
            real = self.get_full_name().strip()
            if real:
                return real
        return self.nickname or str(_("anonymous participant"))

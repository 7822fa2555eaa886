"""The action plan's skeleton: agencies, action plans, themes and commitments (F-1, F-A1).

Nothing about a particular plan is in code: the 2020–2024 plan is seed data
(``commitments/seed/``), and a later plan is another row of the same models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import i18n


class Agency(models.Model):
    """A government agency or other organisation that leads or co-leads commitments."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("A short stable identifier, e.g. ndc."))
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    is_government = models.BooleanField(_("government agency"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name or self.code

    @property
    def label(self) -> str:
        """How pages name the agency: the customary short name in Chinese, the full name in English."""
        language = i18n.current_language()
        if language == i18n.DEFAULT_LANGUAGE:
            return i18n.value_in(self, "short_name", language) or i18n.value_in(self, "name", language) or self.code
        return i18n.value_in(self, "name", language) or i18n.value_in(self, "name", i18n.DEFAULT_LANGUAGE) or self.code


class AgencyStaff(models.Model):
    """Links a staff account to the agency it works for (scopes agency officers' permissions)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_staff", verbose_name=_("user")
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="staff", verbose_name=_("agency"))

    class Meta:
        verbose_name = _("agency staff member")
        verbose_name_plural = _("agency staff")

    def __str__(self) -> str:
        return f"{self.user} – {self.agency}"


class ActionPlanQuerySet(models.QuerySet):
    def current(self) -> ActionPlan | None:
        """The plan shown by default: the one marked current, else the latest."""
        return self.filter(is_current=True).first() or self.order_by("-starts_on").first()


class ActionPlan(models.Model):
    """A national action plan: its period and the deadline for commitment tables (F-6)."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True, help_text=_("Used in addresses, e.g. 2020-2024."))
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("period starts"))
    ends_on = models.DateField(_("period ends"))
    submission_deadline = models.DateField(
        _("deadline for commitment tables"), help_text=_("Commitment tables are due at NDC by this date (F-6).")
    )
    is_current = models.BooleanField(_("current plan"), default=False)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(starts_on__lt=models.F("ends_on")), name="actionplan_period_order"),
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="actionplan_one_current"),
        ]

    def __str__(self) -> str:
        return self.name or self.slug


class Theme(models.Model):
    """A theme of an action plan grouping its commitments (Annex 1)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="themes", verbose_name=_("action plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="theme_unique_number")]

    def __str__(self) -> str:
        return self.name


class Commitment(models.Model):
    """A commitment of an action plan with its lead agency (F-1, Annex 1)."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("action plan")
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("theme"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_commitments", verbose_name=_("lead agency")
    )

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="commitment_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("commitments:detail", kwargs={"plan": self.plan.slug, "number": self.number})

    def urls(self) -> dict[str, str]:
        """The public page in each language (for the API)."""
        return i18n.urls_by_language(self)

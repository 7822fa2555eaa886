"""Policy profiles, working-day overrides and voting days: data NDC edits in the admin (W-1, K-8)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import policy


class PolicyProfile(models.Model):
    """One jurisdiction's numbers for proposals and consultations (W-1): thresholds, periods,
    working-day clocks, withdrawal limit, email code per second, blackout, removal grounds.

    Read by apps through ``core.policy_store.get_profile`` as a frozen ``core.policy.Profile``.
    """

    class WithdrawUntil(models.TextChoices):
        QUALIFIED = policy.WITHDRAW_UNTIL_QUALIFIED, _("Until the proposal qualifies (K-6.2.5)")
        REVIEW_PASSED = policy.WITHDRAW_UNTIL_REVIEW_PASSED, _("Until the review passes (T-9.2.4)")

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    review_working_days = models.PositiveSmallIntegerField(_("review (working days)"))
    threshold = models.PositiveIntegerField(_("seconds needed to qualify"))
    seconding_days = models.PositiveSmallIntegerField(_("seconding period (days)"), null=True, blank=True)
    seconding_months = models.PositiveSmallIntegerField(_("seconding period (months)"), null=True, blank=True)
    notify_working_days = models.PositiveSmallIntegerField(_("notification after qualifying (working days)"))
    confirm_working_days = models.PositiveSmallIntegerField(_("agency confirmation (working days)"))
    response_months = models.PositiveSmallIntegerField(_("response due (months)"))
    extension_months = models.PositiveSmallIntegerField(_("one extension of at most (months)"))
    withdraw_until = models.CharField(_("withdrawal allowed"), max_length=20, choices=WithdrawUntil.choices)
    email_code = models.BooleanField(_("email code per second"), default=False)
    blackout_days = models.PositiveSmallIntegerField(_("election blackout (days before the vote)"))
    grounds = models.JSONField(_("removal grounds"), default=list)
    consultation_min_days = models.PositiveSmallIntegerField(_("consultation open at least (days)"))
    consultation_max_months = models.PositiveSmallIntegerField(_("consultation open at most (months)"))
    consultation_response_days = models.PositiveSmallIntegerField(_("consultation summary response (days)"))
    consultation_extension_days = models.PositiveSmallIntegerField(_("consultation extension at most (days)"))
    rule_ids = models.JSONField(_("rule references"), default=dict, blank=True)

    class Meta:
        verbose_name = _("policy profile")
        verbose_name_plural = _("policy profiles")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(seconding_days__isnull=True) & Q(seconding_months__isnull=False))
                | (Q(seconding_days__isnull=False) & Q(seconding_months__isnull=True)),
                name="policyprofile_one_seconding_unit",
            ),
            models.CheckConstraint(condition=Q(threshold__gte=1), name="policyprofile_threshold_positive"),
        ]

    def __str__(self) -> str:
        return self.name_zh_hant or self.name or self.slug

    def clean(self) -> None:
        if (self.seconding_days is None) == (self.seconding_months is None):
            raise ValidationError({"seconding_days": _("Give the seconding period in days or in months, not both.")})
        unknown = [g for g in (self.grounds or []) if g not in policy.GROUNDS]
        if unknown or not self.grounds:
            raise ValidationError({"grounds": _("Choose the removal grounds from the list.")})

    def as_profile(self) -> policy.Profile:
        """The frozen, database-free view the apps' pure rules take."""
        return policy.Profile(
            slug=self.slug,
            name={"zh-hant": self.name_zh_hant or self.name, "en": self.name_en or ""},
            review_working_days=self.review_working_days,
            threshold=self.threshold,
            seconding_days=self.seconding_days,
            seconding_months=self.seconding_months,
            notify_working_days=self.notify_working_days,
            confirm_working_days=self.confirm_working_days,
            response_months=self.response_months,
            extension_months=self.extension_months,
            withdraw_until=self.withdraw_until,
            email_code=self.email_code,
            blackout_days=self.blackout_days,
            grounds=tuple(self.grounds or ()),
            consultation_min_days=self.consultation_min_days,
            consultation_max_months=self.consultation_max_months,
            consultation_response_days=self.consultation_response_days,
            consultation_extension_days=self.consultation_extension_days,
            rule_ids=dict(self.rule_ids or {}),
        )


class WorkdayOverride(models.Model):
    """A day that differs from the official calendar: a typhoon closure (停班) or a late change."""

    day = models.DateField(_("day"), unique=True)
    is_working_day = models.BooleanField(_("working day"), default=False)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("working-day override")
        verbose_name_plural = _("working-day overrides")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.reason}"


class VotingDay(models.Model):
    """The voting day of a national or local election or referendum (K-8 blackout)."""

    day = models.DateField(_("voting day"))
    name = models.CharField(_("election or referendum"), max_length=200)

    class Meta:
        verbose_name = _("voting day")
        verbose_name_plural = _("voting days")
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["day", "name"], name="votingday_unique")]

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.name_zh_hant or self.name}"

"""Citizen proposals (提點子): proposals, seconds, the public timeline (K-6, T-9, W-5).

Statuses change only through the services (``services.py``); every change writes a public
``ProposalEvent`` and a Wagtail audit entry. Working-day deadlines are computed from the policy
profile and the override table (never stored), so a typhoon closure added later moves them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import i18n
from core.links import reverse_ids
from core.policy import DEFAULT_PROFILE, Profile
from core.policy_store import get_profile, voting_days, workday_overrides

from . import rules


class Status(models.TextChoices):
    IN_REVIEW = "in_review", _("In review")
    RETURNED = "returned", _("Returned for revision")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    DUPLICATE = "duplicate", _("Duplicate")
    SECONDING = "seconding", _("Open for seconding")
    QUALIFIED = "qualified", _("Qualified, awaiting the agency's response")
    EXPIRED = "expired", _("Did not reach the threshold")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    RESPONDED = "responded", _("Responded")


class Adoption(models.TextChoices):
    UNDER_STUDY = "under_study", _("Under study")
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class Confirmation(models.TextChoices):
    PENDING = "pending", _("Awaiting the agency's confirmation")
    CONFIRMED = "confirmed", _("Confirmed by the agency")
    BY_SILENCE = "by_silence", _("Confirmed (no answer in time)")
    DECLINED = "declined", _("Declined by the agency")


class Proposal(models.Model):
    """A citizen's proposal (K-6.1.3): topic, content, benefits, evidence; one policy profile."""

    profile = models.CharField(_("policy profile"), max_length=40, default=DEFAULT_PROFILE, db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("topic"), max_length=rules.TITLE_MAX)
    content = models.TextField(_("content or recommendation"), max_length=rules.TEXT_MAX)
    benefits = models.TextField(_("benefits and impact"), max_length=rules.TEXT_MAX)
    evidence = models.TextField(_("supporting evidence"), max_length=rules.TEXT_MAX, blank=True)
    language = models.CharField(max_length=10, default="zh-hant")
    token = models.UUIDField()
    agency = models.ForeignKey(
        "commitments.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("lead agency"),
        help_text=_("Empty: the proposer was not sure; the management team decides (K-6.1.4)."),
    )
    co_agencies = models.ManyToManyField(
        "commitments.Agency", blank=True, related_name="co_proposals", verbose_name=_("co-agencies")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW)
    submitted_on = models.DateField(_("submitted on"), db_index=True)
    review_passed_on = models.DateField(_("review passed on"), null=True, blank=True)
    ground = models.CharField(_("ground"), max_length=40, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    confirmation = models.CharField(max_length=12, choices=Confirmation.choices, blank=True)
    confirm_started_on = models.DateField(null=True, blank=True)
    decline_reasons = models.TextField(_("reasons for declining"), blank=True)
    seconding_opens_on = models.DateField(null=True, blank=True)
    seconding_base_closes_on = models.DateField(null=True, blank=True)
    threshold = models.PositiveIntegerField(null=True, blank=True)
    qualified_on = models.DateField(null=True, blank=True)
    notified_on = models.DateField(null=True, blank=True)
    response_due_on = models.DateField(null=True, blank=True)
    extended_to = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    responded_on = models.DateField(null=True, blank=True)
    adoption = models.CharField(_("adoption"), max_length=20, choices=Adoption.choices, blank=True)
    response = models.TextField(_("response"), blank=True)
    handled_with = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_together",
        verbose_name=_("handled together with"),
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    expired_on = models.DateField(null=True, blank=True)
    commendation_consent = models.BooleanField(_("I agree to be named for a commendation (T-11)"), default=False)
    commended_on = models.DateField(null=True, blank=True)
    commendation_note = models.TextField(_("commendation"), blank=True)
    invalidated_seconds = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "token"], name="proposal_unique_submission"),
            models.CheckConstraint(
                condition=~Q(status="not_accepted") | ~Q(ground=""), name="proposal_not_accepted_has_ground"
            ),
            models.CheckConstraint(
                condition=~Q(status="duplicate") | Q(duplicate_of__isnull=False), name="proposal_duplicate_links"
            ),
            models.CheckConstraint(
                condition=~Q(status="responded") | ~Q(adoption=""), name="proposal_responded_has_adoption"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_on"], name="proposal_status_submitted"),
            models.Index(fields=["submitted_on", "id"], name="proposal_submitted"),
            # The agencies' answers board (public.board): bounded index range scans.
            models.Index(
                fields=["qualified_on", "id"], condition=Q(status="qualified"), name="proposal_qualified_waiting"
            ),
            models.Index(
                Coalesce("extended_to", "response_due_on"),
                "id",
                condition=Q(status="qualified"),
                name="proposal_qualified_deadline",
            ),
            models.Index(
                fields=["-responded_on", "-id"], condition=Q(status="responded"), name="proposal_responded_recent"
            ),
        ]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or i18n.value_in(self, "title", "en") or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse_ids("proposals:detail", pk=self.pk)

    def urls(self) -> dict[str, str]:
        return i18n.urls_by_language(self)

    @property
    def policy(self) -> Profile:
        return get_profile(self.profile)

    @property
    def is_hidden(self) -> bool:
        """Not accepted on a ground (K-6.2.2): the text is hidden, the reasons are public."""
        return self.status == Status.NOT_ACCEPTED

    @property
    def review_due_on(self) -> dt.date:
        return rules.review_due_on(self.submitted_on, self.policy, workday_overrides())

    @property
    def review_overdue(self) -> bool:
        return self.status == Status.IN_REVIEW and timezone.localdate() > self.review_due_on

    @property
    def confirm_due_on(self) -> dt.date | None:
        if not self.confirm_started_on:
            return None
        return rules.confirm_due_on(self.confirm_started_on, self.policy, workday_overrides())

    @property
    def seconding_closes_on(self) -> dt.date | None:
        """The last day of seconding, extended by days suspended for a vote (K-8)."""
        if not self.seconding_base_closes_on:
            return None
        return rules.seconding_closes_on(
            self.seconding_opens_on, self.seconding_base_closes_on, rules.blackout_periods(voting_days(), self.policy)
        )

    @property
    def notify_due_on(self) -> dt.date | None:
        if not self.qualified_on:
            return None
        return rules.notify_due_on(self.qualified_on, self.policy, workday_overrides())

    @property
    def deadline(self) -> dt.date | None:
        """The response deadline in force (extended or not)."""
        return self.extended_to or self.response_due_on

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def ground_label(self) -> str:
        from core.policy import GROUNDS

        return str(GROUNDS.get(self.ground, ""))


class ProposalEvent(models.Model):
    """One step of a proposal's public timeline (W-5); the acting staff member is kept for audit only."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["proposal", "at"], name="proposal_event_timeline")]

    def __str__(self) -> str:
        return f"{self.proposal_id} {self.kind}"

    @property
    def label(self) -> str:
        return str(rules.EVENT_LABELS.get(self.kind, self.kind))


class Second(models.Model):
    """A verified account's second (K-6.3.3): one per person per proposal, never withdrawn.

    Counted only once ``confirmed`` (at once, or by the emailed code where the profile says so,
    T-9.3.4) and while not invalidated as fraudulent. Counting is ``COUNT(*)`` over these rows:
    no counter row is locked by a surge of seconds.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="seconds")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposal_seconds")
    email_canonical = models.CharField(max_length=254)
    opinion = models.TextField(_("opinion (optional)"), max_length=rules.OPINION_MAX, blank=True)
    notify = models.BooleanField(_("email me about this proposal's progress"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    ip = models.GenericIPAddressField(null=True, blank=True)
    confirmed = models.BooleanField(default=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    code_hash = models.CharField(max_length=128, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_sends = models.PositiveSmallIntegerField(default=0)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    invalidation = models.ForeignKey(
        "SecondInvalidation", on_delete=models.PROTECT, null=True, blank=True, related_name="seconds"
    )

    class Meta:
        verbose_name = _("second")
        verbose_name_plural = _("seconds")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="second_one_per_person"),
            models.UniqueConstraint(fields=["proposal", "email_canonical"], name="second_one_per_email"),
        ]
        indexes = [
            models.Index(
                fields=["proposal"], condition=Q(confirmed=True, invalidation__isnull=True), name="second_counted"
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}/{self.pk}"


class SecondInvalidation(models.Model):
    """An audited bulk invalidation of fraudulent seconds; the count and reason are public."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="invalidations")
    count = models.PositiveIntegerField()
    reason = models.TextField(_("reason"))
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.count}"


class ProposalTerm(models.Model):
    """A search term (CJK bigram or word, ``core.search.tokens``) of a proposal's topic, in both
    languages: similar proposals are found with one indexed ``term IN (...)`` aggregate (K-6.1.1)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "proposal"], name="proposal_term_unique")]

    def __str__(self) -> str:
        return self.term


class ProposalCount(models.Model):
    """How many proposals there are per (profile, status, agency): the list pages and the API
    count with a sum over this small table instead of counting 100,000 proposals.

    Kept by database triggers on ``proposals_proposal`` (``proposals/counts.py``), so that every
    write is counted, ``QuerySet.update`` and bulk inserts included."""

    profile = models.CharField(max_length=40)
    status = models.CharField(max_length=20)
    agency_key = models.BigIntegerField(default=0, help_text="The agency's id; 0 for none.")
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "status", "agency_key"], name="proposal_count_unique")
        ]

    def __str__(self) -> str:
        return f"{self.profile}/{self.status}/{self.agency_key}: {self.n}"

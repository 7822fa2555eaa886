"""Public consultations, comments, moderation, summary responses, suggestions (F-4, K-7, T-10)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core import i18n
from core.policy import DEFAULT_PROFILE
from core.policy_store import get_profile

from . import rules


class Section(models.TextChoices):
    """The parts of a commitment table a comment can point at."""

    PROBLEM = "problem", _("Problem addressed")
    DESCRIPTION = "description", _("Description")
    CONTRIBUTION = "contribution", _("Contribution to the problem")
    OGP_VALUES = "ogp_values", _("OGP values")
    INDICATORS = "indicators", _("Indicators")
    OTHER_INFORMATION = "other_information", _("Other information")
    PARTICIPANTS = "participants", _("Participants")


class Stage(models.TextChoices):
    """The stage of a policy at which an agency opens a consultation (K-3)."""

    FORMATION = "formation", _("Policy formation")
    IMPLEMENTATION = "implementation", _("Policy implementation")
    EVALUATION = "evaluation", _("Policy evaluation")


class Consultation(ClusterableModel):
    """A public consultation on a commitment's draft table or on a topic (K-7.1, T-10.1, F-4.1).

    Its status is computed from its dates (``status``); the response deadline comes from
    its policy profile (``core.policy_store.get_profile``, W-1).
    """

    commitment = models.ForeignKey(
        "commitments.Commitment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("commitment"),
        help_text=_("Leave empty for a consultation on a topic."),
    )
    agency = models.ForeignKey(
        "commitments.Agency",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("responsible agency"),
        blank=True,
        help_text=_("The agency that receives the comments; the commitment's lead agency by default."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    profile = models.CharField(_("policy profile"), max_length=40, default=DEFAULT_PROFILE)
    stage = models.CharField(
        _("policy stage"),
        max_length=20,
        choices=Stage.choices,
        blank=True,
        help_text=_("Formation, implementation or evaluation of the policy consulted on."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    extended_to = models.DateField(_("response deadline extended to"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, null=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(opens_on__lte=models.F("closes_on")), name="consultation_period_order"),
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gt=models.F("closes_on")),
                name="consultation_extension_after_close",
            ),
        ]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or f"#{self.pk}"

    @property
    def policy(self) -> rules.PolicyProfile:
        return rules.from_profile(get_profile(self.profile))

    def clean(self) -> None:
        if self.commitment_id and not self.agency_id:
            self.agency_id = self.commitment.lead_agency_id
        if not self.agency_id:
            raise ValidationError({"agency": _("Choose the agency that receives the comments.")})
        if self.opens_on and self.closes_on:
            errors = rules.period_errors(self.opens_on, self.closes_on, self.policy)
            if errors:
                raise ValidationError({"closes_on": errors})

    def save(self, *args, **kwargs):
        if self.commitment_id and not self.agency_id:
            self.agency_id = self.commitment.lead_agency_id
        super().save(*args, **kwargs)

    @property
    def response_due_on(self) -> dt.date:
        return rules.response_due_on(self.closes_on, self.policy)

    @property
    def deadline(self) -> dt.date:
        """The response deadline in force (extended or not)."""
        return self.extended_to or self.response_due_on

    def _counter(self):
        try:
            return self.counter
        except ConsultationCounter.DoesNotExist:
            return None

    @property
    def visible_comments(self) -> int:
        """Visible comments (stored counter)."""
        counter = self._counter()
        return counter.visible_comments if counter else 0

    @property
    def thread_count(self) -> int:
        """Top-level comments, hidden ones included (stored counter: the comment pages' length)."""
        counter = self._counter()
        return counter.thread_count if counter else 0

    @property
    def has_response(self) -> bool:
        """Whether a summary response is published (no query when ``response`` was select_related)."""
        try:
            return self.response.published_at is not None
        except SummaryResponse.DoesNotExist:
            return False

    @property
    def responded_on(self) -> dt.date | None:
        """The day (Taipei time) the summary response was published, if it was."""
        if not self.has_response:
            return None
        return timezone.localdate(self.response.published_at)

    @property
    def days_late(self) -> int:
        """Days past the deadline: of the response, or so far while it is missing (K-7.2, W-5)."""
        return rules.days_late(self.deadline, self.responded_on, timezone.localdate())

    @property
    def responded_late(self) -> bool:
        """Whether the summary response was published after its deadline (it stays marked late)."""
        return self.has_response and self.days_late > 0

    def status_on(self, today: dt.date) -> str:
        return rules.status(
            opens_on=self.opens_on,
            closes_on=self.closes_on,
            today=today,
            responded=self.has_response,
            extended_to=self.extended_to,
            policy=self.policy,
        )

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def status_label(self) -> str:
        return str(rules.STATUS_LABELS[self.status])

    @property
    def is_open(self) -> bool:
        return rules.can_comment_now(self.opens_on, self.closes_on, timezone.localdate())

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", kwargs={"pk": self.pk})

    def urls(self) -> dict[str, str]:
        return i18n.urls_by_language(self)


class ConsultationCounter(models.Model):
    """Stored comment counts of a consultation (consultations/counters.py), in their own row so
    that saving a consultation never overwrites them: lists and pagination never count comments."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, primary_key=True, related_name="counter"
    )
    visible_comments = models.PositiveIntegerField(_("visible comments"), default=0)
    thread_count = models.PositiveIntegerField(_("top-level comments"), default=0)

    class Meta:
        verbose_name = _("comment counter")
        verbose_name_plural = _("comment counters")

    def __str__(self) -> str:
        return str(self.consultation_id)


class ConsultationAttachment(models.Model):
    """A document attached to a consultation (the draft table, background papers)."""

    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or ""


class Comment(models.Model):
    """A verified user's comment or one-level reply (F-4.2); forwarded at once to the agency.

    Moderation hides, never deletes (K-6.2.2, T-7); ``token`` makes submission idempotent.
    """

    class Visibility(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden")

    class InboxStatus(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        ANSWERED = "answered", _("Answered")

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_comments")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    section = models.CharField(_("part of the commitment table"), max_length=30, choices=Section.choices, blank=True)
    section_label = models.CharField(
        _("which item"), max_length=120, blank=True, help_text=_("For example the indicator you mean.")
    )
    text = models.TextField(_("comment"), max_length=5000)
    token = models.UUIDField(_("submission token"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE)
    hidden_ground = models.CharField(_("ground"), max_length=30, blank=True)
    hidden_note = models.TextField(_("note"), blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inbox_status = models.CharField(
        _("inbox status"), max_length=10, choices=InboxStatus.choices, default=InboxStatus.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_comments",
        verbose_name=_("assigned to"),
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "token"], name="comment_unique_submission"),
            models.CheckConstraint(
                condition=Q(visibility="visible") | ~Q(hidden_ground=""), name="comment_hidden_has_ground"
            ),
        ]
        indexes = [
            # The consultation page: top-level comments in order, one index range scan.
            models.Index(
                fields=["consultation", "created_at", "id"], condition=Q(parent__isnull=True), name="comment_top_level"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def is_hidden(self) -> bool:
        return self.visibility == self.Visibility.HIDDEN

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def ground_label(self) -> str:
        label = rules.GROUNDS.get(self.hidden_ground)
        return str(label) if label else ""

    def get_absolute_url(self) -> str:
        return f"{self.consultation.get_absolute_url()}#comment-{self.pk}"

    def mark(self, status: str, *, user) -> None:
        """Set the inbox status (new → read → answered; back to read allowed) and log it."""
        from wagtail.log_actions import log

        if status not in self.InboxStatus.values:
            raise ValueError(f"unknown inbox status {status!r}")
        self.inbox_status = status
        self.save(update_fields=["inbox_status"])
        log(self, "consultations.comment_inbox", user=user, data={"status": status})


class SummaryResponse(models.Model):
    """The agency's bilingual summary response to a consultation (K-7.2, T-10.2).

    It may cite individual comments ("how your input was used"); cited comments link to it.
    """

    consultation = models.OneToOneField(Consultation, on_delete=models.CASCADE, related_name="response")
    text = models.TextField(_("summary response"))
    cited_comments = models.ManyToManyField(
        Comment, blank=True, related_name="cited_in", verbose_name=_("comments cited")
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("summary response")
        verbose_name_plural = _("summary responses")

    def __str__(self) -> str:
        return f"{self.consultation}"


class AgencyNotificationSetting(models.Model):
    """How an agency's officers are emailed about new comments: at once or as a daily digest."""

    class Mode(models.TextChoices):
        IMMEDIATE = "immediate", _("An email per comment, at once")
        DIGEST = "digest", _("A daily digest")

    agency = models.OneToOneField("commitments.Agency", on_delete=models.CASCADE, related_name="comment_notifications")
    mode = models.CharField(_("email"), max_length=10, choices=Mode.choices, default=Mode.IMMEDIATE)

    class Meta:
        verbose_name = _("comment email setting")
        verbose_name_plural = _("comment email settings")

    def __str__(self) -> str:
        return f"{self.agency}: {self.mode}"


class Suggestion(models.Model):
    """A suggested new commitment: to NDC's inbox, forwarded by NDC to an agency (F-4.3)."""

    class Status(models.TextChoices):
        NEW = "new", _("Received by NDC")
        FORWARDED = "forwarded", _("Forwarded to an agency")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="suggestions")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what should be done, and why"), max_length=5000)
    token = models.UUIDField()
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    forwarded_to = models.ForeignKey(
        "commitments.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forwarded_at = models.DateTimeField(null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note to the agency"), blank=True)

    class Meta:
        verbose_name = _("suggested commitment")
        verbose_name_plural = _("suggested commitments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["author", "token"], name="suggestion_unique_submission"),
            models.CheckConstraint(
                condition=Q(status="new") | Q(forwarded_to__isnull=False), name="suggestion_forwarded_has_agency"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CommentVersion(models.Model):
    """A previous text of a comment, kept when its author edits or withdraws it (history for moderators)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="versions")
    text = models.TextField(_("comment"))
    section = models.CharField(max_length=30, blank=True)
    section_label = models.CharField(max_length=120, blank=True)
    written_at = models.DateTimeField(_("written"))
    replaced_at = models.DateTimeField(_("replaced"), default=timezone.now)

    class Meta:
        verbose_name = _("previous version of a comment")
        verbose_name_plural = _("previous versions of comments")
        ordering = ["comment", "replaced_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.comment_id} ({self.written_at:%Y-%m-%d %H:%M})"


class CommentReport(models.Model):
    """A user's report of a comment to the moderators; one per user per comment.

    Open reports (``handled_at`` empty) make up the moderation queue; a moderator's decision
    on the comment (hide, or keep) handles them all.
    """

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports")
    reason = models.TextField(_("why should a moderator look at it?"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report of a comment")
        verbose_name_plural = _("reports of comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="commentreport_one_per_user"),
        ]

    def __str__(self) -> str:
        return f"#{self.comment_id} by {self.reporter_id}"


class ConsultationFollow(models.Model):
    """A user follows a consultation: told when its summary response is published."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follower of a consultation")
        verbose_name_plural = _("followers of consultations")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="consultationfollow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.consultation_id}"

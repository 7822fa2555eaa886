"""Site pages edited by NDC in the Wagtail admin."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The public home page: what the platform is, the current plan's commitments by theme,
    and the latest minutes and open consultations."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["core.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from core.home import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(request))
        return context


class ContentPage(Page):
    """A plain bilingual page (about, privacy notice, terms)."""

    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["core.HomePage", "core.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class OutgoingEmail(models.Model):
    """One email queued by ``core.email.email_enqueue``: stored in the caller's transaction, sent
    by the worker, retried with a growing delay, kept (failed ones visible in the admin)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    bcc = models.JSONField(_("bcc"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    html = models.TextField(_("HTML body"), blank=True, null=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # [[filename, content, MIME type, "text" or "base64"], ...]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_email_due")]

    def __str__(self) -> str:
        return self.subject


class ScheduledJobRun(models.Model):
    """When the clock (``manage.py run_clock``) last enqueued a scheduled job (core/schedule.py)."""

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    last_run_at = models.DateTimeField(_("last run"))

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")

    def __str__(self) -> str:
        return self.name


class SentReminder(models.Model):
    """A reminder email that was sent: never the same reminder twice to the same address.

    ``key`` names the deadline and the step (for example ``consultations.response:12:due-3``);
    the unique constraint makes a re-run of the daily job, or two jobs at once, send nothing new.
    """

    key = models.CharField(_("reminder"), max_length=200)
    recipient = models.CharField(_("recipient"), max_length=254)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["key", "recipient"], name="sentreminder_once")]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient}"


from .policy_models import PolicyProfile, VotingDay, WorkdayOverride  # noqa: E402

__all__ = [
    "HomePage",
    "ContentPage",
    "OutgoingEmail",
    "ScheduledJobRun",
    "SentReminder",
    "PolicyProfile",
    "VotingDay",
    "WorkdayOverride",
    "models",
]

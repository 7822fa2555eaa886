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


__all__ = ["HomePage", "ContentPage", "models"]


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

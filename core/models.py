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


from .policy_models import PolicyProfile, VotingDay, WorkdayOverride  # noqa: E402

__all__ = ["HomePage", "ContentPage", "PolicyProfile", "VotingDay", "WorkdayOverride", "models"]

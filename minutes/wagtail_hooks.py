"""Admin for minutes: both languages side by side, the NDC workflow, the translation queue."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from core.panels import side_by_side, yes_no
from core.permissions import ScopedSnippetViewSet
from forum.models import Meeting

from . import admin_views, permissions
from .forms import MinutesForm
from .models import Minutes


class MinutesCreateView(CreateView):
    """Writing minutes from a meeting (``?meeting=<id>``): the meeting is chosen already, so the
    agenda choices are that meeting's items only."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        meeting_id = self.request.GET.get("meeting", "")
        if meeting_id.isdigit():
            meetings = permissions.meetings_for_minutes(self.request.user, Meeting.objects.filter(minutes__isnull=True))
            meeting = meetings.filter(pk=int(meeting_id)).first()
            if meeting is not None:
                instance.meeting = meeting
        return instance


class MinutesViewSet(ScopedSnippetViewSet):
    model = Minutes
    add_view_class = MinutesCreateView
    icon = "doc-full"
    menu_label = _("Minutes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "sent_to_ndc_at", yes_no(Minutes, "live", _("Published")), "first_published_at"]
    list_filter = ["live"]
    search_fields = ["closing_remarks_zh_hant", "closing_remarks_en"]
    edit_handler = ObjectList(
        [
            FieldPanel("meeting", widget=forms.Select),  # a plain select keeps the scoped choices
            InlinePanel(
                "sections",
                heading=_("Discussion of each agenda item"),
                label=_("Discussion record"),
                panels=[FieldPanel("agenda_item", widget=forms.Select), side_by_side("discussion", _("Discussion"))],
            ),
            side_by_side("closing_remarks", _("Closing remarks")),
            InlinePanel(
                "attachments",
                heading=_("Attachments"),
                label=_("Attachment"),
                panels=[FieldPanel("document"), side_by_side("title", _("Title"))],
            ),
            MultiFieldPanel([side_by_side("correction_note", _("Correction note"))], heading=_("Correction")),
        ],
        base_form_class=MinutesForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting__forum__commitment")


register_snippet(MinutesViewSet)


@hooks.register("register_snippet_listing_buttons")
def _write_minutes_button(snippet, user, next_url=None):
    """A meeting's "Write minutes" (or "Edit minutes") action in the meetings listing."""
    if not isinstance(snippet, Meeting):
        return []
    existing = Minutes.objects.filter(meeting=snippet).only("pk").first()
    if existing is not None:
        if not permissions.meetings_for_minutes(user, Meeting.objects.filter(pk=snippet.pk)).exists():
            return []
        url = reverse(Minutes.snippet_viewset.get_url_name("edit"), args=[existing.pk])
        return [ListingButton(_("Edit minutes"), url, icon_name="doc-full", priority=15)]
    if not permissions.meetings_for_minutes(user, Meeting.objects.filter(pk=snippet.pk)).exists():
        return []
    url = reverse(Minutes.snippet_viewset.get_url_name("add")) + f"?meeting={snippet.pk}"
    return [ListingButton(_("Write minutes"), url, icon_name="doc-full", priority=15)]


@hooks.register("register_log_actions")
def _log_actions(actions):
    actions.register_action("minutes.sent_to_ndc", _("Send to NDC"), _("Sent to NDC (F-3.2)"))
    actions.register_action("minutes.pdfs_built", _("Build PDFs"), _("PDFs rebuilt"))


@hooks.register("register_admin_urls")
def _urls():
    return [
        path("minutes-translation/", admin_views.translation_queue, name="minutes_translation_queue"),
        path("minutes-pdf/<int:pk>/<str:kind>/", admin_views.pdf_preview, name="minutes_pdf_preview"),
    ]


class _QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_translation_queue(request.user)


@hooks.register("register_admin_menu_item")
def _queue_menu():
    return _QueueMenuItem(
        _("Minutes awaiting English"), reverse("minutes_translation_queue"), icon_name="globe", order=251
    )


@hooks.register("construct_homepage_panels")
def _dashboard_panels(request, panels):
    """What waits for conveners and NDC editors on the admin home (minutes/dashboard.py)."""
    from . import dashboard

    dashboard.panels(request, panels)

"""Admin of the consultations app: consultations (snippets), inbox, moderation, suggestions, audit actions."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from core.panels import side_by_side
from core.permissions import ScopedSnippetViewSet

from . import admin_views, permissions
from .admin_forms import ConsultationAdminForm
from .models import Consultation

LOG_ACTIONS = {
    "consultations.comment_hide": (_("Hide comment"), _("Comment hidden")),
    "consultations.comment_restore": (_("Restore comment"), _("Comment restored")),
    "consultations.comment_assign": (_("Assign comment"), _("Comment assigned")),
    "consultations.comment_inbox": (_("Set inbox status"), _("Inbox status set")),
    "consultations.extend": (_("Extend response deadline"), _("Response deadline extended")),
    "consultations.respond": (_("Publish summary response"), _("Summary response published")),
    "consultations.response_edit": (_("Edit summary response"), _("Summary response edited")),
    "consultations.comment_edit": (_("Edit comment"), _("Comment edited by its author")),
    "consultations.comment_withdraw": (_("Withdraw comment"), _("Comment withdrawn by its author")),
    "consultations.comment_report": (_("Report comment"), _("Comment reported")),
    "consultations.reports_handle": (_("Close reports"), _("Reports closed")),
    "consultations.suggest": (_("Suggest commitment"), _("Commitment suggested")),
    "consultations.suggestion_forward": (_("Forward suggestion"), _("Suggestion forwarded")),
}


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class ConsultationViewSet(ScopedSnippetViewSet):
    """Consultations: listing and every object URL scoped by consultations/permissions.py."""

    model = Consultation
    icon = "comment"
    menu_label = _("Consultations")
    add_to_admin_menu = False
    list_display = [
        "title",
        "commitment",
        "agency",
        "opens_on",
        "closes_on",
        Column("status_label", label=_("Status")),
    ]
    list_filter = ["agency"]
    search_fields = ["title_zh_hant", "title_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("commitment"), FieldPanel("agency")]),
            side_by_side("title", _("Title")),
            side_by_side("description", _("Description")),
            FieldRowPanel([FieldPanel("profile"), FieldPanel("stage")]),
            FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
            InlinePanel("attachments", heading=_("Documents"), label=_("Document")),
        ],
        base_form_class=ConsultationAdminForm,
    )


consultation_viewset = ConsultationViewSet()
register_snippet(consultation_viewset)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("inbox/", admin_views.inbox, name="inbox"),
        path("inbox/<int:pk>/", admin_views.inbox_comment, name="inbox_comment"),
        path("manage/<int:pk>/", admin_views.consultation, name="consultation"),
        path("manage/<int:pk>/export.csv", admin_views.export_csv, name="export"),
        path("moderation/", admin_views.moderation, name="moderation"),
        path("moderation/<int:pk>/", admin_views.moderate, name="moderate"),
        path("suggestions/", admin_views.suggestions, name="suggestions"),
        path("suggestions/<int:pk>/", admin_views.suggestion, name="suggestion"),
    ]
    return [path("consultations/", include((urls, "consultations_admin"), namespace="consultations_admin"))]


class _RoleMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_consultations_menu():
    items = [
        _RoleMenuItem(
            _("Comments inbox"),
            reverse_lazy("consultations_admin:inbox"),
            icon_name="mail",
            check=permissions.can_view_inbox,
        ),
        _RoleMenuItem(
            _("Consultations"),
            reverse_lazy("wagtailsnippets_consultations_consultation:list"),
            icon_name="comment",
            check=permissions.can_open_consultation,
        ),
        _RoleMenuItem(
            _("Moderation"),
            reverse_lazy("consultations_admin:moderation"),
            icon_name="warning",
            check=permissions.can_moderate,
        ),
        _RoleMenuItem(
            _("Suggested commitments"),
            reverse_lazy("consultations_admin:suggestions"),
            icon_name="list-ul",
            check=permissions.can_handle_suggestions,
        ),
    ]
    return SubmenuMenuItem(_("Consultations"), Menu(items=items), icon_name="comment", name="consultations", order=300)


@hooks.register("construct_homepage_panels")
def _dashboard_panels(request, panels):
    """What waits for officers, moderators and NDC editors on the admin home (consultations/dashboard.py)."""
    from . import dashboard

    dashboard.panels(request, panels)

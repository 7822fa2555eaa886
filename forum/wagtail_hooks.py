"""Forum admin: forums, members, meetings (agenda, attendance) and decisions, scoped to the
user's own forums (forum/permissions.py), both languages side by side (F-7)."""

from __future__ import annotations

from django import forms
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.panels import side_by_side, yes_no
from core.permissions import ScopedSnippetViewSet

from . import admin_views
from .admin_forms import DecisionAdminForm, ForumAdminForm, MeetingAdminForm, MemberAdminForm, TemplatePanel
from .models import AgendaItem, Attendance, Decision, Forum, Meeting, Member

AgendaItem.panels = [
    FieldPanel("position"),
    side_by_side("title", _("Title")),
    side_by_side("description", _("Description")),
]
Attendance.panels = [
    FieldPanel("member", widget=forms.Select),
    FieldRowPanel([FieldPanel("observer_name"), FieldPanel("observer_organisation")], heading=_("Or an observer")),
    FieldRowPanel(
        [FieldPanel("attendance_fee"), FieldPanel("travel_costs")],
        heading=_("Allowances (non-government members only, F-2.4)"),
    ),
]


class ScopedViewSet(ScopedSnippetViewSet):
    """A snippet viewset of the forum app: listing and object URLs scoped by forum/permissions.py."""

    form_class = WagtailAdminModelForm

    def get_edit_handler(self):
        """The panels with the viewset's form class (scoped choices, rule checks)."""
        return ObjectList(self.panels, base_form_class=self.form_class).bind_to_model(self.model)


class ForumViewSet(ScopedViewSet):
    model = Forum
    icon = "group"
    menu_label = _("Forums")
    form_class = ForumAdminForm
    list_display = [
        "__str__",
        Column("balance_summary", label=_("Balance (F-2.1)")),
        yes_no(Forum, "roster_published"),
    ]
    copy_view_enabled = False
    panels = [
        FieldPanel("commitment", widget=forms.Select),
        FieldPanel("staff", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                TemplatePanel("forum/admin/forum_balance_panel.html"),
                side_by_side("imbalance_reason", _("Reason for an unequal roster")),
                FieldPanel("roster_published"),
            ],
            heading=_("Roster balance (F-2.1)"),
        ),
    ]


class MemberViewSet(ScopedViewSet):
    model = Member
    icon = "user"
    menu_label = _("Members")
    form_class = MemberAdminForm
    list_display = ["name", "organisation", "sector", "category", "role", "forum", "left_on"]
    list_filter = ["forum", "sector", "category", "role"]
    search_fields = ["name_zh_hant", "name_en", "organisation_zh_hant", "organisation_en"]
    copy_view_enabled = False
    panels = [
        FieldPanel("forum", widget=forms.Select),
        side_by_side("name", _("Name")),
        side_by_side("title", _("Title")),
        side_by_side("organisation", _("Organisation")),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("category"), FieldPanel("role")], heading=_("Seat")),
        FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")], heading=_("Membership")),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("preferred_language")],
            heading=_("Contact (staff only, never published)"),
        ),
    ]


class MeetingViewSet(ScopedViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    form_class = MeetingAdminForm
    list_display = ["title", "starts_at", "forum"]
    list_filter = ["forum"]
    ordering = ["-starts_at"]
    copy_view_enabled = False
    panels = [
        FieldPanel("forum", widget=forms.Select),
        side_by_side("title", _("Title")),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
        side_by_side("place", _("Place")),
        FieldPanel("online_url"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        FieldPanel("invited", widget=forms.CheckboxSelectMultiple),
        FieldPanel("chair", widget=forms.Select),
        InlinePanel("attendances", heading=_("Attendance"), label=_("Person present")),
        TemplatePanel("forum/admin/meeting_panel.html", heading=_("Notice, balance and allowances")),
    ]


class DecisionViewSet(ScopedViewSet):
    model = Decision
    icon = "tick-inverse"
    menu_label = _("Decisions")
    form_class = DecisionAdminForm
    list_display = ["agenda_item", "outcome", "present", "agreed_to_vote", "in_favour"]
    list_filter = ["outcome"]
    copy_view_enabled = False
    panels = [
        FieldPanel("agenda_item"),
        MultiFieldPanel(
            [
                FieldPanel("consensus"),
                FieldPanel("present"),
                FieldPanel("agreed_to_vote"),
                FieldRowPanel([FieldPanel("in_favour"), FieldPanel("against"), FieldPanel("abstain")]),
            ],
            heading=_("How it was decided (F-3.1)"),
            help_text=_(
                "Consensus first. Failing it, a vote may be held only if more than half of those present agree; "
                "a motion is adopted if at least half of those present vote in favour. The outcome is computed."
            ),
        ),
        side_by_side("resolution", _("Resolution")),
    ]


class ForumGroup(SnippetViewSetGroup):
    items = (ForumViewSet, MemberViewSet, MeetingViewSet, DecisionViewSet)
    menu_icon = "group"
    menu_label = _("Forums")
    menu_name = "forums"
    menu_order = 210


register_snippet(ForumGroup)


@hooks.register("register_admin_urls")
def forum_admin_urls():
    urls = [
        path("meetings/<int:pk>/notice/", admin_views.notice, name="notice"),
        path("meetings/<int:pk>/allowances.csv", admin_views.allowances, name="allowances"),
    ]
    return [path("forum/", include((urls, "forum_admin"), namespace="forum_admin"))]


@hooks.register("register_log_actions")
def forum_log_actions(actions):
    actions.register_action("forum.notice_sent", _("Send meeting notice"), _("Meeting notice sent (F-9)"))


@hooks.register("construct_homepage_panels")
def _dashboard_panels(request, panels):
    """What waits for conveners on the admin home (forum/dashboard.py)."""
    from . import dashboard

    dashboard.panels(request, panels)

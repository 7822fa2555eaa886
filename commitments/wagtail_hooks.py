"""Admin for agencies, action plans, themes and commitments: both languages side by side."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.panels import side_by_side, yes_no

from . import admin_views, permissions
from .admin_tables import CommitmentTableViewSet, IndicatorProgressViewSet
from .models import ActionPlan, Agency, Commitment, Theme


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "code", yes_no(Agency, "is_government")]
    search_fields = ["name_zh_hant", "name_en", "short_name_zh_hant", "code"]
    panels = [
        FieldPanel("code"),
        side_by_side("name", _("Name")),
        side_by_side("short_name", _("Short name")),
        FieldPanel("is_government"),
    ]


class ActionPlanViewSet(SnippetViewSet):
    model = ActionPlan
    icon = "doc-full"
    menu_label = _("Action plans")
    list_display = ["name", "starts_on", "ends_on", "submission_deadline", yes_no(ActionPlan, "is_current")]
    panels = [
        FieldPanel("slug"),
        side_by_side("name", _("Name")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("submission_deadline")],
            heading=_("Dates"),
        ),
        FieldPanel("is_current"),
    ]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    menu_label = _("Themes")
    list_display = ["number", "name", "plan"]
    list_filter = ["plan"]
    panels = [FieldPanel("plan"), FieldPanel("number"), side_by_side("name", _("Name"))]


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "tasks"
    menu_label = _("Commitments")
    list_display = ["number", "title", "lead_agency", "plan"]
    list_filter = ["plan", "theme", "lead_agency"]
    search_fields = ["title_zh_hant", "title_en"]
    panels = [
        FieldRowPanel([FieldPanel("plan"), FieldPanel("number")]),
        FieldPanel("theme"),
        side_by_side("title", _("Title")),
        FieldPanel("lead_agency"),
    ]


class ActionPlanGroup(SnippetViewSetGroup):
    items = (
        ActionPlanViewSet,
        ThemeViewSet,
        CommitmentViewSet,
        CommitmentTableViewSet,
        IndicatorProgressViewSet,
        AgencyViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Action plan")
    menu_name = "action-plan"
    menu_order = 200


register_snippet(ActionPlanGroup)


@hooks.register("register_admin_urls")
def register_monitoring_url():
    return [path("commitments/monitoring/", admin_views.monitoring, name="commitments_monitoring")]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_compile_plan(request.user)


@hooks.register("register_admin_menu_item")
def register_monitoring_menu_item():
    return MonitoringMenuItem(
        _("Plan monitoring"), reverse("commitments_monitoring"), icon_name="tasks", order=210, name="plan-monitoring"
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("commitments.table.submit", _("Submit commitment table to NDC"), _("Submitted to NDC"))
    actions.register_action("commitments.table.approve", _("Approve commitment table"), _("Approved by NDC"))
    actions.register_action("commitments.table.return", _("Return commitment table"), _("Returned with comments"))
    actions.register_action("commitments.table.withdraw", _("Withdraw commitment table"), _("Submission withdrawn"))
    actions.register_action("commitments.table.publish", _("Publish commitment table"), _("Published"))
    actions.register_action("commitments.progress.record", _("Record indicator progress"), _("Progress recorded"))
    actions.register_action("commitments.plan.compile", _("Compile the action plan"), _("Action plan compiled"))


@hooks.register("construct_homepage_panels")
def _dashboard_panels(request, panels):
    """What waits for officers and NDC editors on the admin home (commitments/dashboard.py)."""
    from . import dashboard

    dashboard.panels(request, panels)

"""Admin of the budgeting app: audit actions, processes, projects, declarations, paper tallies."""

from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from core.panels import side_by_side
from core.permissions import ScopedSnippetViewSet

from . import admin_views, permissions
from .admin_forms import ProcessAdminForm
from .models import PollingStation, Process, Project, TargetedSurvey

LOG_ACTIONS = {
    "budgeting.consent_publish": (_("Publish consent text"), _("Consent text published")),
    "budgeting.project_propose": (_("Propose project"), _("Project proposed")),
    "budgeting.project_enter_paper": (_("Enter paper proposal"), _("Paper proposal entered")),
    "budgeting.project_refine": (_("Record workshop notes"), _("Workshop notes recorded")),
    "budgeting.project_review": (_("Review feasibility"), _("Feasibility reviewed")),
    "budgeting.project_update": (_("Add progress update"), _("Progress update added")),
    "budgeting.declaration_review": (_("Review declaration"), _("Declaration reviewed")),
    "budgeting.tally_enter": (_("Enter paper tally"), _("Paper tally entered")),
    "budgeting.tally_mismatch": (_("Reconcile paper tally"), _("Paper tally entries differ")),
    "budgeting.tally_reconcile": (_("Reconcile paper tally"), _("Paper tally reconciled")),
    "budgeting.shortlist": (_("Shortlist for round 2"), _("Round 2 shortlist set")),
    "budgeting.results_publish": (_("Publish results"), _("Results published")),
}


@hooks.register("register_log_actions")
def register_budgeting_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class _DeskColumn(Column):
    """A link to the process desk (consent, paper tallies, results)."""

    def get_value(self, instance):
        return format_html('<a href="{}">{}</a>', reverse("budgeting_admin:desk", args=[instance.pk]), _("Desk"))


class _RoleMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


class ProcessViewSet(ScopedSnippetViewSet):
    model = Process
    icon = "tasks"
    menu_label = _("Budgeting processes")
    add_to_admin_menu = False
    list_display = ["title", "area", "budget", "ballot_kind", "binding_method", _DeskColumn("desk", label=_("Desk"))]
    search_fields = ["title_zh_hant", "title_en"]
    edit_handler = ObjectList(
        [
            side_by_side("title", _("Title")),
            side_by_side("description", _("Description")),
            side_by_side("area", _("Area")),
            FieldRowPanel([FieldPanel("case_code"), FieldPanel("budget"), FieldPanel("electorate")]),
            FieldRowPanel([FieldPanel("ballot_kind"), FieldPanel("max_choices"), FieldPanel("binding_method")]),
            FieldRowPanel([FieldPanel("two_rounds"), FieldPanel("shortlist_size")]),
            FieldRowPanel([FieldPanel("min_age"), FieldPanel("allow_non_residents")]),
            InlinePanel(
                "phases",
                heading=_("Phases"),
                label=_("Phase"),
                panels=[
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    side_by_side("note", _("Note")),
                ],
            ),
        ],
        base_form_class=ProcessAdminForm,
    )


class ProjectViewSet(ScopedSnippetViewSet):
    model = Project
    icon = "doc-full"
    menu_label = _("Budgeting projects")
    add_to_admin_menu = False
    list_display = ["title", "process", "agency", "status", "cost_estimate", "funded"]
    list_filter = ["process", "status", "agency"]
    search_fields = ["title_zh_hant", "title_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("process"), FieldPanel("agency")]),
            side_by_side("title", _("Title")),
            side_by_side("summary", _("Summary")),
            FieldRowPanel([FieldPanel("location"), FieldPanel("channel"), FieldPanel("proposer_name")]),
            FieldPanel("status", read_only=True),
            FieldPanel("cost_estimate", read_only=True),
        ]
    )


class StationViewSet(ScopedSnippetViewSet):
    model = PollingStation
    icon = "site"
    menu_label = _("Polling stations")
    add_to_admin_menu = False
    list_display = ["name", "process"]
    panels = [FieldPanel("process"), side_by_side("name", _("Name"))]


class SurveyViewSet(ScopedSnippetViewSet):
    model = TargetedSurvey
    icon = "form"
    menu_label = _("Targeted surveys")
    add_to_admin_menu = False
    list_display = ["title", "consultation_id", "opens_on", "closes_on"]
    panels = [
        side_by_side("title", _("Title")),
        side_by_side("question", _("Question")),
        FieldRowPanel([FieldPanel("consultation_id"), FieldPanel("consultation_url")]),
        FieldRowPanel([FieldPanel("case_code"), FieldPanel("min_age")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
    ]


register_snippet(SurveyViewSet())
register_snippet(ProcessViewSet())
register_snippet(ProjectViewSet())
register_snippet(StationViewSet())


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("desk/<int:pk>/", admin_views.desk, name="desk"),
        path("desk/<int:pk>/consent/", admin_views.consent, name="consent"),
        path("desk/<int:pk>/paper/", admin_views.paper, name="paper"),
        path("desk/<int:pk>/stations/<int:station_pk>/<int:round_>/tally/", admin_views.tally, name="tally"),
        path(
            "desk/<int:pk>/stations/<int:station_pk>/<int:round_>/reconcile/", admin_views.reconcile, name="reconcile"
        ),
        path("desk/<int:pk>/shortlist/", admin_views.shortlist, name="shortlist"),
        path("desk/<int:pk>/publish/", admin_views.publish, name="publish"),
        path("declarations/<int:pk>/", admin_views.declaration, name="declaration"),
        path("reviews/", admin_views.reviews, name="reviews"),
        path("reviews/<int:pk>/", admin_views.review, name="review"),
    ]
    return [path("budgeting/", include((urls, "budgeting_admin"), namespace="budgeting_admin"))]


@hooks.register("register_admin_menu_item")
def register_budgeting_menu():
    staff = permissions.is_budgeting_staff
    items = [
        _RoleMenuItem(
            _("Processes"), reverse_lazy("wagtailsnippets_budgeting_process:list"), icon_name="tasks", check=staff
        ),
        _RoleMenuItem(
            _("Projects"), reverse_lazy("wagtailsnippets_budgeting_project:list"), icon_name="doc-full", check=staff
        ),
        _RoleMenuItem(
            _("Polling stations"),
            reverse_lazy("wagtailsnippets_budgeting_pollingstation:list"),
            icon_name="site",
            check=staff,
        ),
        _RoleMenuItem(
            _("Targeted surveys"),
            reverse_lazy("wagtailsnippets_budgeting_targetedsurvey:list"),
            icon_name="form",
            check=staff,
        ),
        _RoleMenuItem(
            _("Feasibility review"),
            reverse_lazy("budgeting_admin:reviews"),
            icon_name="check",
            check=permissions.can_review_any,
        ),
    ]
    return SubmenuMenuItem(
        _("Participatory budgeting"), Menu(items=items), icon_name="tasks", name="budgeting", order=310
    )

"""Admin of commitment tables and indicator progress, scoped by ``permissions.py``."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.views.snippets import CreateView, EditView

from core.panels import side_by_side
from core.permissions import ScopedSnippetViewSet

from . import permissions, rules
from .models import Commitment, CommitmentTable, Indicator, IndicatorProgress, Participant, TableStatus
from .validation import FIX_BELOW, SUBMISSION_REFUSED, form_problems


class CommitmentTableForm(WagtailAdminModelForm):
    """Officers start tables only for their agency's commitments; the commitment is fixed afterwards."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("commitment")
        if field is None:
            return
        if self.instance.pk:
            field.disabled = True
        elif self.for_user is not None:
            field.queryset = permissions.commitments_for_new_tables(
                self.for_user, Commitment.objects.select_related("plan").order_by("plan", "number")
            )

    def clean_commitment(self):
        commitment = self.cleaned_data["commitment"]
        if (
            not self.instance.pk
            and self.for_user is not None
            and not permissions.can_create_table(self.for_user, commitment)
        ):
            raise forms.ValidationError(_("Only officers of the lead agency may write this commitment's table."))
        return commitment


class SubmissionChecksMixin:
    """At "Submit to NDC", run the table rules and refuse with messages naming each field."""

    def is_valid(self, form):
        result = super().is_valid(form)
        if not result or self.action != "submit":
            return result
        commitment = form.cleaned_data.get("commitment") or form.instance.commitment
        problems = form_problems(form, commitment.plan)
        for problem in problems:
            name = problem.field
            target = None
            if name and f"{name}_zh_hant" in form.fields:
                target = f"{name}_zh_hant"
            elif name and name in form.fields:
                target = name
            form.add_error(target, problem.message)
        if problems and not form.non_field_errors():
            # with a form-wide error, the admin's banner lists every field's error with its label
            form.add_error(None, FIX_BELOW)
        if problems:
            self.produced_error_code = "validation_error"
            self.produced_error_message = SUBMISSION_REFUSED % {"count": len(problems)}
            return False
        return True


class TableCreateView(SubmissionChecksMixin, CreateView):
    pass


class TableEditView(SubmissionChecksMixin, EditView):
    def user_has_permission(self, permission):
        obj = getattr(self, "live_object", None)
        user = self.request.user
        if (
            obj is not None
            and permission in ("change", "delete", "publish")
            and not permissions.can_edit_table(user, obj)
        ):
            task = self.current_workflow_task
            # NDC reviewers open the editor only to approve or return a submitted table
            return bool(permission == "change" and task and task.user_can_access_editor(obj, user))
        return super().user_has_permission(permission)


TABLE_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("commitment", widget=forms.Select),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
                FieldPanel("co_agencies", widget=forms.CheckboxSelectMultiple),
                side_by_side("problem", _("The public problem")),
                side_by_side("description", _("What the commitment is")),
                side_by_side("contribution", _("How it helps solve the problem")),
            ],
            heading=_("Description"),
        ),
        ObjectList(
            [
                MultiFieldPanel(
                    [FieldPanel(f"{name}_relevant"), side_by_side(f"{name}_argument", _("Argument"))],
                    heading=rules.OGP_VALUE_LABELS[name],
                )
                for name in rules.OGP_VALUES
            ],
            heading=_("OGP values"),
        ),
        ObjectList(
            [InlinePanel("indicators", heading=_("Indicators"), label=_("Indicator"))],
            heading=_("Indicators"),
        ),
        ObjectList(
            [
                FieldRowPanel([FieldPanel("budget_amount")]),
                side_by_side("budget_source", _("Budget source")),
                side_by_side("link_national_plan", _("Link to the national development plan")),
                side_by_side("link_sector_plans", _("Link to sector or local plans")),
                side_by_side("link_anticorruption", _("Link to other strategies")),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Other information"),
        ),
        ObjectList(
            [
                InlinePanel("participants", heading=_("Other participants"), label=_("Participant")),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_title")]),
                        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                    ],
                    heading=_("Contact (staff only, never published)"),
                ),
            ],
            heading=_("Participants and contact"),
        ),
    ],
    base_form_class=CommitmentTableForm,
)

Indicator.panels = [
    side_by_side("description", _("Indicator")),
    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    FieldRowPanel([FieldPanel("target_value")]),
    side_by_side("target_unit", _("Unit")),
    side_by_side("verification", _("Verification method")),
]

Participant.panels = [FieldPanel("kind"), side_by_side("name", _("Name"))]


class CommitmentTableFilterSet(WagtailFilterSet):
    """The listing's filter: by the status derived from the workflow (``?status=submitted``)."""

    status = django_filters.ChoiceFilter(
        label=_("status"), choices=TableStatus.choices, method="filter_status", empty_label=_("All")
    )

    class Meta:
        model = CommitmentTable
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_status().filter(derived_status=value)


class CommitmentTableViewSet(ScopedSnippetViewSet):
    """Tables: listing and every object URL scoped by commitments/permissions.py."""

    model = CommitmentTable
    # NDC reviewers open the editor of a submitted table to approve or return it (TableEditView)
    object_url_actions = {"edit": "view", "preview_on_edit": "view"}
    icon = "form"
    menu_label = _("Commitment tables")
    url_prefix = "commitments/tables"
    list_display = ["commitment", "status", "submitted_at", "days_late"]
    filterset_class = CommitmentTableFilterSet
    add_view_class = TableCreateView
    edit_view_class = TableEditView
    edit_handler = TABLE_PANELS

    def get_queryset(self, request):
        return super().get_queryset(request).with_status().select_related("commitment__plan", "commitment__lead_agency")


class ProgressForm(WagtailAdminModelForm):
    """Officers report progress only on their agency's published indicators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "indicator" in self.fields:
            tables = permissions.tables_editable_by(self.for_user, CommitmentTable.objects.filter(live=True))
            self.fields["indicator"].queryset = Indicator.objects.filter(table__in=tables).select_related(
                "table__commitment"
            )

    def save(self, commit=True):
        if self.instance.recorded_by_id is None and self.for_user is not None:
            self.instance.recorded_by = self.for_user
        return super().save(commit=commit)


class IndicatorProgressViewSet(ScopedSnippetViewSet):
    model = IndicatorProgress
    icon = "success"
    menu_label = _("Indicator progress")
    url_prefix = "commitments/progress"
    list_display = ["indicator", "status", "reported_on"]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            FieldPanel("indicator", widget=forms.Select),
            FieldRowPanel([FieldPanel("status"), FieldPanel("reported_on")]),
            FieldRowPanel([FieldPanel("value_reached"), FieldPanel("evidence_url")]),
            side_by_side("note", _("Note")),
        ],
        base_form_class=ProgressForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator__table__commitment")

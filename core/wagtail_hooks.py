"""Admin of core's data: policy profiles, working-day overrides and voting days (NDC editors)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import document_scope
from .panels import side_by_side
from .policy import GROUNDS
from .policy_models import PolicyProfile, VotingDay, WorkdayOverride


class PolicyProfileForm(WagtailAdminModelForm):
    """The removal grounds are ticked from the one catalogue (K-6.2.2, T-7)."""

    grounds = forms.MultipleChoiceField(
        label=_("Removal grounds"),
        choices=[(code, label) for code, label in GROUNDS.items()],
        widget=forms.CheckboxSelectMultiple,
    )


class PolicyProfileViewSet(SnippetViewSet):
    model = PolicyProfile
    icon = "cog"
    menu_label = _("Policy profiles")
    list_display = ["name", "slug", "threshold", "review_working_days"]
    edit_handler = ObjectList(
        [
            FieldPanel("slug"),
            side_by_side("name", _("Name")),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("review_working_days"), FieldPanel("confirm_working_days")]),
                    FieldRowPanel(
                        [FieldPanel("threshold"), FieldPanel("seconding_days"), FieldPanel("seconding_months")]
                    ),
                    FieldRowPanel([FieldPanel("notify_working_days"), FieldPanel("email_code")]),
                    FieldRowPanel([FieldPanel("response_months"), FieldPanel("extension_months")]),
                    FieldRowPanel([FieldPanel("withdraw_until"), FieldPanel("blackout_days")]),
                ],
                heading=_("Citizen proposals"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("consultation_min_days"), FieldPanel("consultation_max_months")]),
                    FieldRowPanel(
                        [FieldPanel("consultation_response_days"), FieldPanel("consultation_extension_days")]
                    ),
                ],
                heading=_("Consultations"),
            ),
            FieldPanel("grounds"),
            FieldPanel("rule_ids"),
        ],
        base_form_class=PolicyProfileForm,
    )


class WorkdayOverrideViewSet(SnippetViewSet):
    model = WorkdayOverride
    icon = "date"
    menu_label = _("Working-day overrides")
    list_display = ["day", "is_working_day", "reason"]
    panels = [FieldPanel("day"), FieldPanel("is_working_day"), FieldPanel("reason")]


class VotingDayViewSet(SnippetViewSet):
    model = VotingDay
    icon = "date"
    menu_label = _("Voting days")
    list_display = ["day", "name"]
    panels = [FieldPanel("day"), side_by_side("name", _("Election or referendum"))]


class PolicyViewSetGroup(SnippetViewSetGroup):
    items = (PolicyProfileViewSet, WorkdayOverrideViewSet, VotingDayViewSet)
    menu_label = _("Rules and calendar")
    menu_icon = "cog"
    menu_name = "policy"
    menu_order = 900


register_snippet(PolicyViewSetGroup)

document_scope.register()

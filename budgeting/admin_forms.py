"""Staff forms of the budgeting app (Wagtail admin)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import rules


class ProcessAdminForm(WagtailAdminModelForm):
    """A process with its phases: the calendar is checked by ``rules.phase_errors``."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("phases")
        if formset is not None and formset.is_valid():
            phases = [
                (f.cleaned_data["kind"], f.cleaned_data["starts_on"], f.cleaned_data["ends_on"])
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            for error in rules.phase_errors(phases, two_rounds=bool(cleaned.get("two_rounds"))):
                self.add_error(None, error)
        return cleaned


class ConsentForm(forms.Form):
    issue_zh_hant = forms.CharField(label=_("The issue (Chinese)"), widget=forms.Textarea)
    issue_en = forms.CharField(label=_("The issue (English)"), widget=forms.Textarea, required=False)
    voting_rules_zh_hant = forms.CharField(label=_("Voting rules (Chinese)"), widget=forms.Textarea)
    voting_rules_en = forms.CharField(label=_("Voting rules (English)"), widget=forms.Textarea, required=False)
    privacy_notice_zh_hant = forms.CharField(label=_("Privacy notice (Chinese)"), widget=forms.Textarea)
    privacy_notice_en = forms.CharField(label=_("Privacy notice (English)"), widget=forms.Textarea, required=False)


class PaperProposalForm(forms.Form):
    proposer_name = forms.CharField(label=_("Proposer's public name"), max_length=100)
    title_zh_hant = forms.CharField(label=_("Title (Chinese)"), max_length=200)
    summary_zh_hant = forms.CharField(label=_("Summary (Chinese)"), widget=forms.Textarea)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)


class ReviewForm(forms.Form):
    feasible = forms.TypedChoiceField(
        label=_("Feasibility"),
        choices=[("1", _("Feasible")), ("0", _("Not feasible"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    cost_estimate = forms.IntegerField(label=_("Cost estimate (NT$)"), min_value=1, required=False)
    reasons_zh_hant = forms.CharField(label=_("Reasons (Chinese, published)"), widget=forms.Textarea)
    reasons_en = forms.CharField(label=_("Reasons (English)"), widget=forms.Textarea, required=False)


class WorkshopForm(forms.Form):
    notes_zh_hant = forms.CharField(label=_("Workshop notes (Chinese)"), widget=forms.Textarea)
    notes_en = forms.CharField(label=_("Workshop notes (English)"), widget=forms.Textarea, required=False)


class ProgressForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    text_zh_hant = forms.CharField(label=_("Update (Chinese)"), widget=forms.Textarea)
    text_en = forms.CharField(label=_("Update (English)"), widget=forms.Textarea, required=False)
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")


class TallyForm(forms.Form):
    """One entry of a station's paper tally: votes per project and the number of paper ballots."""

    entry = forms.TypedChoiceField(
        label=_("Entry"), choices=[(1, _("first entry")), (2, _("second entry"))], coerce=int
    )
    ballots = forms.IntegerField(label=_("Paper ballots"), min_value=0)

    def __init__(self, *args, projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.projects = list(projects)
        for project in self.projects:
            self.fields[f"p{project.pk}"] = forms.IntegerField(label=str(project), min_value=0, initial=0)

    def counts(self) -> dict[int, int]:
        return {p.pk: self.cleaned_data[f"p{p.pk}"] for p in self.projects}

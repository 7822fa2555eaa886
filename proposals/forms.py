"""Forms of the proposals app; limits and rules come from rules.py."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from commitments.models import Agency
from core.policy_store import all_profiles

from . import rules
from .models import Adoption


def profile_choices() -> list[tuple[str, str]]:
    """(slug, name in the active language) of every policy profile."""
    from core.i18n import current_language

    language = current_language()
    return [(slug, p.name.get(language) or p.name.get("zh-hant") or slug) for slug, p in sorted(all_profiles().items())]


class ProposalForm(forms.Form):
    """A proposal (K-6.1.3); the agency may be "not sure" (K-6.1.4)."""

    profile = forms.ChoiceField(label=_("Platform rules"))
    title = forms.CharField(label=_("Topic"), max_length=rules.TITLE_MAX)
    content = forms.CharField(
        label=_("Content or recommendation"), max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    benefits = forms.CharField(
        label=_("Benefits and impact"), max_length=rules.TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    evidence = forms.CharField(
        label=_("Supporting evidence (optional)"),
        max_length=rules.TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    agency = forms.ModelChoiceField(
        label=_("Competent agency"),
        queryset=Agency.objects.filter(is_government=True).order_by("code"),
        required=False,
        empty_label=_("Not sure: the management team decides"),
    )
    commendation_consent = forms.BooleanField(
        label=_("If my proposal is adopted, I agree to be named for a commendation (T-11)."), required=False
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = profile_choices()
        self.fields["title"].widget.attrs.update(
            {"data-similar-url": "", "autocomplete": "off", "aria-describedby": "similar-proposals"}
        )


class SecondForm(forms.Form):
    opinion = forms.CharField(
        label=_("Your opinion (optional)"),
        max_length=rules.OPINION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notify = forms.BooleanField(label=_("Email me when this proposal moves on"), required=False)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code from the email"), max_length=12)


class ReviewForm(forms.Form):
    """The management team's decision (K-6.2)."""

    ACTIONS = [
        ("pass", _("Pass review: open for seconding")),
        ("return", _("Return with reasons (revise and resubmit)")),
        ("reject", _("Not accepted on a ground of the rules")),
        ("duplicate", _("Duplicate of an earlier proposal")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    agency = forms.ModelChoiceField(
        label=_("Lead agency"), queryset=Agency.objects.filter(is_government=True), required=False
    )
    co_agencies = forms.ModelMultipleChoiceField(
        label=_("Co-agencies"), queryset=Agency.objects.filter(is_government=True), required=False
    )
    ground = forms.ChoiceField(label=_("Ground"), required=False)
    duplicate_of = forms.IntegerField(label=_("Duplicate of proposal no."), required=False)
    reasons_zh_hant = forms.CharField(
        label=_("Reasons (Chinese)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    reasons_en = forms.CharField(label=_("Reasons (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, grounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        from core.policy import GROUNDS

        self.fields["ground"].choices = [("", "—")] + [(g, GROUNDS[g]) for g in grounds]


class DeclineForm(forms.Form):
    reasons = forms.CharField(label=_("Specific reasons for declining"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionForm(forms.Form):
    extended_to = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    reason_zh_hant = forms.CharField(label=_("Reason (Chinese)"), widget=forms.Textarea(attrs={"rows": 3}))
    reason_en = forms.CharField(label=_("Reason (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class MeetingForm(forms.Form):
    """A meeting held while drafting the response (K-6.4.1)."""

    held_on = forms.DateField(label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}))
    participants = forms.CharField(
        label=_("Who took part"),
        help_text=_("Proposer, agencies, stakeholders, seconders' representatives."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    summary_zh_hant = forms.CharField(label=_("Conclusions (Chinese)"), widget=forms.Textarea(attrs={"rows": 3}))
    summary_en = forms.CharField(
        label=_("Conclusions (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ResponseForm(forms.Form):
    adoption = forms.ChoiceField(label=_("Adoption"), choices=Adoption.choices)
    response_zh_hant = forms.CharField(
        label=_("Response and reasons (Chinese)"), widget=forms.Textarea(attrs={"rows": 6})
    )
    response_en = forms.CharField(
        label=_("Response and reasons (English)"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )


class AssignForm(forms.Form):
    """The management team sets the lead agency and co-agencies (K-6.1.4, K-6.2.6)."""

    agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=Agency.objects.filter(is_government=True))
    co_agencies = forms.ModelMultipleChoiceField(
        label=_("Co-agencies"), queryset=Agency.objects.filter(is_government=True), required=False
    )

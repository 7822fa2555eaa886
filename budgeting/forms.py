"""Public forms of the budgeting app: consent, identity check, ballot, proposal, non-resident declaration."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import NonResidentDeclaration


class ConsentForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read the issue, the voting rules and the privacy notice, and I agree."),
        error_messages={"required": _("Tick the box to agree before you vote.")},
    )


class IdentityForm(forms.Form):
    """National ID + date of birth + the site's own CAPTCHA (P-3); checked by ``gate.identity_check``."""

    national_id = forms.CharField(
        label=_("National ID or resident certificate number"),
        max_length=14,
        help_text=_("For example A123456789. It is checked with the household registry and never stored."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Year-month-day in the Western calendar, e.g. 1980-01-31."),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}),
        error_messages={"invalid": _("Enter the date of birth as year-month-day, e.g. 1980-01-31.")},
    )
    captcha = forms.CharField(
        label=_("The characters in the picture, or the answer to the sum"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value > timezone.localdate() or value.year < 1900:
            raise forms.ValidationError(_("Enter your real date of birth."))
        return value


class BallotForm(forms.Form):
    """The ballot: radio buttons for a single choice, check boxes otherwise."""

    projects = forms.MultipleChoiceField(
        label=_("Projects"), error_messages={"required": _("Choose at least one project.")}
    )

    def __init__(self, *args, projects=(), single: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["projects"]
        field.choices = [(str(p.pk), str(p)) for p in projects]
        if single:
            self.fields["projects"] = forms.ChoiceField(
                label=field.label,
                choices=field.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one project.")},
            )
        else:
            field.widget = forms.CheckboxSelectMultiple()
            field.widget.choices = field.choices

    def chosen(self) -> list[int]:
        value = self.cleaned_data["projects"]
        return [int(v) for v in ([value] if isinstance(value, str) else value)]


class ProposalForm(forms.Form):
    title_zh_hant = forms.CharField(label=_("Title (Chinese)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English, optional)"), max_length=200, required=False)
    summary_zh_hant = forms.CharField(label=_("What should be done, and why (Chinese)"), widget=forms.Textarea)
    summary_en = forms.CharField(label=_("Summary (English, optional)"), widget=forms.Textarea, required=False)
    location = forms.CharField(label=_("Where (optional)"), max_length=200, required=False)


class DeclarationForm(forms.ModelForm):
    class Meta:
        model = NonResidentDeclaration
        fields = ["basis", "place", "evidence"]
        widgets = {"basis": forms.RadioSelect}

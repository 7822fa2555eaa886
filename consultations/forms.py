"""Forms of the consultations app (public and admin); rules come from rules.py."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from commitments.models import Agency

from . import rules
from .models import Comment, Section


class CommentForm(forms.Form):
    """A comment or a reply; ``token`` is fixed when the form is shown, so a resubmission is the same comment."""

    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    section = forms.ChoiceField(
        label=_("Part of the commitment table (optional)"), choices=[("", "—")] + list(Section.choices), required=False
    )
    section_label = forms.CharField(
        label=_("Which item (optional)"),
        max_length=120,
        required=False,
        help_text=_("For example the indicator you mean."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)


class ReplyForm(CommentForm):
    """A one-level reply: text only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["section"]
        del self.fields["section_label"]
        self.fields["text"].label = _("Your reply")
        self.fields["text"].widget.attrs["rows"] = 3


class SuggestionForm(forms.Form):
    """A suggested new commitment (F-4.3)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("What should be done, and why"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)


class HideForm(forms.Form):
    """A moderator's decision to hide a comment on a ground of the consultation's profile."""

    ground = forms.ChoiceField(label=_("Ground"))
    note = forms.CharField(label=_("Note to the author"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, comment: Comment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [(g, rules.GROUNDS[g]) for g in comment.consultation.policy.grounds]


class InboxForm(forms.Form):
    """An officer marks an inbox comment and assigns it."""

    inbox_status = forms.ChoiceField(label=_("Status"), choices=Comment.InboxStatus.choices)
    assigned_to = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, agency_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = get_user_model().objects.filter(
            agency_staff__agency_id=agency_id, is_active=True
        )


class ResponseForm(forms.Form):
    """The bilingual summary response, citing comments."""

    text_zh_hant = forms.CharField(label=_("Summary response (Chinese)"), widget=forms.Textarea(attrs={"rows": 8}))
    text_en = forms.CharField(
        label=_("Summary response (English)"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    cited = forms.ModelMultipleChoiceField(
        label=_("Comments cited"), queryset=Comment.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cited"].queryset = consultation.comments.filter(
            visibility=Comment.Visibility.VISIBLE
        ).select_related("author")
        self.fields["cited"].label_from_instance = lambda c: f"#{c.pk} {c.author.public_name}: {c.text[:80]}"


class ExtensionForm(forms.Form):
    """One extension of the response deadline with a published reason."""

    extended_to = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    reason_zh_hant = forms.CharField(label=_("Reason (Chinese)"), widget=forms.Textarea(attrs={"rows": 3}))
    reason_en = forms.CharField(label=_("Reason (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ForwardForm(forms.Form):
    """NDC forwards a suggested commitment to an agency (F-4.3)."""

    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(is_government=True))
    note = forms.CharField(label=_("Note to the agency"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class CommentEditForm(forms.Form):
    """The author's new text for their comment (the previous one is kept)."""

    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class ReportForm(forms.Form):
    """Why a comment should be looked at by a moderator (optional)."""

    reason = forms.CharField(
        label=_("Why should a moderator look at it? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

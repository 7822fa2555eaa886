"""The consultation edit form: an agency officer opens consultations only for their own agency."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from commitments.models import Agency, Commitment
from core.models import PolicyProfile
from core.roles import NDC_EDITOR, user_has_role

from . import permissions


class ConsultationAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["agency"].required = False
        self.fields["profile"].widget = forms.Select(
            choices=[(p.slug, str(p)) for p in PolicyProfile.objects.order_by("slug")]
        )
        if for_user is not None and not user_has_role(for_user, NDC_EDITOR):
            agency_id = permissions.officer_agency_id(for_user)
            self.fields["agency"].queryset = Agency.objects.filter(pk=agency_id)
            self.fields["commitment"].queryset = Commitment.objects.filter(lead_agency_id=agency_id)
            self.fields["agency"].help_text = _("Your agency.")

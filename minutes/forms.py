"""The minutes admin form: a convener picks only meetings of their own forums; every
discussion record must belong to an agenda item of the chosen meeting."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from forum.models import AgendaItem, Meeting

from . import permissions


def _limit_agenda(form, items) -> None:
    if "agenda_item" in form.fields:
        form.fields["agenda_item"].queryset = items
        form.fields["agenda_item"].label_from_instance = lambda i: f"{i.meeting} · {i.position}. {i}"


class MinutesForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "meeting" in self.fields and user is not None:
            meetings = permissions.meetings_for_minutes(user, Meeting.objects.select_related("forum__commitment"))
            if self.instance.pk:
                self.fields["meeting"].queryset = meetings.filter(pk=self.instance.meeting_id) | Meeting.objects.filter(
                    pk=self.instance.meeting_id
                )
            else:
                self.fields["meeting"].queryset = meetings.filter(minutes__isnull=True)
            self.fields["meeting"].label_from_instance = lambda m: f"{m.forum} · {m}"
        sections = self.formsets.get("sections") if hasattr(self, "formsets") else None
        if sections is not None and user is not None:
            items = AgendaItem.objects.select_related("meeting")
            items = items.filter(meeting__in=permissions.meetings_for_minutes(user, Meeting.objects.all()))
            meeting_id = self.instance.meeting_id or self.data.get("meeting")
            if meeting_id and str(meeting_id).isdigit():
                # Minutes are written from their meeting: only that meeting's agenda is offered.
                items = items.filter(meeting_id=int(meeting_id)).order_by("position")
            for form in sections.forms:
                _limit_agenda(form, items)
            base = sections.form

            class Limited(base):  # the empty form (a new one each time it is read) too
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    _limit_agenda(self, items)

            sections.form = Limited

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting") or (self.instance.meeting if self.instance.meeting_id else None)
        sections = self.formsets.get("sections") if hasattr(self, "formsets") else None
        if meeting is not None and sections is not None:
            for form in sections.forms:
                item = form.cleaned_data.get("agenda_item") if hasattr(form, "cleaned_data") else None
                if item is not None and item.meeting_id != meeting.pk and not form.cleaned_data.get("DELETE"):
                    form.add_error("agenda_item", _("This agenda item belongs to another meeting."))
                    raise ValidationError(_("A discussion record refers to an agenda item of another meeting."))
        return cleaned

"""Admin forms and read-only panels of the forum app: choices scoped to the user's forums,
balance meters (F-2.1), notice links (F-9), and the decision form (F-3.1)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from core.roles import ROLE_GROUPS, STAFF_ROLES

from . import permissions, rules
from .models import AgendaItem, Meeting, Member, future_meeting_message


def _restrict(formset, field: str, queryset) -> None:
    """Limit ``field``'s choices in every form of an inline formset (including the empty form)."""
    base = formset.form

    class Restricted(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if field in self.fields:
                self.fields[field].queryset = queryset

    formset.form = Restricted


class ForumAdminForm(WagtailAdminModelForm):
    """A forum: conveners may not move it to another commitment; staff are staff-role accounts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "commitment" in self.fields and self.instance.pk and not permissions.edits_all_forums(user):
            self.fields["commitment"].disabled = True
        if "staff" in self.fields:
            self.fields["staff"].queryset = (
                get_user_model()
                .objects.filter(is_active=True, groups__name__in=[ROLE_GROUPS[r] for r in STAFF_ROLES])
                .distinct()
                .order_by("email")
            )


class MemberAdminForm(WagtailAdminModelForm):
    """A member: only in a forum the user edits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "forum" in self.fields:
            self.fields["forum"].queryset = permissions.editable_forums(self.for_user).select_related("commitment")


class MeetingAdminForm(WagtailAdminModelForm):
    """A meeting: forum, invited members, chair and attendance limited to the user's forums."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        forums = permissions.editable_forums(self.for_user)
        if "forum" in self.fields:
            self.fields["forum"].queryset = forums.select_related("commitment")
        forum_id = self.instance.forum_id if self.instance.pk else None
        members = Member.objects.filter(forum_id=forum_id) if forum_id else Member.objects.filter(forum__in=forums)
        for name in ("invited", "chair"):
            if name in self.fields:
                self.fields[name].queryset = members.current()
        if "attendances" in self.formsets:
            _restrict(self.formsets["attendances"], "member", members)

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        formset = self.formsets.get("attendances")
        if starts_at and formset is not None and not rules.meeting_has_taken_place(starts_at, timezone.now()):
            if any(_kept(form) for form in formset.forms):
                probe = Meeting(starts_at=starts_at)
                self.add_error(None, future_meeting_message(probe))
        return cleaned


def _kept(form) -> bool:
    """Whether an inline form holds a row that stays after saving (existing or newly filled in)."""
    if form.data.get(form.add_prefix("DELETE")) in ("on", "true", "True", "1"):
        return False
    return bool(form.instance.pk) or form.has_changed()


class DecisionAdminForm(WagtailAdminModelForm):
    """A decision on an agenda item of the user's forums. ``present`` defaults to the members
    recorded present; the outcome is computed (F-3.1) and shown after saving."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "agenda_item" in self.fields:
            items = permissions.scoped(self.for_user, AgendaItem.objects.all(), "meeting__forum__")
            items = items.filter(decision__isnull=True) | items.filter(decision=self.instance.pk or 0)
            self.fields["agenda_item"].queryset = items.select_related("meeting__forum__commitment").order_by(
                "-meeting__starts_at", "position"
            )
            self.fields["agenda_item"].label_from_instance = lambda item: (
                f"{item.meeting.forum.commitment.number} · {item.meeting} · {item.position}. {item}"
            )
        if "present" in self.fields:
            self.fields["present"].required = False
            self.fields["present"].help_text = _(
                "Members present when the item was decided (observers never count). "
                "Leave empty to use the members recorded present at the meeting."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("present") in (None, "") and cleaned.get("agenda_item") is not None:
            meeting = cleaned["agenda_item"].meeting
            count = meeting.counted_attendance()
            if count:
                cleaned["present"] = count
                self.instance.present = count
            else:
                self.add_error("present", _("No attendance is recorded for this meeting: enter the number present."))
        return cleaned

    def save(self, commit: bool = True):
        """Saved through ``forum.services.decision_record`` (outcome computed, audit entry)."""
        from .services import decision_record

        decision = super().save(commit=False)
        if not commit:
            return decision
        return decision_record(decision=decision, user=self.for_user)


class TemplatePanel(Panel):
    """A read-only panel rendered by a template with the edited instance."""

    def __init__(self, template: str, **kwargs):
        super().__init__(**kwargs)
        self.template = template

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["template"] = self.template
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["instance"] = self.instance
            context["user"] = self.request.user if self.request else None
            if self.instance.pk:
                context.update(panel_context(self.instance))
            return context


def panel_context(instance) -> dict:
    """What the read-only panels show for a saved forum or meeting."""
    from .models import Forum, Meeting
    from .services import meeting_changed_since_notice

    if isinstance(instance, Forum):
        return {"balance": instance.roster_balance(), "forum": instance}
    if isinstance(instance, Meeting):
        meeting = instance
        return {
            "meeting": meeting,
            "balance": meeting.present_balance(),
            "observers": sum(1 for a in meeting.attendances.all() if a.member_id is None),
            "notices": list(meeting.notices.order_by("sequence")),
            "changed": meeting_changed_since_notice(meeting),
        }
    return {}

"""Sanity checks: nothing is recorded for a meeting that has not taken place yet — no attendance,
no decision, no minutes — with a clear message in the admin forms and the models' validation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forum import rules
from forum.models import Decision

pytestmark = pytest.mark.django_db


def test_meeting_has_taken_place_rule():
    now = dt.datetime(2024, 3, 1, 10, 0, tzinfo=dt.UTC)
    assert rules.meeting_has_taken_place(now, now)
    assert rules.meeting_has_taken_place(now - dt.timedelta(minutes=1), now)
    assert not rules.meeting_has_taken_place(now + dt.timedelta(minutes=1), now)


def test_no_decision_for_a_future_meeting(forum, make_meeting):
    meeting = make_meeting(forum, starts_at=timezone.now() + dt.timedelta(days=3))
    decision = Decision(agenda_item=meeting.agenda_items.get(), present=4, consensus=True)
    with pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert "本次會議尚未舉行" in str(error.value.message_dict["agenda_item"])


def test_a_decision_for_a_past_meeting_is_fine(forum, make_meeting):
    meeting = make_meeting(forum)
    Decision(agenda_item=meeting.agenda_items.get(), present=4, consensus=True).full_clean()


def test_no_minutes_for_a_future_meeting(forum, make_meeting):
    from minutes.models import Minutes

    meeting = make_meeting(forum, starts_at=timezone.now() + dt.timedelta(days=3))
    with pytest.raises(ValidationError) as error:
        Minutes(meeting=meeting).clean()
    assert "meeting" in error.value.message_dict


def test_admin_refuses_attendance_for_a_future_meeting(client, forum, make_meeting, balanced, demo_accounts):
    """The convener's meeting form says why, keeps what was typed and saves nothing."""
    from forum.models import Attendance

    editor = demo_accounts["ndc_editor"]
    client.force_login(editor)
    meeting = make_meeting(forum, starts_at=timezone.now() + dt.timedelta(days=3))
    url = f"/admin/snippets/forum/meeting/edit/{meeting.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [v.pk if hasattr(v, "pk") else v for v in value] if isinstance(value, list) else value
    for name, formset in form.formsets.items():
        data[f"{name}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{name}-INITIAL_FORMS"] = formset.initial_form_count()
        data[f"{name}-MIN_NUM_FORMS"] = 0
        data[f"{name}-MAX_NUM_FORMS"] = 1000
        for inline in formset.forms:
            for field_name in inline.fields:
                value = inline[field_name].value()
                if value is not None:
                    data[inline.add_prefix(field_name)] = value
    data["starts_at"] = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M")
    data["attendances-TOTAL_FORMS"] = 1
    data["attendances-INITIAL_FORMS"] = 0
    data["attendances-0-member"] = balanced[0].pk
    data["attendances-0-ORDER"] = 1
    response = client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 200
    assert "本次會議尚未舉行" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()

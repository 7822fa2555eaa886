"""Deadline reminders: a week before, the day before, on the day and the day after; once each;
in the recipient's language; to the responsible role only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError

from core import reminders
from core.models import SentReminder

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("today", "step"),
    [
        (dt.date(2026, 3, 23), None),
        (dt.date(2026, 3, 24), "before-7"),
        (dt.date(2026, 3, 29), "before-7"),
        (dt.date(2026, 3, 30), "before-1"),
        (dt.date(2026, 3, 31), "due"),
        (dt.date(2026, 4, 1), "late"),
        (dt.date(2026, 4, 7), "late"),
        (dt.date(2026, 4, 8), None),
    ],
)
def test_step_on(today, step):
    assert reminders.step_on(DEADLINE, today) == step


def _run(django_capture_on_commit_callbacks, day):
    with django_capture_on_commit_callbacks(execute=True):
        return reminders.send_due(day)


def test_summary_response_reminder_K_7_2_once_per_step_in_recipients_language(
    staff, make_consultation, today, django_capture_on_commit_callbacks
):
    officer = staff["agency_officer"]
    officer.preferred_language = "en"
    officer.save()
    consultation = make_consultation(opens=-30, closes=-13)  # response due tomorrow (14 days after closing)
    mail.outbox.clear()
    assert _run(django_capture_on_commit_callbacks, today) == 1
    message = mail.outbox[-1]
    assert message.to == [officer.email]
    assert "Reminder: the summary response to “Draft consultation” is due on" in message.subject
    assert "The deadline is in 1 day." in message.body
    assert f"/admin/consultations/manage/{consultation.pk}/" in message.body
    # idempotent: the same day again sends nothing
    assert _run(django_capture_on_commit_callbacks, today) == 0
    assert len(mail.outbox) == 1
    # the day after the deadline: the "late" step, once
    assert _run(django_capture_on_commit_callbacks, today + dt.timedelta(days=2)) == 1
    assert "passed 1 day ago" in mail.outbox[-1].body


def test_reminder_in_chinese_for_chinese_readers(staff, make_consultation, today, django_capture_on_commit_callbacks):
    make_consultation(opens=-30, closes=-14)  # due today
    mail.outbox.clear()
    _run(django_capture_on_commit_callbacks, today)
    assert "提醒" in mail.outbox[-1].subject and "今天" in mail.outbox[-1].body


def test_no_reminder_once_answered(staff, make_consultation, today, django_capture_on_commit_callbacks):
    from consultations import services

    consultation = make_consultation(opens=-30, closes=-13)
    services.response_publish(
        consultation=consultation, text_zh_hant="回應", text_en="", cited=[], user=staff["agency_officer"]
    )
    mail.outbox.clear()
    assert _run(django_capture_on_commit_callbacks, today) == 0


def test_sent_reminder_unique_constraint():
    SentReminder.objects.create(key="k:due", recipient="a@example.org")
    with pytest.raises(IntegrityError):
        SentReminder.objects.create(key="k:due", recipient="a@example.org")


def test_table_submission_reminder_F_6(staff, plan, django_capture_on_commit_callbacks):
    day = plan.submission_deadline - dt.timedelta(days=7)
    mail.outbox.clear()
    _run(django_capture_on_commit_callbacks, day)
    to_officer = [m for m in mail.outbox if m.to == [staff["agency_officer"].email]]
    assert len(to_officer) == sum(1 for _ in plan.commitments.filter(lead_agency__code="moe"))
    assert all("7" in m.body for m in to_officer)
    assert not [m for m in mail.outbox if m.to == [staff["moderator"].email]]


def test_indicator_end_date_reminder(staff, commitment4, today, django_capture_on_commit_callbacks):
    from commitments.models import CommitmentTable, Indicator

    table = CommitmentTable.objects.create(commitment=commitment4, live=True)
    Indicator.objects.create(
        table=table,
        description_zh_hant="完成法規盤點",
        starts_on=today - dt.timedelta(days=100),
        ends_on=today,
    )
    mail.outbox.clear()
    _run(django_capture_on_commit_callbacks, today)
    assert any("完成法規盤點" in m.body for m in mail.outbox if m.to == [staff["agency_officer"].email])


def test_minutes_not_sent_reminder_to_forum_staff(staff, forum_world, today, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    # the meeting was held 7 days ago: minutes due in 7 days
    _run(django_capture_on_commit_callbacks, today)
    to_convener = [m for m in mail.outbox if m.to == [staff["convener"].email]]
    assert len(to_convener) == 1 and "第二次會議" in to_convener[0].subject


def test_command_runs_and_refuses_bad_date(staff, make_consultation, today, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management.base import CommandError

    make_consultation(opens=-30, closes=-13)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "1 reminder" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "tomorrow")


def test_scheduled_daily():
    from core import schedule

    assert "core.send_reminders" in schedule.JOBS

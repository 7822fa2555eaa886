"""core.email: emails go through the task queue, are retried when SMTP fails, and are never lost."""

from __future__ import annotations

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from core.email import email_deliver, email_enqueue, email_sweep
from core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def test_sent_after_commit_with_single_line_subject(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(
            to=["a@example.org"],
            subject="Hello\nworld",
            body="Body",
            html="<p>Body</p>",
            reply_to=["r@example.org"],
            headers={"X-OGP": "1"},
            attachments=[("invite.ics", "BEGIN:VCALENDAR", "text/calendar")],
        )
        assert mail.outbox == []  # nothing is sent before the caller's transaction commits
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Hello world"
    assert message.to == ["a@example.org"]
    assert message.reply_to == ["r@example.org"]
    assert message.extra_headers["X-OGP"] == "1"
    assert message.alternatives[0][1] == "text/html"
    assert message.attachments[0][0] == "invite.ics"
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1


def test_nothing_queued_when_the_caller_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            email_enqueue(to=["a@example.org"], subject="s", body="b")
            raise RuntimeError
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_empty_recipients_are_ignored(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(to=["", None], subject="s", body="b")
    assert not OutgoingEmail.objects.exists()


@override_settings(EMAIL_MAX_ATTEMPTS=2)
def test_smtp_failure_keeps_the_email_and_retries_then_marks_it_failed(django_capture_on_commit_callbacks):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPServerDisconnected("down"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            email_enqueue(to=["a@example.org"], subject="s", body="b")
        email = OutgoingEmail.objects.get()
        assert email.status == OutgoingEmail.Status.QUEUED  # kept for a retry
        assert email.attempts == 1
        assert "SMTPServerDisconnected" in email.last_error
        assert email.next_attempt_at is not None
        assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.FAILED
    email.refresh_from_db()
    assert email.attempts == 2
    assert mail.outbox == []


def test_sweep_sends_an_email_whose_task_was_lost():
    # As if the enqueue after commit had failed: the row exists, no task does.
    email = OutgoingEmail.objects.create(to=["a@example.org"], subject="s", body="b")
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at="2020-01-01T00:00:00Z")
    assert email_sweep.call() == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_a_claimed_email_is_never_sent_twice():
    email = OutgoingEmail.objects.create(to=["a@example.org"], subject="s", body="b")
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_failed_emails_are_listed_in_the_admin_for_superusers(client, django_user_model):
    OutgoingEmail.objects.create(
        to=["a@example.org"], subject="Lost notice", body="b", status="failed", last_error="SMTPError: boom"
    )
    admin = django_user_model.objects.create_superuser(username="root", email="root@example.org", password="x")
    client.force_login(admin)
    response = client.get("/admin/outgoing-emails/?status=failed")
    assert response.status_code == 200
    assert "Lost notice" in response.content.decode()
    assert "SMTPError: boom" in response.content.decode()


def test_admin_list_refused_to_non_staff(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/admin/outgoing-emails/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_queued_backend_sends_every_site_email_through_the_worker(django_capture_on_commit_callbacks, settings):
    """allauth's and Wagtail's emails (plain ``send_mail``) are queued too when EMAIL_BACKEND is
    the queued backend, with their sender, copies and binary attachments."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    message = EmailMultiAlternatives(
        "Verify\nyour address", "text", "Wagtail <w@example.org>", ["a@example.org"], bcc=["hidden@example.org"]
    )
    message.attach_alternative("<p>text</p>", "text/html")
    message.attach("minutes.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        assert get_connection("core.email.QueuedEmailBackend").send_messages([message]) == 1
        assert mail.outbox == []
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT and email.bcc == ["hidden@example.org"]
    sent = mail.outbox[0]
    assert sent.subject == "Verify your address" and sent.bcc == ["hidden@example.org"]
    assert sent.extra_headers["From"] == "Wagtail <w@example.org>"
    assert sent.attachments[0][1] == b"%PDF-1.7 \x00\xff"

"""Outgoing email through the task queue: never sent inside a web request, never lost.

``email_enqueue(...)`` stores the message (``OutgoingEmail``) in the caller's transaction and,
once that commits, enqueues the ``send_email`` task; the worker sends it. When SMTP fails the
message stays queued and is retried with a doubling delay (``EMAIL_RETRY_SECONDS``) up to
``EMAIL_MAX_ATTEMPTS`` times, then marked failed; every message and its last error are listed in
the admin (Settings → Outgoing emails), where a failed one can be sent again. The clock runs
``email_sweep`` every few minutes: it re-enqueues messages whose task was lost (the enqueue failed
after commit, a worker died while sending).

``QueuedEmailBackend`` (``EMAIL_BACKEND`` outside tests) sends every other email of the site the
same way (allauth's verification emails, Wagtail's workflow notifications): messages are stored
and sent by the worker through ``EMAIL_DELIVERY_BACKEND`` (SMTP in production).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

# A message claimed for sending this long ago without an outcome was lost with its worker.
SENDING_STALE = dt.timedelta(minutes=15)
# A queued message this far past its due time has lost its (deferred) task.
QUEUED_GRACE = dt.timedelta(minutes=5)


def _single_line(text: str) -> str:
    return " ".join(str(text).split())


def email_enqueue(
    *,
    to: list[str],
    subject: str,
    body: str,
    html: str | None = None,
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    attachments: Sequence[tuple[str, str | bytes, str]] | None = None,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
) -> None:
    """Queue one email for the worker (sent after the caller's transaction commits; nothing is
    sent if it rolls back). ``attachments`` are ``(filename, content, mimetype)``, content text
    or bytes. The subject is made single-line. Without any recipient nothing is queued."""
    from .models import OutgoingEmail

    recipients = [address for address in to if address]
    copies = [address for address in cc or [] if address]
    blind = [address for address in bcc or [] if address]
    if not (recipients or copies or blind):
        return
    email = OutgoingEmail.objects.create(
        to=recipients,
        cc=copies,
        bcc=blind,
        subject=_single_line(subject)[:998],
        body=str(body),
        html=str(html) if html is not None else None,
        reply_to=list(reply_to or []),
        headers={str(k): _single_line(v) for k, v in (headers or {}).items()},
        attachments=[_stored_attachment(*item) for item in attachments or []],
        next_attempt_at=timezone.now(),
    )
    # robust: a failing enqueue must not break the caller; the sweep picks the message up.
    transaction.on_commit(lambda pk=email.pk: _enqueue(pk), robust=True)


def _stored_attachment(filename: str, content: str | bytes, mimetype: str) -> list[str]:
    if isinstance(content, bytes):
        return [filename, base64.b64encode(content).decode("ascii"), mimetype, "base64"]
    return [filename, str(content), mimetype, "text"]


def _enqueue(email_id: int, run_after: dt.datetime | None = None) -> None:
    if run_after is not None and default_task_backend.supports_defer:
        send_email.using(run_after=run_after).enqueue(email_id)
    elif run_after is None:
        send_email.enqueue(email_id)
    # else: a backend without deferral (tests' immediate backend): the sweep retries when due.


def _message(email) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        cc=email.cc or None,
        bcc=email.bcc or None,
        reply_to=email.reply_to or None,
        headers=email.headers or None,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for filename, content, mimetype, *encoding in email.attachments:
        message.attach(filename, base64.b64decode(content) if encoding == ["base64"] else content, mimetype)
    return message


def email_deliver(*, email_id: int) -> str:
    """Send one queued email now (the task's body); returns its status afterwards.

    Claims the message with one conditional UPDATE, so two workers never both send it."""
    from .models import OutgoingEmail

    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=now
    )
    if not claimed:
        return OutgoingEmail.objects.filter(pk=email_id).values_list("status", flat=True).first() or "missing"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        backend = settings.EMAIL_DELIVERY_BACKEND
        if backend == "core.email.QueuedEmailBackend":
            raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND must send (SMTP, console ...), not queue.")
        with get_connection(backend, fail_silently=False) as connection:
            connection.send_messages([_message(email)])
    except Exception as error:  # noqa: BLE001 - any SMTP/network failure: retry later
        email.attempts += 1
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
            email.next_attempt_at = None
            logger.error("Email %s failed for good after %s attempts: %s", email.pk, email.attempts, error)
        else:
            email.status = OutgoingEmail.Status.QUEUED
            email.next_attempt_at = now + dt.timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (email.attempts - 1))
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        if email.status == OutgoingEmail.Status.QUEUED:
            _enqueue(email.pk, run_after=email.next_attempt_at)
        return email.status
    email.attempts += 1
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at"])
    return email.status


def email_retry(*, email_id: int, user=None) -> None:
    """Queue a failed email again (admin action), with a fresh set of attempts."""
    from .models import OutgoingEmail

    OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: _enqueue(email_id), robust=True)


@task()
def send_email(email_id: int) -> str:
    """Send one queued email (retries are scheduled by ``email_deliver``)."""
    return email_deliver(email_id=email_id)


@task()
def email_sweep() -> int:
    """Re-enqueue emails whose task was lost; returns how many (run by the clock)."""
    from .models import OutgoingEmail

    now = timezone.now()
    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENDING, claimed_at__lt=now - SENDING_STALE).update(
        status=OutgoingEmail.Status.QUEUED
    )
    due = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=now - QUEUED_GRACE
        ).values_list("pk", flat=True)[:1000]
    )
    for pk in due:
        send_email.enqueue(pk)
    return len(due)


class QueuedEmailBackend(BaseEmailBackend):
    """``EMAIL_BACKEND`` that queues every message (``email_enqueue``) instead of sending it in the
    request; the worker delivers through ``EMAIL_DELIVERY_BACKEND``."""

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            html = next(
                (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), None
            )
            attachments = []
            for attachment in message.attachments:
                if isinstance(attachment, tuple) or hasattr(attachment, "filename"):
                    filename, content, mimetype = attachment
                    attachments.append((filename or "attachment", content, mimetype or "application/octet-stream"))
            headers = dict(message.extra_headers)
            if message.from_email and message.from_email != settings.DEFAULT_FROM_EMAIL:
                headers.setdefault("From", message.from_email)
            email_enqueue(
                to=list(message.to),
                cc=list(message.cc),
                bcc=list(message.bcc),
                subject=message.subject,
                body=message.body,
                html=html,
                reply_to=list(message.reply_to),
                headers=headers,
                attachments=attachments,
            )
            count += 1
        return count

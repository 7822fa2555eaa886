"""Deadline reminders: each app says what is due (``core.providers`` slot ``"reminders"``), this
module emails each responsible person once per step, in their language.

A provider is called as ``provider(today=...)`` and returns a list of ``Reminder``: a deadline,
who answers for it, and how to word the email (``build(step, days)`` → subject and body, called
with the recipient's language active). ``send_due(today)`` (run daily by ``manage.py
send_reminders`` and by the clock, ``core/schedule.py``) works out the step reached
(``step_on``: a week before, the day before, the day itself, the day after it passed) and sends
each (deadline key, step, recipient) once: a ``SentReminder`` row with a unique constraint is
written in the same transaction as the queued email, so a re-run or two runs at once never send
it twice. A step missed (the job did not run that day) is sent at the next run, once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import translation

from . import providers

logger = logging.getLogger(__name__)

BEFORE_DAYS = (7, 1)
# After this many days past the deadline the "late" reminder is no longer sent.
LATE_WINDOW_DAYS = 7


def step_on(deadline: dt.date, today: dt.date, before: Sequence[int] = BEFORE_DAYS) -> str | None:
    """The reminder step reached on ``today`` for ``deadline`` (pure).

    ``before-N`` from N days ahead (the nearest reached), ``due`` on the day itself, ``late``
    from the day after until ``LATE_WINDOW_DAYS`` later, then nothing; nothing before the
    earliest step either.
    """
    days = (deadline - today).days
    if days < -LATE_WINDOW_DAYS:
        return None
    if days < 0:
        return "late"
    if days == 0:
        return "due"
    reached = [n for n in before if days <= n]
    return f"before-{min(reached)}" if reached else None


@dataclass(frozen=True)
class Reminder:
    """A deadline and the people who answer for it.

    ``key`` identifies the deadline (e.g. ``consultations.response:12:2026-03-31``; put the date
    in it when the deadline can move, so a new date re-arms the reminders). ``build(step, days)``
    returns (subject, body) in the active language; ``days`` is the days left (negative: late).
    """

    key: str
    deadline: dt.date
    recipients: list = field(default_factory=list)  # users (with ``email``, ``preferred_language``)
    build: Callable[[str, int], tuple[str, str]] = lambda step, days: ("", "")


def due_reminders(today: dt.date) -> list[Reminder]:
    """Every app's reminders for ``today``."""
    found: list[Reminder] = []
    for result in providers.collect("reminders", today=today):
        found.extend(result)
    return found


def _send_one(reminder: Reminder, step: str, user, today: dt.date) -> bool:
    from .email import email_enqueue
    from .models import SentReminder

    address = (getattr(user, "email", "") or "").strip()
    if not address or not getattr(user, "is_active", True):
        return False
    key = f"{reminder.key}:{step}"[:200]
    try:
        with transaction.atomic():
            _row, created = SentReminder.objects.get_or_create(key=key, recipient=address.lower())
            if not created:
                return False
            language = getattr(user, "preferred_language", None) or "zh-hant"
            with translation.override(language):
                subject, body = reminder.build(step, (reminder.deadline - today).days)
                email_enqueue(to=[address], subject=str(subject), body=str(body))
    except IntegrityError:  # a concurrent run recorded it first
        return False
    return True


def send_due(today: dt.date | None = None) -> int:
    """Send every reminder step reached on ``today`` not sent before; returns how many emails."""
    from django.utils import timezone

    today = today or timezone.localdate()
    sent = 0
    for reminder in due_reminders(today):
        step = step_on(reminder.deadline, today)
        if step is None:
            continue
        seen: set[int] = set()
        for user in reminder.recipients:
            if user.pk in seen:
                continue
            seen.add(user.pk)
            sent += _send_one(reminder, step, user, today)
    return sent


def lead(step: str, days: int) -> str:
    """The opening sentence of a reminder in the active language ("due in 7 days", "late")."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if step == "due":
        return _("The deadline is today.")
    if step == "late":
        return ngettext("The deadline passed %(n)d day ago.", "The deadline passed %(n)d days ago.", -days) % {
            "n": -days
        }
    return ngettext("The deadline is in %(n)d day.", "The deadline is in %(n)d days.", days) % {"n": days}

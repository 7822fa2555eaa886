"""Email the reminders due today (run daily; the clock also schedules it)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Email each responsible person the deadline reminders due today (a week before, the day "
        "before, the day itself, the day after): table submission, summary responses, indicator "
        "end dates, minutes not sent. Each reminder is sent once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        from core.reminders import send_due

        today = None
        if options.get("date"):
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("--date must be YYYY-MM-DD") from error
        sent = send_due(today)
        self.stdout.write(f"{sent} reminder email(s) queued.")

"""Email the daily digest of new comments to agencies that chose it (run daily from cron)."""

from django.core.management.base import BaseCommand

from consultations.notifications import send_digests


class Command(BaseCommand):
    help = "Send each digest agency's officers the comments not yet emailed (F-4.2)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest email(s) sent.")

"""Apply the proposals' clocks (run daily): confirmation by silence (K-6.2.6), expiry (K-6.3.2)."""

from django.core.management.base import BaseCommand

from proposals.services import apply_clocks


class Command(BaseCommand):
    help = "Confirm by silence after the agency's working days; close seconding below the threshold."

    def handle(self, *args, **options):
        counts = apply_clocks()
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))

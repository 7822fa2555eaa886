"""Demo accounts and demo data for development (never in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import providers
from core.services import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_ensure

# Each app may register a ``demo`` provider (core.providers); called in INSTALLED_APPS order.


class Command(BaseCommand):
    help = "Create one demo account per staff role and each app's demo data (idempotent)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError("Demo data is disabled in these settings (DEMO_DATA_ALLOWED is off).")
        with transaction.atomic():
            accounts = demo_accounts_ensure()
            providers.collect("demo", accounts=accounts)
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (development only, password for all: {DEMO_PASSWORD}):"))
        for role, (email, _first, _last) in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {role:15} {email}")

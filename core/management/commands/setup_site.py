"""Bring the database to a usable site: roles, home page, then each app's ``setup`` provider
(shipped action plans, workflows; see ``core.providers``). Idempotent."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import providers
from core.services import policy_profiles_load_seed, roles_setup, site_ensure_home, site_sync_public_address
from core.stored_names import names_rename_legacy


class Command(BaseCommand):
    help = "Create roles, the home page and the shipped action plans (safe to run again)."

    def handle(self, *args, **options):
        call_command("update_translation_fields", verbosity=0)
        roles_setup()
        names_rename_legacy()
        site_ensure_home()
        site_sync_public_address()
        policy_profiles_load_seed()
        # Each app's part (shipped plans, workflows), in INSTALLED_APPS order.
        providers.collect("setup")
        self.stdout.write(self.style.SUCCESS("Site ready: roles, home page and each app's set-up."))

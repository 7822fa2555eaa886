"""Bring the database to a usable site: roles, home page, shipped action plans. Idempotent."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from commitments.services import action_plans_load_seed
from commitments.services import workflows_setup as commitment_workflows_setup
from core.services import policy_profiles_load_seed, roles_setup, site_ensure_home
from minutes.services import workflows_setup as minutes_workflows_setup


class Command(BaseCommand):
    help = "Create roles, the home page and the shipped action plans (safe to run again)."

    def handle(self, *args, **options):
        call_command("update_translation_fields", verbosity=0)
        roles_setup()
        site_ensure_home()
        policy_profiles_load_seed()
        plans = action_plans_load_seed()
        commitment_workflows_setup()
        minutes_workflows_setup()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {len(plans)} action plan(s), roles and home page."))

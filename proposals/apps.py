from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "proposals"
    verbose_name = _("Citizen proposals")

    def ready(self) -> None:
        from core import schedule

        from . import permissions, providers  # noqa: F401 (permissions registers the rules and the admin policy)
        from .tasks import proposals_clocks

        # Confirmation by silence (K-6.2.6) and expiry (K-6.3.2), run by the clock (core/schedule.py).
        schedule.daily("proposals.clocks", proposals_clocks, at="00:10")
        providers.register()

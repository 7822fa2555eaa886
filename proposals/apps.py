from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "proposals"
    verbose_name = _("Citizen proposals")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the object permissions)

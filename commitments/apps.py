from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "commitments"
    verbose_name = _("Action plans and commitments")

    def ready(self) -> None:
        from . import permissions, providers, signals  # noqa: F401 (permissions registers the rules)

        signals.connect()
        providers.register()

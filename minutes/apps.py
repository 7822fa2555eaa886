from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutes"
    verbose_name = _("Minutes")

    def ready(self) -> None:
        from . import permissions, providers, signals  # noqa: F401 (permissions registers the rules)

        signals.connect()
        providers.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "minutes"
    verbose_name = _("Minutes")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from . import providers, signals
        from .models import Minutes
        from .permissions import MinutesPermissionPolicy

        signals.connect()
        providers.register()
        register_permission_policy(Minutes, MinutesPermissionPolicy(Minutes))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import cache, policy_store

        cache.connect()
        policy_store.connect()

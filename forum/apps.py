from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from . import permissions, providers  # noqa: F401 (permissions registers the rules and the admin policies)

        providers.register()

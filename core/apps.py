from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import admin_outbox, cache  # noqa: F401 - admin_outbox registers Wagtail hooks

        cache.connect()

        from . import schedule
        from .email import email_sweep
        from .tasks import recover_lost_tasks

        schedule.every("core.email_sweep", email_sweep, minutes=5)
        schedule.every("core.recover_lost_tasks", recover_lost_tasks, minutes=5)

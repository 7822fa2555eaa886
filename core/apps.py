from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import admin_outbox, admin_scope, cache, policy_store, stored_names, wagtail_mail  # noqa: F401 - admin_outbox registers Wagtail hooks

        cache.connect()
        admin_scope.install()
        policy_store.connect()
        stored_names.install()
        wagtail_mail.install()

        from . import schedule
        from .email import email_sweep
        from .tasks import recover_lost_tasks, send_reminders

        schedule.every("core.email_sweep", email_sweep, minutes=5)
        schedule.every("core.recover_lost_tasks", recover_lost_tasks, minutes=5)
        # Deadline reminders of every app (core/reminders.py), once a day in the morning.
        schedule.daily("core.send_reminders", send_reminders, at="07:30")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from core import schedule

        from . import counters

        counters.connect()

        from . import permissions, providers  # noqa: F401 (permissions registers the rules and the admin policies)
        from .tasks import send_comment_digests

        # The daily digest for agencies that chose one (F-4.2), run by the clock (core/schedule.py).
        schedule.daily("consultations.comment_digests", send_comment_digests, at="08:00")
        providers.register()

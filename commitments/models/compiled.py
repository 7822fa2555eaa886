"""The compiled national action plan: a snapshot of the published tables with its files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

EXPORT_FORMATS = ("pdf", "odt", "json", "csv")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


def _upload_to(instance: CompiledPlan, filename: str) -> str:
    return f"plans/{instance.plan.slug}/v{instance.version}/{filename}"


class CompiledPlan(models.Model):
    """NDC's compilation of the published commitment tables at one moment (a snapshot).

    ``data`` holds everything the compiled page shows; the files are rendered once when the
    plan is compiled, so later edits of a table never change a compiled plan silently and
    downloads never wait.
    """

    plan = models.ForeignKey(
        "commitments.ActionPlan", on_delete=models.CASCADE, related_name="compilations", verbose_name=_("action plan")
    )
    version = models.PositiveIntegerField(_("version"))
    compiled_at = models.DateTimeField(_("compiled at"), auto_now_add=True)
    compiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("snapshot"), default=dict)
    commitment_count = models.PositiveSmallIntegerField(_("commitments"), default=0)
    pdf = models.FileField(_("PDF"), upload_to=_upload_to, blank=True)
    odt = models.FileField(_("ODF text document"), upload_to=_upload_to, blank=True)
    json = models.FileField(_("JSON"), upload_to=_upload_to, blank=True)
    csv = models.FileField(_("CSV of indicators"), upload_to=_upload_to, blank=True)

    class Meta:
        verbose_name = _("compiled action plan")
        verbose_name_plural = _("compiled action plans")
        ordering = ["plan", "-version"]
        constraints = [models.UniqueConstraint(fields=["plan", "version"], name="compiledplan_unique_version")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.version}"

    def get_absolute_url(self) -> str:
        """The compiled plan's page (Chinese address; pages link with ``{% url %}`` per language)."""
        with override(settings.LANGUAGE_CODE):
            return reverse("commitments:compiled", kwargs={"plan": self.plan.slug, "version": self.version})

    def download_url(self, fmt: str) -> str:
        """A stored file's address (the same file for both languages)."""
        with override(settings.LANGUAGE_CODE):
            return reverse("commitments:download", kwargs={"plan": self.plan.slug, "version": self.version, "fmt": fmt})

    def exports(self) -> dict[str, str | None]:
        return {fmt: (self.download_url(fmt) if getattr(self, fmt) else None) for fmt in EXPORT_FORMATS}

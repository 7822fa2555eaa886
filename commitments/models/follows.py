"""Citizens following a commitment (to hear back when something happens to it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommitmentFollow(models.Model):
    """A user follows a commitment: told when a consultation on it is answered."""

    commitment = models.ForeignKey("commitments.Commitment", on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commitment_follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follower of a commitment")
        verbose_name_plural = _("followers of commitments")
        constraints = [models.UniqueConstraint(fields=["commitment", "user"], name="commitmentfollow_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.commitment_id}"

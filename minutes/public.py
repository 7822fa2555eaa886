"""Queries behind what the minutes app shows on other pages (see ``minutes/providers.py``)."""

from __future__ import annotations

from .models import Minutes

LATEST = 5


def latest_minutes() -> list[Minutes]:
    """The newest published minutes (by meeting date)."""
    return list(
        Minutes.objects.published()
        .select_related("meeting__forum__commitment")
        .order_by("-meeting__starts_at", "-pk")[:LATEST]
    )

"""Queries behind what the minutes app shows on other pages (see ``minutes/providers.py``)."""

from __future__ import annotations

from core.prepared import PreparedQuery

from .models import Minutes

LATEST = 5


# Compiled once per process and language (core.prepared).
_LATEST = PreparedQuery(
    lambda: (
        Minutes.objects.published()
        .select_related("meeting__forum__commitment")
        .order_by("-meeting__starts_at", "-pk")[:LATEST]
    ),
    arity=0,
)


def latest_minutes() -> list[Minutes]:
    """The newest published minutes (by meeting date)."""
    return _LATEST.objects()

"""What the minutes app offers the home page (see core/home.py)."""

from __future__ import annotations

from .models import Minutes

LATEST = 5


def home_context(request) -> dict:
    """``latest_minutes``: the newest published minutes (by meeting date)."""
    latest = list(
        Minutes.objects.published()
        .select_related("meeting__forum__commitment")
        .order_by("-meeting__starts_at", "-pk")[:LATEST]
    )
    return {"latest_minutes": latest}

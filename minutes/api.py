"""Open-data API of the minutes app (conventions in core/api.py)."""

from ninja import Router

router = Router(tags=["minutes"])

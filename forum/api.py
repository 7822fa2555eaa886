"""Open-data API of the forum app (conventions in core/api.py)."""

from ninja import Router

router = Router(tags=["forum"])

"""Open-data API of the consultations app (conventions in core/api.py)."""

from ninja import Router

router = Router(tags=["consultations"])

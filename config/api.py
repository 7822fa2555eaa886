"""The open-data API: one NinjaAPI, a router per app, OpenAPI at /api/v1/openapi.json."""

from django.utils.translation import gettext_lazy as _  # noqa: F401
from ninja import NinjaAPI

from budgeting.api import router as budgeting_router
from commitments.api import action_plans_router
from commitments.api import router as commitments_router
from consultations.api import router as consultations_router
from forum.api import router as forum_router
from minutes.api import router as minutes_router

api = NinjaAPI(
    title="OGP Taiwan open data",
    version="1",
    description="Open data of the Open Government National Action Plan: commitments, forums, minutes, "
    "consultations. Translated text is keyed by language; dates are ISO 8601; no personal contact data.",
    urls_namespace="api_v1",
)
api.add_router("/commitments/", commitments_router)
api.add_router("/action-plans/", action_plans_router)
api.add_router("/forums/", forum_router)
api.add_router("/minutes/", minutes_router)
api.add_router("/consultations/", consultations_router)
api.add_router("/budgeting/", budgeting_router)

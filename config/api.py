"""The open-data API: one NinjaAPI, a router per app, OpenAPI at /api/v1/openapi.json.

Each installed app's routers are added; an app left out of INSTALLED_APPS has no API.
"""

from importlib import import_module

from django.apps import apps
from ninja import NinjaAPI

api = NinjaAPI(
    title="OGP Taiwan open data",
    version="1",
    description="Open data of the Open Government National Action Plan: commitments, forums, minutes, "
    "consultations. Translated text is keyed by language; dates are ISO 8601; no personal contact data.",
    urls_namespace="api_v1",
)

# (prefix, app, router attribute in <app>.api), in the order of the documentation.
ROUTERS = [
    ("/commitments/", "commitments", "router"),
    ("/action-plans/", "commitments", "action_plans_router"),
    ("/forums/", "forum", "router"),
    ("/minutes/", "minutes", "router"),
    ("/consultations/", "consultations", "router"),
    ("/proposals/", "proposals", "router"),
    ("/policy-profiles/", "proposals", "profiles_router"),
    ("/budgeting/", "budgeting", "router"),
]

for prefix, app, name in ROUTERS:
    if apps.is_installed(app):
        api.add_router(prefix, getattr(import_module(f"{app}.api"), name))

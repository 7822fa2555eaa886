"""The home page, served directly (not through Wagtail's page routing) for speed."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache

from .home import home_context
from .models import HomePage


def home(request):
    """The live HomePage with what the apps show on it; edited in the Wagtail admin.

    Everything is lazy: when the page's fragments are cached, it runs no query."""
    page = SimpleLazyObject(lambda: HomePage.objects.live().first())
    context = {"page": page, "self": page, "request": request}
    context.update(home_context(request))
    return TemplateResponse(request, HomePage.template, context)


@never_cache
def search(request):
    """One search box over the site: every app's results (``core.sitesearch``), filtered by type,
    paginated; any query string gives a page, never an error. Never in the page cache (arbitrary
    query strings would fill it)."""
    from django.conf import settings
    from django.core.paginator import Paginator
    from django.shortcuts import render

    from . import sitesearch

    query = sitesearch.clean_query(request.GET.get("q"))
    found = sitesearch.groups(query, request)
    known = {group.kind for group in found}
    kinds = {kind for kind in request.GET.getlist("type") if kind in known}
    hits = sitesearch.flatten(found, kinds or None)
    page = Paginator(hits, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    from urllib.parse import urlencode

    params = urlencode([("q", query)] + [("type", kind) for kind in sorted(kinds)])
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "groups": found,
            "kinds": kinds,
            "page": page,
            "total": len(hits),
            "params": params,
        },
    )


def healthz(request):
    """Health check for load balancers and orchestrators: the database and the shared cache
    answer (200 ``{"status": "ok", ...}``), else 503 naming what failed. No personal data, never cached."""
    import time

    from django.core.cache import cache
    from django.db import connections
    from django.http import JsonResponse

    checks = {}
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"error: {type(error).__name__}"
    try:
        value = str(time.time_ns())
        cache.set("ogp:healthz", value, 30)
        checks["cache"] = "ok" if cache.get("ogp:healthz") == value else "error: value not kept"
    except Exception as error:  # noqa: BLE001
        checks["cache"] = f"error: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def favicon(request):
    """Browsers that ask for /favicon.ico get the site's icon (pages link it themselves)."""
    return redirect(static("favicon.svg"))

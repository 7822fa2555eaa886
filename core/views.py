"""The home page, served directly (not through Wagtail's page routing) for speed."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.utils.functional import SimpleLazyObject

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

"""The home page, served directly (not through Wagtail's page routing) for speed."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
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


def favicon(request):
    """Browsers that ask for /favicon.ico get the site's icon (pages link it themselves)."""
    return redirect(static("favicon.svg"))

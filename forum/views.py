"""Public pages of the forum app."""

from django.shortcuts import render


def index(request):
    """Placeholder list page until the forum app is built."""
    return render(request, "forum/index.html", {})

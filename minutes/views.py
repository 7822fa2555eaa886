"""Public pages of the minutes app."""

from django.shortcuts import render


def index(request):
    """Placeholder list page until the minutes app is built."""
    return render(request, "minutes/index.html", {})

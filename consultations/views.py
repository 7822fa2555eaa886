"""Public pages of the consultations app."""

from django.shortcuts import render


def index(request):
    """Placeholder list page until the consultations app is built."""
    return render(request, "consultations/index.html", {})

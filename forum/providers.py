"""What the forum app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import providers
from core.providers import Link, Section


def commitment_page(commitment, request) -> Section:
    """The commitment's forum (or a note that none is set up yet)."""
    from .models import Forum

    forum = Forum.objects.filter(commitment=commitment).only("pk", "commitment_id").first()
    return Section("forum/includes/for_commitment.html", {"commitment_forum": forum})


def navigation(request) -> Link:
    return Link(reverse("forum:index"), _("Forums"))


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def search(query: str, request=None):
    from .sitesearch import results

    return results(query, request)


def register() -> None:
    providers.register("commitment_page", commitment_page)
    providers.register("navigation", navigation)
    providers.register("demo", demo)
    providers.register("search", search)

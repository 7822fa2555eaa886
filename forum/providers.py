"""What the forum app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import providers
from core.providers import Link, Section


def commitment_page(commitment, request) -> Section:
    """The commitment's forum (or a note that none is set up yet): its id, one query by the unique
    ``commitment`` without the model's ordering (which joined the commitment and its plan)."""
    from django.db.models import QuerySet

    from .models import Forum

    # A plain queryset: modeltranslation's manager would rebuild the row as a dict.
    found = QuerySet(Forum).filter(commitment=commitment).order_by().values_list("pk", flat=True)[:1]
    return Section("forum/includes/for_commitment.html", {"commitment_forum_id": next(iter(found), None)})


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

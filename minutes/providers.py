"""What the minutes app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from core import providers, stored_names
from core.providers import Link, Section


def home(request) -> Section:
    """The latest minutes (lazy: no query inside a cached fragment)."""
    from .public import latest_minutes

    return Section("minutes/includes/home.html", {"latest_minutes": SimpleLazyObject(latest_minutes)})


def commitment_page(commitment, request) -> Section | None:
    """A link to the minutes of the commitment's forum, when it has one."""
    from forum.models import Forum

    forum_id = Forum.objects.filter(commitment=commitment).values_list("pk", flat=True).first()
    if forum_id is None:
        return None
    return Section("minutes/includes/for_commitment.html", {"minutes_forum_id": forum_id})


def navigation(request) -> Link:
    return Link(reverse("minutes:index"), _("Minutes"))


def setup() -> None:
    """The minutes' approval workflow."""
    from .services import workflows_setup

    workflows_setup()


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def search(query: str, request=None):
    from .sitesearch import results

    return results(query, request)


def feeds(request=None):
    from .sitesearch import feeds

    return feeds(request)


def reminders(today):
    from .reminders import reminders

    return reminders(today)


def register() -> None:
    from .services import TASK_NAME, WORKFLOW_NAME

    stored_names.register(WORKFLOW_NAME, TASK_NAME)
    providers.register("home", home)
    providers.register("commitment_page", commitment_page)
    providers.register("navigation", navigation)
    providers.register("setup", setup)
    providers.register("demo", demo)
    providers.register("search", search)
    providers.register("reminders", reminders)
    providers.register("feeds", feeds)

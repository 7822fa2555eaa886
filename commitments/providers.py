"""What the commitments app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from core import providers, stored_names
from core.providers import Link, Section


def home(request) -> Section:
    """The current plan and its commitments by theme (lazy: no query inside a cached fragment)."""
    from .models import ActionPlan
    from .public import themes_with_commitments

    plan = SimpleLazyObject(ActionPlan.objects.current)
    themes = SimpleLazyObject(lambda: themes_with_commitments(plan) if plan else [])
    return Section("commitments/includes/home.html", {"plan": plan, "themes": themes}, wide=True)


def navigation(request) -> Link:
    return Link(reverse("commitments:current"), _("Action plan"))


def setup() -> None:
    """The shipped action plans and the commitment tables' workflow."""
    from .services import action_plans_load_seed, workflows_setup

    action_plans_load_seed()
    workflows_setup()


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def search(query: str, request=None):
    from .sitesearch import results

    return results(query, request)


def reminders(today):
    from .reminders import reminders

    return reminders(today)


def register() -> None:
    from .services.tables import TASK_NAME, WORKFLOW_NAME

    stored_names.register(WORKFLOW_NAME, TASK_NAME)
    providers.register("home", home)
    providers.register("navigation", navigation)
    providers.register("setup", setup)
    providers.register("demo", demo)
    providers.register("search", search)
    providers.register("reminders", reminders)

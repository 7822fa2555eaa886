"""What the budgeting app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import providers
from core.providers import Link


def navigation(request) -> Link:
    return Link(reverse("budgeting:index"), _("Participatory budgeting"))


def personal_data(user) -> dict:
    """The projects a user proposed (K-4 export). Votes are secret: nothing links them to anyone."""
    from .models import Project

    return {
        "budgeting_proposals": [
            {"process": p.process_id, "title": p.title_zh_hant, "proposed": p.created_at.isoformat()}
            for p in Project.objects.filter(proposer=user).order_by("created_at")
        ]
    }


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def register() -> None:
    providers.register("navigation", navigation)
    providers.register("personal_data", personal_data)
    providers.register("demo", demo)

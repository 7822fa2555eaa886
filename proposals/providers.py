"""What the proposals app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import providers
from core.providers import Link


def navigation(request) -> Link:
    return Link(reverse("proposals:index"), _("Citizen proposals"))


def personal_data(user) -> dict:
    """The user's proposals and seconds (K-4 export)."""
    from .models import Proposal, Second

    return {
        "proposals": [
            {"id": p.pk, "title": p.title, "status": p.status, "submitted_on": p.submitted_on.isoformat()}
            for p in Proposal.objects.filter(author=user).order_by("pk")
        ],
        "seconds": [
            {"proposal": s.proposal_id, "opinion": s.opinion, "at": s.created_at.isoformat(), "confirmed": s.confirmed}
            for s in Second.objects.filter(user=user).order_by("pk")
        ],
    }


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def feeds(request=None) -> Link:
    """The Atom feed of proposals, advertised on every page (``templates/base.html``)."""
    return Link(reverse("proposals:feed"), _("Citizen proposals (Atom)"))


def register() -> None:
    providers.register("navigation", navigation)
    providers.register("feeds", feeds)
    providers.register("personal_data", personal_data)
    providers.register("demo", demo)

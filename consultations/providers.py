"""What the consultations app offers other apps' pages and commands (``core.providers`` slots)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import providers
from core.providers import Link, Section


def home(request) -> Section:
    """The open consultations, soonest to close first (a lazy queryset)."""
    from .public import open_now

    return Section("consultations/includes/home.html", {"open_consultations": open_now()[:5]})


def commitment_page(commitment, request) -> Section:
    """The consultations on the commitment, newest first."""
    from .public import for_commitment

    return Section(
        "consultations/includes/for_commitment.html", {"commitment_consultations": for_commitment(commitment)}
    )


def navigation(request) -> Link:
    return Link(reverse("consultations:index"), _("Consultations"))


def account_menu(request) -> Link | None:
    if not request.user.is_authenticated:
        return None
    return Link(reverse("consultations:my_suggestions"), _("My suggestions"))


def personal_data(user) -> dict:
    """The user's comments and suggestions (K-4 export)."""
    from .models import Comment, Suggestion

    return {
        "comments": [
            {
                "id": c.pk,
                "consultation": c.consultation_id,
                "reply_to": c.parent_id,
                "posted": c.created_at.isoformat(),
                "section": c.section,
                "section_label": c.section_label,
                "text": c.text,
                "hidden": c.is_hidden,
                "ground": c.hidden_ground or None,
            }
            for c in Comment.objects.filter(author=user).order_by("created_at")
        ],
        "suggestions": [
            {
                "title": s.title,
                "text": s.text,
                "sent": s.created_at.isoformat(),
                "forwarded_to": s.forwarded_to.code if s.forwarded_to_id else None,
            }
            for s in Suggestion.objects.filter(author=user).select_related("forwarded_to")
        ],
    }


def demo(accounts: dict) -> None:
    from . import demo

    demo.load(accounts)


def search(query: str, request=None):
    from .sitesearch import results

    return results(query, request)


def reminders(today):
    from .reminders import reminders

    return reminders(today)


def feeds(request=None):
    return Link(reverse("consultations:feed"), _("Public consultations (Atom)"))


def register() -> None:
    providers.register("home", home)
    providers.register("commitment_page", commitment_page)
    providers.register("navigation", navigation)
    providers.register("account_menu", account_menu)
    providers.register("personal_data", personal_data)
    providers.register("demo", demo)
    providers.register("search", search)
    providers.register("feeds", feeds)
    providers.register("reminders", reminders)

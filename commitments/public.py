"""Queries behind the public pages of the commitments app (a fixed number each)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject

from .models import ActionPlan, Commitment, Theme


def themes_with_commitments(plan: ActionPlan):
    """The plan's themes, each with its commitments and their lead agencies: two queries."""
    commitments = Commitment.objects.select_related("lead_agency").order_by("number")
    return list(
        Theme.objects.filter(plan=plan)
        .order_by("number")
        .prefetch_related(Prefetch("commitments", queryset=commitments))
    )


def home_context(request) -> dict:
    """The current plan and its themes, evaluated only if the page fragment is not cached."""
    plan = SimpleLazyObject(ActionPlan.objects.current)
    return {"plan": plan, "themes": SimpleLazyObject(lambda: themes_with_commitments(plan) if plan else [])}

"""Public pages of the commitments app."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from .models import ActionPlan, Commitment
from .public import themes_with_commitments


def current_plan(request):
    """The current action plan's page."""
    plan = ActionPlan.objects.current()
    if plan is None:
        raise Http404
    return redirect("commitments:plan", plan=plan.slug)


def plan_detail(request, plan: str):
    """An action plan: its commitments by theme."""
    action_plan = get_object_or_404(ActionPlan, slug=plan)
    return render(
        request,
        "commitments/plan_detail.html",
        {"plan": action_plan, "themes": themes_with_commitments(action_plan)},
    )


def commitment_detail(request, plan: str, number: int):
    """A commitment's public page."""
    commitment = get_object_or_404(
        Commitment.objects.select_related("plan", "theme", "lead_agency"), plan__slug=plan, number=number
    )
    return render(request, "commitments/commitment_detail.html", {"commitment": commitment, "plan": commitment.plan})

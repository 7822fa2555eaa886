"""Open-data API of the commitments app."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from core.api import Translated, paginate
from core.i18n import translations

from .models import ActionPlan, Commitment

router = Router(tags=["commitments"])
action_plans_router = Router(tags=["action plans"])


class AgencyOut(Schema):
    code: str
    name: Translated
    short_name: Translated


class ThemeOut(Schema):
    number: int
    name: Translated


class CommitmentOut(Schema):
    number: int
    plan: str
    title: Translated
    theme: ThemeOut
    lead_agency: AgencyOut
    url: Translated


class CommitmentPage(Schema):
    count: int
    items: list[CommitmentOut]


def agency_out(agency) -> dict:
    return {"code": agency.code, "name": translations(agency, "name"), "short_name": translations(agency, "short_name")}


def commitment_out(commitment: Commitment) -> dict:
    return {
        "number": commitment.number,
        "plan": commitment.plan.slug,
        "title": translations(commitment, "title"),
        "theme": {"number": commitment.theme.number, "name": translations(commitment.theme, "name")},
        "lead_agency": agency_out(commitment.lead_agency),
        "url": commitment.urls(),
    }


def _plan(slug: str | None) -> ActionPlan:
    if slug:
        return get_object_or_404(ActionPlan, slug=slug)
    plan = ActionPlan.objects.current()
    if plan is None:
        from django.http import Http404

        raise Http404("no action plan")
    return plan


def _commitments():
    return Commitment.objects.select_related("plan", "theme", "lead_agency").order_by("number")


@router.get("/", response=CommitmentPage, summary="Commitments of an action plan")
def list_commitments(request, page: int = 1, plan: str | None = None):
    """The commitments of the current action plan, or of ``?plan=<slug>``."""
    return paginate(_commitments().filter(plan=_plan(plan)), page, commitment_out)


@router.get("/{number}/", response=CommitmentOut, summary="One commitment")
def get_commitment(request, number: int, plan: str | None = None):
    """A commitment by its number in the current action plan (or ``?plan=<slug>``)."""
    return commitment_out(get_object_or_404(_commitments(), plan=_plan(plan), number=number))

"""Open-data API of the commitments app."""

from __future__ import annotations

from typing import Annotated, Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from core.api import Number, Serialized, Slug, SlugOrId, Translated, paginated, responses
from core.api_filters import AgencyCode, ChangedSince, aware
from core.i18n import translations

from .models import ActionPlan, Commitment, CompiledPlan, status_expression
from .snapshot import commitment_data, commitment_summary, commitments_prefetched

TableStatusFilter = Annotated[
    Literal["none", "draft", "submitted", "approved", "published"] | None,
    Query(None, description="The commitment table's status (`none`: no table yet)."),
]

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


class PeriodOut(Schema):
    start: str
    end: str


class OgpValueOut(Schema):
    relevant: bool
    argument: Translated


class SdgOut(Schema):
    number: int
    name: Translated


class ParticipantOut(Schema):
    kind: str
    name: Translated


class TargetOut(Schema):
    value: float
    unit: Translated


class ProgressOut(Schema):
    status: str
    value_reached: float | None
    evidence_url: str | None
    reported_on: str
    note: Translated


class IndicatorOut(Schema):
    description: Translated
    starts_on: str
    ends_on: str
    plan_year: str | None
    target: TargetOut | None
    verification: Translated | None
    status: str
    overdue: bool
    progress: list[ProgressOut]


class CoverageOut(Schema):
    year: str
    indicators: int


class CommitmentDetailOut(CommitmentOut):
    co_agencies: list[AgencyOut]
    period: PeriodOut
    status: str
    submitted_at: str | None
    days_late: int
    published: bool
    problem: Translated | None = None
    description: Translated | None = None
    contribution: Translated | None = None
    ogp_values: dict[str, OgpValueOut]
    sdgs: list[SdgOut]
    participants: list[ParticipantOut]
    indicators: list[IndicatorOut]
    coverage: list[CoverageOut]


def commitment_out(commitment: Commitment) -> dict:
    """A commitment in a list: its summary (snapshot.commitment_summary) and its addresses."""
    return {**commitment_summary(commitment), "url": commitment.urls()}


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


@router.get("/", response=responses(list[CommitmentOut], not_found=True), summary="Commitments of an action plan")
@paginated
def list_commitments(
    request,
    plan: Slug = None,
    agency: AgencyCode = None,
    status: TableStatusFilter = None,
    changed_since: ChangedSince = None,
):
    """The commitments of the current action plan, or of ``?plan=<slug>``.

    Filters: ``agency`` (the lead agency's code), ``status`` (of the commitment table: ``none``
    when there is no table yet), ``changed_since`` (the table was submitted or published since)."""
    commitments = _commitments().filter(plan=_plan(plan))
    if agency:
        commitments = commitments.filter(lead_agency__code=agency)
    if status == "none":
        commitments = commitments.filter(table__isnull=True)
    elif status:
        commitments = commitments.annotate(table_status=status_expression("table__")).filter(
            table__isnull=False, table_status=status
        )
    if changed_since:
        since = aware(changed_since)
        commitments = commitments.filter(Q(table__submitted_at__gte=since) | Q(table__last_published_at__gte=since))
    return Serialized(commitments, commitment_out, cached=True)


@router.get(
    "/{number}/", response=responses(CommitmentDetailOut, not_found=True), summary="One commitment with its table"
)
def get_commitment(request, number: Number, plan: Slug = None):
    """A commitment by its number in the current action plan (or ``?plan=<slug>``), with its
    table's status (draft / submitted / approved / published), submission and days late (F-6),
    and, once published, its content: OGP values, SDGs, participants and indicators with progress."""
    commitment = get_object_or_404(commitments_prefetched(_plan(plan)), number=number)
    return {**commitment_data(commitment), "url": commitment.urls()}


ExportsOut = dict[str, str | None]


class CompiledOut(Schema):
    version: int
    compiled_at: str
    commitments: int
    url: str
    exports: ExportsOut


class ActionPlanOut(Schema):
    id: int
    slug: str
    name: Translated
    period: PeriodOut
    deadline: str
    years: list[str]
    is_current: bool
    compiled: CompiledOut | None
    exports: ExportsOut | None


def _compiled_out(compiled: CompiledPlan | None) -> dict | None:
    if compiled is None:
        return None
    return {
        "version": compiled.version,
        "compiled_at": compiled.compiled_at.isoformat(),
        "commitments": compiled.commitment_count,
        "url": compiled.get_absolute_url(),
        "exports": compiled.exports(),
    }


def action_plan_out(plan: ActionPlan) -> dict:
    from . import rules

    compilations = list(plan.compilations.all())
    latest = compilations[0] if compilations else None
    return {
        "id": plan.pk,
        "slug": plan.slug,
        "name": translations(plan, "name"),
        "period": {"start": plan.starts_on.isoformat(), "end": plan.ends_on.isoformat()},
        "deadline": plan.submission_deadline.isoformat(),
        "years": [year.label for year in rules.plan_years(plan.starts_on, plan.ends_on)],
        "is_current": plan.is_current,
        "compiled": _compiled_out(latest),
        "exports": latest.exports() if latest else None,
    }


def _plans():
    from django.db.models import Prefetch

    latest = CompiledPlan.objects.select_related("plan").defer("data").order_by("-version")
    return ActionPlan.objects.order_by("-starts_on").prefetch_related(Prefetch("compilations", queryset=latest))


@action_plans_router.get("/", response=responses(list[ActionPlanOut]), summary="Action plans")
@paginated
def list_action_plans(request):
    """Every action plan with its period, deadline (F-6) and the latest compiled plan's exports."""
    return Serialized(_plans(), action_plan_out, cached=True)


@action_plans_router.get("/{plan_id}/", response=responses(ActionPlanOut, not_found=True), summary="One action plan")
def get_action_plan(request, plan_id: SlugOrId):
    """An action plan by id or slug, with the exports of its latest compiled version."""
    lookup = {"pk": int(plan_id)} if plan_id.isdigit() and len(plan_id) < 19 else {"slug": plan_id}
    return action_plan_out(get_object_or_404(_plans(), **lookup))

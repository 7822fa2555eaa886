"""Open-data API of the budgeting app (conventions in core/api.py): processes, projects, results.

Never a voter's identity: no roll, no hashes, no ballot ids. Vote counts per project appear
only once results are published (after voting closes).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from core.api import Id, Serialized, Translated, paginated, responses
from core.cache import cached_fragment
from core.i18n import translations

from .models import Phase, Process, Project, Result

router = Router(tags=["budgeting"])


class PhaseOut(Schema):
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    note: Translated


class ProcessOut(Schema):
    id: int
    title: Translated
    description: Translated
    area: Translated
    budget: int
    ballot_kind: str
    max_choices: int
    two_rounds: bool
    min_age: int
    allow_non_residents: bool
    binding_method: str
    current_phase: str | None
    phases: list[PhaseOut]
    results_published: bool
    url: str


class ProjectOut(Schema):
    id: int
    title: Translated
    summary: Translated
    location: str
    channel: str
    agency: str | None
    status: str
    feasible: bool | None
    cost_estimate: int | None
    feasibility_reasons: Translated
    shortlisted: bool
    funded: bool
    progress: int
    votes: int | None
    url: str


class ResultOut(Schema):
    process: int
    published_at: dt.datetime
    binding_method: str
    online_ballots: int
    paper_ballots: int
    electorate: int | None
    tallies: dict[str, int]
    winners: list[int]
    greedy: list[int]
    mes: list[int]
    pabulib_url: str


def _processes():
    return Process.objects.prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "pk"))
    ).select_related("result")


def process_out(item: Process) -> dict:
    return {
        "id": item.pk,
        "title": translations(item, "title"),
        "description": translations(item, "description"),
        "area": translations(item, "area"),
        "budget": item.budget,
        "ballot_kind": item.ballot_kind,
        "max_choices": item.max_choices,
        "two_rounds": item.two_rounds,
        "min_age": item.min_age,
        "allow_non_residents": item.allow_non_residents,
        "binding_method": item.binding_method,
        "current_phase": item.phase_on(timezone.localdate()),
        "phases": [
            {"kind": p.kind, "starts_on": p.starts_on, "ends_on": p.ends_on, "note": translations(p, "note")}
            for p in item.phases.all()
        ],
        "results_published": _result(item) is not None,
        "url": item.get_absolute_url(),
    }


def _result(item: Process) -> Result | None:
    try:
        return item.result
    except Result.DoesNotExist:
        return None


def project_out(item: Project, tallies: dict[str, int] | None) -> dict:
    reviewed = item.status in (Project.Status.FEASIBLE, Project.Status.INFEASIBLE)
    return {
        "id": item.pk,
        "title": translations(item, "title"),
        "summary": translations(item, "summary"),
        "location": item.location,
        "channel": item.channel,
        "agency": item.agency.code if item.agency_id else None,
        "status": item.status,
        "feasible": item.status == Project.Status.FEASIBLE if reviewed else None,
        "cost_estimate": item.cost_estimate,
        "feasibility_reasons": translations(item, "feasibility_reasons"),
        "shortlisted": item.shortlisted,
        "funded": item.funded,
        "progress": item.progress,
        "votes": tallies.get(str(item.pk), 0) if tallies is not None and item.status == "feasible" else None,
        "url": item.get_absolute_url(),
    }


@router.get("/", response=responses(list[ProcessOut]), summary="Participatory budgeting processes")
@paginated
def list_processes(request):
    """Every process with its calendar, ballot rules and current phase."""
    return Serialized(_processes().order_by("-pk"), process_out)


@router.get("/{process_id}/", response=responses(ProcessOut, not_found=True), summary="One process")
def get_process(request, process_id: Id):
    return process_out(get_object_or_404(_processes(), pk=process_id))


@router.get("/{process_id}/projects/", response=responses(list[ProjectOut], not_found=True), summary="Projects")
@paginated
def list_projects(request, process_id: Id):
    """Projects of a process with cost, feasibility and status; votes only once results are published.

    The same answer for every visitor: the process's existence and published tallies, then each
    page of projects, are cached fragments by content version (a hit runs no query)."""

    def head() -> dict:
        process = Process.objects.select_related("result").filter(pk=process_id).first()
        if process is None:
            return {"found": False, "tallies": None}
        result = _result(process)
        return {"found": True, "tallies": result.tallies if result is not None else None}

    known = cached_fragment(("api-budgeting-projects", process_id), head)
    if not known["found"]:
        raise Http404
    tallies = known["tallies"]
    projects = (
        Project.objects.filter(process_id=process_id)
        .exclude(status=Project.Status.WITHDRAWN)
        .select_related("agency")
        .order_by("pk")
    )
    return Serialized(projects, lambda p: project_out(p, tallies), cached=True)


@router.get("/{process_id}/results/", response=responses(ResultOut, not_found=True), summary="Results of a process")
def get_results(request, process_id: Id):
    """Tallies and winners under both methods; 404 until results are published."""
    process = get_object_or_404(Process.objects.select_related("result"), pk=process_id)
    result = _result(process)
    if result is None:
        raise HttpError(404, "Results are not published yet.")
    return {
        "process": process.pk,
        "published_at": result.published_at,
        "binding_method": result.binding_method,
        "online_ballots": result.online_ballots,
        "paper_ballots": result.paper_ballots,
        "electorate": process.electorate,
        "tallies": result.tallies,
        "winners": result.winners,
        "greedy": result.greedy,
        "mes": result.mes,
        "pabulib_url": reverse("budgeting:results_pb", args=[process.pk]),
    }

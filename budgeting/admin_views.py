"""Staff views in the Wagtail admin: the process desk (consent, paper proposals and tallies, shortlist,
results, declarations) for NDC editors, and feasibility review and progress for agency officers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, services
from .admin_forms import ConsentForm, PaperProposalForm, ProgressForm, ReviewForm, TallyForm, WorkshopForm
from .models import NonResidentDeclaration, PollingStation, Process, Project, StationTally, TallyEntry


def _render(request, template: str, title: str, context: dict):
    return render(request, f"budgeting/admin/{template}", {"page_title": title, "header_icon": "tasks", **context})


def _staff_process(request, pk: int) -> Process:
    process = get_object_or_404(Process, pk=pk)
    if not permissions.can_manage_process(request.user, process):
        raise PermissionDenied
    return process


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def desk(request, pk: int):
    """Everything staff do on one process, with the forms they need."""
    process = _staff_process(request, pk)
    stations = list(process.stations.all())
    entries = {(e.station_id, e.round, e.entry): e for e in TallyEntry.objects.filter(station__process=process)}
    reconciled = {(t.station_id, t.round) for t in StationTally.objects.filter(station__process=process)}
    rounds = (1, 2) if process.two_rounds else (1,)
    rows = [
        {
            "station": s,
            "round": r,
            "first": entries.get((s.pk, r, 1)),
            "second": entries.get((s.pk, r, 2)),
            "reconciled": (s.pk, r) in reconciled,
        }
        for s in stations
        for r in rounds
    ]
    current = services.consent_current(process)
    initial = {}
    if current is not None:
        initial = {
            f"{f}_{lang}": getattr(current, f"{f}_{lang}") or ""
            for f in ("issue", "voting_rules", "privacy_notice")
            for lang in ("zh_hant", "en")
        }
    return _render(
        request,
        "desk.html",
        str(process),
        {
            "process": process,
            "rows": rows,
            "consent": current,
            "consent_form": ConsentForm(initial=initial),
            "paper_form": PaperProposalForm(),
            "declarations": process.declarations.filter(status=NonResidentDeclaration.Status.PENDING),
            "projects": process.projects.select_related("agency"),
        },
    )


@require_POST
def consent(request, pk: int):
    process = _staff_process(request, pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            version = services.consent_publish(process=process, user=request.user, **form.cleaned_data)
            messages.success(request, _("Consent text version %(v)s published.") % {"v": version.version})
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, _("The issue, the voting rules and the privacy notice are all needed in Chinese."))
    return redirect("budgeting_admin:desk", pk=process.pk)


def paper(request, pk: int):
    """Enter a proposal handed in on paper on site."""
    process = _staff_process(request, pk)
    form = PaperProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.project_enter_paper(process=process, user=request.user, **form.cleaned_data)
        messages.success(request, _("Paper proposal entered."))
        return redirect("budgeting_admin:desk", pk=process.pk)
    return _render(request, "form.html", _("Enter paper proposal"), {"form": form, "process": process})


def tally(request, pk: int, station_pk: int, round_: int):
    """Enter one of the two entries of a station's paper tally."""
    process = _staff_process(request, pk)
    station = get_object_or_404(PollingStation, pk=station_pk, process=process)
    form = TallyForm(
        request.POST if request.method == "POST" else None, projects=services.ballot_projects(process, round_)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.tally_enter(
                station=station,
                round_=round_,
                entry=form.cleaned_data["entry"],
                counts=form.counts(),
                ballots=form.cleaned_data["ballots"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Paper tally entered."))
            return redirect("budgeting_admin:desk", pk=process.pk)
    return _render(request, "form.html", str(station), {"form": form, "process": process})


@require_POST
def reconcile(request, pk: int, station_pk: int, round_: int):
    process = _staff_process(request, pk)
    station = get_object_or_404(PollingStation, pk=station_pk, process=process)
    try:
        services.tally_reconcile(station=station, round_=round_, user=request.user)
        messages.success(request, _("Paper tally reconciled."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("budgeting_admin:desk", pk=process.pk)


@require_POST
def shortlist(request, pk: int):
    process = _staff_process(request, pk)
    try:
        chosen = services.round1_shortlist(process=process, user=request.user)
        messages.success(request, _("Round 2 shortlist set: %(n)s projects.") % {"n": len(chosen)})
    except ValidationError as error:
        _errors(request, error)
    return redirect("budgeting_admin:desk", pk=process.pk)


@require_POST
def publish(request, pk: int):
    process = _staff_process(request, pk)
    try:
        services.results_publish(process=process, user=request.user)
        messages.success(request, _("Results published."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("budgeting_admin:desk", pk=process.pk)


@require_POST
def declaration(request, pk: int):
    item = get_object_or_404(NonResidentDeclaration, pk=pk)
    if not permissions.can_manage_process(request.user, item.process):
        raise PermissionDenied
    services.declaration_review(
        declaration=item,
        approve=request.POST.get("approve") == "1",
        note=request.POST.get("note", ""),
        user=request.user,
    )
    messages.success(request, _("Declaration reviewed."))
    return redirect("budgeting_admin:desk", pk=item.process_id)


def reviews(request):
    """Projects to review: an officer's own agency's; NDC editors see all."""
    user = request.user
    if not permissions.can_review_any(user):
        raise PermissionDenied
    projects = Project.objects.select_related("process", "agency").order_by("status", "-pk")
    if not permissions.is_budgeting_staff(user):
        projects = projects.filter(agency_id=permissions.officer_agency_id(user))
    return _render(request, "reviews.html", _("Feasibility review"), {"projects": projects})


def review(request, pk: int):
    """Review one project's feasibility (cost and reasons, published), record workshop notes, post progress."""
    project = get_object_or_404(Project.objects.select_related("process", "agency"), pk=pk)
    if not permissions.can_review_project(request.user, project):
        raise PermissionDenied
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        "review": ReviewForm(request.POST if action == "review" else None),
        "workshop": WorkshopForm(request.POST if action == "workshop" else None),
        "progress": ProgressForm(request.POST if action == "progress" else None),
    }
    if action in forms and forms[action].is_valid():
        data = forms[action].cleaned_data
        try:
            if action == "review":
                services.project_review(project=project, user=request.user, **data)
            elif action == "workshop":
                if not permissions.is_budgeting_staff(request.user):
                    raise PermissionDenied
                services.project_refine(project=project, user=request.user, **data)
            else:
                services.project_update_add(project=project, user=request.user, **data)
        except ValidationError as error:
            forms[action].add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("budgeting_admin:review", pk=project.pk)
    return _render(
        request,
        "review.html",
        str(project),
        {"project": project, "forms": forms, "is_staff": permissions.is_budgeting_staff(request.user)},
    )

"""Public pages of the budgeting app: processes, projects, proposing, results with charts and the .pb export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from core.cache import cached_fragment, render_cached

from . import charts, permissions, rules, services
from .forms import ProposalForm
from .models import Phase, Process, Project, ProjectUpdate


def _process(pk: int) -> Process:
    return get_object_or_404(
        Process.objects.prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "pk"))), pk=pk
    )


def index(request):
    """Every process with the phase it is in today (the page body is a cached fragment, by content
    version and day: core.cache.render_cached)."""
    today = timezone.localdate()

    def build() -> dict:
        processes = list(Process.objects.prefetch_related("phases").annotate(project_count=Count("projects")))
        for process in processes:
            process.current = process.phase_on(today)
        return {"processes": processes}

    return render_cached(request, "budgeting/index.html", ("budgeting-index", today.isoformat()), build)


def _process_cached(pk: int) -> Process:
    """``_process`` with its result (or none), cached by content version (public pages only)."""

    def build() -> dict:
        item = _process(pk)
        getattr(item, "result", None)  # read now: cached with the process
        return {"item": item}

    return cached_fragment(("budgeting-process", pk), build)["item"]


def process(request, pk: int):
    """A process: its calendar, rules, projects with their review, and what one can do today.

    The same for every visitor: the page body is a cached fragment (by content version, phase and
    day), so the projects and the result are read lazily, only when it is rebuilt."""
    item = _process_cached(pk)
    today = timezone.localdate()
    phase = item.phase_on(today)
    projects = item.projects.exclude(status=Project.Status.WITHDRAWN).select_related("agency")
    return render(
        request,
        "budgeting/process.html",
        {
            "process": item,
            "phase": phase,
            "voting_round": rules.voting_round(phase),
            "projects": projects,
            "has_result": lambda: hasattr(item, "result"),
            "can_propose": phase == rules.INTAKE,
            "today": today,
        },
    )


def project(request, pk: int, project_pk: int):
    """A project: summary, workshop notes, the agency's review, and progress with evidence once funded."""
    item = get_object_or_404(
        Project.objects.select_related("process", "agency").prefetch_related(
            Prefetch("updates", queryset=ProjectUpdate.objects.select_related("evidence"))
        ),
        pk=project_pk,
        process_id=pk,
    )
    if item.status == Project.Status.WITHDRAWN:
        raise Http404
    return render(request, "budgeting/project.html", {"project": item, "process": item.process})


def propose(request, pk: int):
    """A verified user proposes a project online during intake; the form keeps what they typed on error."""
    item = _process(pk)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if not permissions.can_propose(request.user):
        messages.error(request, _("Confirm your email address to propose a project."))
        return redirect("budgeting:process", pk=item.pk)
    form = ProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.project_propose(process=item, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you: your proposal was received. It will be refined and reviewed."))
            return redirect(created.get_absolute_url())
    elif item.phase_on(timezone.localdate()) != rules.INTAKE:
        messages.info(request, _("Proposals are accepted only during the intake phase."))
        return redirect("budgeting:process", pk=item.pk)
    return render(
        request, "budgeting/propose.html", {"process": item, "form": form}, status=400 if form.is_bound else 200
    )


def _results_figures(item: Process, result) -> dict:
    """What the results page shows beside the process and the result: rows, chart, turnout, spending."""
    projects = {p.pk: p for p in item.projects.all()}
    rows = charts.result_rows(result, projects)
    share = rules.turnout(result.total_ballots, item.electorate)
    return {
        "rows": rows,
        "chart": charts.bar_chart(rows, budget=item.budget),
        "turnout": None if share is None else share * 100,
        "spent_binding": sum(r["cost"] for r in rows if r["binding"]),
        "spent_other": sum(r["cost"] for r in rows if r["comparison"]),
        "binding_label": result.get_binding_method_display(),
        "other_label": dict(result._meta.get_field("binding_method").choices)[
            rules.MES if result.binding_method == rules.GREEDY else rules.GREEDY
        ],
    }


def results(request, pk: int):
    """Published results: tallies, winners under both methods (the binding one marked), chart, turnout.

    The body is a cached fragment: the figures are computed lazily, only when it is rebuilt."""
    item = _process_cached(pk)
    result = getattr(item, "result", None)
    if result is None:
        raise Http404
    figures = SimpleLazyObject(lambda: _results_figures(item, result))
    return render(request, "budgeting/results.html", {"process": item, "result": result, "figures": figures})


def results_pb(request, pk: int):
    """The election in Pabulib's ``.pb`` format, after results are published."""
    item = _process(pk)
    if not hasattr(item, "result"):
        raise Http404
    response = HttpResponse(services.pabulib_export(item), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="budgeting-{item.pk}.pb"'
    return response

"""Public pages of the commitments app."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import i18n, providers
from core.cache import cached_fragment, render_cached
from core.downloads import stored_file_response

from . import rules
from .annex import ANNEX_LABELS
from .follow_views import following
from .models import ActionPlan, CompiledPlan
from .models.compiled import CONTENT_TYPES, EXPORT_FORMATS
from .public import dashboard, themes_with_commitments
from .snapshot import commitment_data, commitment_for_page


def current_plan(request):
    """The current action plan's page."""
    plan = ActionPlan.objects.current()
    if plan is None:
        raise Http404
    return redirect("commitments:plan", plan=plan.slug)


def plan_detail(request, plan: str):
    """An action plan: its commitments by theme, with links to the dashboard and the compiled plan."""

    def build() -> dict:
        action_plan = get_object_or_404(ActionPlan, slug=plan)
        latest = CompiledPlan.objects.filter(plan=action_plan).only("version", "plan_id").first()
        return {"plan": action_plan, "themes": themes_with_commitments(action_plan), "compiled": latest}

    return render_cached(request, "commitments/plan_detail.html", ("plan-detail", plan), build)


def _value_labels() -> dict:
    return {name: rules.OGP_VALUE_LABELS[name] for name in rules.OGP_VALUES}


def commitment_detail(request, plan: str, number: int):
    """A commitment's public page: its published table in the Annex 2 layout, indicators and
    progress, and what other apps offer for it (``commitment_page`` providers: its forum, the
    forum's minutes, its consultations). The page body is a cached fragment (core.cache)."""

    def build() -> dict:
        commitment = get_object_or_404(commitment_for_page().filter(plan__slug=plan), number=number)
        context = {
            "commitment": commitment,
            "plan": commitment.plan,
            "item": commitment_data(commitment, lean=True),
            "labels": ANNEX_LABELS,
            "value_labels": _value_labels(),
            "status_labels": _status_labels(),
            "sections": providers.collect("commitment_page", commitment=commitment, request=request),
        }
        return {
            "page_title": i18n.value_in(commitment, "title", i18n.current_language())
            or i18n.value_in(commitment, "title", i18n.DEFAULT_LANGUAGE),
            "body": render_to_string("commitments/includes/commitment_body.html", context, request),
        }

    fragment = cached_fragment(("commitment-page", plan, number), build)
    return render(
        request,
        "commitments/commitment_detail.html",
        {
            "page_title": fragment["page_title"],
            "body": mark_safe(fragment["body"]),  # noqa: S308 - our own rendered template
            "follow_plan": plan,
            "follow_number": number,
            "following": following(request.user, plan, number),
        },
    )


def _status_labels() -> dict:
    from .models import IndicatorProgress

    return {choice.value: choice.label for choice in IndicatorProgress.Status}


def plan_dashboard(request, plan: str):
    """Progress of the plan's indicators by status per theme (server-rendered SVG), overdue ones named."""

    def build() -> dict:
        action_plan = get_object_or_404(ActionPlan, slug=plan)
        return {"plan": action_plan, **dashboard(action_plan)}

    return render_cached(request, "commitments/dashboard.html", ("plan-dashboard", plan), build)


def compiled_latest(request, plan: str):
    """The latest compiled version of the plan."""
    action_plan = get_object_or_404(ActionPlan, slug=plan)
    latest = CompiledPlan.objects.filter(plan=action_plan).first()
    if latest is None:
        return render(request, "commitments/compiled.html", {"plan": action_plan, "compiled": None}, status=404)
    return redirect("commitments:compiled", plan=action_plan.slug, version=latest.version)


def compiled_detail(request, plan: str, version: int):
    """A compiled plan, shown from its snapshot, with its downloads."""
    compiled = get_object_or_404(CompiledPlan.objects.select_related("plan"), plan__slug=plan, version=version)
    return render(
        request,
        "commitments/compiled.html",
        {
            "plan": compiled.plan,
            "compiled": compiled,
            "data": compiled.data,
            "labels": ANNEX_LABELS,
            "value_labels": _value_labels(),
            "status_labels": _status_labels(),
        },
    )


def compiled_download(request, plan: str, version: int, fmt: str):
    """A stored file of a compiled plan (made at compilation: no waiting)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    compiled = get_object_or_404(CompiledPlan.objects.select_related("plan"), plan__slug=plan, version=version)
    stored = getattr(compiled, fmt)
    if not stored:
        raise Http404
    return stored_file_response(
        request,
        stored,
        as_attachment=fmt in ("odt", "csv"),
        filename=f"action-plan-{compiled.plan.slug}-v{compiled.version}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )

"""NDC's monitoring page in the admin: tables' status, overdue indicators, compiling the plan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.pdf import PdfUnavailable

from . import permissions
from .models import ActionPlan, Commitment, CompiledPlan, TableStatus, status_expression
from .public import overdue_indicators
from .services import action_plan_compile


def monitoring(request):
    """Tables by status (late ones flagged), overdue indicators and compiled versions (NDC only)."""
    if not permissions.can_compile_plan(request.user):
        raise PermissionDenied
    plan = ActionPlan.objects.current()
    if request.method == "POST" and plan is not None:
        try:
            compiled = action_plan_compile(plan=plan, user=request.user)
        except PdfUnavailable as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Version %(version)s of the action plan has been compiled (%(count)s commitments).")
                % {"version": compiled.version, "count": len(compiled.data["commitments"])},
            )
        return redirect("commitments_monitoring")
    # Every commitment of the plan, with its table or without one (a missing table is the news).
    rows = [
        {"commitment": c, "table": getattr(c, "table", None), "status": TableStatus(c.table_status).label}
        for c in Commitment.objects.filter(plan=plan)
        .select_related("lead_agency", "table")
        .annotate(table_status=status_expression("table__"))
        .order_by("number")
    ]
    context = {
        "plan": plan,
        "rows": rows,
        "overdue": overdue_indicators(plan) if plan else [],
        "compilations": CompiledPlan.objects.filter(plan=plan).select_related("plan")[:10],
        "header_title": _("Action plan monitoring"),
    }
    return TemplateResponse(request, "commitments/admin/monitoring.html", context)

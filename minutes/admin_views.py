"""Admin views of the minutes app: NDC's queue of minutes awaiting English (F-7), and an
on-demand PDF of the latest draft (the archival PDF/A is the record sent to NDC, F-3.2)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from . import pdf, permissions, rules
from .models import Minutes, PdfKind


def translation_queue(request):
    """Every minutes (draft or published) whose prose still lacks English, longest wait first."""
    if not permissions.can_view_translation_queue(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    rows = []
    for minutes in Minutes.objects.with_facts():
        missing = minutes.missing_english()
        if not missing and "en" in minutes.languages_complete:
            continue
        rows.append(
            {
                "minutes": minutes,
                "missing": missing,
                "since": minutes.waiting_since,
                "days": rules.waiting_days(minutes.waiting_since, today),
            }
        )
    rows.sort(key=lambda row: -row["days"])
    return TemplateResponse(request, "minutes/admin/translation_queue.html", {"rows": rows})


def pdf_preview(request, pk: int, kind: str):
    """The PDF of the latest revision (draft included), rendered now, for staff who may edit it."""
    if kind not in PdfKind.values:
        raise Http404
    minutes = get_object_or_404(Minutes.objects.with_facts(), pk=pk)
    if not permissions.can_edit_minutes(request.user, minutes):
        raise PermissionDenied
    latest = minutes.get_latest_revision_as_object() if minutes.latest_revision_id else minutes
    latest.meeting = minutes.meeting
    data = pdf.render(latest, kind)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{pk}-{kind}-draft.pdf"'
    return response

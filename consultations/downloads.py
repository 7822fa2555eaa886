"""Bulk downloads of public comments: CSV (UTF-8 with a BOM, formula-neutralised through
``core.spreadsheet``) and JSON. As the public sees them: public names only, a hidden comment
shows its ground, a withdrawn one no text; never contact data (K-4).

``?consultation=<id>`` or ``?agency=<code>`` narrow the download; a malformed value is a 400
with a message, never a 500.
"""

from __future__ import annotations

import json
import re

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.i18n import value_in

from .models import Comment, SummaryResponse

COLUMNS = [
    "id",
    "consultation",
    "consultation_title_zh_hant",
    "consultation_title_en",
    "agency",
    "commitment",
    "reply_to",
    "posted",
    "edited",
    "withdrawn",
    "hidden",
    "ground",
    "author",
    "section",
    "item",
    "text",
    "cited_in_response",
]


def _iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _filters(request) -> dict | str:
    """The query's filters, or a message when one is malformed."""
    result: dict = {}
    consultation = request.GET.get("consultation", "")
    if consultation:
        if not consultation.isdigit() or len(consultation) > 12:
            return _("“consultation” must be a consultation number.")
        result["consultation_id"] = int(consultation)
    agency = request.GET.get("agency", "")
    if agency:
        if not re.fullmatch(r"[-a-zA-Z0-9_]{1,40}", agency):
            return _("“agency” must be an agency code such as moe.")
        result["consultation__agency__code"] = agency
    return result


def rows(filters: dict):
    """One dict per comment, by consultation then posting time (two queries)."""
    cited = set(
        SummaryResponse.cited_comments.through.objects.filter(summaryresponse__published_at__isnull=False).values_list(
            "comment_id", flat=True
        )
    )
    comments = (
        Comment.objects.filter(**filters)
        .select_related("author", "consultation__agency", "consultation__commitment")
        .order_by("consultation_id", "created_at", "pk")
    )
    for c in comments.iterator(chunk_size=2000):
        hidden = c.is_hidden
        withdrawn = c.is_withdrawn
        consultation = c.consultation
        yield {
            "id": c.pk,
            "consultation": consultation.pk,
            "consultation_title_zh_hant": value_in(consultation, "title", "zh-hant"),
            "consultation_title_en": value_in(consultation, "title", "en"),
            "agency": consultation.agency.code,
            "commitment": consultation.commitment.number if consultation.commitment_id else None,
            "reply_to": c.parent_id,
            "posted": _iso(c.created_at),
            "edited": _iso(c.edited_at),
            "withdrawn": _iso(c.withdrawn_at),
            "hidden": hidden,
            "ground": c.hidden_ground or None if hidden else None,
            "author": None if hidden else c.author.public_name,
            "section": c.section or None,
            "item": c.section_label or None,
            "text": None if hidden or withdrawn else c.text,
            "cited_in_response": c.pk in cited,
        }


@require_GET
def comments_csv(request):
    """Public comments as CSV."""
    from core import spreadsheet

    filters = _filters(request)
    if isinstance(filters, str):
        return HttpResponseBadRequest(filters, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="consultation-comments.csv"'
    out = spreadsheet.writer(response)
    out.writerow(COLUMNS)
    for row in rows(filters):
        out.writerow([row.get(column) for column in COLUMNS])
    return response


@require_GET
def comments_json(request):
    """Public comments as JSON: ``{"count", "items"}``."""
    filters = _filters(request)
    if isinstance(filters, str):
        return HttpResponseBadRequest(filters, content_type="text/plain; charset=utf-8")
    items = list(rows(filters))
    body = json.dumps({"count": len(items), "items": items}, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="consultation-comments.json"'
    return response

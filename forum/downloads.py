"""Bulk downloads of every forum decision: CSV (UTF-8 with a BOM, formula-neutralised through
``core.spreadsheet``) and JSON, for journalists and researchers. Public data only (F-3.1)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.i18n import LANGUAGE_CODES, urls_by_language, value_in

from .models import Decision

COLUMNS = [
    "forum",
    "commitment",
    "lead_agency",
    "meeting",
    "meeting_date",
    "meeting_title_zh_hant",
    "meeting_title_en",
    "item_position",
    "item_zh_hant",
    "item_en",
    "outcome",
    "consensus",
    "present",
    "agreed_to_vote",
    "in_favour",
    "against",
    "abstain",
    "resolution_zh_hant",
    "resolution_en",
    "url_zh_hant",
    "url_en",
]


def rows():
    """One dict per decision, by meeting date then agenda position (one query)."""
    decisions = Decision.objects.select_related("agenda_item__meeting__forum__commitment__lead_agency").order_by(
        "agenda_item__meeting__starts_at", "agenda_item__meeting_id", "agenda_item__position", "pk"
    )
    for decision in decisions.iterator(chunk_size=2000):
        item = decision.agenda_item
        meeting = item.meeting
        commitment = meeting.forum.commitment
        urls = urls_by_language(meeting)
        row = {
            "forum": meeting.forum_id,
            "commitment": commitment.number,
            "lead_agency": commitment.lead_agency.code,
            "meeting": meeting.pk,
            "meeting_date": timezone.localtime(meeting.starts_at).date().isoformat(),
            "item_position": item.position,
            "outcome": decision.outcome,
            "consensus": decision.consensus,
            "present": decision.present,
            "agreed_to_vote": decision.agreed_to_vote,
            "in_favour": decision.in_favour,
            "against": decision.against,
            "abstain": decision.abstain,
        }
        for language in LANGUAGE_CODES:
            suffix = language.replace("-", "_")
            row[f"meeting_title_{suffix}"] = value_in(meeting, "title", language)
            row[f"item_{suffix}"] = value_in(item, "title", language)
            row[f"resolution_{suffix}"] = value_in(decision, "resolution", language)
            row[f"url_{suffix}"] = urls.get(language)
        yield row


@require_GET
def decisions_csv(request):
    """Every decision as CSV."""
    from core import spreadsheet

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="forum-decisions.csv"'
    out = spreadsheet.writer(response)
    out.writerow(COLUMNS)
    for row in rows():
        out.writerow([row.get(column) for column in COLUMNS])
    return response


@require_GET
def decisions_json(request):
    """Every decision as JSON: ``{"count", "items"}``."""
    items = list(rows())
    body = json.dumps({"count": len(items), "items": items}, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="forum-decisions.json"'
    return response

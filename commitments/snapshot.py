"""Plain data of commitment tables, shared by the pages, the API and the compiled plan.

Each field has one home here: the API (``api.py``) serialises through these functions and only
adds addresses (``url``), so a new field is added once, in the function that owns it.

``commitment_data`` turns a commitment and its (live) table into a dict of JSON types
(translated text as ``{"zh-hant": ..., "en": ...}``, ISO dates). The compiled plan stores
these dicts, so what it shows never changes after compilation.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.i18n import translations

from . import rules
from .models import (
    ActionPlan,
    Commitment,
    CommitmentTable,
    Indicator,
    IndicatorProgress,
    TableStatus,
    status_expression,
)

TEXT_FIELDS = ("problem", "description", "contribution")
LINK_FIELDS = ("national_plan", "sector_plans", "anticorruption")


def _indicators() -> QuerySet:
    progress = IndicatorProgress.objects.order_by("-reported_on", "-pk")
    return Indicator.objects.order_by("sort_order", "pk").prefetch_related(Prefetch("progress", queryset=progress))


def tables_prefetched() -> QuerySet:
    """Tables with everything their page needs: a fixed number of queries for any length."""
    return CommitmentTable.objects.select_related("commitment__plan").prefetch_related(
        "co_agencies", "sdgs", "participants", Prefetch("indicators", queryset=_indicators())
    )


def commitments_prefetched(plan: ActionPlan | None = None) -> QuerySet:
    """Commitments with their tables and everything the tables show (fixed number of queries)."""
    queryset = (
        Commitment.objects.select_related("plan", "theme", "lead_agency", "table")
        .annotate(table_status=status_expression("table__"))
        .prefetch_related(
            "table__co_agencies",
            "table__sdgs",
            "table__participants",
            Prefetch("table__indicators", queryset=_indicators()),
        )
    )
    if plan is not None:
        queryset = queryset.filter(plan=plan)
    return queryset.order_by("number")


def agency_data(agency) -> dict:
    """An agency: its code and names (the API's ``AgencyOut``)."""
    return {"code": agency.code, "name": translations(agency, "name"), "short_name": translations(agency, "short_name")}


def progress_data(report: IndicatorProgress) -> dict:
    return {
        "status": report.status,
        "value_reached": float(report.value_reached) if report.value_reached is not None else None,
        "evidence_url": report.evidence_url or None,
        "reported_on": report.reported_on.isoformat(),
        "note": translations(report, "note"),
    }


def indicator_data(indicator: Indicator, years: list[rules.PlanYear], today) -> dict:
    reports = list(indicator.progress.all())
    status = reports[0].status if reports else rules.NOT_STARTED
    year = rules.year_of(indicator.ends_on, years)
    return {
        "id": indicator.pk,
        "description": translations(indicator, "description"),
        "starts_on": indicator.starts_on.isoformat(),
        "ends_on": indicator.ends_on.isoformat(),
        "plan_year": year.label if year else None,
        "target": (
            {"value": float(indicator.target_value), "unit": translations(indicator, "target_unit")}
            if indicator.target_value is not None
            else None
        ),
        "verification": translations(indicator, "verification") if indicator.verification_zh_hant else None,
        "status": status,
        "overdue": rules.is_overdue(indicator.ends_on, status, today),
        "progress": [progress_data(report) for report in reports],
    }


def table_content(table: CommitmentTable, today=None) -> dict:
    """The published content of a table (call on the live row, with ``tables_prefetched``)."""
    today = today or timezone.localdate()
    plan = table.commitment.plan
    years = rules.plan_years(plan.starts_on, plan.ends_on)
    indicators = [indicator_data(indicator, years, today) for indicator in table.indicators.all()]
    counts = {year.label: 0 for year in years}
    for indicator in indicators:
        if indicator["plan_year"]:
            counts[indicator["plan_year"]] += 1
    return {
        "co_agencies": [agency_data(agency) for agency in sorted(table.co_agencies.all(), key=lambda a: a.code)],
        "period": {
            "start": (table.starts_on or plan.starts_on).isoformat(),
            "end": (table.ends_on or plan.ends_on).isoformat(),
        },
        **{name: translations(table, name) for name in TEXT_FIELDS},
        "ogp_values": {
            name: {
                "relevant": getattr(table, f"{name}_relevant"),
                "argument": translations(table, f"{name}_argument"),
            }
            for name in rules.OGP_VALUES
        },
        "budget": {"amount": table.budget_amount, "source": translations(table, "budget_source")},
        "links": {name: translations(table, f"link_{name}") for name in LINK_FIELDS},
        "sdgs": [{"number": goal.number, "name": translations(goal, "name")} for goal in table.sdgs.all()],
        "participants": [
            {"kind": participant.kind, "name": translations(participant, "name")}
            for participant in table.participants.all()
        ],
        "indicators": indicators,
        "coverage": [{"year": label, "indicators": count} for label, count in counts.items()],
    }


def commitment_summary(commitment: Commitment) -> dict:
    """What identifies a commitment (the API's ``CommitmentOut`` without its addresses)."""
    return {
        "number": commitment.number,
        "plan": commitment.plan.slug,
        "title": translations(commitment, "title"),
        "theme": {"number": commitment.theme.number, "name": translations(commitment.theme, "name")},
        "lead_agency": agency_data(commitment.lead_agency),
    }


def commitment_data(commitment: Commitment, today=None) -> dict:
    """A commitment with its table: the lifecycle always, the content once published."""
    table = getattr(commitment, "table", None) if _has_table(commitment) else None
    data = {
        **commitment_summary(commitment),
        "status": _status(commitment, table),
        "submitted_at": table.submitted_at.isoformat() if table and table.submitted_at else None,
        "days_late": table.days_late if table else 0,
        "published": bool(table and table.live),
    }
    if table is not None and table.live:
        data.update(table_content(table, today))
    else:
        plan = commitment.plan
        data.update(
            {
                "co_agencies": [],
                "period": {"start": plan.starts_on.isoformat(), "end": plan.ends_on.isoformat()},
                "ogp_values": {},
                "sdgs": [],
                "participants": [],
                "indicators": [],
                "coverage": [],
            }
        )
    return data


def _status(commitment: Commitment, table: CommitmentTable | None) -> str:
    """The table's derived status: annotated by ``commitments_prefetched``, else read from the table."""
    if table is None:
        return TableStatus.DRAFT.value
    annotated = getattr(commitment, "table_status", None)
    return annotated if annotated is not None else table.status


def _has_table(commitment: Commitment) -> bool:
    try:
        return commitment.table is not None
    except CommitmentTable.DoesNotExist:
        return False


def plan_data(plan: ActionPlan) -> dict:
    return {
        "slug": plan.slug,
        "name": translations(plan, "name"),
        "starts_on": plan.starts_on.isoformat(),
        "ends_on": plan.ends_on.isoformat(),
        "submission_deadline": plan.submission_deadline.isoformat(),
        "years": [year.label for year in rules.plan_years(plan.starts_on, plan.ends_on)],
    }

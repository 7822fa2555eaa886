"""Plain data of commitment tables, shared by the pages, the API and the compiled plan.

Each field has one home here: the API (``api.py``) serialises through these functions and only
adds addresses (``url``), so a new field is added once, in the function that owns it.

``commitment_data`` turns a commitment and its (live) table into a dict of JSON types
(translated text as ``{"zh-hant": ..., "en": ...}``, ISO dates). The compiled plan stores
these dicts, so what it shows never changes after compilation.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.i18n import columns, translations

from . import rules
from .models import (
    ActionPlan,
    Agency,
    Commitment,
    CommitmentTable,
    Indicator,
    IndicatorProgress,
    Participant,
    SustainableDevelopmentGoal,
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


def commitment_for_page() -> QuerySet:
    """Commitments with plan, theme, lead agency and table, nothing prefetched nor annotated: the
    public page reads the table's related rows with ``commitment_data(..., lean=True)``."""
    return Commitment.objects.select_related("plan", "theme", "lead_agency", "table")


@dataclass(frozen=True)
class TableParts:
    """What a table shows beside its own columns: co-agencies, SDGs, participants (in their order)
    and indicators (in their order) each with its progress reports, newest first. Model instances
    or named rows with the same attribute names."""

    co_agencies: list
    sdgs: list
    participants: list
    indicators: list[tuple[Any, list]]


def prefetched_parts(table: CommitmentTable) -> TableParts:
    """The parts of a table read with ``tables_prefetched`` / ``commitments_prefetched``."""
    return TableParts(
        co_agencies=list(table.co_agencies.all()),
        sdgs=list(table.sdgs.all()),
        participants=list(table.participants.all()),
        indicators=[(indicator, list(indicator.progress.all())) for indicator in table.indicators.all()],
    )


def _plain(model: type) -> QuerySet:
    """A plain Django queryset of ``model``: modeltranslation's manager rewrites field names (all
    named by column here) and rebuilds each ``values_list`` row as a dict."""
    return QuerySet(model)


def _rows(queryset: QuerySet, *fields: str) -> list:
    """``queryset``'s ``fields`` as named rows."""
    return list(queryset.values_list(*fields, named=True))


def read_parts(table: CommitmentTable) -> TableParts:
    """The parts of one table as rows of the columns ``table_content`` reads: four small queries
    (indicators joined with their progress), no model instance (prefetching them builds
    querysets and instances at each level)."""
    indicator_fields = (
        "pk",
        *columns("description"),
        "starts_on",
        "ends_on",
        "target_value",
        *columns("target_unit"),
        *columns("verification"),
    )
    report_fields = ("status", "value_reached", "evidence_url", "reported_on", *columns("note"))
    rows = (
        _plain(Indicator)
        .filter(table_id=table.pk)
        .order_by("sort_order", "pk", "-progress__reported_on", "-progress__pk")
        .values_list(*indicator_fields, "progress__pk", *(f"progress__{name}" for name in report_fields))
    )
    indicators: dict[int, tuple[SimpleNamespace, list]] = {}
    width = len(indicator_fields)
    for row in rows:  # an indicator's row once per progress report (or once, without any)
        if row[0] not in indicators:
            indicators[row[0]] = (SimpleNamespace(**dict(zip(indicator_fields, row[:width], strict=True))), [])
        if row[width] is not None:
            report = dict(zip(report_fields, row[width + 1 :], strict=True))
            indicators[row[0]][1].append(SimpleNamespace(**report))
    return TableParts(
        co_agencies=_rows(
            _plain(Agency).filter(co_led_tables=table.pk), "code", *columns("name"), *columns("short_name")
        ),
        sdgs=_rows(_plain(SustainableDevelopmentGoal).filter(tables=table.pk), "number", *columns("name")),
        participants=_rows(_plain(Participant).filter(table_id=table.pk), "kind", *columns("name")),
        indicators=list(indicators.values()),
    )


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


def indicator_data(indicator: Indicator, years: list[rules.PlanYear], today, reports: list | None = None) -> dict:
    """An indicator with its status and ``reports`` (its prefetched progress when not given)."""
    if reports is None:
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


def table_content(table: CommitmentTable, today=None, parts: TableParts | None = None) -> dict:
    """The published content of a table (call on the live row, with ``tables_prefetched``, or
    give its ``parts``, e.g. ``read_parts(table)``)."""
    today = today or timezone.localdate()
    parts = parts or prefetched_parts(table)
    plan = table.commitment.plan
    years = rules.plan_years(plan.starts_on, plan.ends_on)
    indicators = [indicator_data(indicator, years, today, reports) for indicator, reports in parts.indicators]
    counts = {year.label: 0 for year in years}
    for indicator in indicators:
        if indicator["plan_year"]:
            counts[indicator["plan_year"]] += 1
    return {
        "co_agencies": [agency_data(agency) for agency in sorted(parts.co_agencies, key=lambda a: a.code)],
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
        "sdgs": [{"number": goal.number, "name": translations(goal, "name")} for goal in parts.sdgs],
        "participants": [
            {"kind": participant.kind, "name": translations(participant, "name")} for participant in parts.participants
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


def commitment_data(commitment: Commitment, today=None, *, lean: bool = False) -> dict:
    """A commitment with its table: the lifecycle always, the content once published.

    ``lean`` (the public page, read with ``commitment_for_page``): the table's parts are read as
    rows (``read_parts``) and the workflow ``status``, which the page does not show, is left out."""
    table = getattr(commitment, "table", None) if _has_table(commitment) else None
    data = {
        **commitment_summary(commitment),
        **({} if lean else {"status": _status(commitment, table)}),
        "submitted_at": table.submitted_at.isoformat() if table and table.submitted_at else None,
        "days_late": table.days_late if table else 0,
        "published": bool(table and table.live),
    }
    if table is not None and table.live:
        data.update(table_content(table, today, read_parts(table) if lean else None))
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

"""Queries behind the public pages of the commitments app (a fixed number each)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.dates import format_date
from core.i18n import LANGUAGE_CODES, columns

from . import rules
from .models import ActionPlan, Agency, Indicator, IndicatorProgress, Theme

STATUS_COLOURS = {
    rules.NOT_STARTED: "#8a94a0",
    rules.IN_PROGRESS: "#1f6fb2",
    rules.COMPLETED: "#1d7a3a",
    rules.DELAYED: "#b35900",
}


# A commitment number no plan reaches: replaced by each commitment's number in its page's address.
_NUMBER_SENTINEL = 918_273_645


def themes_with_commitments(plan: ActionPlan) -> list[SimpleNamespace]:
    """The plan's themes in order, each with its ``commitments`` in order: one query of the columns
    shown (rows joined, no model instances). A theme has ``number`` and its name's columns; a
    commitment its ``number``, its title's columns, ``detail_url`` (its page in the active
    language, from one reverse() for the plan: the number is the address's last argument, an
    ``<int:...>``) and ``lead_agency.label`` (``Agency.label`` of the joined columns)."""
    agency_columns = ("code", *columns("name"), *columns("short_name"))
    commitment_columns = ("number", *columns("title"))
    rows = (
        QuerySet(Theme)
        .filter(plan=plan)
        .order_by("number", "pk", "commitments__number", "commitments__pk")
        .values_list(
            "pk",
            "number",
            *columns("name"),
            "commitments__pk",
            *(f"commitments__{name}" for name in commitment_columns),
            *(f"commitments__lead_agency__{name}" for name in agency_columns),
        )
    )
    url = reverse("commitments:detail", kwargs={"plan": plan.slug, "number": _NUMBER_SENTINEL})
    before, _sentinel, after = url.rpartition(str(_NUMBER_SENTINEL))
    themes: dict[int, SimpleNamespace] = {}
    theme_width = 2 + len(LANGUAGE_CODES)
    commitment_width = len(commitment_columns)
    for row in rows:
        pk = row[0]
        theme = themes.get(pk)
        if theme is None:
            theme = themes[pk] = SimpleNamespace(
                pk=pk, number=row[1], **dict(zip(columns("name"), row[2:theme_width], strict=True)), commitments=[]
            )
        if row[theme_width] is None:  # a theme without commitments
            continue
        start = theme_width + 1
        commitment = dict(zip(commitment_columns, row[start : start + commitment_width], strict=True))
        agency = SimpleNamespace(**dict(zip(agency_columns, row[start + commitment_width :], strict=True)))
        theme.commitments.append(
            SimpleNamespace(
                **commitment,
                detail_url=f"{before}{int(commitment['number'])}{after}",
                lead_agency=SimpleNamespace(label=Agency.label.fget(agency)),
            )
        )
    return list(themes.values())


def home_context(request) -> dict:
    """The current plan and its themes, evaluated only if the page fragment is not cached."""
    plan = SimpleLazyObject(ActionPlan.objects.current)
    return {"plan": plan, "themes": SimpleLazyObject(lambda: themes_with_commitments(plan) if plan else [])}


def _published(plan: ActionPlan):
    return (
        Indicator.objects.filter(table__commitment__plan=plan, table__live=True)
        .select_related("table__commitment__theme")
        .order_by("table__commitment__number", "sort_order", "pk")
    )


def published_indicators(plan: ActionPlan):
    """Indicators of the plan's published tables with their progress: two queries."""
    progress = IndicatorProgress.objects.order_by("-reported_on", "-pk")
    return _published(plan).prefetch_related(Prefetch("progress", queryset=progress))


def _status_label(status: str) -> str:
    return str(IndicatorProgress.Status(status).label)


def overdue_indicators(plan: ActionPlan, today: dt.date | None = None) -> list[Indicator]:
    """Indicators whose end date has passed and that are not completed (W-2)."""
    today = today or timezone.localdate()
    result = []
    for indicator in published_indicators(plan).filter(ends_on__lt=today):
        status = indicator.current_status()
        if rules.is_overdue(indicator.ends_on, status, today):
            indicator.status = status
            indicator.status_label = _status_label(status)
            result.append(indicator)
    return result


def _filled(message: str, **values: object) -> SafeString:
    """A translated ``message`` filled as ``{% blocktranslate with ... %}`` fills it: each value
    localised and escaped, the translation itself trusted (the overdue list's lines, some 100 tags
    a page rendered in the template)."""
    return mark_safe(message % {name: conditional_escape(localize(value)) for name, value in values.items()})  # noqa: S308


def _published_rows(plan: ActionPlan) -> tuple[list, dict[int, str]]:
    """``_published(plan)`` as named rows of what the dashboard shows of each indicator (its
    commitment's number and theme, end date, description), and each one's current status
    (``rules.current_status``) by id: one query joining their progress reports, without building
    indicators, tables and commitments (a plain queryset: modeltranslation's manager rebuilds
    rows as dicts)."""
    rows = QuerySet(Indicator).filter(table__commitment__plan=plan, table__live=True)
    indicators: dict[int, Any] = {}
    reports: dict[int, list[tuple]] = {}
    for row in rows.order_by("table__commitment__number", "sort_order", "pk").values_list(
        "pk",
        "ends_on",
        *columns("description"),
        "table__commitment__number",
        "table__commitment__theme_id",
        "progress__reported_on",
        "progress__pk",
        "progress__status",
        named=True,
    ):
        if row.pk not in indicators:
            indicators[row.pk] = row
            reports[row.pk] = []
        if row.progress__pk is not None:
            reports[row.pk].append((row.progress__reported_on, row.progress__pk, row.progress__status))
    return list(indicators.values()), {pk: rules.current_status(found) for pk, found in reports.items()}


def dashboard(plan: ActionPlan, today: dt.date | None = None) -> dict:
    """Indicators by status per theme, the overdue ones, and an SVG chart's geometry (W-3).

    An overdue indicator has its commitment's ``number`` and page ``url``, ``ends_on``, the
    columns of its ``description``, ``status`` and ``status_label``."""
    today = today or timezone.localdate()
    themes = list(Theme.objects.filter(plan=plan).order_by("number"))
    counts = {theme.pk: dict.fromkeys(rules.PROGRESS_STATUSES, 0) for theme in themes}
    overdue = []
    total = 0
    indicators, statuses = _published_rows(plan)
    urls: dict[int, str] = {}  # one reverse() a commitment, not one an overdue indicator
    for indicator in indicators:
        status = statuses[indicator.pk]
        number = indicator.table__commitment__number
        counts[indicator.table__commitment__theme_id][status] += 1
        total += 1
        if rules.is_overdue(indicator.ends_on, status, today):
            if number not in urls:
                urls[number] = reverse("commitments:detail", kwargs={"plan": plan.slug, "number": number})
            label = _status_label(status)
            fields = {name: getattr(indicator, name) for name in ("ends_on", *columns("description"))}
            overdue.append(
                SimpleNamespace(
                    number=number,
                    url=urls[number],
                    status=status,
                    status_label=label,
                    heading=_filled(gettext("Commitment %(number)s"), number=number),
                    due=_filled(gettext("due %(date)s, %(status)s"), date=format_date(indicator.ends_on), status=label),
                    **fields,
                )
            )
    widest = max([sum(c.values()) for c in counts.values()] + [1])
    bar_width, label_width, row_height = 340, 0, 34
    rows = []
    for index, theme in enumerate(themes):
        x = label_width
        segments = []
        for status in rules.PROGRESS_STATUSES:
            count = counts[theme.pk][status]
            if count:
                width = bar_width * count / widest
                segments.append(
                    {
                        "x": round(x, 1),
                        "width": round(width, 1),
                        "count": count,
                        "colour": STATUS_COLOURS[status],
                        "label": _status_label(status),
                        "text_x": round(x + width / 2, 1),
                    }
                )
                x += width
        rows.append(
            {
                "theme": theme,
                "y": index * row_height * 2 + row_height,
                "label_y": index * row_height * 2 + row_height - 6,
                "segments": segments,
                "total": sum(counts[theme.pk].values()),
                "counts": [(_status_label(s), counts[theme.pk][s]) for s in rules.PROGRESS_STATUSES],
            }
        )
    legend = [{"label": _status_label(s), "colour": STATUS_COLOURS[s]} for s in rules.PROGRESS_STATUSES]
    return {
        "rows": rows,
        "overdue": overdue,
        "total": total,
        "legend": legend,
        "chart_height": len(themes) * row_height * 2 + 10,
        "chart_width": bar_width + 10,
        "bar_height": row_height - 12,
    }

"""Rules of the commitment table (F-5.2, F-5.3, F-5.4, F-6, F-7): pure Python, no database.

Models, forms, views and services call these functions; they never restate them. Every
check returns ``Problem`` items naming the field (and plan year) at fault, so the admin
can attach each message to the field the officer has to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

OGP_VALUES: tuple[str, ...] = ("transparency", "participation", "accountability")
OGP_VALUE_LABELS = {
    "transparency": _("Transparency"),
    "participation": _("Public participation"),
    "accountability": _("Accountability"),
}

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
DELAYED = "delayed"
PROGRESS_STATUSES: tuple[str, ...] = (NOT_STARTED, IN_PROGRESS, COMPLETED, DELAYED)


@dataclass(frozen=True)
class PlanYear:
    """One year of an action plan's period, e.g. 2020/5–2021/4."""

    number: int
    starts_on: dt.date
    ends_on: dt.date

    @property
    def label(self) -> str:
        return f"{self.starts_on.year}/{self.starts_on.month}–{self.ends_on.year}/{self.ends_on.month}"

    def contains(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class Problem:
    """A reason a table cannot be submitted: the field it concerns (or ``None``) and a message."""

    field: str | None
    message: str


@dataclass
class OgpValue:
    relevant: bool = False
    argument: str = ""


@dataclass
class IndicatorData:
    """An indicator as written in the table (F-5.3)."""

    description: str = ""
    description_en: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    target_value: Decimal | None = None
    target_unit: str = ""
    verification: str = ""


@dataclass
class TableData:
    """What the rules need to know about a commitment table."""

    plan_starts_on: dt.date
    plan_ends_on: dt.date
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    ogp_values: dict[str, OgpValue] = field(default_factory=dict)
    indicators: list[IndicatorData] = field(default_factory=list)
    participant_kinds: list[str] = field(default_factory=list)
    # F-7: the English text of each translated field that must be bilingual, keyed by field name
    english: dict[str, str] = field(default_factory=dict)
    english_ogp_arguments: dict[str, str] = field(default_factory=dict)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def plan_years(starts_on: dt.date, ends_on: dt.date) -> list[PlanYear]:
    """The plan years of a period: twelve months each from the start month.

    A remainder shorter than a year (2024/5 of the 2020/5–2024/5 plan) is part of the last year.
    """
    first = dt.date(starts_on.year, starts_on.month, 1)
    years: list[PlanYear] = []
    start = first
    while start <= ends_on:
        following = _add_months(start, 12)
        years.append(PlanYear(len(years) + 1, max(start, starts_on), min(following - dt.timedelta(days=1), ends_on)))
        start = following
    if len(years) > 1 and _add_months(dt.date(years[-1].starts_on.year, years[-1].starts_on.month, 1), 12) > (
        years[-1].ends_on + dt.timedelta(days=1)
    ):
        short = years.pop()
        last = years.pop()
        years.append(PlanYear(last.number, last.starts_on, short.ends_on))
    return years


def year_of(day: dt.date, years: Sequence[PlanYear]) -> PlanYear | None:
    """The plan year a day falls in."""
    return next((year for year in years if year.contains(day)), None)


def coverage(years: Sequence[PlanYear], indicators: Iterable[IndicatorData]) -> dict[int, int]:
    """How many indicators fall due (end date) in each plan year: ``{year number: count}``."""
    counts = {year.number: 0 for year in years}
    for indicator in indicators:
        if indicator.ends_on is None:
            continue
        year = year_of(indicator.ends_on, years)
        if year is not None:
            counts[year.number] += 1
    return counts


def check_ogp_values(values: dict[str, OgpValue]) -> list[Problem]:
    """F-5.2: a value marked relevant needs its argument; at least one value must be relevant."""
    problems = []
    for name in OGP_VALUES:
        value = values.get(name, OgpValue())
        if value.relevant and not value.argument.strip():
            problems.append(
                Problem(
                    f"{name}_argument",
                    _("%(value)s is marked as relevant: explain how the commitment relates to it.")
                    % {"value": OGP_VALUE_LABELS[name]},
                )
            )
    if not any(values.get(name, OgpValue()).relevant for name in OGP_VALUES):
        problems.append(
            Problem(
                "transparency_relevant",
                _("Mark at least one OGP value (transparency, participation, accountability) as relevant."),
            )
        )
    return problems


def check_indicator(indicator: IndicatorData, plan_starts_on: dt.date, plan_ends_on: dt.date) -> list[Problem]:
    """F-5.3 for one indicator: dates present, start ≤ end, inside the period; a target or a verification."""
    name = indicator.description.strip() or str(_("(no description)"))
    problems = []
    if not indicator.description.strip():
        problems.append(Problem("indicators", _("Every indicator needs a description.")))
    if indicator.starts_on is None or indicator.ends_on is None:
        problems.append(
            Problem("indicators", _("Indicator “%(name)s” needs a start and an end date.") % {"name": name})
        )
    else:
        if indicator.starts_on > indicator.ends_on:
            problems.append(Problem("indicators", _("Indicator “%(name)s” ends before it starts.") % {"name": name}))
        if indicator.starts_on < plan_starts_on or indicator.ends_on > plan_ends_on:
            problems.append(
                Problem(
                    "indicators",
                    _("Indicator “%(name)s” must start and end within the action plan's period.") % {"name": name},
                )
            )
    has_target = indicator.target_value is not None and indicator.target_unit.strip() != ""
    if not has_target and not indicator.verification.strip():
        problems.append(
            Problem(
                "indicators",
                _("Indicator “%(name)s” needs a target value with its unit, or a verification method.")
                % {"name": name},
            )
        )
    return problems


def check_indicators(data: TableData) -> list[Problem]:
    """F-5.3: valid indicators, and at least one falling due in every plan year (naming the year)."""
    problems: list[Problem] = []
    for indicator in data.indicators:
        problems.extend(check_indicator(indicator, data.plan_starts_on, data.plan_ends_on))
    years = plan_years(data.plan_starts_on, data.plan_ends_on)
    counts = coverage(years, data.indicators)
    for year in years:
        if counts[year.number] == 0:
            problems.append(
                Problem(
                    "indicators",
                    _("Plan year %(year)s has no indicator: add one that ends in that year.") % {"year": year.label},
                )
            )
    return problems


def check_period(data: TableData) -> list[Problem]:
    """The commitment's period: start ≤ end, inside the action plan's period."""
    if data.starts_on is None or data.ends_on is None:
        return [Problem("starts_on", _("Give the commitment's start and end dates."))]
    if data.starts_on > data.ends_on:
        return [Problem("ends_on", _("The commitment's period ends before it starts."))]
    if data.starts_on < data.plan_starts_on or data.ends_on > data.plan_ends_on:
        return [Problem("starts_on", _("The commitment's period must lie within the action plan's period."))]
    return []


NON_GOVERNMENT_KINDS = frozenset({"civil_society", "private_sector", "working_team"})


def check_participants(kinds: Iterable[str]) -> list[Problem]:
    """F-5.4: at least one civil-society, private-sector or working-team participant."""
    if any(kind in NON_GOVERNMENT_KINDS for kind in kinds):
        return []
    return [
        Problem(
            "participants",
            _("List at least one civil-society group, private-sector body or working team that took part."),
        )
    ]


ENGLISH_REQUIRED = ("problem", "description", "contribution")


def check_english(data: TableData, labels: dict[str, str]) -> list[Problem]:
    """F-7: the table goes to NDC in both languages: the English texts must be filled in."""
    problems = []
    for name in ENGLISH_REQUIRED:
        if not data.english.get(name, "").strip():
            problems.append(
                Problem(f"{name}_en", _("English translation missing: %(field)s.") % {"field": labels.get(name, name)})
            )
    for name in OGP_VALUES:
        value = data.ogp_values.get(name, OgpValue())
        if value.relevant and value.argument.strip() and not data.english_ogp_arguments.get(name, "").strip():
            problems.append(
                Problem(
                    f"{name}_argument_en",
                    _("English translation missing: the argument for %(value)s.") % {"value": OGP_VALUE_LABELS[name]},
                )
            )
    for indicator in data.indicators:
        if indicator.description.strip() and not indicator.description_en.strip():
            problems.append(
                Problem(
                    "indicators",
                    _("English translation missing: indicator “%(name)s”.") % {"name": indicator.description},
                )
            )
    return problems


def check_table(data: TableData, labels: dict[str, str] | None = None) -> list[Problem]:
    """Everything checked when a table is submitted to NDC (F-5.2, F-5.3, F-5.4, F-7)."""
    return [
        *check_period(data),
        *check_ogp_values(data.ogp_values),
        *check_indicators(data),
        *check_participants(data.participant_kinds),
        *check_english(data, labels or {}),
    ]


def days_late(submitted_on: dt.date, deadline: dt.date) -> int:
    """F-6: whole days after the deadline (0 when on time)."""
    return max(0, (submitted_on - deadline).days)


def current_status(reports: Iterable[tuple[dt.date, int, str]]) -> str:
    """An indicator's status (W-2 monitoring): that of its latest progress report, by date and
    then order of entry, given as ``(reported_on, id, status)``; not started without any report."""
    latest = max(reports, default=None)
    return latest[2] if latest is not None else NOT_STARTED


def is_overdue(ends_on: dt.date, status: str, today: dt.date) -> bool:
    """W-2 monitoring: an indicator whose end date has passed and that is not completed."""
    return ends_on < today and status != COMPLETED

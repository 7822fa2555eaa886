"""Taiwan working days and legal periods, as pure functions (no database).

Working days follow Taiwan's official calendar from the ``holidays`` package (country ``TW``):
weekends and public holidays are off, bridge days off (e.g. 2025-01-27) are off and make-up
working Saturdays (補班, e.g. 2025-02-08) are working days (T-2.4). Typhoon closures and late
changes are announced on the day: they live in an admin table (``core.models.WorkdayOverride``)
that services read and pass in here as ``overrides`` (``{date: is_working_day}``).

Periods (T-2.3, T-2.4, Civil Code art. 120–121): a period that runs "from the next day"
(自次日起) counts that day as day 1; N days end on day N; M months end the day before the same
day of the month M months later, or on that month's last day when it has no such day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import holidays

Overrides = Mapping[dt.date, bool]
_NO_OVERRIDES: Overrides = {}
# Safety bound: no official calendar has this many days off in a row.
_MAX_SCAN_DAYS = 3660


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("TW", years=year)


def is_working_day(day: dt.date, overrides: Overrides | None = None) -> bool:
    """Whether ``day`` is a working day in Taiwan; an override (typhoon closure, late change) wins."""
    overrides = overrides or _NO_OVERRIDES
    if day in overrides:
        return bool(overrides[day])
    return _calendar(day.year).is_working_day(day)


def add_working_days(start: dt.date, n: int, overrides: Overrides | None = None) -> dt.date:
    """The ``n``-th working day after ``start`` (``start`` itself never counts; n >= 1).

    "Review within 5 working days" of a proposal submitted on ``start`` ends on
    ``add_working_days(start, 5)`` (K-6.1.5, K-6.2.1, T-9.2.1).
    """
    if n < 1:
        raise ValueError("n must be 1 or more")
    day = start
    counted = 0
    for _step in range(_MAX_SCAN_DAYS):
        day += dt.timedelta(days=1)
        if is_working_day(day, overrides):
            counted += 1
            if counted == n:
                return day
    raise ValueError("no working day found within ten years")


def working_days_between(start: dt.date, end: dt.date, overrides: Overrides | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, overrides):
            count += 1
    return count


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end_days(first_day: dt.date, days: int) -> dt.date:
    """The last day of a period of ``days`` calendar days whose day 1 is ``first_day`` (T-2.4)."""
    if days < 1:
        raise ValueError("days must be 1 or more")
    return first_day + dt.timedelta(days=days - 1)


def period_end_months(first_day: dt.date, months: int) -> dt.date:
    """The last day of a period of ``months`` months whose day 1 is ``first_day`` (T-2.4, Civil
    Code art. 121): the day before the same day of the month ``months`` later, or that month's
    last day when it has no such day. 2026-01-01 + 3 months → 2026-03-31; 2026-01-16 + 1 → 2026-02-15.
    """
    if months < 1:
        raise ValueError("months must be 1 or more")
    index = first_day.month - 1 + months
    year, month = first_day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if first_day.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, first_day.day) - dt.timedelta(days=1)


def period_end(first_day: dt.date, *, days: int | None = None, months: int | None = None) -> dt.date:
    """The last day of a period given in days or in months (exactly one of them)."""
    if (days is None) == (months is None):
        raise ValueError("give either days or months")
    return period_end_days(first_day, days) if days is not None else period_end_months(first_day, months)


def period_from_next_day(event_day: dt.date, *, days: int | None = None, months: int | None = None) -> dt.date:
    """The last day of a period that runs from the day after ``event_day`` (自次日起, T-2.4)."""
    return period_end(event_day + dt.timedelta(days=1), days=days, months=months)

"""Query filters shared by the open-data lists (``/api/v1/``): agency, dates, ``changed_since``.

Each is a typed, bounded query parameter, so a wrong value is a documented 422 (never a 500)::

    def list_items(request, agency: AgencyCode = None, changed_since: ChangedSince = None): ...

``changed_since`` accepts an ISO 8601 date-time; without a time zone it is read in the site's
(Asia/Taipei). ``aware()`` turns it into an aware datetime for the query.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils import timezone
from ninja import Query

AgencyCode = Annotated[
    str | None,
    Query(None, pattern=r"^[-a-zA-Z0-9_]{1,40}$", description="An agency's code (e.g. `moe`)."),
]
DateFrom = Annotated[dt.date | None, Query(None, description="On or after this date (YYYY-MM-DD).")]
DateTo = Annotated[dt.date | None, Query(None, description="On or before this date (YYYY-MM-DD).")]
ChangedSince = Annotated[
    dt.datetime | None,
    Query(
        None,
        description="Only what was created, changed or answered at or after this moment "
        "(ISO 8601; Asia/Taipei when no time zone is given).",
    ),
]


# Moments a database stores: a filter outside them is clamped to them (never a 500 from an
# overflow in UTC, or PostgreSQL refusing an offset beyond ±15:59).
EARLIEST = dt.datetime(1, 1, 2, tzinfo=dt.UTC)
LATEST = dt.datetime(9999, 12, 30, tzinfo=dt.UTC)


def aware(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (read in the site's time zone when it has none), within what a
    database stores."""
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=timezone.get_current_timezone())
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:
        return EARLIEST if moment.year < 5000 else LATEST
    return min(max(utc, EARLIEST), LATEST)


def day_start(day: dt.date) -> dt.datetime:
    """The first moment of ``day`` in the site's time zone (in UTC, clamped like :func:`aware`)."""
    return aware(dt.datetime.combine(day, dt.time.min))


def day_after(day: dt.date) -> dt.datetime:
    """The first moment after ``day`` (for "on or before ``day``" filters: ``< day_after(day)``)."""
    if day >= dt.date.max:
        return LATEST
    return day_start(day + dt.timedelta(days=1))

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


def aware(moment: dt.datetime) -> dt.datetime:
    """``moment`` with a time zone (the site's when it has none)."""
    if timezone.is_naive(moment):
        return timezone.make_aware(moment, timezone.get_current_timezone())
    return moment


def day_start(day: dt.date) -> dt.datetime:
    """The first moment of ``day`` in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min), timezone.get_current_timezone())

"""One place that formats dates for pages and PDFs (rule F-7: bilingual publication).

Chinese uses the ROC (Minguo) calendar: ROC year = Gregorian year - 1911, so
2020-03-31 is 民國109年3月31日 (long) or 109年3月31日 (tables). English uses
"31 March 2020". Babel has no ROC calendar, so the year is computed here and Babel
supplies month names, weekday names and times.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from django.utils import timezone
from django.utils.translation import get_language

ROC_OFFSET = 1911
Style = Literal["long", "table"]


def roc_year(year: int) -> int:
    """The ROC (Minguo) year of a Gregorian year; 1912 is ROC year 1."""
    return year - ROC_OFFSET


def _is_chinese(language: str | None) -> bool:
    return (language or "zh-hant").lower().startswith("zh")


def date_from_iso(value: str) -> dt.date:
    """The calendar day of an ISO date or date-time string, in Taipei time for a date-time.

    Snapshots store moments as UTC ISO strings: ``2024-03-31T17:40:00+00:00`` is 1 April in
    Taipei (01:40), never the previous UTC day.

    >>> date_from_iso("2024-03-31T17:40:00+00:00")
    datetime.date(2024, 4, 1)
    >>> date_from_iso("2024-03-31")
    datetime.date(2024, 3, 31)
    """
    if len(value) <= 10:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value)
    if timezone.is_aware(moment):
        return timezone.localtime(moment).date()
    return moment.date()


def format_date(value: dt.date | dt.datetime | None, language: str | None = None, style: Style = "long") -> str:
    """A date in the language's public form; "" for ``None``.

    >>> format_date(dt.date(2020, 3, 31), "zh-hant")
    '民國109年3月31日'
    >>> format_date(dt.date(2020, 3, 31), "zh-hant", "table")
    '109年3月31日'
    >>> format_date(dt.date(2020, 3, 31), "en")
    '31 March 2020'
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    language = language or get_language()
    if _is_chinese(language):
        prefix = "" if style == "table" else "民國"
        return f"{prefix}{roc_year(value.year)}年{value.month}月{value.day}日"
    if style == "table":
        return babel_format_date(value, "d MMM y", locale="en")
    return babel_format_date(value, "d MMMM y", locale="en")


def format_datetime(value: dt.datetime | None, language: str | None = None, style: Style = "long") -> str:
    """A date and time (Asia/Taipei) in the language's public form; "" for ``None``."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    language = language or get_language()
    time_text = babel_format_time(value.time(), "HH:mm", locale="zh_Hant_TW" if _is_chinese(language) else "en")
    separator = " " if _is_chinese(language) else ", "
    return f"{format_date(value.date(), language, style)}{separator}{time_text}"


def format_month(value: dt.date, language: str | None = None) -> str:
    """A month: 民國109年5月 / May 2020 (plan periods, plan years)."""
    language = language or get_language()
    if _is_chinese(language):
        return f"民國{roc_year(value.year)}年{value.month}月"
    return babel_format_date(value, "MMMM y", locale="en")

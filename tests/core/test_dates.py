"""ROC and English dates from one helper (rule F-7: bilingual publication)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

from core.dates import format_date, format_datetime, format_month, roc_year


def test_roc_year():
    assert roc_year(2020) == 109
    assert roc_year(1912) == 1


def test_chinese_long_and_table_forms():
    assert format_date(dt.date(2020, 3, 31), "zh-hant") == "民國109年3月31日"
    assert format_date(dt.date(2020, 3, 31), "zh-hant", "table") == "109年3月31日"


def test_english_form():
    assert format_date(dt.date(2020, 3, 31), "en") == "31 March 2020"
    assert format_date(dt.date(2024, 5, 1), "en") == "1 May 2024"


def test_none_is_empty():
    assert format_date(None, "en") == ""


def test_datetime_in_taipei_time():
    utc_evening = dt.datetime(2020, 3, 30, 17, 30, tzinfo=dt.UTC)  # 01:30 on 31 March in Taipei
    assert format_datetime(utc_evening, "zh-hant") == "民國109年3月31日 01:30"
    assert format_datetime(utc_evening, "en") == "31 March 2020, 01:30"
    taipei = dt.datetime(2020, 3, 31, 14, 0, tzinfo=ZoneInfo("Asia/Taipei"))
    assert format_datetime(taipei, "en") == "31 March 2020, 14:00"


def test_month():
    assert format_month(dt.date(2020, 5, 1), "zh-hant") == "民國109年5月"
    assert format_month(dt.date(2020, 5, 1), "en") == "May 2020"


def test_template_filter_follows_active_language():
    template = Template('{{ d|localdate }} / {{ d|localdate:"table" }}')
    context = Context({"d": dt.date(2020, 3, 31)})
    assert template.render(context) == "民國109年3月31日 / 109年3月31日"
    with translation.override("en"):
        assert template.render(context) == "31 March 2020 / 31 Mar 2020"


def test_iso_moments_are_read_as_the_taipei_day():
    import datetime as dt

    from core.dates import date_from_iso

    assert date_from_iso("2024-03-31T17:40:00+00:00") == dt.date(2024, 4, 1)  # 01:40 in Taipei
    assert date_from_iso("2024-03-31T15:59:59+00:00") == dt.date(2024, 3, 31)
    assert date_from_iso("2024-03-31") == dt.date(2024, 3, 31)

"""Taiwan working days and legal periods (core/workdays.py): T-2.3, T-2.4, K-6.2.1, K-6.2.6, K-6.3.5."""

from __future__ import annotations

import datetime as dt

import pytest

from core import workdays

D = dt.date


# --- Lunar New Year 2025: bridge day 2025-01-27 off, make-up Saturday 2025-02-08 worked (T-2.4) ---


def test_rule_T_2_4_lunar_new_year_2025_days_off_and_make_up_saturday():
    for day in (D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31)):
        assert not workdays.is_working_day(day), day
    assert not workdays.is_working_day(D(2025, 2, 1))  # Saturday
    assert workdays.is_working_day(D(2025, 1, 24))  # the Friday before
    assert workdays.is_working_day(D(2025, 2, 3))  # back to work
    assert workdays.is_working_day(D(2025, 2, 8))  # 補班: a Saturday worked
    assert not workdays.is_working_day(D(2025, 2, 15))  # an ordinary Saturday


def test_rule_K_6_2_1_review_of_5_working_days_across_lunar_new_year_2025():
    # Submitted Friday 2025-01-24: review starts the next day (K-6.1.5); 27–31 Jan are off.
    assert workdays.add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)
    assert workdays.add_working_days(D(2025, 1, 24), 5) == D(2025, 2, 7)
    # Submitted Tuesday 2025-02-04: the make-up Saturday 2025-02-08 counts as a working day.
    assert workdays.add_working_days(D(2025, 2, 4), 4) == D(2025, 2, 8)
    assert workdays.add_working_days(D(2025, 2, 4), 5) == D(2025, 2, 10)


def test_rule_T_9_2_1_three_working_days_across_lunar_new_year_2025():
    assert workdays.add_working_days(D(2025, 1, 23), 3) == D(2025, 2, 4)


# --- Lunar New Year 2026: 2026-02-14 to 2026-02-22 off, then 27–28 Feb (Peace Memorial Day) ---


def test_rule_T_2_4_lunar_new_year_2026_days_off():
    for offset in range(9):
        assert not workdays.is_working_day(D(2026, 2, 14) + dt.timedelta(days=offset))
    assert workdays.is_working_day(D(2026, 2, 13))
    assert workdays.is_working_day(D(2026, 2, 23))
    assert not workdays.is_working_day(D(2026, 2, 27))  # Peace Memorial Day observed


def test_rule_K_6_2_1_and_K_6_2_6_five_working_days_across_lunar_new_year_2026():
    assert workdays.add_working_days(D(2026, 2, 12), 1) == D(2026, 2, 13)
    assert workdays.add_working_days(D(2026, 2, 12), 2) == D(2026, 2, 23)
    assert workdays.add_working_days(D(2026, 2, 12), 5) == D(2026, 2, 26)
    # Friday 2026-02-27 is off: the sixth working day is Monday 2 March.
    assert workdays.add_working_days(D(2026, 2, 12), 6) == D(2026, 3, 2)


def test_rule_K_6_3_5_three_working_days_from_the_day_after_qualifying_2026():
    # Qualified on Friday 2026-02-13: notified by the third working day after it.
    assert workdays.add_working_days(D(2026, 2, 13), 3) == D(2026, 2, 25)


def test_start_day_never_counts_even_when_it_is_a_working_day():
    assert workdays.add_working_days(D(2026, 3, 2), 1) == D(2026, 3, 3)  # Monday → Tuesday
    assert workdays.add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 9)  # Friday → Monday


def test_add_working_days_refuses_zero():
    with pytest.raises(ValueError):
        workdays.add_working_days(D(2026, 3, 2), 0)


# --- Typhoon closures and late changes: the admin override table wins (K-6.2.1, T-2.4) ---


def test_rule_K_6_2_1_typhoon_closure_pushes_the_review_deadline():
    typhoon = {D(2025, 7, 29): False, D(2025, 7, 30): False}  # a Tuesday and a Wednesday
    assert workdays.add_working_days(D(2025, 7, 25), 5) == D(2025, 8, 1)
    assert workdays.add_working_days(D(2025, 7, 25), 5, overrides=typhoon) == D(2025, 8, 5)
    assert not workdays.is_working_day(D(2025, 7, 29), overrides=typhoon)
    assert workdays.is_working_day(D(2025, 7, 29))


def test_override_can_make_a_saturday_a_working_day():
    late = {D(2026, 3, 7): True}
    assert workdays.is_working_day(D(2026, 3, 7), overrides=late)
    assert workdays.add_working_days(D(2026, 3, 6), 1, overrides=late) == D(2026, 3, 7)


def test_working_days_between():
    assert workdays.working_days_between(D(2025, 1, 24), D(2025, 2, 7)) == 5
    assert workdays.working_days_between(D(2025, 2, 7), D(2025, 2, 7)) == 0


# --- Periods: T-2.3 calendar days, T-2.4 / Civil Code 120–121 ---


def test_rule_T_2_3_days_are_calendar_days_and_day_n_is_the_last():
    assert workdays.period_end_days(D(2026, 1, 1), 45) == D(2026, 2, 14)
    assert workdays.period_end_days(D(2026, 1, 1), 1) == D(2026, 1, 1)


def test_rule_T_2_4_and_K_7_1_2_three_months_from_2026_01_01_end_2026_03_31():
    assert workdays.period_end_months(D(2026, 1, 1), 3) == D(2026, 3, 31)


def test_rule_T_2_4_and_T_9_3_2_one_month_from_2026_01_16_ends_2026_02_15():
    assert workdays.period_end_months(D(2026, 1, 16), 1) == D(2026, 2, 15)


@pytest.mark.parametrize(
    ("first", "months", "last"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2026, 1, 30), 1, D(2026, 2, 28)),
        (D(2028, 1, 30), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 1, 29), 1, D(2026, 2, 28)),
        (D(2026, 1, 28), 1, D(2026, 2, 27)),
        (D(2026, 11, 15), 2, D(2027, 1, 14)),
        (D(2026, 3, 1), 2, D(2026, 4, 30)),
        (D(2026, 12, 31), 2, D(2027, 2, 28)),
    ],
)
def test_rule_T_2_4_month_periods_civil_code_121(first, months, last):
    assert workdays.period_end_months(first, months) == last


def test_rule_T_2_4_period_from_the_next_day():
    # Review passed 2026-01-15 → seconding opens 2026-01-16 (K-6.2.4) for one month (T-9.3.2).
    assert workdays.period_from_next_day(D(2026, 1, 15), months=1) == D(2026, 2, 15)
    # 45 days (K-6.3.2) from the next day.
    assert workdays.period_from_next_day(D(2026, 1, 15), days=45) == D(2026, 3, 1)


def test_period_end_needs_exactly_one_unit():
    with pytest.raises(ValueError):
        workdays.period_end(D(2026, 1, 1))
    with pytest.raises(ValueError):
        workdays.period_end(D(2026, 1, 1), days=1, months=1)

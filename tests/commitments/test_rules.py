"""The commitment table's rules, pure Python (F-5.2, F-5.3, F-5.4, F-6, F-7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from commitments import rules
from commitments.rules import IndicatorData, OgpValue, TableData

START, END = dt.date(2020, 5, 1), dt.date(2024, 5, 31)


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English here (the Chinese catalogue is tested elsewhere)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def indicator(ends_on: dt.date, **kwargs) -> IndicatorData:
    values = {
        "description": "指標",
        "description_en": "Indicator",
        "starts_on": START,
        "ends_on": ends_on,
        "target_value": Decimal(3),
        "target_unit": "場",
    }
    values.update(kwargs)
    return IndicatorData(**values)


def complete(**kwargs) -> TableData:
    values = {
        "plan_starts_on": START,
        "plan_ends_on": END,
        "starts_on": START,
        "ends_on": END,
        "ogp_values": {"participation": OgpValue(True, "論證")},
        "indicators": [indicator(year.ends_on) for year in rules.plan_years(START, END)],
        "participant_kinds": ["civil_society"],
        "english": {"problem": "p", "description": "d", "contribution": "c"},
        "english_ogp_arguments": {"participation": "argument"},
    }
    values.update(kwargs)
    return TableData(**values)


def fields(problems) -> list[str | None]:
    return [p.field for p in problems]


def test_complete_table_passes():
    assert rules.check_table(complete()) == []


def test_plan_years_of_the_2020_plan_rule_F_5_3():
    years = rules.plan_years(START, END)
    assert [y.label for y in years] == ["2020/5–2021/4", "2021/5–2022/4", "2022/5–2023/4", "2023/5–2024/5"]
    assert years[0].starts_on == START and years[0].ends_on == dt.date(2021, 4, 30)
    assert years[-1].ends_on == END


def test_plan_years_of_an_exact_four_year_period():
    years = rules.plan_years(START, dt.date(2024, 4, 30))
    assert len(years) == 4 and years[-1].label == "2023/5–2024/4"


def test_plan_years_of_a_short_period():
    assert [y.label for y in rules.plan_years(START, dt.date(2020, 12, 31))] == ["2020/5–2020/12"]


def test_rule_F_5_2_relevant_value_needs_argument():
    problems = rules.check_ogp_values({"transparency": OgpValue(True, "  ")})
    assert fields(problems) == ["transparency_argument"]
    assert "Transparency" in str(problems[0].message)


def test_rule_F_5_2_at_least_one_value():
    problems = rules.check_ogp_values({name: OgpValue(False, "x") for name in rules.OGP_VALUES})
    assert fields(problems) == ["transparency_relevant"]


def test_rule_F_5_2_argument_without_relevance_is_not_enough():
    assert rules.check_ogp_values({"accountability": OgpValue(True, "因為")}) == []


def test_rule_F_5_3_each_plan_year_needs_an_indicator_named_by_year():
    years = rules.plan_years(START, END)
    data = complete(indicators=[indicator(y.ends_on) for y in years if y.number != 2])
    problems = rules.check_indicators(data)
    assert len(problems) == 1
    assert "2021/5–2022/4" in str(problems[0].message)


def test_rule_F_5_3_indicator_counts_in_the_year_it_ends():
    years = rules.plan_years(START, END)
    counts = rules.coverage(years, [indicator(dt.date(2021, 4, 30)), indicator(dt.date(2021, 5, 1))])
    assert counts == {1: 1, 2: 1, 3: 0, 4: 0}


def test_rule_F_5_3_start_after_end_refused():
    bad = indicator(dt.date(2021, 4, 1), starts_on=dt.date(2021, 4, 2))
    problems = rules.check_indicator(bad, START, END)
    assert any("ends before it starts" in str(p.message) for p in problems)


@pytest.mark.parametrize(
    "starts_on,ends_on", [(dt.date(2020, 4, 30), dt.date(2021, 4, 1)), (dt.date(2024, 1, 1), dt.date(2024, 6, 1))]
)
def test_rule_F_5_3_dates_inside_the_period(starts_on, ends_on):
    problems = rules.check_indicator(indicator(ends_on, starts_on=starts_on), START, END)
    assert any("within the action plan's period" in str(p.message) for p in problems)


def test_rule_F_5_3_boundaries_are_inside_the_period():
    assert rules.check_indicator(indicator(END, starts_on=START), START, END) == []


def test_rule_F_5_3_quantifiable_or_verifiable():
    no_measure = indicator(dt.date(2021, 4, 1), target_value=None, target_unit="", verification="")
    assert any("target value" in str(p.message) for p in rules.check_indicator(no_measure, START, END))
    value_without_unit = indicator(dt.date(2021, 4, 1), target_unit="")
    assert rules.check_indicator(value_without_unit, START, END)
    verifiable = indicator(dt.date(2021, 4, 1), target_value=None, target_unit="", verification="公開會議紀錄")
    assert rules.check_indicator(verifiable, START, END) == []


def test_rule_F_5_3_missing_dates_and_description():
    problems = rules.check_indicator(
        IndicatorData(description="", target_value=Decimal(1), target_unit="x"), START, END
    )
    assert len(problems) == 2


def test_commitment_period_inside_plan_period():
    assert fields(rules.check_period(complete(starts_on=dt.date(2020, 1, 1)))) == ["starts_on"]
    assert fields(rules.check_period(complete(starts_on=END, ends_on=START))) == ["ends_on"]
    assert rules.check_period(complete()) == []


def test_rule_F_5_4_non_government_participant_needed():
    assert fields(rules.check_participants(["government"])) == ["participants"]
    assert fields(rules.check_participants([])) == ["participants"]
    for kind in ("civil_society", "private_sector", "working_team"):
        assert rules.check_participants(["government", kind]) == []


def test_rule_F_6_days_late():
    deadline = dt.date(2020, 3, 31)
    assert rules.days_late(dt.date(2020, 3, 31), deadline) == 0
    assert rules.days_late(dt.date(2020, 3, 1), deadline) == 0
    assert rules.days_late(dt.date(2020, 4, 6), deadline) == 6


def test_rule_F_7_english_needed_at_submission():
    data = complete(english={"problem": "p", "description": "", "contribution": "c"}, english_ogp_arguments={})
    problems = rules.check_english(data, {"description": "What is the commitment?"})
    assert fields(problems) == ["description_en", "participation_argument_en"]
    assert "What is the commitment?" in str(problems[0].message)


def test_rule_F_7_indicator_english_needed():
    data = complete(indicators=[indicator(END, description_en="")])
    assert any("indicator" in str(p.message) for p in rules.check_english(data, {}))


def test_overdue_indicator():
    today = dt.date(2022, 1, 1)
    assert rules.is_overdue(dt.date(2021, 4, 30), rules.DELAYED, today)
    assert rules.is_overdue(dt.date(2021, 4, 30), rules.IN_PROGRESS, today)
    assert not rules.is_overdue(dt.date(2021, 4, 30), rules.COMPLETED, today)
    assert not rules.is_overdue(dt.date(2022, 1, 1), rules.NOT_STARTED, today)


def test_rule_W_2_current_status_is_that_of_the_latest_report():
    day = dt.date(2022, 3, 1)
    assert rules.current_status([]) == rules.NOT_STARTED
    reports = [(day, 7, rules.IN_PROGRESS), (day + dt.timedelta(days=1), 3, rules.DELAYED)]
    assert rules.current_status(reports) == rules.DELAYED  # the later date wins, whatever its id
    same_day = [(day, 9, rules.COMPLETED), (day, 4, rules.IN_PROGRESS)]
    assert rules.current_status(same_day) == rules.COMPLETED  # same day: the one entered last
    assert rules.current_status(iter(same_day)) == rules.COMPLETED  # any iterable

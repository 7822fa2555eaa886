"""The consultation rules as pure functions (K-7.1.2, K-7.2, T-10.1.4, T-10.2, T-2.3, K-6.2.2, T-7)."""

from __future__ import annotations

import datetime as dt

import pytest

from consultations import rules
from core.policy import SEED

D = dt.date
DEFAULT = rules.from_profile(SEED["kaohsiung"])
T10 = rules.from_profile(SEED["taichung"])


def test_rule_K_7_1_2_at_least_14_days():
    assert rules.period_errors(D(2026, 3, 1), D(2026, 3, 14), DEFAULT) == []  # 14 calendar days, both ends
    errors = rules.period_errors(D(2026, 3, 1), D(2026, 3, 13), DEFAULT)
    assert len(errors) == 1 and "14" in errors[0] and "K-7.1.2" in errors[0]


def test_rule_K_7_1_2_at_most_3_calendar_months_rule_T_2_4():
    # Opening 2026-01-01, the last allowed closing day is 2026-03-31 (not "92 days").
    assert rules.period_errors(D(2026, 1, 1), D(2026, 3, 31), DEFAULT) == []
    errors = rules.period_errors(D(2026, 1, 1), D(2026, 4, 1), DEFAULT)
    assert len(errors) == 1 and "K-7.1.2" in errors[0] and "2026-03-31" in errors[0]


def test_rule_T_10_1_4_at_most_2_months():
    assert rules.period_errors(D(2026, 3, 1), D(2026, 4, 30), T10) == []
    errors = rules.period_errors(D(2026, 3, 1), D(2026, 5, 1), T10)
    assert errors and "T-10.1.4" in errors[0] and "2026-04-30" in errors[0]
    # A 70-day period passes the Kaohsiung profile but not T-10.1.4: the numbers are data (W-1).
    assert rules.period_errors(D(2026, 3, 1), D(2026, 5, 9), DEFAULT) == []


def test_month_arithmetic_clamps_to_month_end():
    assert rules.add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert rules.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)


def test_closing_before_opening_is_refused():
    assert rules.period_errors(D(2026, 3, 10), D(2026, 3, 1), DEFAULT)


@pytest.mark.parametrize("policy", [DEFAULT, T10])
def test_rule_K_7_2_and_T_10_2_response_due_14_calendar_days_after_close_rule_T_2_3(policy):
    # 2026-02-13 is a Friday before the Lunar New Year: calendar days, holidays included (T-2.3).
    assert rules.response_due_on(D(2026, 2, 13), policy) == D(2026, 2, 27)


def test_rule_K_7_2_one_extension_of_at_most_14_days_with_reason():
    close = D(2026, 3, 1)  # due 2026-03-15
    assert rules.extension_errors(close, D(2026, 3, 29), "理由", False, DEFAULT) == []
    assert rules.extension_errors(close, D(2026, 3, 30), "理由", False, DEFAULT)  # 15 days
    assert rules.extension_errors(close, D(2026, 3, 15), "理由", False, DEFAULT)  # not later
    assert rules.extension_errors(close, D(2026, 3, 20), "  ", False, DEFAULT)  # no reason
    assert rules.extension_errors(close, D(2026, 3, 20), "理由", True, DEFAULT)  # second extension


def test_rule_T_10_2_extension_limit():
    assert rules.extension_errors(D(2026, 3, 1), D(2026, 3, 30), "reason", False, T10)


def test_statuses_computed_from_dates():
    kw = {"opens_on": D(2026, 3, 1), "closes_on": D(2026, 3, 31), "extended_to": None, "policy": DEFAULT}
    assert rules.status(today=D(2026, 2, 28), responded=False, **kw) == rules.UPCOMING
    assert rules.status(today=D(2026, 3, 1), responded=False, **kw) == rules.OPEN
    assert rules.status(today=D(2026, 3, 31), responded=False, **kw) == rules.OPEN
    assert rules.status(today=D(2026, 4, 1), responded=False, **kw) == rules.AWAITING
    assert rules.status(today=D(2026, 4, 14), responded=False, **kw) == rules.AWAITING  # due day
    assert rules.status(today=D(2026, 4, 15), responded=False, **kw) == rules.OVERDUE
    assert rules.status(today=D(2026, 4, 15), responded=True, **kw) == rules.RESPONDED
    extended = {**kw, "extended_to": D(2026, 4, 28)}
    assert rules.status(today=D(2026, 4, 20), responded=False, **extended) == rules.AWAITING
    assert rules.status(today=D(2026, 4, 29), responded=False, **extended) == rules.OVERDUE


def test_rule_K_6_2_2_ten_grounds_and_T_7_seven():
    assert len(DEFAULT.grounds) == 10 and len(set(DEFAULT.grounds)) == 10
    assert len(T10.grounds) == 7
    assert "outside_scope" in T10.grounds and "outside_scope" not in DEFAULT.grounds
    # T-7 shares five grounds with K-6.2.2; its ground 3 (racial discrimination, personal attacks)
    # and ground 4 (liability or a case pending in court) are its own, ground 7 is its scope.
    assert set(T10.grounds) - set(DEFAULT.grounds) == {
        "racial_discrimination",
        "liability_or_pending_case",
        "outside_scope",
    }
    assert all(g in rules.GROUNDS for g in DEFAULT.grounds + T10.grounds)


def test_comment_window_and_reply_depth():
    assert rules.can_comment_now(D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 31))
    assert not rules.can_comment_now(D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 1))
    assert not rules.can_comment_now(D(2026, 3, 1), D(2026, 3, 31), D(2026, 2, 28))
    assert rules.reply_depth_ok(parent_has_parent=False)
    assert not rules.reply_depth_ok(parent_has_parent=True)


def test_rate_limit_decision():
    limit = rules.RateLimit(count=3, seconds=60)
    assert not rules.rate_exceeded(2, limit)
    assert rules.rate_exceeded(3, limit)


@pytest.mark.django_db
def test_unknown_profile_falls_back_to_default():
    from core.policy_store import get_profile

    assert get_profile("nope").slug == "kaohsiung"
    assert get_profile(None).slug == "kaohsiung"


def test_rule_T_7_taichung_grounds_are_exactly_seven():
    assert T10.grounds == (
        "unlawful",
        "infringes_rights",
        "racial_discrimination",
        "liability_or_pending_case",
        "public_order",
        "state_secret",
        "outside_scope",
    )
    from django.utils.translation import override

    with override("en"):
        assert "pending in court" in str(rules.GROUNDS["liability_or_pending_case"])
        assert "religious" not in str(rules.GROUNDS["racial_discrimination"])
    assert len(DEFAULT.grounds) == 10  # rule K-6.2.2

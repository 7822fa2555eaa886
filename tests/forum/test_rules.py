"""The forum rules as pure functions: F-3.1 decisions (exhaustive and property-based), F-2.1
balance, F-2.2 roles, F-2.4 allowances."""

from __future__ import annotations

from fractions import Fraction

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from forum import rules
from forum.rules import Outcome, Role, Sector, decide

MAX = 15


def reference(present: int, consensus: bool, agreed: int, favour: int) -> Outcome:
    """F-3.1 restated with exact fractions: vote if agreed > 1/2 present; adopted if favour >= 1/2."""
    if consensus:
        return Outcome.CONSENSUS
    if Fraction(agreed, present) <= Fraction(1, 2):
        return Outcome.NO_VOTE
    return Outcome.ADOPTED if Fraction(favour, present) >= Fraction(1, 2) else Outcome.NOT_ADOPTED


ALL_VALID = [
    (present, agreed, favour)
    for present in range(1, MAX + 1)
    for agreed in range(present + 1)
    for favour in range(present + 1)
]


def test_rule_F_3_1_decide_every_combination_up_to_15_present():
    """Every valid input with present ≤ 15, against the rule restated with fractions."""
    checked = 0
    for present, agreed, favour in ALL_VALID:
        assert decide(present, False, agreed, favour) == reference(present, False, agreed, favour), (
            present,
            agreed,
            favour,
        )
        checked += 1
    for present in range(1, MAX + 1):
        assert decide(present, True) == Outcome.CONSENSUS
    assert checked == sum((p + 1) ** 2 for p in range(1, MAX + 1))


@pytest.mark.parametrize(
    "present,agreed,favour,expected",
    [
        (12, 6, 12, Outcome.NO_VOTE),  # exactly half agreeing is NOT more than half (F-3.1)
        (12, 7, 6, Outcome.ADOPTED),  # exactly half in favour IS enough (F-3.1)
        (12, 7, 5, Outcome.NOT_ADOPTED),
        (11, 6, 6, Outcome.ADOPTED),  # 6 > 5.5 agreed; 6 >= 5.5 in favour
        (11, 5, 11, Outcome.NO_VOTE),
        (11, 6, 5, Outcome.NOT_ADOPTED),
        (1, 1, 1, Outcome.ADOPTED),
        (1, 0, 0, Outcome.NO_VOTE),
        (2, 1, 2, Outcome.NO_VOTE),
        (2, 2, 1, Outcome.ADOPTED),
        (2, 2, 0, Outcome.NOT_ADOPTED),
    ],
)
def test_rule_F_3_1_thresholds_at_the_boundaries(present, agreed, favour, expected):
    assert decide(present, False, agreed, favour) == expected


@pytest.mark.parametrize(
    "args",
    [
        (0, True, 0, 0),
        (0, False, 0, 0),
        (-1, False, 0, 0),
        (5, False, -1, 0),
        (5, False, 3, -1),
        (5, False, 6, 0),
        (5, False, 3, 6),
        (5, True, 1, 0),
        (5, True, 0, 1),
        (5.0, False, 3, 3),
        (True, False, 1, 1),
        (5, False, "3", 3),
    ],
)
def test_rule_F_3_1_impossible_input_raises(args):
    with pytest.raises(ValueError):
        decide(*args)


@given(present=st.integers(1, 500), data=st.data())
def test_rule_F_3_1_property_outcome_matches_fractions(present, data):
    agreed = data.draw(st.integers(0, present))
    favour = data.draw(st.integers(0, present))
    assert decide(present, False, agreed, favour) == reference(present, False, agreed, favour)


@given(present=st.integers(1, 500), data=st.data())
def test_rule_F_3_1_property_monotonic(present, data):
    """More agreement never prevents a vote; more votes in favour never defeat a motion."""
    agreed = data.draw(st.integers(0, present - 1))
    favour = data.draw(st.integers(0, present - 1))
    before = decide(present, False, agreed, favour)
    if before != Outcome.NO_VOTE:
        assert decide(present, False, agreed + 1, favour) != Outcome.NO_VOTE
    if before == Outcome.ADOPTED:
        assert decide(present, False, agreed, favour + 1) == Outcome.ADOPTED


@given(present=st.integers(1, 500))
def test_rule_F_3_1_property_unanimity_adopts_and_nobody_blocks(present):
    assert decide(present, False, present, present) == Outcome.ADOPTED
    assert decide(present, False, 0, 0) == Outcome.NO_VOTE
    assert decide(present, False, present, 0) == Outcome.NOT_ADOPTED


@given(present=st.integers(1, 500), agreed=st.integers(), favour=st.integers())
def test_rule_F_3_1_property_out_of_range_counts_raise(present, agreed, favour):
    valid = 0 <= agreed <= present and 0 <= favour <= present
    if valid:
        assert decide(present, False, agreed, favour) in set(Outcome)
    else:
        with pytest.raises(ValueError):
            decide(present, False, agreed, favour)


def test_outcome_values_are_the_contract():
    assert [o.value for o in Outcome] == ["consensus", "no_vote", "adopted", "not_adopted"]


def test_rule_F_3_1_explain_in_both_languages():
    with translation.override("en"):
        text = rules.explain(Outcome.ADOPTED, present=12, agreed_to_vote=7, in_favour=6)
        assert (
            text == "7 of 12 present agreed to vote (more than half); 6 of 12 voted in favour (at least half): adopted"
        )
        assert "no vote was held" in rules.explain(Outcome.NO_VOTE, present=12, agreed_to_vote=6)
        assert "not more than half" in rules.explain(Outcome.NO_VOTE, present=12, agreed_to_vote=6)
        assert "less than half" in rules.explain(Outcome.NOT_ADOPTED, present=12, agreed_to_vote=7, in_favour=5)
        assert "consensus" in rules.explain(Outcome.CONSENSUS, present=12)
    with translation.override("zh-hant"):
        text = rules.explain(Outcome.ADOPTED, present=12, agreed_to_vote=7, in_favour=6)
        assert "12" in text and "過半數" in text and "通過" in text


def test_rule_F_3_1_tally_problems():
    ok = {"consensus": False, "agreed_to_vote": 7, "in_favour": 6, "against": 4, "abstain": 2}
    assert rules.tally_problems(present=12, counted_attendance=12, **ok) == []
    assert rules.tally_problems(present=12, counted_attendance=None, **ok) == []
    assert ("present", "present_above_attendance") in rules.tally_problems(present=12, counted_attendance=11, **ok)
    too_many = {**ok, "abstain": 3}
    assert ("in_favour", "votes_above_present") in rules.tally_problems(present=12, counted_attendance=12, **too_many)
    no_vote = {**ok, "agreed_to_vote": 6}
    assert ("in_favour", "no_vote_has_counts") in rules.tally_problems(present=12, counted_attendance=12, **no_vote)
    consensus = {**ok, "consensus": True}
    assert ("consensus", "consensus_has_counts") in rules.tally_problems(present=12, counted_attendance=12, **consensus)
    assert rules.tally_problems(present=0, counted_attendance=None, **ok) == [("present", "present_min")]
    assert ("in_favour", "votes_above_present") in rules.tally_problems(
        present=3, counted_attendance=None, **{**ok, "in_favour": 2, "against": 1, "abstain": 1}
    )


def test_rule_F_3_1_observers_never_count_toward_members_present():
    from types import SimpleNamespace

    attendances = [SimpleNamespace(member_id=1), SimpleNamespace(member_id=None), SimpleNamespace(member_id=2)]
    assert [a.member_id for a in rules.members_present(attendances)] == [1, 2]
    assert rules.members_present([]) == []


def test_rule_F_2_1_balance():
    roster = rules.balance([Sector.GOVERNMENT, Sector.NON_GOVERNMENT, Sector.GOVERNMENT])
    assert (roster.government, roster.non_government, roster.total, roster.difference) == (2, 1, 3, 1)
    assert not roster.is_balanced
    assert rules.balance([Sector.GOVERNMENT, Sector.NON_GOVERNMENT]).is_balanced
    assert rules.balance([]).government_share == 0.0
    assert not rules.roster_may_be_published(roster, "  ")
    assert rules.roster_may_be_published(roster, "One NGO seat vacant until March")
    assert rules.roster_may_be_published(rules.balance([Sector.GOVERNMENT, Sector.NON_GOVERNMENT]), "")


def test_rule_F_2_2_roles():
    def problem(role, sector, has_convener=True, other=False):
        return rules.role_problem(role=role, sector=sector, has_convener=has_convener, has_other_co_convener=other)

    assert problem(Role.CONVENER, Sector.NON_GOVERNMENT) == "convener_government"
    assert problem(Role.CONVENER, Sector.GOVERNMENT) is None
    assert problem(Role.CO_CONVENER, Sector.GOVERNMENT) == "co_convener_non_government"
    assert problem(Role.CO_CONVENER, Sector.NON_GOVERNMENT, has_convener=False) == "co_convener_needs_convener"
    assert problem(Role.CO_CONVENER, Sector.NON_GOVERNMENT, other=True) == "one_co_convener"
    assert problem(Role.CO_CONVENER, Sector.NON_GOVERNMENT) is None
    assert problem(Role.MEMBER, Sector.GOVERNMENT, has_convener=False) is None


def test_rule_F_2_4_allowances_only_for_non_government():
    assert rules.allowance_eligible(Sector.NON_GOVERNMENT)
    assert not rules.allowance_eligible(Sector.GOVERNMENT)

"""Pure rules of participatory budgeting: ballots, eligibility, phases, shortlist, paper tallies (P-1..P-3)."""

from __future__ import annotations

import datetime as dt

import pytest

from budgeting import rules

COSTS = {1: 300, 2: 500, 3: 400, 4: 100}


@pytest.mark.parametrize(
    ("ballot", "choices", "ok"),
    [
        (rules.BallotRules(rules.SINGLE), [1], True),
        (rules.BallotRules(rules.SINGLE), [1, 2], False),
        (rules.BallotRules(rules.SINGLE), [], False),
        (rules.BallotRules(rules.APPROVAL, max_choices=2), [1, 2], True),
        (rules.BallotRules(rules.APPROVAL, max_choices=2), [1, 2, 3], False),
        (rules.BallotRules(rules.APPROVAL, max_choices=2), [1, 1], False),
        (rules.BallotRules(rules.APPROVAL, max_choices=3), [1, 9], False),
        (rules.BallotRules(rules.BUDGET, budget=800), [1, 2], True),
        (rules.BallotRules(rules.BUDGET, budget=800), [1, 2, 4], False),
        (rules.BallotRules(rules.BUDGET, budget=800), [3, 4], True),
    ],
)
def test_p1_ballot_kinds(ballot, choices, ok):
    assert (rules.ballot_errors(ballot, choices, COSTS) == []) is ok


def test_p1_budget_ballot_message_names_total_and_budget():
    (message,) = rules.ballot_errors(rules.BallotRules(rules.BUDGET, budget=800), [1, 2, 4], COSTS)
    assert "900" in message and "800" in message


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(2010, 5, 1), dt.date(2026, 4, 30), 15),
        (dt.date(2010, 5, 1), dt.date(2026, 5, 1), 16),
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
    ],
)
def test_age_on(birth, on, age):
    assert rules.age_on(birth, on) == age


def test_p1_eligibility_resident_non_resident_and_age():
    on = dt.date(2026, 12, 3)
    adult = dt.date(1990, 1, 1)
    closed = rules.Eligibility(min_age=16, allow_non_residents=False)
    open_ = rules.Eligibility(min_age=16, allow_non_residents=True)
    kw = {"birth_date": adult, "on": on}
    assert rules.ineligibility(closed, resident=True, non_resident_approved=False, **kw) is None
    assert rules.ineligibility(closed, resident=False, non_resident_approved=True, **kw) == rules.NOT_RESIDENT
    assert rules.ineligibility(open_, resident=False, non_resident_approved=True, **kw) is None
    assert rules.ineligibility(open_, resident=False, non_resident_approved=False, **kw) == rules.NOT_RESIDENT
    young = {"birth_date": dt.date(2011, 1, 1), "on": on}
    assert rules.ineligibility(closed, resident=True, non_resident_approved=False, **young) == rules.NOT_OLD_ENOUGH


def test_phases_current_and_rounds():
    d = dt.date
    phases = [
        (rules.INTAKE, d(2026, 1, 1), d(2026, 1, 31)),
        (rules.VOTING, d(2026, 3, 1), d(2026, 3, 10)),
        (rules.VOTING_2, d(2026, 3, 20), d(2026, 3, 30)),
        (rules.RESULTS, d(2026, 4, 1), d(2026, 12, 31)),
    ]
    assert rules.current_phase(phases, d(2026, 1, 15)) == rules.INTAKE
    assert rules.current_phase(phases, d(2026, 2, 15)) is None
    assert rules.voting_round(rules.current_phase(phases, d(2026, 3, 5))) == 1
    assert rules.voting_round(rules.current_phase(phases, d(2026, 3, 25))) == 2
    assert rules.voting_round(rules.RESULTS) is None
    assert rules.phase_errors(phases, two_rounds=True) == []
    assert rules.phase_errors(phases, two_rounds=False)
    assert rules.phase_errors([(rules.VOTING, d(2026, 3, 2), d(2026, 3, 1))], two_rounds=False)
    overlapping = [(rules.EXHIBITION, d(2026, 2, 1), d(2026, 3, 2)), (rules.VOTING, d(2026, 3, 1), d(2026, 3, 9))]
    assert rules.phase_errors(overlapping, two_rounds=False)


def test_p1_two_rounds_shortlist_keeps_ties_at_the_cutoff():
    assert rules.shortlist({1: 10, 2: 8, 3: 8, 4: 2}, 2) == [1, 2, 3]
    assert rules.shortlist({1: 10, 2: 8, 3: 7}, 2) == [1, 2]
    assert rules.shortlist({1: 3}, 5) == [1]
    assert rules.shortlist({1: 3, 2: 0, 3: 0}, 2) == [1]
    assert rules.shortlist({1: 3}, 0) == []


def test_p1_paper_tallies_reconciled_by_two_people():
    assert rules.reconcile_errors(first_by=1, second_by=2, first={1: 5, 2: 3}, second={1: 5, 2: 3}) == []
    assert rules.reconcile_errors(first_by=1, second_by=1, first={1: 5}, second={1: 5})
    assert rules.reconcile_errors(first_by=1, second_by=2, first={1: 5}, second={1: 6})
    assert rules.reconcile_errors(first_by=1, second_by=2, first={1: -1}, second={1: -1})
    assert rules.sheet_differences({1: 5, 2: 0}, {1: 5}) == []
    assert rules.sheet_differences({1: 5}, {2: 1}) == [1, 2]


def test_paper_ballots_expand_only_for_single_choice_and_turnout():
    assert rules.paper_sheets_expand_to_ballots(rules.SINGLE)
    assert not rules.paper_sheets_expand_to_ballots(rules.APPROVAL)
    assert rules.turnout(25, 100) == 0.25
    assert rules.turnout(25, None) is None

"""Winners by greedy-by-votes and by the Method of Equal Shares on known Pabulib cases (P-1)."""

from __future__ import annotations

from budgeting import results, rules

# A Pabulib-format election where the methods differ: 60 voters approve three projects of
# one neighbourhood, 40 voters one project of another. Greedy gives the majority the whole
# budget; MES gives each group a share in proportion to its size.
PB_MAJORITY = (
    """META
key;value
description;Majority and minority
country;Taiwan
unit;Demo
instance;2026
num_projects;4
num_votes;100
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name;votes
1;33;North park;60
2;33;North library;60
3;33;North lights;60
4;33;South playground;40
VOTES
voter_id;vote
"""
    + "".join(f"{n};1,2,3\n" for n in range(60))
    + "".join(f"{n};4\n" for n in range(60, 100))
)

# The equalshares.net style example: one costly project liked by many, cheap ones by few.
PB_COSTLY = (
    """META
key;value
description;Costly project
country;Taiwan
unit;Demo
instance;2026
num_projects;4
num_votes;10
budget;1000
vote_type;approval
PROJECTS
project_id;cost;name
1;900;Sports hall
2;300;Bike lanes
3;300;Tree planting
4;300;Community kitchen
VOTES
voter_id;vote
"""
    + "".join(f"{n};1\n" for n in range(4))
    + "".join(f"{n};1,2\n" for n in range(4, 6))
    + "".join(f"{n};{p}\n" for n, p in zip(range(6, 10), [2, 3, 3, 4], strict=True))
)


def test_p1_majority_case_methods_differ():
    budget, costs, ballots = results.pabulib_parse(PB_MAJORITY)
    outcome = results.compute(budget=budget, costs=costs, ballots=ballots)
    assert outcome.tallies == {1: 60, 2: 60, 3: 60, 4: 40}
    assert outcome.greedy == [1, 2, 3]
    assert outcome.mes == [1, 2, 4]  # equal shares fund 1 and 4; 2 completes the budget
    assert outcome.winners(rules.GREEDY) == outcome.greedy
    assert outcome.winners(rules.MES) == outcome.mes
    assert results.greedy_by_pabutools(budget=budget, costs=costs, ballots=ballots) == [1, 2, 3]


def test_p1_costly_project_case_methods_differ():
    budget, costs, ballots = results.pabulib_parse(PB_COSTLY)
    outcome = results.compute(budget=budget, costs=costs, ballots=ballots)
    assert outcome.tallies == {1: 6, 2: 3, 3: 2, 4: 1}
    assert outcome.greedy == [1]  # the sports hall takes 900 of 1000
    assert outcome.mes == [2, 3, 4]  # 6 of 10 voters cannot pay 900 from equal shares of 100 each
    assert results.greedy_by_pabutools(budget=budget, costs=costs, ballots=ballots) == [1]


def test_greedy_skips_what_does_not_fit_and_continues():
    outcome = results.compute(budget=500, costs={1: 400, 2: 200, 3: 100}, ballots=[{1}, {1}, {1}, {2}, {2}, {3}])
    assert outcome.greedy == [1, 3]


def test_extra_paper_tallies_count_in_greedy_not_in_mes():
    outcome = results.compute(budget=100, costs={1: 100, 2: 100}, ballots=[{1}, {1}, {2}], extra_tallies={2: 5})
    assert outcome.tallies == {1: 2, 2: 6}
    assert outcome.greedy == [2]
    assert outcome.mes == [1]


def test_no_ballots_no_winners():
    outcome = results.compute(budget=100, costs={1: 10}, ballots=[])
    assert outcome == results.Outcome(tallies={1: 0}, greedy=[], mes=[])


def test_pb_export_round_trips():
    costs = {7: 120, 8: 80}
    ballots = [frozenset({7}), frozenset({7, 8}), frozenset({8})]
    text = results.pabulib_text(
        meta={"description": "台北;測試", "country": "Taiwan", "unit": "Taipei", "instance": "2026", "rule": "greedy"},
        budget=200,
        costs=costs,
        names={7: "公園", 8: "路燈"},
        ballots=ballots,
        votes={7: 2, 8: 2},
        max_choices=2,
    )
    assert text.startswith("META")
    assert "公園" in text and "description;台北,測試" in text and "max_length;2" in text
    assert results.pabulib_parse(text) == (200, costs, ballots)

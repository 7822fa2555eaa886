"""Winners of a participatory budget by greedy-by-votes and by the Method of Equal Shares (pabutools).

Pure: takes project costs and ballots (sets of project ids), no database. Both methods use
cost satisfaction (as Pabulib's analyses do): greedy then funds projects in order of votes,
skipping any that no longer fit; MES gives every voter an equal share of the budget and
completes with the "add1" variant (voters' shares raised while the outcome still fits) and then
spends what is left greedily by votes, as equalshares.net recommends and Aarau and Wieliczka did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, Project
from pabutools.election.pabulib import election_as_pabulib_string, parse_pabulib_from_string
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

from . import rules


@dataclass(frozen=True)
class Outcome:
    """Tallies and each method's winners (project ids in order of votes)."""

    tallies: dict[int, int]
    greedy: list[int]
    mes: list[int]

    def winners(self, method: str) -> list[int]:
        return self.greedy if method == rules.GREEDY else self.mes


def _instance(budget: int, costs: Mapping[int, int]) -> tuple[Instance, dict[int, Project]]:
    projects = {pk: Project(str(pk), int(cost)) for pk, cost in costs.items()}
    return Instance(projects.values(), budget_limit=int(budget)), projects


def tallies_of(ballots: Iterable[Collection[int]], costs: Mapping[int, int]) -> dict[int, int]:
    """Votes per project (every project of ``costs``, zero included)."""
    counts: Counter[int] = Counter()
    for ballot in ballots:
        counts.update(set(ballot))
    return {pk: counts.get(pk, 0) for pk in costs}


def _by_votes(winners: Iterable[int], tallies: Mapping[int, int]) -> list[int]:
    return sorted(winners, key=lambda pk: (-tallies.get(pk, 0), pk))


def compute(
    *,
    budget: int,
    costs: Mapping[int, int],
    ballots: Iterable[Collection[int]],
    extra_tallies: Mapping[int, int] | None = None,
) -> Outcome:
    """Tallies and winners under both methods.

    ``extra_tallies`` are votes known only per project (paper ballots of approval or budget
    processes): they count in the tallies and in greedy-by-votes, not in MES.
    """
    ballots = [frozenset(b) & frozenset(costs) for b in ballots]
    tallies = tallies_of(ballots, costs)
    for pk, votes in (extra_tallies or {}).items():
        if pk in tallies:
            tallies[pk] += votes
    greedy: list[int] = []
    spent = 0
    for pk in _by_votes([pk for pk, v in tallies.items() if v > 0], tallies):
        if spent + costs[pk] <= budget:
            greedy.append(pk)
            spent += costs[pk]
    mes: list[int] = []
    non_empty = [b for b in ballots if b]
    if non_empty:
        instance, projects = _instance(budget, costs)
        profile = ApprovalProfile([ApprovalBallot([projects[pk] for pk in b]) for b in non_empty])
        allocation = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
        mes = [int(p.name) for p in allocation]
        left = budget - sum(costs[pk] for pk in mes)
        for pk in _by_votes([pk for pk, v in tallies.items() if v > 0 and pk not in mes], tallies):
            if costs[pk] <= left:
                mes.append(pk)
                left -= costs[pk]
        mes = _by_votes(mes, tallies)
    return Outcome(tallies=tallies, greedy=greedy, mes=mes)


def greedy_by_pabutools(*, budget: int, costs: Mapping[int, int], ballots: Iterable[Collection[int]]) -> list[int]:
    """pabutools' greedy (utilitarian welfare, cost satisfaction): a cross-check of ``compute``'s greedy."""
    instance, projects = _instance(budget, costs)
    profile = ApprovalProfile([ApprovalBallot([projects[pk] for pk in b]) for b in ballots if b])
    return sorted(int(p.name) for p in greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat))


def pabulib_text(
    *,
    meta: Mapping[str, str],
    budget: int,
    costs: Mapping[int, int],
    names: Mapping[int, str],
    ballots: Iterable[Collection[int]],
    votes: Mapping[int, int] | None = None,
    max_choices: int | None = None,
) -> str:
    """The election in Pabulib's ``.pb`` format (META, PROJECTS, VOTES; ballots get serial voter ids)."""
    instance, projects = _instance(budget, costs)
    instance.meta.update({k: str(v).replace(";", ",") for k, v in meta.items()})
    instance.meta["vote_type"] = "approval"
    instance.meta["budget"] = str(budget)
    if max_choices:
        instance.meta["max_length"] = str(max_choices)
    instance.project_meta = {}
    for pk, project in projects.items():
        instance.project_meta[project] = {
            "name": names.get(pk, str(pk)).replace(";", ","),
            "cost": costs[pk],
            "votes": (votes or {}).get(pk, 0),
        }
    profile = ApprovalProfile(
        [ApprovalBallot([projects[pk] for pk in sorted(b) if pk in projects]) for b in ballots if b]
    )
    for index, ballot in enumerate(profile):
        ballot.meta = {}
        ballot.name = str(index + 1)
    return election_as_pabulib_string(instance, profile)


def pabulib_parse(text: str) -> tuple[int, dict[int, int], list[frozenset[int]]]:
    """Budget, costs and ballots back from a ``.pb`` text (for tests and imports of Pabulib cases)."""
    instance, profile = parse_pabulib_from_string(text)
    costs = {int(p.name): int(p.cost) for p in instance}
    ballots = [frozenset(int(p.name) for p in ballot) for ballot in profile]
    return int(instance.budget_limit), costs, ballots

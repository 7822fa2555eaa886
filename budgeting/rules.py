"""The rules of participatory budgeting (P-1 to P-3), as pure functions (no database).

Ballots: a single choice, approval of up to ``k`` projects, or a budget ballot (the chosen
projects' costs add up to at most the process's budget). A process may vote in two rounds:
round 1 shortlists, round 2 votes on the shortlist. Who may vote: registered residents of the
area, optionally non-residents who work or study there (declared, evidence reviewed by staff),
from a minimum age.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SINGLE = "single"
APPROVAL = "approval"
BUDGET = "budget"
BALLOT_KINDS = (SINGLE, APPROVAL, BUDGET)

GREEDY = "greedy"
MES = "mes"
METHODS = (GREEDY, MES)

# Phases in their order; a process has each at most once (round 2 only with two rounds).
INTAKE = "intake"
REFINEMENT = "refinement"
REVIEW = "review"
EXHIBITION = "exhibition"
VOTING = "voting"
VOTING_2 = "voting_2"
RESULTS = "results"
EXECUTION = "execution"
PHASES = (INTAKE, REFINEMENT, REVIEW, EXHIBITION, VOTING, VOTING_2, RESULTS, EXECUTION)


@dataclass(frozen=True)
class BallotRules:
    """How one process's ballot is filled in."""

    kind: str
    max_choices: int = 1
    budget: int = 0


def ballot_errors(rules: BallotRules, choices: Collection[int], costs: Mapping[int, int]) -> list[str]:
    """Why a ballot is not valid (empty when it is); ``costs`` holds the projects on the ballot."""
    errors: list[str] = []
    chosen = list(choices)
    if not chosen:
        return [str(_("Choose at least one project."))]
    if len(set(chosen)) != len(chosen):
        errors.append(str(_("Choose each project at most once.")))
    if any(c not in costs for c in chosen):
        errors.append(str(_("Choose only projects on this ballot.")))
        return errors
    if rules.kind == SINGLE and len(chosen) > 1:
        errors.append(str(_("Choose one project.")))
    elif rules.kind == APPROVAL and len(set(chosen)) > rules.max_choices:
        errors.append(str(_("Choose at most %(count)d projects.") % {"count": rules.max_choices}))
    elif rules.kind == BUDGET and sum(costs[c] for c in set(chosen)) > rules.budget:
        errors.append(
            str(
                _("The projects you chose cost NT$%(total)s, more than the budget of NT$%(budget)s.")
                % {"total": f"{sum(costs[c] for c in set(chosen)):,}", "budget": f"{rules.budget:,}"}
            )
        )
    return errors


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Age in whole years on a day (a 29 February birthday counts from 1 March in common years)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclass(frozen=True)
class Eligibility:
    """Who may vote in a process."""

    min_age: int = 16
    allow_non_residents: bool = False


NOT_OLD_ENOUGH = "age"
NOT_RESIDENT = "resident"


def ineligibility(
    policy: Eligibility, *, birth_date: dt.date, on: dt.date, resident: bool, non_resident_approved: bool
) -> str | None:
    """Why a person whose identity was confirmed may not vote (``None`` when they may)."""
    if age_on(birth_date, on) < policy.min_age:
        return NOT_OLD_ENOUGH
    if resident:
        return None
    if policy.allow_non_residents and non_resident_approved:
        return None
    return NOT_RESIDENT


def current_phase(phases: Iterable[tuple[str, dt.date, dt.date]], today: dt.date) -> str | None:
    """The phase whose dates (inclusive) contain ``today``; the later one where two overlap."""
    current = None
    for kind, starts_on, ends_on in sorted(phases, key=lambda p: PHASES.index(p[0])):
        if starts_on <= today <= ends_on:
            current = kind
    return current


def voting_round(phase: str | None) -> int | None:
    """The ballot round open during a phase (None outside voting)."""
    return {VOTING: 1, VOTING_2: 2}.get(phase or "")


def phase_errors(phases: Iterable[tuple[str, dt.date, dt.date]], *, two_rounds: bool) -> list[str]:
    """Problems of a process's calendar: each phase ends after it starts, phases in order."""
    errors: list[str] = []
    ordered = sorted(phases, key=lambda p: PHASES.index(p[0]))
    kinds = [p[0] for p in ordered]
    if len(set(kinds)) != len(kinds):
        errors.append(str(_("Each phase appears once.")))
    if VOTING_2 in kinds and not two_rounds:
        errors.append(str(_("A second voting round needs a two-round process.")))
    for _kind, starts_on, ends_on in ordered:
        if ends_on < starts_on:
            errors.append(str(_("A phase ends on or after the day it starts.")))
            break
    for (k1, _s1, e1), (k2, s2, _e2) in zip(ordered, ordered[1:], strict=False):
        if s2 <= e1 and {k1, k2} & {VOTING, VOTING_2}:
            errors.append(str(_("Voting does not overlap another phase.")))
            break
    return errors


def shortlist(tallies: Mapping[int, int], size: int) -> list[int]:
    """Round 1's shortlist: the ``size`` most voted projects, and every project tied with the last one."""
    if size <= 0 or not tallies:
        return []
    ranked = sorted(tallies.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) <= size:
        return [pk for pk, _votes in ranked]
    cutoff = ranked[size - 1][1]
    return [pk for pk, votes in ranked if votes >= cutoff and votes > 0]


def sheet_differences(first: Mapping[int, int], second: Mapping[int, int]) -> list[int]:
    """Projects on which two entries of one polling station's tally disagree."""
    return sorted(pk for pk in set(first) | set(second) if first.get(pk, 0) != second.get(pk, 0))


def reconcile_errors(
    *, first_by: int, second_by: int, first: Mapping[int, int], second: Mapping[int, int]
) -> list[str]:
    """Why two entries of a paper tally cannot be reconciled (P-1: entered twice, by two people)."""
    errors: list[str] = []
    if first_by == second_by:
        errors.append(str(_("The second entry must be made by a different person.")))
    if any(v < 0 for v in [*first.values(), *second.values()]):
        errors.append(str(_("Vote counts cannot be negative.")))
    if sheet_differences(first, second):
        errors.append(str(_("The two entries differ: check the tally sheet and enter it again.")))
    return errors


def paper_sheets_expand_to_ballots(kind: str) -> bool:
    """Paper tallies per project are exact ballots only for single-choice ballots (one mark each).

    Approval and budget paper ballots are tallied per project: they count in the tallies and
    greedy-by-votes, while the Method of Equal Shares needs each ballot and uses online ones.
    """
    return kind == SINGLE


def turnout(votes: int, electorate: int | None) -> float | None:
    """Share of the electorate who voted (None when the electorate is unknown)."""
    if not electorate:
        return None
    return votes / electorate

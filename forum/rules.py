"""Forum rules as pure Python (no database): decisions, balance, allowances, notices.

- F-3.1: decisions by consensus; failing it a vote may be held only if MORE than half of
  those present agree, and a motion is adopted if AT LEAST half of those present are in
  favour (abstentions and absent votes still count in the denominator).
- F-2.1: government and non-government members in equal numbers, as a principle.
- F-2.2: the co-convener (at most one) must be a non-government member.
- F-2.4: non-government members may be paid an attendance fee and travel costs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import IntegerChoices, TextChoices
from django.utils.translation import gettext_lazy as _


class Outcome(TextChoices):
    """How an agenda item was decided (F-3.1)."""

    CONSENSUS = "consensus", _("Consensus")
    NO_VOTE = "no_vote", _("No vote held")
    ADOPTED = "adopted", _("Adopted by vote")
    NOT_ADOPTED = "not_adopted", _("Not adopted by vote")


class Sector(TextChoices):
    """A member's sector (F-2.1)."""

    GOVERNMENT = "government", _("Government")
    NON_GOVERNMENT = "non_government", _("Non-government")


class Category(IntegerChoices):
    """The four member categories of F-2.3."""

    AGENCIES = 1, _("Lead and co-agencies or units")
    CIVIL_SOCIETY = 2, _("Civil-society groups, NGOs and industry bodies engaged in the issue")
    ISSUE_EXPERTS = 3, _("Experts and scholars of the issue")
    OPEN_GOVERNMENT_EXPERTS = 4, _("Experts in open government or international organisations")


class Role(TextChoices):
    """A member's role in the forum (F-2.2)."""

    CONVENER = "convener", _("Convener")
    CO_CONVENER = "co_convener", _("Co-convener")
    MEMBER = "member", _("Member")


def vote_may_be_held(present: int, agreed_to_vote: int) -> bool:
    """F-3.1: a vote needs the consent of MORE than half of those present (strictly > 1/2)."""
    return 2 * agreed_to_vote > present


def motion_adopted(present: int, in_favour: int) -> bool:
    """F-3.1: adopted when AT LEAST half of those present are in favour (≥ 1/2)."""
    return 2 * in_favour >= present


def decide(present: int, consensus: bool, agreed_to_vote: int = 0, in_favour: int = 0) -> Outcome:
    """The outcome of an agenda item under F-3.1.

    Raises ``ValueError`` on impossible input: ``present < 1``, a negative count, a count
    above ``present``, or vote counts given when ``consensus`` is true.
    """
    for name, value in (("present", present), ("agreed_to_vote", agreed_to_vote), ("in_favour", in_favour)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be an integer")
    if present < 1:
        raise ValueError("present must be at least 1")
    if agreed_to_vote < 0 or in_favour < 0:
        raise ValueError("counts cannot be negative")
    if agreed_to_vote > present or in_favour > present:
        raise ValueError("a count cannot exceed the number present")
    if consensus:
        if agreed_to_vote or in_favour:
            raise ValueError("no vote counts when the item was decided by consensus")
        return Outcome.CONSENSUS
    if not vote_may_be_held(present, agreed_to_vote):
        return Outcome.NO_VOTE
    return Outcome.ADOPTED if motion_adopted(present, in_favour) else Outcome.NOT_ADOPTED


def members_present(attendances: Iterable) -> list:
    """The attendances that count toward decisions: members, never observers (F-3.1).

    Each attendance has ``member_id`` (``None`` for an observer). Models and pages ask
    ``Meeting.members_present()`` / ``Meeting.counted_attendance()``, which apply this rule.
    """
    return [attendance for attendance in attendances if attendance.member_id is not None]


def tally_problems(
    *,
    present: int,
    counted_attendance: int | None,
    consensus: bool,
    agreed_to_vote: int,
    in_favour: int,
    against: int,
    abstain: int,
) -> list[tuple[str, str]]:
    """Everything wrong with a decision's counts, as ``(field, code)`` pairs (empty when valid).

    ``counted_attendance`` is the number of members recorded present at the meeting (observers
    never count), or ``None`` when no attendance was recorded. Codes: ``present_min``,
    ``present_above_attendance``, ``agreed_above_present``, ``votes_above_present``,
    ``consensus_has_counts``, ``no_vote_has_counts`` (no vote may be held, F-3.1, so no tally).
    """
    problems: list[tuple[str, str]] = []
    if present < 1:
        return [("present", "present_min")]
    if counted_attendance is not None and present > counted_attendance:
        problems.append(("present", "present_above_attendance"))
    if consensus:
        if agreed_to_vote or in_favour or against or abstain:
            problems.append(("consensus", "consensus_has_counts"))
        return problems
    if agreed_to_vote > present:
        problems.append(("agreed_to_vote", "agreed_above_present"))
    if in_favour + against + abstain > present:
        problems.append(("in_favour", "votes_above_present"))
    if not vote_may_be_held(present, agreed_to_vote) and (in_favour or against or abstain):
        problems.append(("in_favour", "no_vote_has_counts"))
    return problems


def explain(outcome: Outcome | str, *, present: int, agreed_to_vote: int = 0, in_favour: int = 0) -> str:
    """The outcome in words, in the active language, e.g. "7 of 12 present agreed to vote
    (more than half); 6 of 12 voted in favour (at least half): adopted"."""
    outcome = Outcome(outcome)
    if outcome == Outcome.CONSENSUS:
        return str(_("Decided by consensus of the members present (%(present)d).")) % {"present": present}
    if vote_may_be_held(present, agreed_to_vote):
        motion = _("%(agreed)d of %(present)d present agreed to vote (more than half)")
    else:
        motion = _("%(agreed)d of %(present)d present agreed to vote (not more than half)")
    motion = str(motion) % {"agreed": agreed_to_vote, "present": present}
    if outcome == Outcome.NO_VOTE:
        return str(_("%(motion)s: no vote was held.")) % {"motion": motion}
    if outcome == Outcome.ADOPTED:
        vote = _("%(favour)d of %(present)d voted in favour (at least half)")
        verdict = _("adopted")
    else:
        vote = _("%(favour)d of %(present)d voted in favour (less than half)")
        verdict = _("not adopted")
    vote = str(vote) % {"favour": in_favour, "present": present}
    return str(_("%(motion)s; %(vote)s: %(verdict)s")) % {"motion": motion, "vote": vote, "verdict": verdict}


@dataclass(frozen=True)
class Balance:
    """Government vs non-government counts (F-2.1)."""

    government: int
    non_government: int

    @property
    def total(self) -> int:
        return self.government + self.non_government

    @property
    def is_balanced(self) -> bool:
        """Equal numbers, the principle of F-2.1."""
        return self.government == self.non_government

    @property
    def government_share(self) -> float:
        return self.government / self.total if self.total else 0.0

    @property
    def difference(self) -> int:
        """Government minus non-government."""
        return self.government - self.non_government


def balance(sectors: list[str]) -> Balance:
    """Count sectors (values of ``Sector``)."""
    return Balance(
        government=sum(1 for s in sectors if s == Sector.GOVERNMENT),
        non_government=sum(1 for s in sectors if s == Sector.NON_GOVERNMENT),
    )


def roster_may_be_published(roster: Balance, imbalance_reason: str) -> bool:
    """F-2.1: an unequal roster is published only with a recorded reason."""
    return roster.is_balanced or bool(imbalance_reason.strip())


def co_convener_allowed(sector: str) -> bool:
    """F-2.2: only a non-government member may be co-convener."""
    return sector == Sector.NON_GOVERNMENT


def convener_allowed(sector: str) -> bool:
    """F-2.2: the convener is the lead agency's deputy head, so a government member."""
    return sector == Sector.GOVERNMENT


def role_problem(*, role: str, sector: str, has_convener: bool, has_other_co_convener: bool) -> str | None:
    """Why a member may not hold ``role`` (F-2.2), or ``None`` when allowed.

    Returns one of ``"convener_government"``, ``"co_convener_non_government"``,
    ``"co_convener_needs_convener"`` (the co-convener is designated by the convener, so the
    forum needs a convener first) and ``"one_co_convener"`` (at most one).
    """
    if role == Role.CONVENER and not convener_allowed(sector):
        return "convener_government"
    if role == Role.CO_CONVENER:
        if not co_convener_allowed(sector):
            return "co_convener_non_government"
        if not has_convener:
            return "co_convener_needs_convener"
        if has_other_co_convener:
            return "one_co_convener"
    return None


def allowance_eligible(sector: str) -> bool:
    """F-2.4: members are unpaid; non-government members may get attendance fee and travel."""
    return sector == Sector.NON_GOVERNMENT


def meeting_has_taken_place(starts_at, now) -> bool:
    """Attendance, decisions and published minutes belong to a meeting that has begun: nothing
    is recorded for a meeting in the future."""
    return starts_at <= now

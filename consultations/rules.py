"""The rules of public consultations, as pure functions (no database).

Policy profiles are data, not code (W-1): they are stored in ``core`` (``core.policy``) and
edited by NDC. Kaohsiung's (the default) says K-7.1.2: open at least 14 days and at most
3 calendar months (opening 2026-01-01, the last closing day is 2026-03-31, T-2.4); K-7.2:
summary response within 14 days of closing, one extension of at most 14 days; K-6.2.2: ten
grounds for hiding. Taichung's says T-10.1.4: at most 2 months; T-10.2; T-7: seven grounds.
All periods are calendar days (T-2.3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core import policy as core_policy
from core import workdays
from core.ratelimit import RateLimit, exceeded

# Moderation grounds: one catalogue in core (K-6.2.2's ten, T-7's seven); each profile lists its own.
GROUNDS = core_policy.GROUNDS


@dataclass(frozen=True)
class PolicyProfile:
    """The numbers of one jurisdiction's consultation rules, taken from its policy profile (W-1)."""

    code: str
    label: object
    rule_ids: tuple[str, ...]
    min_days: int
    max_months: int
    response_days: int
    max_extension_days: int
    grounds: tuple[str, ...]


def from_profile(profile: core_policy.Profile) -> PolicyProfile:
    """The consultation numbers of a stored policy profile (``core.policy_store.get_profile``)."""
    return PolicyProfile(
        code=profile.slug,
        label=profile.name.get("zh-hant", profile.slug),
        rule_ids=(
            profile.rule("consultation_period"),
            profile.rule("consultation_response"),
            profile.rule("grounds"),
        ),
        min_days=profile.consultation_min_days,
        max_months=profile.consultation_max_months,
        response_days=profile.consultation_response_days,
        max_extension_days=profile.consultation_extension_days,
        grounds=profile.grounds,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day."""
    return workdays.add_months(day, months)


def period_days(opens_on: dt.date, closes_on: dt.date) -> int:
    """Calendar days the consultation is open, both ends included (T-2.3)."""
    return (closes_on - opens_on).days + 1


def period_errors(opens_on: dt.date, closes_on: dt.date, policy: PolicyProfile) -> list[str]:
    """Why the period breaks the profile's rules (empty when it is fine)."""
    if closes_on < opens_on:
        return [str(_("The closing date must not be before the opening date."))]
    errors = []
    days = period_days(opens_on, closes_on)
    if days < policy.min_days:
        errors.append(
            str(_("A consultation must be open for at least %(min)d days (%(rule)s); this one is open %(days)d days."))
            % {"min": policy.min_days, "rule": policy.rule_ids[0], "days": days}
        )
    last = workdays.period_end_months(opens_on, policy.max_months)
    if closes_on > last:
        errors.append(
            str(_("A consultation may run for at most %(months)d months (%(rule)s): close it by %(last)s."))
            % {"months": policy.max_months, "rule": policy.rule_ids[0], "last": last.isoformat()}
        )
    return errors


def response_due_on(closes_on: dt.date, policy: PolicyProfile) -> dt.date:
    """The summary response is due this many calendar days after closing (K-7.2, T-10.2, T-2.3)."""
    return closes_on + dt.timedelta(days=policy.response_days)


def extension_errors(
    closes_on: dt.date, extended_to: dt.date, reason: str, already_extended: bool, policy: PolicyProfile
) -> list[str]:
    """Why an extension of the response deadline is refused (one only, at most 14 days, a reason)."""
    errors = []
    due = response_due_on(closes_on, policy)
    if already_extended:
        errors.append(str(_("The response deadline has already been extended once; only one extension is allowed.")))
    if extended_to <= due:
        errors.append(str(_("The new deadline must be after the current one (%(due)s).")) % {"due": due.isoformat()})
    elif (extended_to - due).days > policy.max_extension_days:
        errors.append(
            str(_("An extension may be at most %(days)d days (%(rule)s): the latest possible deadline is %(last)s."))
            % {
                "days": policy.max_extension_days,
                "rule": policy.rule_ids[1],
                "last": (due + dt.timedelta(days=policy.max_extension_days)).isoformat(),
            }
        )
    if not reason.strip():
        errors.append(str(_("An extension needs a reason, which is published.")))
    return errors


UPCOMING = "upcoming"
OPEN = "open"
AWAITING = "awaiting_response"
RESPONDED = "responded"
OVERDUE = "overdue"

STATUS_LABELS = {
    UPCOMING: _("Upcoming"),
    OPEN: _("Open"),
    AWAITING: _("Closed, awaiting response"),
    RESPONDED: _("Responded"),
    OVERDUE: _("Response overdue"),
}


def status(
    *,
    opens_on: dt.date,
    closes_on: dt.date,
    today: dt.date,
    responded: bool,
    extended_to: dt.date | None,
    policy: PolicyProfile,
) -> str:
    """The consultation's status on ``today``, computed from its dates (never stored)."""
    if today < opens_on:
        return UPCOMING
    if today <= closes_on:
        return OPEN
    if responded:
        return RESPONDED
    deadline = extended_to or response_due_on(closes_on, policy)
    return OVERDUE if today > deadline else AWAITING


def days_late(deadline: dt.date, responded_on: dt.date | None, today: dt.date) -> int:
    """How many days past the response deadline (K-7.2, W-5): of the published response, or so far
    while none is published; 0 when on time or not yet due. A late answer stays marked late."""
    end = responded_on or today
    return max(0, (end - deadline).days)


def can_comment_now(opens_on: dt.date, closes_on: dt.date, today: dt.date) -> bool:
    """Comments are accepted only while the consultation is open (F-4.2)."""
    return opens_on <= today <= closes_on


def reply_depth_ok(parent_has_parent: bool) -> bool:
    """Replies are one level deep: one may reply to a comment, not to a reply."""
    return not parent_has_parent


# The per-user and per-IP comment limits; counted by core.ratelimit (one mechanism site-wide).
USER_RATE = RateLimit(count=5, seconds=60)
IP_RATE = RateLimit(count=20, seconds=60)

# Whether one more comment would exceed a limit, given the hits already in the window.
rate_exceeded = exceeded


def comment_change_refusal(
    *, is_author: bool, opens_on: dt.date, closes_on: dt.date, today: dt.date, hidden: bool, withdrawn: bool
) -> str | None:
    """Why a user may not edit or withdraw a comment, or ``None`` when they may.

    Only its author, only while the consultation is open, never a comment a moderator hid
    (editing would dodge moderation) and never a withdrawn one. Returns a reason code.
    """
    if not is_author:
        return "not_author"
    if not can_comment_now(opens_on, closes_on, today):
        return "closed"
    if hidden:
        return "hidden"
    if withdrawn:
        return "withdrawn"
    return None


def may_report(*, is_author: bool, hidden: bool, withdrawn: bool) -> bool:
    """A user reports someone else's visible comment (one report per user per comment: a DB constraint)."""
    return not is_author and not hidden and not withdrawn

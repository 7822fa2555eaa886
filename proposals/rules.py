"""The rules of citizen proposals as pure functions (no database, no models).

Every number comes from the proposal's policy profile (``core.policy.Profile``, W-1); working
days from ``core.workdays`` with the override table passed in; periods per T-2.3/T-2.4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core import workdays
from core.policy import WITHDRAW_UNTIL_QUALIFIED, Profile

TITLE_MAX = 200
TEXT_MAX = 5000
OPINION_MAX = 500
CODE_LENGTH = 6
CODE_MINUTES = 15
CODE_MAX_SENDS = 3
CODE_MAX_ATTEMPTS = 5

IN_REVIEW = "in_review"
RETURNED = "returned"
NOT_ACCEPTED = "not_accepted"
DUPLICATE = "duplicate"
SECONDING = "seconding"
QUALIFIED = "qualified"
EXPIRED = "expired"
WITHDRAWN = "withdrawn"
RESPONDED = "responded"

# Which action is allowed from which status: the guarded transitions of the services.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "review_pass": (IN_REVIEW,),
    "return": (IN_REVIEW,),
    "reject": (IN_REVIEW, SECONDING),
    "mark_duplicate": (IN_REVIEW,),
    "resubmit": (RETURNED,),
    "agency_confirm": (SECONDING, QUALIFIED),
    "agency_decline": (SECONDING, QUALIFIED),
    "reassign": (IN_REVIEW, SECONDING, QUALIFIED),
    "second": (SECONDING,),
    "qualify": (SECONDING,),
    "expire": (SECONDING,),
    "notify": (QUALIFIED,),
    "extend": (QUALIFIED,),
    "respond": (QUALIFIED,),
    "update_response": (RESPONDED,),
    "commend": (RESPONDED,),
    "invalidate_seconds": (SECONDING, QUALIFIED, EXPIRED),
}

EVENT_LABELS = {
    "submitted": _("Submitted; review started"),
    "resubmitted": _("Revised and resubmitted"),
    "review_passed": _("Review passed; seconding opens the next day"),
    "returned": _("Returned to the proposer with reasons"),
    "not_accepted": _("Not accepted"),
    "duplicate": _("Duplicate of an earlier proposal"),
    "agency_assigned": _("Agency assigned by the management team"),
    "agency_confirmed": _("The agency confirmed it is competent"),
    "agency_confirmed_silence": _("Confirmed: the agency did not answer in time"),
    "agency_declined": _("The agency declined, with reasons"),
    "qualified": _("Qualified: the threshold was reached"),
    "expired": _("Seconding closed below the threshold"),
    "notified": _("Proposer and agency notified"),
    "extended": _("Response deadline extended once"),
    "responded": _("The agency responded"),
    "response_updated": _("The agency updated its response"),
    "withdrawn": _("Withdrawn by the proposer"),
    "seconds_invalidated": _("Fraudulent seconds invalidated"),
    "commended": _("The proposer was commended"),
    "handled_together": _("Handled together with similar proposals"),
    "meeting_held": _("The agency met proposer, agencies, stakeholders or seconders about its response"),
}


# --- Adoption states of the response (K-6.4.3, T-9.4.3) ---

FINAL_ADOPTIONS = ("adopted", "partly_adopted", "not_adopted")
# K-6.4.3 also lets the agency answer "under study" first; T-9.4.3 knows only the final states.
INTERIM_ADOPTIONS = ("under_study",)


def adoptions_allowed(profile: Profile) -> tuple[str, ...]:
    """The adoption states a response may take under ``profile``."""
    if profile.rule("adoption") == "T-9.4.3":
        return FINAL_ADOPTIONS
    return INTERIM_ADOPTIONS + FINAL_ADOPTIONS


def adoption_errors(adoption: str, reasons: str, profile: Profile) -> list[str]:
    """Why a response is refused: a state the profile does not know, or no published reasons."""
    errors = []
    if adoption not in adoptions_allowed(profile):
        errors.append(str(_("Choose the adoption state.")))
        if adoption in INTERIM_ADOPTIONS:
            errors[-1] = str(
                _('Under %(rule)s a response states adopted, partly adopted or not adopted; not "under study".')
            ) % {"rule": profile.rule("adoption")}
    if not reasons.strip():
        errors.append(str(_("Write the response and its reasons; they are published.")))
    return errors


class TransitionError(Exception):
    """An action that the proposal's current status does not allow."""


def check(action: str, status: str) -> None:
    """Raise ``TransitionError`` unless ``action`` is allowed from ``status``."""
    if status not in TRANSITIONS[action]:
        raise TransitionError(f"{action} is not allowed when the proposal is {status}")


# --- Clocks ---


def review_due_on(submitted_on: dt.date, profile: Profile, overrides: Mapping[dt.date, bool] | None = None) -> dt.date:
    """Review starts the day after submission (K-6.1.5) and ends within N working days (K-6.2.1, T-9.2.1)."""
    return workdays.add_working_days(submitted_on, profile.review_working_days, overrides)


def confirm_due_on(started_on: dt.date, profile: Profile, overrides: Mapping[dt.date, bool] | None = None) -> dt.date:
    """The agency confirms within N working days; silence means confirmed after that (K-6.2.6)."""
    return workdays.add_working_days(started_on, profile.confirm_working_days, overrides)


def seconding_opens_on(review_passed_on: dt.date) -> dt.date:
    """Seconding opens the day after review passes (K-6.2.4)."""
    return review_passed_on + dt.timedelta(days=1)


def seconding_base_closes_on(opens_on: dt.date, profile: Profile) -> dt.date:
    """The last seconding day: N days or M months with ``opens_on`` as day 1 (K-6.3.2, T-9.3.2, T-2.4)."""
    return workdays.period_end(opens_on, days=profile.seconding_days, months=profile.seconding_months)


def notify_due_on(qualified_on: dt.date, profile: Profile, overrides: Mapping[dt.date, bool] | None = None) -> dt.date:
    """Proposer and agency are notified within N working days from the day after qualifying (K-6.3.5)."""
    return workdays.add_working_days(qualified_on, profile.notify_working_days, overrides)


def response_due_on(notified_on: dt.date, profile: Profile) -> dt.date:
    """The response is due M months from the day after notification (K-6.4.4, T-9.4.4, T-2.4)."""
    return workdays.period_from_next_day(notified_on, months=profile.response_months)


def extension_latest(due_on: dt.date, profile: Profile) -> dt.date:
    """The latest deadline one extension can give: M more months after the due date (K-6.4.4)."""
    return workdays.period_from_next_day(due_on, months=profile.extension_months)


def extension_errors(
    due_on: dt.date, extended_to: dt.date, reason: str, already_extended: bool, profile: Profile
) -> list[str]:
    """Why an extension is refused: only one, after the due date, at most M months, with a reason."""
    errors = []
    if already_extended:
        errors.append(str(_("The response deadline has already been extended once; only one extension is allowed.")))
    latest = extension_latest(due_on, profile)
    if extended_to <= due_on:
        errors.append(str(_("The new deadline must be after the current one (%(due)s).")) % {"due": due_on.isoformat()})
    elif extended_to > latest:
        errors.append(
            str(
                _(
                    "An extension may be at most %(months)d month(s) (%(rule)s): "
                    "the latest possible deadline is %(last)s."
                )
            )
            % {"months": profile.extension_months, "rule": profile.rule("response"), "last": latest.isoformat()}
        )
    if not reason.strip():
        errors.append(str(_("An extension needs a reason, which is published.")))
    return errors


# --- Election blackout (K-8) ---


@dataclass(frozen=True)
class Blackout:
    """Proposing and seconding are suspended from ``starts_on`` through the voting day."""

    starts_on: dt.date
    voting_day: dt.date
    name: Mapping[str, str]

    @property
    def resumes_on(self) -> dt.date:
        return self.voting_day + dt.timedelta(days=1)

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.voting_day


def blackout_periods(voting_days: Iterable[tuple[dt.date, Mapping[str, str]]], profile: Profile) -> list[Blackout]:
    """The blackout of each voting day: N days before it through the day itself (K-8)."""
    return [
        Blackout(starts_on=day - dt.timedelta(days=profile.blackout_days), voting_day=day, name=name)
        for day, name in voting_days
    ]


def blackout_on(day: dt.date, periods: Iterable[Blackout]) -> Blackout | None:
    """The blackout in force on ``day`` (the one ending last when several overlap), or None."""
    active = [p for p in periods if p.covers(day)]
    return max(active, key=lambda p: p.voting_day) if active else None


def seconding_closes_on(opens_on: dt.date | None, base_closes_on: dt.date, periods: Iterable[Blackout]) -> dt.date:
    """The last seconding day, extended by every suspended day inside the window (K-8)."""
    periods = list(periods)
    if opens_on is None or not periods:
        return base_closes_on
    closes_on = base_closes_on
    for _round in range(50):
        suspended = sum(
            1
            for offset in range((closes_on - opens_on).days + 1)
            if any(p.covers(opens_on + dt.timedelta(days=offset)) for p in periods)
        )
        extended = base_closes_on + dt.timedelta(days=suspended)
        if extended == closes_on:
            break
        closes_on = extended
    return closes_on


# --- Who may do what, when ---


def can_withdraw(status: str, profile: Profile) -> bool:
    """Withdrawal per profile: before qualifying (K-6.2.5) or until review passes (T-9.2.4)."""
    if profile.withdraw_until == WITHDRAW_UNTIL_QUALIFIED:
        return status in (IN_REVIEW, RETURNED, SECONDING)
    return status in (IN_REVIEW, RETURNED)


def second_refusal(
    *,
    status: str,
    today: dt.date,
    opens_on: dt.date | None,
    closes_on: dt.date | None,
    blackout: Blackout | None,
) -> str | None:
    """Why a second is refused now (a message key), or None: open window, no blackout (K-6.3, K-8)."""
    if status == WITHDRAWN:
        return "withdrawn"
    if status != SECONDING or opens_on is None or closes_on is None:
        return "not_open"
    if today < opens_on:
        return "not_yet"
    if today > closes_on:
        return "closed"
    if blackout is not None:
        return "blackout"
    return None


def qualifies(count: int, threshold: int) -> bool:
    """A proposal qualifies on reaching the threshold within the period (K-6.3.2, T-9.3.2)."""
    return count >= threshold


def days_left(today: dt.date, closes_on: dt.date | None) -> int | None:
    """Calendar days left to second, today included (None when there is no window)."""
    if closes_on is None:
        return None
    return max(0, (closes_on - today).days + 1)


def days_late(today: dt.date, deadline: dt.date | None) -> int:
    """Calendar days past ``deadline`` (0 when not late)."""
    if deadline is None or today <= deadline:
        return 0
    return (today - deadline).days


# --- Identity: one person, one second ---

GMAIL_LIKE = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def canonical_email(email: str) -> str:
    """The address a second is counted under: lower-cased, "+tag" removed, and for gmail-like
    domains the dots of the local part removed (googlemail.com → gmail.com), so that a second
    account at the same mailbox cannot second again."""
    email = (email or "").strip().lower()
    local, _sep, domain = email.rpartition("@")
    if not local:
        return email
    local = local.split("+", 1)[0]
    if domain in GMAIL_LIKE:
        local = local.replace(".", "")
        domain = GMAIL_LIKE[domain]
    return f"{local}@{domain}"


def email_domain(email: str) -> str:
    return (email or "").strip().lower().rpartition("@")[2]


def is_disposable(email: str, domains: Iterable[str] | set[str]) -> bool:
    """Whether the address is at a disposable-email domain (or a subdomain of one)."""
    domain = email_domain(email)
    domains = domains if isinstance(domains, set) else set(domains)
    parts = domain.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def text_errors(*, title: str, content: str, benefits: str, evidence: str) -> dict[str, str]:
    """Field errors of a proposal's text (K-6.1.3): topic, content, benefits required; lengths bounded."""
    errors: dict[str, str] = {}
    for field, value, required, limit in (
        ("title", title, True, TITLE_MAX),
        ("content", content, True, TEXT_MAX),
        ("benefits", benefits, True, TEXT_MAX),
        ("evidence", evidence, False, TEXT_MAX),
    ):
        value = (value or "").strip()
        if required and not value:
            errors[field] = str(_("This field is required."))
        elif len(value) > limit:
            errors[field] = str(_("At most %(limit)d characters (you wrote %(count)d).")) % {
                "limit": limit,
                "count": len(value),
            }
    return errors

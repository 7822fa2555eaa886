"""Seconding (K-6.3.3, T-9.3.4): one click by a verified account, an optional opinion, never
withdrawn; an emailed code per second where the profile says so; one per person per proposal
(database constraints on the account and on the canonical email); exact counts without a hot
row lock: the count is ``COUNT(*)`` of counted rows, and qualification is one conditional
``UPDATE ... WHERE status = 'seconding'`` that only the second reaching the threshold performs.

A second does not count all the others while the proposal is far from its threshold: an upper
bound of the count in the cache (core.count_bound, one Redis round trip) says when the exact
count cannot have reached it. Near the threshold (within ``BOUND_MARGIN``), or whenever the bound
is unknown, the exact ``COUNT(*)`` decides; the daily clocks count exactly as well."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.verified import read_with_verified
from core.count_bound import bound_add_one, bound_forget, bound_seed
from core.dates import format_date
from core.policy_store import voting_days
from core.rows import insert_row

from . import notifications, rules
from .models import Proposal, Second, SecondInvalidation, Status
from .services import _event, blackout_message, participant_refusal


def seconds_count(proposal_id: int) -> int:
    """The exact number of counted seconds: confirmed and not invalidated."""
    return Second.objects.filter(proposal_id=proposal_id, confirmed=True, invalidation__isnull=True).count()


# More than the seconds that can be committed while one request counts and seeds the bound
# (core.count_bound): web processes x threads, with room to spare.
BOUND_MARGIN = 200


def bound_name(proposal_id: int) -> str:
    """The cache name of the upper bound of ``proposal_id``'s counted seconds."""
    return f"proposals:seconds:{proposal_id}"


def _hash(second_id: int, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{second_id}:{code}".encode(), hashlib.sha256).hexdigest()


def _refusal_message(proposal: Proposal, key: str) -> str:
    closes = proposal.seconding_closes_on
    messages = {
        "withdrawn": _("This proposal was withdrawn by its proposer; it can no longer be seconded."),
        "not_open": _("This proposal is not open for seconding."),
        "not_yet": _("Seconding opens on %(date)s.")
        % {"date": format_date(proposal.seconding_opens_on) if proposal.seconding_opens_on else ""},
        "closed": _("Seconding closed on %(date)s.") % {"date": format_date(closes) if closes else ""},
    }
    return messages[key]


def second_refusal(proposal: Proposal, today: dt.date) -> str | None:
    """Why nobody can second ``proposal`` today (window, status, blackout), or None."""
    periods = rules.blackout_periods(voting_days(), proposal.policy)
    key = rules.second_refusal(
        status=proposal.status,
        today=today,
        opens_on=proposal.seconding_opens_on,
        closes_on=proposal.seconding_closes_on,
        blackout=rules.blackout_on(today, periods),
    )
    if key is None:
        return None
    if key == "blackout":
        return blackout_message(today, proposal.profile)
    return _refusal_message(proposal, key)


# What seconding reads of the proposal (refusals, the code step, qualification): not its texts.
SECOND_FIELDS = ("pk", "status", "profile", "threshold", "seconding_opens_on", "seconding_base_closes_on")


def proposal_second(
    *, proposal: Proposal, user, opinion: str = "", notify: bool = False, ip: str | None = None, today=None
) -> Second:
    """Second a proposal. Counted at once, or after the emailed code where the profile requires
    it (T-9.3.4). Raises ValidationError with a clear message; nothing is saved then."""
    today = today or timezone.localdate()
    # The user's verified address is read with the proposal (accounts.verified): one query.
    proposal = read_with_verified(Proposal, proposal.pk, SECOND_FIELDS, user)
    if proposal is None:
        raise Proposal.DoesNotExist
    refusal = participant_refusal(user) or second_refusal(proposal, today)
    if refusal:
        raise ValidationError(refusal)
    opinion = (opinion or "").strip()
    if len(opinion) > rules.OPINION_MAX:
        raise ValidationError(
            _("An opinion may have at most %(limit)d characters (you wrote %(count)d).")
            % {"limit": rules.OPINION_MAX, "count": len(opinion)}
        )
    email_code = proposal.policy.email_code
    try:
        # Without an email code the second is one INSERT, atomic by itself (autocommit: one round
        # trip, no BEGIN/COMMIT of its own); with a code, the INSERT and the code form one
        # transaction; inside a caller's transaction, a savepoint survives a refused duplicate.
        in_transaction = transaction.get_connection().in_atomic_block
        with transaction.atomic() if email_code or in_transaction else contextlib.nullcontext():
            second = Second(
                proposal=proposal,
                user=user,
                email_canonical=rules.canonical_email(user.email),
                opinion=opinion,
                notify=notify,
                ip=ip or None,
                confirmed=not email_code,
                confirmed_at=None if email_code else timezone.now(),
            )
            insert_row(second)  # Second.objects.create without compiling the INSERT each time
            if email_code:
                _send_code(second)
    except IntegrityError as error:
        raise ValidationError(_("You have already seconded this proposal; a second counts once.")) from error
    if not email_code:
        proposal_qualify(proposal=proposal, today=today, counted_one=True)
    return second


def _send_code(second: Second) -> None:
    """A fresh code for ``second``, valid for CODE_MINUTES; at most CODE_MAX_SENDS sends."""
    if second.code_sends >= rules.CODE_MAX_SENDS:
        raise ValidationError(_("No more codes can be sent for this second; contact the service mailbox."))
    code = f"{secrets.randbelow(10**rules.CODE_LENGTH):0{rules.CODE_LENGTH}d}"
    second.code_hash = _hash(second.pk, code)
    second.code_expires_at = timezone.now() + dt.timedelta(minutes=rules.CODE_MINUTES)
    second.code_sends += 1
    second.code_attempts = 0
    second.save(update_fields=["code_hash", "code_expires_at", "code_sends", "code_attempts"])
    transaction.on_commit(lambda: notifications.second_code(second.pk, code))


@transaction.atomic
def second_resend_code(*, second: Second, user) -> Second:
    """Send a new code (limited resends; the old code stops working)."""
    second = Second.objects.select_for_update().get(pk=second.pk)
    if second.user_id != user.pk or second.confirmed:
        raise ValidationError(_("There is no second waiting for a code."))
    _send_code(second)
    return second


@transaction.atomic
def second_confirm(*, second: Second, user, code: str, today=None) -> Second:
    """Confirm a second with its emailed code (T-9.3.4): it counts from now on."""
    today = today or timezone.localdate()
    second = Second.objects.select_for_update().select_related("proposal").get(pk=second.pk)
    if second.user_id != user.pk or second.confirmed:
        raise ValidationError(_("There is no second waiting for a code."))
    refusal = second_refusal(second.proposal, today)
    if refusal:
        raise ValidationError(refusal)
    if second.code_attempts >= rules.CODE_MAX_ATTEMPTS:
        raise ValidationError(_("Too many wrong codes: ask for a new code."))
    if not second.code_expires_at or second.code_expires_at < timezone.now():
        raise ValidationError(_("This code has expired: ask for a new code."))
    if not hmac.compare_digest(second.code_hash, _hash(second.pk, (code or "").strip())):
        Second.objects.filter(pk=second.pk).update(code_attempts=second.code_attempts + 1)
        raise ValidationError(_("This code is not right. Check the email we sent you."))
    second.confirmed = True
    second.confirmed_at = timezone.now()
    second.code_hash = ""
    second.save(update_fields=["confirmed", "confirmed_at", "code_hash"])
    transaction.on_commit(lambda: proposal_qualify(proposal=second.proposal, today=today, counted_one=True))
    return second


def proposal_qualify(*, proposal: Proposal, today=None, counted_one: bool = False) -> bool:
    """Qualify when the counted seconds reach the threshold within the period (K-6.3.2, T-9.3.2).

    One conditional UPDATE: of many concurrent seconds only one flips the status. True when applied.
    ``counted_one``: called right after one more second was committed and counted; the count's
    upper bound (module docstring) is raised, and the exact count is skipped while the bound is
    more than ``BOUND_MARGIN`` below the threshold.
    """
    today = today or timezone.localdate()
    threshold = proposal.threshold
    if threshold is None:
        return False
    bound = None
    if counted_one:
        bound = bound_add_one(bound_name(proposal.pk))
        if bound is not None and bound + BOUND_MARGIN < threshold:
            return False
    counted = seconds_count(proposal.pk)
    if counted_one and bound is None:
        bound_seed(bound_name(proposal.pk), counted)
    if not rules.qualifies(counted, threshold):
        return False
    with transaction.atomic():
        changed = Proposal.objects.filter(pk=proposal.pk, status=Status.SECONDING).update(
            status=Status.QUALIFIED, qualified_on=today
        )
        if changed:
            fresh = Proposal.objects.get(pk=proposal.pk)
            _event(fresh, "qualified", data={"seconds": seconds_count(proposal.pk), "threshold": threshold})
            from core.cache import bump_content_version

            bump_content_version()
    return bool(changed)


@transaction.atomic
def seconds_invalidate(*, proposal: Proposal, user, second_ids: list[int], reason: str) -> SecondInvalidation:
    """Invalidate fraudulent seconds in bulk with a public reason; the count is public (audited)."""
    if not reason.strip():
        raise ValidationError(_("Give the reason; it is published with the count."))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    rules.check("invalidate_seconds", proposal.status)
    seconds = Second.objects.filter(proposal=proposal, pk__in=second_ids, invalidation__isnull=True)
    count = seconds.count()
    if not count:
        raise ValidationError(_("None of these seconds can be invalidated."))
    invalidation = SecondInvalidation.objects.create(proposal=proposal, count=count, reason=reason.strip(), user=user)
    seconds.update(invalidation=invalidation)
    proposal.invalidated_seconds += count
    proposal.save(update_fields=["invalidated_seconds"])
    # The cached bound of the count is now too high: the next second counts exactly again.
    transaction.on_commit(lambda: bound_forget(bound_name(proposal.pk)))
    _event(proposal, "seconds_invalidated", user=user, note=reason.strip(), data={"count": count})
    log(invalidation, "proposals.seconds_invalidated", user=user, data={"ids": sorted(second_ids)})
    return invalidation

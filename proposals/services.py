"""Lifecycle of a proposal: each service a guarded, atomic transition that writes a public
timeline event (W-5) and a Wagtail audit entry. Seconding lives in ``seconding.py``."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.dates import format_date
from core.i18n import current_language
from core.policy_store import get_profile, voting_days, workday_overrides

from . import notifications, permissions, rules
from .models import Adoption, Confirmation, Proposal, ProposalEvent, Status


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _event(proposal: Proposal, kind: str, *, user=None, note: str = "", data: dict | None = None) -> ProposalEvent:
    """A public timeline step and its audit entry; emails follow the commit."""
    event = ProposalEvent.objects.create(proposal=proposal, kind=kind, user=user, note=note, data=data or {})
    log(proposal, f"proposals.{kind}", user=user, data={**(data or {}), "note": note})
    if kind in notifications.STEP_MESSAGES:
        transaction.on_commit(lambda: notifications.step(proposal.pk, kind))
    return event


def _locked(proposal: Proposal, action: str) -> Proposal:
    """The proposal's row, locked for this transition, checked against the allowed statuses."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    try:
        rules.check(action, locked.status)
    except rules.TransitionError as error:
        raise ValidationError(
            _("This step is not possible now: the proposal is “%(status)s”.") % {"status": locked.status_label}
        ) from error
    return locked


def blackout_message(today: dt.date, profile_slug: str) -> str | None:
    """The K-8 refusal naming the vote and the day proposing and seconding resume, or None."""
    profile = get_profile(profile_slug)
    blackout = rules.blackout_on(today, rules.blackout_periods(voting_days(), profile))
    if blackout is None:
        return None
    language = current_language()
    name = blackout.name.get(language) or blackout.name.get("zh-hant", "")
    return _(
        "Proposing and seconding are suspended before the vote “%(vote)s” on %(day)s (%(rule)s). "
        "They resume on %(resume)s."
    ) % {
        "vote": name,
        "day": format_date(blackout.voting_day),
        "rule": profile.rule("blackout") or "K-8",
        "resume": format_date(blackout.resumes_on),
    }


def disposable_domains() -> set[str]:
    """The shipped list of disposable-email domains (proposals/data/disposable_domains.txt)."""
    from pathlib import Path

    global _DISPOSABLE
    if _DISPOSABLE is None:
        path = Path(__file__).with_name("data") / "disposable_domains.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        _DISPOSABLE = {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return _DISPOSABLE


_DISPOSABLE: set[str] | None = None


def participant_refusal(user) -> str | None:
    """Why ``user`` may not propose or second: unverified account or disposable address (K-6.1.2)."""
    if not permissions.is_verified(user):
        return _("Confirm your email address first (see the message we sent you).")
    if rules.is_disposable(user.email or "", disposable_domains()):
        return _("Addresses of disposable-email services cannot propose or second; use a lasting address.")
    return None


@transaction.atomic
def proposal_submit(
    *,
    author,
    title: str,
    content: str,
    benefits: str,
    evidence: str = "",
    agency=None,
    profile: str,
    token: uuid.UUID,
    commendation_consent: bool = False,
    today: dt.date | None = None,
) -> tuple[Proposal, bool]:
    """Submit a proposal (K-6.1.3); review starts the next day (K-6.1.5). Idempotent per token.

    ``agency`` None means "not sure": the management team decides (K-6.1.4).
    Refused during an election blackout (K-8) and for unverified or disposable accounts.
    """
    existing = Proposal.objects.filter(author=author, token=token).first()
    if existing is not None:
        return existing, False
    today = _today(today)
    refusal = participant_refusal(author) or blackout_message(today, profile)
    if refusal:
        raise ValidationError(refusal)
    errors = rules.text_errors(title=title, content=content, benefits=benefits, evidence=evidence)
    if errors:
        raise ValidationError(errors)
    language = current_language()
    proposal = Proposal(
        author=author,
        profile=get_profile(profile).slug,
        content=content.strip(),
        benefits=benefits.strip(),
        evidence=evidence.strip(),
        language=language,
        token=token,
        agency=agency,
        submitted_on=today,
        commendation_consent=commendation_consent,
    )
    proposal.title = title.strip()
    setattr(proposal, f"title_{language.replace('-', '_')}", title.strip())
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        return Proposal.objects.get(author=author, token=token), False
    from .similar import index_proposal

    index_proposal(proposal)
    _event(proposal, "submitted", user=author, data={"agency": agency.code if agency else None})
    return proposal, True


@transaction.atomic
def proposal_resubmit(
    *, proposal: Proposal, user, title: str, content: str, benefits: str, evidence: str = "", today=None
) -> Proposal:
    """Revise and resubmit a returned proposal (T-9.2.3): the review starts again."""
    if proposal.author_id != user.pk:
        raise PermissionDenied
    today = _today(today)
    proposal = _locked(proposal, "resubmit")
    refusal = blackout_message(today, proposal.profile)
    if refusal:
        raise ValidationError(refusal)
    errors = rules.text_errors(title=title, content=content, benefits=benefits, evidence=evidence)
    if errors:
        raise ValidationError(errors)
    proposal.title = title.strip()
    setattr(proposal, f"title_{proposal.language.replace('-', '_')}", title.strip())
    proposal.content, proposal.benefits, proposal.evidence = content.strip(), benefits.strip(), evidence.strip()
    proposal.status = Status.IN_REVIEW
    proposal.submitted_on = today
    proposal.save()
    from .similar import index_proposal

    index_proposal(proposal)
    _event(proposal, "resubmitted", user=user)
    return proposal


@transaction.atomic
def proposal_review_pass(*, proposal: Proposal, user, agency=None, co_agencies=(), today=None) -> Proposal:
    """The management team passes review (K-6.2.1): seconding opens the next day (K-6.2.4) and
    the agency's confirmation clock starts (K-6.2.6). An unsure proposer's agency is chosen here."""
    today = _today(today)
    proposal = _locked(proposal, "review_pass")
    agency = agency or proposal.agency
    if agency is None:
        raise ValidationError(_("Choose the competent agency first (the proposer was not sure)."))
    profile = proposal.policy
    proposal.agency = agency
    proposal.review_passed_on = today
    proposal.seconding_opens_on = rules.seconding_opens_on(today)
    proposal.seconding_base_closes_on = rules.seconding_base_closes_on(proposal.seconding_opens_on, profile)
    proposal.threshold = profile.threshold
    proposal.confirmation = Confirmation.PENDING
    proposal.confirm_started_on = today
    proposal.status = Status.SECONDING
    proposal.save()
    if co_agencies:
        proposal.co_agencies.set([a for a in co_agencies if a.pk != agency.pk])
    _event(
        proposal,
        "review_passed",
        user=user,
        data={"agency": agency.code, "opens": proposal.seconding_opens_on.isoformat()},
    )
    return proposal


def _reasons(reasons_zh_hant: str, reasons_en: str) -> tuple[str, str]:
    if not (reasons_zh_hant or "").strip() and not (reasons_en or "").strip():
        raise ValidationError(_("Give the reasons; they are published."))
    return (reasons_zh_hant or "").strip(), (reasons_en or "").strip()


@transaction.atomic
def proposal_return(*, proposal: Proposal, user, reasons_zh_hant: str, reasons_en: str = "") -> Proposal:
    """Return a doubtful or unclear proposal with reasons (T-9.2.3, K-6.2.3): revise and resubmit."""
    zh, en = _reasons(reasons_zh_hant, reasons_en)
    proposal = _locked(proposal, "return")
    proposal.status = Status.RETURNED
    proposal.reasons_zh_hant, proposal.reasons_en = zh, en
    proposal.save()
    _event(proposal, "returned", user=user, note=zh or en)
    return proposal


@transaction.atomic
def proposal_reject(*, proposal: Proposal, user, ground: str, reasons_zh_hant: str, reasons_en: str = "") -> Proposal:
    """Not accepted on a coded ground of the profile (K-6.2.2, T-7): the text is hidden, the
    ground and reasons are published, the proposer is emailed."""
    zh, en = _reasons(reasons_zh_hant, reasons_en)
    proposal = _locked(proposal, "reject")
    if ground not in proposal.policy.grounds:
        raise ValidationError(_("Choose one of the grounds of the rules."))
    proposal.status = Status.NOT_ACCEPTED
    proposal.ground = ground
    proposal.reasons_zh_hant, proposal.reasons_en = zh, en
    proposal.save()
    _event(proposal, "not_accepted", user=user, note=zh or en, data={"ground": ground})
    return proposal


@transaction.atomic
def proposal_mark_duplicate(
    *, proposal: Proposal, user, duplicate_of: Proposal, reasons_zh_hant: str, reasons_en: str = ""
) -> Proposal:
    """A duplicate of a proposal being seconded (or further on) is answered with reasons and
    linked to it; it does not go to seconding (K-6.2.3)."""
    zh, en = _reasons(reasons_zh_hant, reasons_en)
    duplicate_of = Proposal.objects.get(pk=duplicate_of.pk)
    if duplicate_of.pk == proposal.pk or duplicate_of.status in (
        Status.IN_REVIEW,
        Status.RETURNED,
        Status.NOT_ACCEPTED,
        Status.WITHDRAWN,
        Status.DUPLICATE,
    ):
        raise ValidationError(_("Link to a proposal that passed review."))
    proposal = _locked(proposal, "mark_duplicate")
    proposal.status = Status.DUPLICATE
    proposal.duplicate_of = duplicate_of
    proposal.reasons_zh_hant, proposal.reasons_en = zh, en
    proposal.save()
    _event(proposal, "duplicate", user=user, note=zh or en, data={"duplicate_of": duplicate_of.pk})
    return proposal


@transaction.atomic
def proposal_assign_agency(*, proposal: Proposal, user, agency, co_agencies=(), today=None) -> Proposal:
    """The management team sets or changes the lead agency and co-agencies (K-6.1.4, K-6.2.6);
    after review a new confirmation clock starts."""
    proposal = _locked(proposal, "reassign")
    proposal.agency = agency
    if proposal.status != Status.IN_REVIEW:
        proposal.confirmation = Confirmation.PENDING
        proposal.confirm_started_on = _today(today)
        proposal.decline_reasons = ""
    proposal.save()
    proposal.co_agencies.set([a for a in co_agencies if a.pk != agency.pk])
    _event(
        proposal,
        "agency_assigned",
        user=user,
        data={"agency": agency.code, "co_agencies": sorted(a.code for a in co_agencies)},
    )
    return proposal


@transaction.atomic
def proposal_agency_confirm(*, proposal: Proposal, user) -> Proposal:
    """The agency confirms it is competent (K-6.2.6)."""
    proposal = _locked(proposal, "agency_confirm")
    if proposal.confirmation != Confirmation.PENDING:
        raise ValidationError(_("The agency's confirmation is not awaited."))
    proposal.confirmation = Confirmation.CONFIRMED
    proposal.save(update_fields=["confirmation"])
    _event(proposal, "agency_confirmed", user=user, data={"agency": proposal.agency.code})
    return proposal


@transaction.atomic
def proposal_agency_decline(*, proposal: Proposal, user, reasons: str) -> Proposal:
    """The agency declines with specific reasons (K-6.2.6); the management team assigns another
    agency or, when none is competent, does not accept the proposal."""
    if not reasons.strip():
        raise ValidationError(_("Give specific reasons for declining; they are published."))
    proposal = _locked(proposal, "agency_decline")
    if proposal.confirmation != Confirmation.PENDING:
        raise ValidationError(_("The agency's confirmation is not awaited."))
    proposal.confirmation = Confirmation.DECLINED
    proposal.decline_reasons = reasons.strip()
    proposal.save(update_fields=["confirmation", "decline_reasons"])
    _event(proposal, "agency_declined", user=user, note=reasons.strip(), data={"agency": proposal.agency.code})
    return proposal


@transaction.atomic
def proposal_confirm_by_silence(*, proposal: Proposal, today=None) -> bool:
    """Silence is confirmation once the working days have passed (K-6.2.6). True when applied."""
    today = _today(today)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.confirmation != Confirmation.PENDING or proposal.confirm_due_on is None:
        return False
    if today <= proposal.confirm_due_on:
        return False
    proposal.confirmation = Confirmation.BY_SILENCE
    proposal.save(update_fields=["confirmation"])
    _event(proposal, "agency_confirmed_silence", data={"due": proposal.confirm_due_on.isoformat()})
    return True


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, user) -> Proposal:
    """The proposer withdraws, as the profile allows (K-6.2.5: before qualifying; T-9.2.4: until
    review passes). Seconds already given stay recorded."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.author_id != user.pk:
        raise PermissionDenied
    if not rules.can_withdraw(proposal.status, proposal.policy):
        raise ValidationError(
            _("This proposal can no longer be withdrawn (%(rule)s).") % {"rule": proposal.policy.rule("withdraw")}
        )
    proposal.status = Status.WITHDRAWN
    proposal.withdrawn_on = timezone.localdate()
    proposal.save(update_fields=["status", "withdrawn_on"])
    _event(proposal, "withdrawn", user=user)
    return proposal


@transaction.atomic
def proposal_expire(*, proposal: Proposal, today=None) -> bool:
    """Close seconding below the threshold after the last day (K-6.3.2, T-9.3.2). True when applied."""
    from .seconding import seconds_count

    today = _today(today)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Status.SECONDING or today <= proposal.seconding_closes_on:
        return False
    if rules.qualifies(seconds_count(proposal.pk), proposal.threshold):
        return False
    proposal.status = Status.EXPIRED
    proposal.expired_on = today
    proposal.save(update_fields=["status", "expired_on"])
    _event(proposal, "expired", data={"seconds": seconds_count(proposal.pk), "threshold": proposal.threshold})
    return True


@transaction.atomic
def proposal_notify(*, proposal: Proposal, user, today=None) -> Proposal:
    """Notify proposer and agency of qualification (K-6.3.5); the response clock starts the next day."""
    today = _today(today)
    proposal = _locked(proposal, "notify")
    if proposal.notified_on:
        raise ValidationError(_("Proposer and agency were already notified."))
    proposal.notified_on = today
    proposal.response_due_on = rules.response_due_on(today, proposal.policy)
    proposal.save(update_fields=["notified_on", "response_due_on"])
    _event(proposal, "notified", user=user, data={"response_due_on": proposal.response_due_on.isoformat()})
    return proposal


@transaction.atomic
def proposal_extend(
    *, proposal: Proposal, user, extended_to: dt.date, reason_zh_hant: str, reason_en: str = ""
) -> Proposal:
    """One extension of the response deadline, at most the profile's months, reason published (K-6.4.4)."""
    proposal = _locked(proposal, "extend")
    if not proposal.response_due_on:
        raise ValidationError(_("The agency is notified first; then the response clock runs."))
    errors = rules.extension_errors(
        proposal.response_due_on,
        extended_to,
        reason_zh_hant or reason_en,
        proposal.extended_to is not None,
        proposal.policy,
    )
    if errors:
        raise ValidationError(errors)
    proposal.extended_to = extended_to
    proposal.extension_reason_zh_hant = reason_zh_hant.strip()
    proposal.extension_reason_en = reason_en.strip()
    proposal.save(update_fields=["extended_to", "extension_reason_zh_hant", "extension_reason_en"])
    _event(proposal, "extended", user=user, note=reason_zh_hant or reason_en, data={"to": extended_to.isoformat()})
    return proposal


@transaction.atomic
def proposal_meeting_record(
    *,
    proposal: Proposal,
    user,
    held_on: dt.date,
    participants: str,
    summary_zh_hant: str,
    summary_en: str = "",
    today=None,
) -> ProposalEvent:
    """A meeting the agency held while drafting its response, with the proposer, agencies,
    stakeholders or seconders' representatives (K-6.4.1): a public step of the timeline."""
    today = _today(today)
    proposal = _locked(proposal, "respond")
    if not proposal.notified_on:
        raise ValidationError(_("The agency is notified first; then it drafts its response."))
    errors = []
    if held_on > today:
        errors.append(_("Record a meeting once it has been held (the date is in the future)."))
    if held_on < proposal.notified_on:
        errors.append(_("The meeting is held while the response is drafted, after the notification."))
    if not participants.strip():
        errors.append(_("Say who took part (proposer, agencies, stakeholders, seconders' representatives)."))
    if not (summary_zh_hant or summary_en).strip():
        errors.append(_("Write what the meeting concluded; it is published."))
    if errors:
        raise ValidationError(errors)
    summary = (summary_zh_hant or summary_en).strip()
    return _event(
        proposal,
        "meeting_held",
        user=user,
        note=f"{held_on.isoformat()} · {participants.strip()} · {summary}",
        data={"held_on": held_on.isoformat(), "participants": participants.strip(), "summary_en": summary_en.strip()},
    )


@transaction.atomic
def proposal_respond(
    *, proposal: Proposal, user, adoption: str, response_zh_hant: str, response_en: str = "", today=None
) -> Proposal:
    """The agency's response with its adoption state and reasons, published (K-6.4.3, T-9.4.3).
    A response "under study" may later be updated to its final state."""
    today = _today(today)
    errors = rules.adoption_errors(adoption, response_zh_hant or response_en, proposal.policy)
    if errors:
        raise ValidationError(errors)
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    action = "update_response" if locked.status == Status.RESPONDED else "respond"
    proposal = _locked(proposal, action)
    if action == "respond" and not proposal.notified_on:
        raise ValidationError(_("The agency is notified first; then it responds."))
    proposal.adoption = adoption
    proposal.response_zh_hant, proposal.response_en = response_zh_hant.strip(), response_en.strip()
    late = rules.days_late(today, proposal.deadline)
    if action == "respond":
        proposal.status = Status.RESPONDED
        proposal.responded_on = today
    proposal.save()
    _event(
        proposal,
        "responded" if action == "respond" else "response_updated",
        user=user,
        data={"adoption": adoption, "days_late": late},
    )
    return proposal


@transaction.atomic
def proposals_handle_together(*, proposals: list[Proposal], user) -> list[Proposal]:
    """Similar qualified proposals are handled together; each still gets its own response (K-6.4.5)."""
    if len(proposals) < 2:
        raise ValidationError(_("Choose at least two proposals."))
    locked = [_locked(p, "respond") for p in sorted(proposals, key=lambda p: p.pk)]
    lead = locked[0]
    for item in locked:
        item.handled_with = lead
        item.save(update_fields=["handled_with"])
        _event(item, "handled_together", user=user, data={"with": [p.pk for p in locked if p.pk != item.pk]})
    return locked


@transaction.atomic
def proposal_commend(*, proposal: Proposal, user, note: str = "", today=None) -> Proposal:
    """Commend the proposer of an adopted proposal, only with their consent (T-11)."""
    proposal = _locked(proposal, "commend")
    if proposal.adoption not in (Adoption.ADOPTED, Adoption.PARTLY_ADOPTED):
        raise ValidationError(_("Only adopted or partly adopted proposals earn a commendation."))
    if not proposal.commendation_consent:
        raise ValidationError(_("The proposer did not agree to be named for a commendation."))
    if proposal.commended_on:
        raise ValidationError(_("The proposer was already commended."))
    proposal.commended_on = _today(today)
    proposal.commendation_note = note.strip()
    proposal.save(update_fields=["commended_on", "commendation_note"])
    _event(proposal, "commended", user=user, note=note.strip())
    return proposal


def apply_clocks(*, today: dt.date | None = None) -> dict[str, int]:
    """The scheduled job: confirmation by silence (K-6.2.6), expiry (K-6.3.2), qualification
    catch-up. Idempotent; run daily by ``manage.py proposals_clocks``."""
    from .seconding import proposal_qualify

    today = _today(today)
    counts = {"confirmed_by_silence": 0, "expired": 0, "qualified": 0}
    workday_overrides()
    for proposal in Proposal.objects.filter(confirmation=Confirmation.PENDING).exclude(
        status__in=[Status.WITHDRAWN, Status.NOT_ACCEPTED]
    ):
        counts["confirmed_by_silence"] += proposal_confirm_by_silence(proposal=proposal, today=today)
    for proposal in Proposal.objects.filter(status=Status.SECONDING):
        if proposal_qualify(proposal=proposal, today=today):
            counts["qualified"] += 1
        elif proposal_expire(proposal=proposal, today=today):
            counts["expired"] += 1
    return counts

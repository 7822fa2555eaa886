"""Writes of the budgeting app: each keyword-only, atomic, and audited with Wagtail's log (except ballots).

Ballots are deliberately not audited one by one: a log entry with a time would join a ballot
to the voter roll. ``ballot_cast`` writes the roll entry and the ballot in one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import results, rules
from .models import (
    Ballot,
    ConsentVersion,
    NonResidentDeclaration,
    PollingStation,
    Process,
    Project,
    ProjectUpdate,
    Result,
    StationTally,
    TallyEntry,
    VoterRollEntry,
)


class AlreadyVoted(Exception):
    """This identity has already voted in this round of this process."""


def _clean(text: str) -> str:
    return (text or "").strip()


def ballot_projects(process: Process, round_: int) -> list[Project]:
    """The projects on a round's ballot: feasible ones (round 2: only the shortlist)."""
    queryset = process.projects.filter(status=Project.Status.FEASIBLE)
    if round_ == 2:
        queryset = queryset.filter(shortlisted=True)
    return list(queryset.order_by("pk"))


@transaction.atomic
def consent_publish(
    *, process: Process, issue_zh_hant: str, voting_rules_zh_hant: str, privacy_notice_zh_hant: str,
    issue_en: str = "", voting_rules_en: str = "", privacy_notice_en: str = "", user=None,
) -> ConsentVersion:  # fmt: skip
    """Publish a new version of what voters agree to (P-2); earlier agreements keep their version."""
    if not all(_clean(t) for t in (issue_zh_hant, voting_rules_zh_hant, privacy_notice_zh_hant)):
        raise ValidationError(_("The issue, the voting rules and the privacy notice are all needed in Chinese."))
    Process.objects.select_for_update().get(pk=process.pk)
    last = process.consent_versions.order_by("-version").first()
    consent = ConsentVersion.objects.create(
        process=process,
        version=(last.version + 1) if last else 1,
        issue_zh_hant=_clean(issue_zh_hant),
        issue_en=_clean(issue_en),
        voting_rules_zh_hant=_clean(voting_rules_zh_hant),
        voting_rules_en=_clean(voting_rules_en),
        privacy_notice_zh_hant=_clean(privacy_notice_zh_hant),
        privacy_notice_en=_clean(privacy_notice_en),
    )
    log(process, "budgeting.consent_publish", user=user, data={"version": consent.version})
    return consent


def consent_current(process: Process) -> ConsentVersion | None:
    return process.consent_versions.order_by("-version").first()


@transaction.atomic
def project_propose(
    *, process: Process, user, title_zh_hant: str, summary_zh_hant: str, title_en: str = "", summary_en: str = "",
    location: str = "", today: dt.date | None = None,
) -> Project:  # fmt: skip
    """A verified user proposes a project online during intake (P-1)."""
    today = today or timezone.localdate()
    if process.phase_on(today) != rules.INTAKE:
        raise ValidationError(_("Proposals are accepted only during the intake phase."))
    if not _clean(title_zh_hant) or not _clean(summary_zh_hant):
        raise ValidationError(_("Give your proposal a title and a summary."))
    project = Project.objects.create(
        process=process,
        title_zh_hant=_clean(title_zh_hant),
        title_en=_clean(title_en),
        summary_zh_hant=_clean(summary_zh_hant),
        summary_en=_clean(summary_en),
        location=_clean(location),
        channel=Project.Channel.ONLINE,
        proposer=user,
    )
    log(project, "budgeting.project_propose", user=user)
    return project


@transaction.atomic
def project_enter_paper(
    *, process: Process, user, proposer_name: str, title_zh_hant: str, summary_zh_hant: str, location: str = "",
) -> Project:  # fmt: skip
    """Staff enter a proposal handed in on paper on site (P-1)."""
    if not _clean(title_zh_hant) or not _clean(summary_zh_hant):
        raise ValidationError(_("Give the proposal a title and a summary."))
    project = Project.objects.create(
        process=process,
        title_zh_hant=_clean(title_zh_hant),
        summary_zh_hant=_clean(summary_zh_hant),
        location=_clean(location),
        channel=Project.Channel.PAPER,
        proposer_name=_clean(proposer_name),
        entered_by=user,
    )
    log(project, "budgeting.project_enter_paper", user=user)
    return project


@transaction.atomic
def project_refine(*, project: Project, notes_zh_hant: str, notes_en: str = "", user) -> Project:
    """Record the refinement workshop's notes on a proposal."""
    project.workshop_notes_zh_hant = _clean(notes_zh_hant)
    project.workshop_notes_en = _clean(notes_en)
    project.save(update_fields=["workshop_notes_zh_hant", "workshop_notes_en"])
    log(project, "budgeting.project_refine", user=user)
    return project


@transaction.atomic
def project_review(
    *, project: Project, feasible: bool, cost_estimate: int | None, reasons_zh_hant: str, reasons_en: str = "", user,
) -> Project:  # fmt: skip
    """The agency's feasibility review: feasible with a cost estimate, or not, with published reasons."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.status == Project.Status.WITHDRAWN:
        raise ValidationError(_("A withdrawn proposal is not reviewed."))
    if not _clean(reasons_zh_hant):
        raise ValidationError(_("Give the reasons of the review; they are published."))
    if feasible and (cost_estimate is None or cost_estimate <= 0):
        raise ValidationError(_("A feasible project needs a cost estimate."))
    if feasible and cost_estimate > project.process.budget:
        raise ValidationError(_("The cost estimate is more than the whole budget."))
    project.status = Project.Status.FEASIBLE if feasible else Project.Status.INFEASIBLE
    project.cost_estimate = cost_estimate if feasible else cost_estimate or None
    project.feasibility_reasons_zh_hant = _clean(reasons_zh_hant)
    project.feasibility_reasons_en = _clean(reasons_en)
    project.reviewed_by = user
    project.reviewed_at = timezone.now()
    project.save()
    log(project, "budgeting.project_review", user=user, data={"feasible": feasible, "cost": cost_estimate})
    return project


@transaction.atomic
def project_update_add(
    *, project: Project, on: dt.date, progress: int, text_zh_hant: str, text_en: str = "", evidence=None,
    evidence_url: str = "", user,
) -> ProjectUpdate:  # fmt: skip
    """A progress update of a funded project, with evidence (execution tracking)."""
    if not project.funded:
        raise ValidationError(_("Only funded projects are tracked."))
    if not 0 <= progress <= 100:
        raise ValidationError(_("Progress is between 0 and 100%."))
    if not _clean(text_zh_hant):
        raise ValidationError(_("Describe the progress."))
    update = ProjectUpdate.objects.create(
        project=project, on=on, progress=progress, text_zh_hant=_clean(text_zh_hant), text_en=_clean(text_en),
        evidence=evidence, evidence_url=_clean(evidence_url), created_by=user,
    )  # fmt: skip
    project.progress = progress
    project.save(update_fields=["progress"])
    log(project, "budgeting.project_update", user=user, data={"progress": progress})
    return update


def _validate_choices(
    process: Process, round_: int, choices: list[int], projects: list[Project] | None = None
) -> list[int]:
    projects = ballot_projects(process, round_) if projects is None else projects
    costs = {p.pk: p.cost_estimate or 0 for p in projects}
    errors = rules.ballot_errors(process.ballot_rules, choices, costs)
    if errors:
        raise ValidationError(errors)
    return sorted(set(choices))


def ballot_cast(
    *,
    process: Process,
    voter_hash: str,
    consent: ConsentVersion,
    choices: list[int],
    now: dt.datetime | None = None,
    projects: tuple[int, list[Project]] | None = None,
) -> Ballot:
    """Record one secret ballot and mark the voter as having voted, in one transaction (P-1, P-3).

    The roll entry's unique constraint refuses a second vote of the same identity in the same
    round, also under concurrency (raises ``AlreadyVoted``; nothing is written). The ballot row
    holds a random id and the choices: no voter, no time. ``projects``: ``(round, ballot_projects(
    process, round))`` when the caller has just read them; used only if that is still the round.
    """
    now = now or timezone.now()
    round_ = rules.voting_round(process.phase_on(timezone.localdate(now)))
    if round_ is None:
        raise ValidationError(_("Voting is not open."))
    if consent.process_id != process.pk:
        raise ValidationError(_("Agree to this vote's terms first."))
    known = projects[1] if projects is not None and projects[0] == round_ else None
    chosen = _validate_choices(process, round_, choices, known)
    try:
        with transaction.atomic():
            VoterRollEntry.objects.create(
                process=process, round=round_, voter_hash=voter_hash, voted_at=now, consent_version=consent
            )
            return Ballot.objects.create(process=process, round=round_, choices=chosen)
    except IntegrityError as error:
        raise AlreadyVoted() from error


def has_voted(*, process: Process, voter_hash: str, round_: int) -> bool:
    return VoterRollEntry.objects.filter(process=process, round=round_, voter_hash=voter_hash).exists()


@transaction.atomic
def declaration_submit(
    *, process: Process, voter_hash: str, basis: str, place: str, evidence=None
) -> NonResidentDeclaration:
    """A non-resident declares that they work or study in the area, with evidence for staff (P-1)."""
    if not process.allow_non_residents:
        raise ValidationError(_("Only registered residents can take part in this vote."))
    if not _clean(place):
        raise ValidationError(_("Name your workplace or school."))
    declaration, _created = NonResidentDeclaration.objects.update_or_create(
        process=process,
        voter_hash=voter_hash,
        defaults={"basis": basis, "place": _clean(place), "evidence": evidence, "status": "pending"},
    )
    return declaration


@transaction.atomic
def declaration_review(*, declaration: NonResidentDeclaration, approve: bool, note: str = "", user):
    """Staff approve or reject a non-resident's declaration after looking at the evidence; logged."""
    declaration.status = NonResidentDeclaration.Status.APPROVED if approve else NonResidentDeclaration.Status.REJECTED
    declaration.review_note = _clean(note)
    declaration.reviewed_by = user
    declaration.reviewed_at = timezone.now()
    declaration.save()
    log(declaration, "budgeting.declaration_review", user=user, data={"approved": approve})
    return declaration


def declaration_status(process: Process, voter_hash: str) -> str | None:
    return (
        NonResidentDeclaration.objects.filter(process=process, voter_hash=voter_hash)
        .values_list("status", flat=True)
        .first()
    )


@transaction.atomic
def tally_enter(
    *, station: PollingStation, round_: int, entry: int, counts: dict[int, int], ballots: int, user
) -> TallyEntry:
    """Enter (or correct) one of the two entries of a station's paper tally; logged."""
    if StationTally.objects.filter(station=station, round=round_).exists():
        raise ValidationError(_("This station's tally is already reconciled."))
    if any(int(v) < 0 for v in counts.values()) or ballots < 0:
        raise ValidationError(_("Vote counts cannot be negative."))
    other = TallyEntry.objects.filter(station=station, round=round_).exclude(entry=entry).first()
    if other is not None and other.entered_by_id == user.pk:
        raise ValidationError(_("The second entry must be made by a different person."))
    row, _created = TallyEntry.objects.update_or_create(
        station=station,
        round=round_,
        entry=entry,
        defaults={"counts": {str(k): int(v) for k, v in counts.items()}, "ballots": ballots, "entered_by": user},
    )
    log(station, "budgeting.tally_enter", user=user, data={"round": round_, "entry": entry, "counts": row.counts})
    return row


def tally_reconcile(*, station: PollingStation, round_: int, user) -> StationTally:
    """Reconcile a station's two entries: made by two people and equal, or refused; both outcomes logged."""
    with transaction.atomic():
        entries = {e.entry: e for e in TallyEntry.objects.select_for_update().filter(station=station, round=round_)}
        if set(entries) != {1, 2}:
            raise ValidationError(_("Both entries of the tally are needed first."))
        first, second = entries[1], entries[2]
        errors = rules.reconcile_errors(
            first_by=first.entered_by_id,
            second_by=second.entered_by_id,
            first={int(k): v for k, v in first.counts.items()},
            second={int(k): v for k, v in second.counts.items()},
        )
        if first.ballots != second.ballots:
            errors.append(_("The two entries differ in the number of paper ballots."))
        if not errors:
            tally = StationTally.objects.create(
                station=station, round=round_, counts=first.counts, ballots=first.ballots, reconciled_by=user
            )
            log(station, "budgeting.tally_reconcile", user=user, data={"round": round_, "counts": first.counts})
            return tally
    log(station, "budgeting.tally_mismatch", user=user, data={"round": round_})
    raise ValidationError(errors)


def outcome(process: Process, round_: int | None = None) -> tuple[results.Outcome, int, int]:
    """Tallies and winners from the ballots and reconciled paper tallies; (outcome, online, paper)."""
    round_ = round_ or (2 if process.two_rounds else 1)
    projects = ballot_projects(process, round_)
    costs = {p.pk: p.cost_estimate or 0 for p in projects}
    ballots = [set(c) for c in Ballot.objects.filter(process=process, round=round_).values_list("choices", flat=True)]
    online = len(ballots)
    extra: dict[int, int] = {}
    paper = 0
    for tally in StationTally.objects.filter(station__process=process, round=round_):
        paper += tally.ballots
        for key, votes in tally.counts.items():
            if rules.paper_sheets_expand_to_ballots(process.ballot_kind):
                ballots.extend([{int(key)}] * int(votes))
            else:
                extra[int(key)] = extra.get(int(key), 0) + int(votes)
    return results.compute(budget=process.budget, costs=costs, ballots=ballots, extra_tallies=extra), online, paper


@transaction.atomic
def round1_shortlist(*, process: Process, user) -> list[int]:
    """Close round 1 of a two-round process: mark its shortlist for round 2; logged."""
    if not process.two_rounds:
        raise ValidationError(_("This process votes in one round."))
    result, _online, _paper = outcome(process, 1)
    chosen = rules.shortlist(result.tallies, process.shortlist_size)
    process.projects.update(shortlisted=False)
    process.projects.filter(pk__in=chosen).update(shortlisted=True)
    log(process, "budgeting.shortlist", user=user, data={"shortlist": chosen})
    return chosen


@transaction.atomic
def results_publish(*, process: Process, user, today: dt.date | None = None) -> Result:
    """Count and publish the results after voting closes: winners under both methods, the binding one funded."""
    today = today or timezone.localdate()
    ends = [p.ends_on for p in process.phases.all() if p.kind in (rules.VOTING, rules.VOTING_2)]
    if not ends or today <= max(ends):
        raise ValidationError(_("Results are published after voting closes."))
    result_, online, paper = outcome(process)
    result, _created = Result.objects.update_or_create(
        process=process,
        defaults={
            "tallies": {str(k): v for k, v in result_.tallies.items()},
            "greedy": result_.greedy,
            "mes": result_.mes,
            "binding_method": process.binding_method,
            "online_ballots": online,
            "paper_ballots": paper,
            "published_at": timezone.now(),
            "published_by": user,
        },
    )
    process.projects.update(funded=False)
    process.projects.filter(pk__in=result.winners).update(funded=True)
    log(
        process,
        "budgeting.results_publish",
        user=user,
        data={"winners": result.winners, "method": result.binding_method},
    )
    return result


def pabulib_export(process: Process) -> str:
    """The process's (final round's) election in Pabulib's ``.pb`` format: projects, costs, anonymous ballots."""
    round_ = 2 if process.two_rounds else 1
    projects = ballot_projects(process, round_)
    result_, _online, _paper = outcome(process, round_)
    ballots = Ballot.objects.filter(process=process, round=round_).order_by("id").values_list("choices", flat=True)
    return results.pabulib_text(
        meta={
            "description": process.title_zh_hant,
            "country": "Taiwan",
            "unit": process.area_zh_hant or "",
            "instance": str(process.pk),
            "rule": "equalshares" if process.binding_method == rules.MES else "greedy",
        },
        budget=process.budget,
        costs={p.pk: p.cost_estimate or 0 for p in projects},
        names={p.pk: p.title_zh_hant for p in projects},
        ballots=[set(c) for c in ballots],
        votes=result_.tallies,
        max_choices=process.max_choices if process.ballot_kind == rules.APPROVAL else None,
    )


def survey_answer(*, survey, voter_hash: str, text: str, now: dt.datetime | None = None):
    """Record one identity-checked answer to a targeted survey (P-4): roll and answer in one transaction."""
    from .models import SurveyAnswer, SurveyRollEntry

    now = now or timezone.now()
    if not survey.opens_on <= timezone.localdate(now) <= survey.closes_on:
        raise ValidationError(_("This survey is not open."))
    if not _clean(text):
        raise ValidationError(_("Write your answer first."))
    try:
        with transaction.atomic():
            SurveyRollEntry.objects.create(survey=survey, voter_hash=voter_hash, answered_at=now)
            return SurveyAnswer.objects.create(survey=survey, text=_clean(text)[:5000])
    except IntegrityError as error:
        raise AlreadyVoted() from error

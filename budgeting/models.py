"""Participatory budgeting (P-1 to P-4): processes, projects, consent, voter roll, secret ballots, paper tallies.

Secrecy by construction: the voter roll (``VoterRollEntry``) holds only a keyed hash of the
national ID and the time voted; a ``Ballot`` has a random id, no timestamp and no link to the
roll or to any account. Both are written in one transaction (``services.ballot_cast``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core import i18n

from . import rules


class BallotKind(models.TextChoices):
    SINGLE = rules.SINGLE, _("Single choice")
    APPROVAL = rules.APPROVAL, _("Approval of up to k projects")
    BUDGET = rules.BUDGET, _("Budget ballot (costs up to the budget)")


class Method(models.TextChoices):
    GREEDY = rules.GREEDY, _("Greedy by votes")
    MES = rules.MES, _("Method of Equal Shares")


class PhaseKind(models.TextChoices):
    INTAKE = rules.INTAKE, _("Proposal intake")
    REFINEMENT = rules.REFINEMENT, _("Refinement workshops")
    REVIEW = rules.REVIEW, _("Feasibility review")
    EXHIBITION = rules.EXHIBITION, _("Public exhibition")
    VOTING = rules.VOTING, _("Voting")
    VOTING_2 = rules.VOTING_2, _("Voting, second round")
    RESULTS = rules.RESULTS, _("Results")
    EXECUTION = rules.EXECUTION, _("Execution")


class Process(ClusterableModel):
    """A participatory budgeting process of one area, with dated phases and its ballot rules (P-1)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    area = models.CharField(_("area"), max_length=100, help_text=_("Where residents may vote, e.g. 中正區."))
    case_code = models.CharField(
        _("case code"), max_length=40, help_text=_("The case code the household registry knows this vote by.")
    )
    budget = models.PositiveBigIntegerField(_("budget (NT$)"))
    ballot_kind = models.CharField(_("ballot"), max_length=10, choices=BallotKind.choices, default=BallotKind.APPROVAL)
    max_choices = models.PositiveSmallIntegerField(
        _("at most k projects"), default=3, help_text=_("For approval ballots: how many projects a voter may choose.")
    )
    two_rounds = models.BooleanField(_("two rounds"), default=False)
    shortlist_size = models.PositiveSmallIntegerField(
        _("shortlist size"), default=0, help_text=_("Two rounds: how many projects round 1 keeps.")
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    allow_non_residents = models.BooleanField(
        _("non-residents who work or study here may vote"),
        default=False,
        help_text=_("They declare it with evidence, which staff review."),
    )
    binding_method = models.CharField(_("binding method"), max_length=10, choices=Method.choices, default=Method.MES)
    electorate = models.PositiveIntegerField(
        _("electorate"), null=True, blank=True, help_text=_("Residents entitled to vote, for turnout.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("budgeting process")
        verbose_name_plural = _("budgeting processes")
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(max_choices__gte=1), name="budgeting_process_max_choices"),
            models.CheckConstraint(condition=Q(budget__gt=0), name="budgeting_process_budget_positive"),
        ]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("budgeting:process", args=[self.pk])

    @property
    def ballot_rules(self) -> rules.BallotRules:
        return rules.BallotRules(kind=self.ballot_kind, max_choices=self.max_choices, budget=self.budget)

    @property
    def eligibility(self) -> rules.Eligibility:
        return rules.Eligibility(min_age=self.min_age, allow_non_residents=self.allow_non_residents)

    def phase_dates(self) -> list[tuple[str, object, object]]:
        return [(p.kind, p.starts_on, p.ends_on) for p in self.phases.all()]

    def phase_on(self, day) -> str | None:
        return rules.current_phase(self.phase_dates(), day)


class Phase(models.Model):
    """One dated phase of a process, with a bilingual note (what happens, where the workshops are)."""

    process = ParentalKey(Process, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=12, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "kind"], name="budgeting_phase_once"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="budgeting_phase_order"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on}–{self.ends_on}"


class ConsentVersion(models.Model):
    """What a voter reads and agrees to before voting (P-2); the version agreed to is recorded on the roll."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="consent_versions")
    version = models.PositiveSmallIntegerField(_("version"))
    issue = models.TextField(_("the issue"))
    voting_rules = models.TextField(_("voting rules"))
    privacy_notice = models.TextField(_("privacy notice"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["process", "-version"]
        constraints = [models.UniqueConstraint(fields=["process", "version"], name="budgeting_consent_version_once")]

    def __str__(self) -> str:
        return f"{self.process} v{self.version}"


class Project(models.Model):
    """A proposed project: proposed online or on paper, refined, reviewed by its agency, voted on, carried out."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        FEASIBLE = "feasible", _("Feasible")
        INFEASIBLE = "infeasible", _("Not feasible")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("On paper, on site")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    channel = models.CharField(_("proposed"), max_length=8, choices=Channel.choices, default=Channel.ONLINE)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposer_name = models.CharField(
        _("proposer's public name"), max_length=100, blank=True, help_text=_("Paper proposals: as the proposer signed.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "commitments.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgeting_projects",
        verbose_name=_("reviewing agency"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    workshop_notes = models.TextField(_("workshop notes"), blank=True)
    cost_estimate = models.PositiveBigIntegerField(_("cost estimate (NT$)"), null=True, blank=True)
    feasibility_reasons = models.TextField(_("reasons"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    shortlisted = models.BooleanField(_("shortlisted for round 2"), default=False)
    funded = models.BooleanField(_("funded"), default=False)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("budgeting project")
        verbose_name_plural = _("budgeting projects")
        ordering = ["process", "pk"]
        permissions = [("review_project", _("Can review the feasibility of a project"))]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="budgeting_project_progress_max"),
            models.CheckConstraint(
                condition=~Q(status="feasible") | Q(cost_estimate__isnull=False),
                name="budgeting_project_feasible_has_cost",
            ),
        ]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("budgeting:project", args=[self.process_id, self.pk])


class ProjectUpdate(models.Model):
    """A progress update of a funded project, with evidence (execution tracking)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("date"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    text = models.TextField(_("update"))
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence"),
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="budgeting_update_progress_max")]

    def __str__(self) -> str:
        return f"{self.on} {self.progress}%"


class VoterRollEntry(models.Model):
    """Who has voted: a keyed hash of the national ID (never the ID itself), the round and the time.

    One row per (process, round, voter): a database constraint, so two concurrent votes of one
    identity cannot both commit. The random primary key keeps row ids from ordering voters.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="roll")
    round = models.PositiveSmallIntegerField(default=1)
    voter_hash = models.CharField(max_length=64)
    voted_at = models.DateTimeField()
    consent_version = models.ForeignKey(ConsentVersion, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("voter roll entry")
        verbose_name_plural = _("voter roll")
        constraints = [
            models.UniqueConstraint(fields=["process", "round", "voter_hash"], name="budgeting_one_vote_per_round")
        ]

    def __str__(self) -> str:
        return str(_("voter roll entry"))


class Ballot(models.Model):
    """A secret ballot: the chosen projects, with a random id (the voter's receipt) and nothing else."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="ballots")
    round = models.PositiveSmallIntegerField(default=1)
    choices = models.JSONField(default=list)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return str(self.id)


class NonResidentDeclaration(models.Model):
    """A non-resident's declaration that they work or study in the area, with evidence for staff review (P-1)."""

    class Basis(models.TextChoices):
        WORK = "work", _("I work here")
        STUDY = "study", _("I study here")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="declarations")
    voter_hash = models.CharField(max_length=64)
    basis = models.CharField(_("basis"), max_length=8, choices=Basis.choices)
    place = models.CharField(_("workplace or school"), max_length=200)
    evidence = models.FileField(_("evidence"), upload_to="budgeting/evidence/%Y/", blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("non-resident declaration")
        verbose_name_plural = _("non-resident declarations")
        ordering = ["status", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["process", "voter_hash"], name="budgeting_one_declaration_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.get_basis_display()}: {self.place}"


class PollingStation(models.Model):
    """An on-site polling station whose paper ballots staff tally."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="stations")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("polling station")
        verbose_name_plural = _("polling stations")
        ordering = ["process", "pk"]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "name") or f"#{self.pk}"


class TallyEntry(models.Model):
    """One staff member's entry of a station's paper tally (votes per project); entered twice (P-1)."""

    station = models.ForeignKey(PollingStation, on_delete=models.CASCADE, related_name="entries")
    round = models.PositiveSmallIntegerField(default=1)
    entry = models.PositiveSmallIntegerField(choices=[(1, _("first entry")), (2, _("second entry"))])
    counts = models.JSONField(default=dict)
    ballots = models.PositiveIntegerField(_("paper ballots"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tally entry")
        verbose_name_plural = _("tally entries")
        constraints = [
            models.UniqueConstraint(fields=["station", "round", "entry"], name="budgeting_tally_entry_once"),
            models.CheckConstraint(condition=Q(entry__in=[1, 2]), name="budgeting_tally_entry_1_or_2"),
        ]

    def __str__(self) -> str:
        return f"{self.station} #{self.entry}"


class StationTally(models.Model):
    """A station's reconciled paper tally: the two entries agreed, by two different people."""

    station = models.ForeignKey(PollingStation, on_delete=models.CASCADE, related_name="tallies")
    round = models.PositiveSmallIntegerField(default=1)
    counts = models.JSONField(default=dict)
    ballots = models.PositiveIntegerField(_("paper ballots"))
    reconciled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reconciled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reconciled station tally")
        verbose_name_plural = _("reconciled station tallies")
        constraints = [models.UniqueConstraint(fields=["station", "round"], name="budgeting_station_tally_once")]

    def __str__(self) -> str:
        return str(self.station)


class Result(models.Model):
    """A process's published results, frozen when published: tallies and winners under both methods."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="result")
    tallies = models.JSONField(default=dict)
    greedy = models.JSONField(default=list)
    mes = models.JSONField(default=list)
    binding_method = models.CharField(max_length=10, choices=Method.choices)
    online_ballots = models.PositiveIntegerField(default=0)
    paper_ballots = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return str(self.process)

    @property
    def winners(self) -> list[int]:
        return self.greedy if self.binding_method == rules.GREEDY else self.mes

    @property
    def comparison(self) -> list[int]:
        return self.mes if self.binding_method == rules.GREEDY else self.greedy

    @property
    def total_ballots(self) -> int:
        return self.online_ballots + self.paper_ballots


class TargetedSurvey(models.Model):
    """A targeted survey attached to a consultation, gated by the same identity check as votes (P-4).

    The consultation is referenced by a plain id and address (budgeting never imports the
    consultations app). Each eligible person answers once; answers, like ballots, name nobody.
    """

    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    consultation_id = models.PositiveIntegerField(_("consultation number"), null=True, blank=True)
    consultation_url = models.CharField(
        _("consultation address"), max_length=300, blank=True, help_text=_("For example /consultations/12/.")
    )
    case_code = models.CharField(_("case code"), max_length=40)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        verbose_name = _("targeted survey")
        verbose_name_plural = _("targeted surveys")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(opens_on__lte=models.F("closes_on")), name="budgeting_survey_period")
        ]

    def __str__(self) -> str:
        return i18n.in_current_language(self, "title") or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("budgeting:survey", args=[self.pk])


class SurveyRollEntry(models.Model):
    """Who has answered a survey: a keyed hash scoped to the survey, and when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(TargetedSurvey, on_delete=models.CASCADE, related_name="roll")
    voter_hash = models.CharField(max_length=64)
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "voter_hash"], name="budgeting_one_answer_per_person")]

    def __str__(self) -> str:
        return str(self.survey)


class SurveyAnswer(models.Model):
    """An answer with a random id and no time: no link to the person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(TargetedSurvey, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField()

    def __str__(self) -> str:
        return str(self.survey)

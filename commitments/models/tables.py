"""The commitment table (Annex 2, F-A2): written by the lead agency, reviewed by NDC.

A ``CommitmentTable`` is a Wagtail snippet with drafts, revisions, locking and a workflow
(agency submits → NDC approves or returns → published). Its indicators and participants
are inline children (they travel with each revision). The database row holds the
published version; drafts live in revisions until NDC approves them.

Its lifecycle is not stored: the status (draft / submitted / published) is derived from the
Wagtail workflow and ``live`` by ``status_expression`` (the one definition, a database
expression: ``CommitmentTable.objects.with_status()`` and ``Commitment`` querysets annotate
it). The only stored lifecycle facts are when it was first submitted and how late (F-6).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TaskState,
    WorkflowMixin,
    WorkflowState,
)

from .. import rules


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN Sustainable Development Goals (seeded by a migration)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.name}"


class TableStatus(models.TextChoices):
    """A table's status as the API and the admin show it (derived, never stored).

    ``approved`` is kept for API consumers: NDC's approval publishes the table at once, so a
    table is never seen approved and unpublished.
    """

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to NDC")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


def status_expression(path: str = "") -> Case:
    """The status of the table at ``path`` (``""`` for a table queryset, ``"table__"`` from a
    commitment), derived from its Wagtail workflow: the one definition of a table's status.

    - submitted: a review workflow is in progress;
    - published: live, and no workflow was started since it was last published (a returned or
      withdrawn new version of a published table is a draft again, as it is for its officers);
    - draft: otherwise (never submitted, returned with comments, withdrawn, or unpublished).

    A commitment without a table gets ``draft`` (callers tell "no table" apart themselves).
    """
    table = OuterRef(f"{path}pk")
    in_review = WorkflowState.objects.filter(commitment_table=table, status=WorkflowState.STATUS_IN_PROGRESS)
    newer = WorkflowState.objects.filter(commitment_table=table, created_at__gt=OuterRef(f"{path}last_published_at"))
    return Case(
        When(Exists(in_review), then=Value(TableStatus.SUBMITTED.value)),
        When(Q(**{f"{path}live": True}) & ~Exists(newer), then=Value(TableStatus.PUBLISHED.value)),
        default=Value(TableStatus.DRAFT.value),
        output_field=models.CharField(),
    )


class CommitmentTableQuerySet(models.QuerySet):
    def with_status(self):
        """Annotate ``derived_status`` (``status_expression``), read by ``CommitmentTable.status``."""
        return self.annotate(derived_status=status_expression())


# Fields that describe the table's journey, not its content: kept when a revision is published.
LIFECYCLE_FIELDS = ("submitted_at", "days_late")


class CommitmentTable(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A commitment's table in the Annex 2 layout (F-A2), bilingual (F-7)."""

    commitment = models.OneToOneField(
        "commitments.Commitment", on_delete=models.CASCADE, related_name="table", verbose_name=_("commitment")
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    co_agencies = ParentalManyToManyField(
        "commitments.Agency", blank=True, related_name="co_led_tables", verbose_name=_("co-agencies")
    )
    problem = models.TextField(
        _("the public problem"),
        blank=True,
        help_text=_("The social, economic, political or environmental problem, with facts and statistics."),
    )
    description = models.TextField(
        _("what the commitment is"), blank=True, help_text=_("Its content, expected results and overall goal.")
    )
    contribution = models.TextField(
        _("how it helps solve the problem"),
        blank=True,
        help_text=_("How it helps solve the problem or changes how government works on it."),
    )
    transparency_relevant = models.BooleanField(_("relevant to transparency"), default=False)
    transparency_argument = models.TextField(_("why it concerns transparency"), blank=True)
    participation_relevant = models.BooleanField(_("relevant to public participation"), default=False)
    participation_argument = models.TextField(_("why it concerns public participation"), blank=True)
    accountability_relevant = models.BooleanField(_("relevant to accountability"), default=False)
    accountability_argument = models.TextField(_("why it concerns accountability"), blank=True)
    budget_amount = models.PositiveBigIntegerField(_("budget (NT$)"), null=True, blank=True)
    budget_source = models.CharField(_("budget source"), max_length=300, blank=True)
    link_national_plan = models.TextField(_("link to the national development plan"), blank=True)
    link_sector_plans = models.TextField(_("link to sector or local plans"), blank=True)
    link_anticorruption = models.TextField(
        _("link to other strategies (e.g. the national anti-corruption strategy)"), blank=True
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name="tables", verbose_name=_("Sustainable Development Goals")
    )
    # Contact (K-4): shown to staff only, never on public pages or in the API.
    contact_name = models.CharField(_("officer"), max_length=100, blank=True)
    contact_title = models.CharField(_("title and department"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)

    submitted_at = models.DateTimeField(_("submitted to NDC"), null=True, blank=True, editable=False)
    days_late = models.PositiveIntegerField(_("days late"), default=0, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="commitment_table")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="commitment_table",
        for_concrete_model=False,
    )

    objects = CommitmentTableQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment table")
        verbose_name_plural = _("commitment tables")
        ordering = ["commitment__plan", "commitment__number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(starts_on__lte=models.F("ends_on")),
                name="commitmenttable_period_order",
            ),
            models.CheckConstraint(
                condition=Q(days_late=0) | Q(submitted_at__isnull=False), name="commitmenttable_late_when_submitted"
            ),
        ]

    def __str__(self) -> str:
        return str(self.commitment)

    @property
    def revisions(self):
        return self._revisions

    def with_content_json(self, content):
        """Publishing a revision keeps the lifecycle fields of the row (they are not content)."""
        obj = super().with_content_json(content)
        for name in LIFECYCLE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    # -- derived values -------------------------------------------------------------------

    @property
    def plan(self):
        return self.commitment.plan

    @property
    def is_late(self) -> bool:
        return self.days_late > 0

    def plan_years(self) -> list[rules.PlanYear]:
        return rules.plan_years(self.plan.starts_on, self.plan.ends_on)

    def coverage(self) -> list[tuple[rules.PlanYear, int]]:
        """Each plan year with the number of indicators falling due in it (uses prefetched indicators)."""
        years = self.plan_years()
        counts = rules.coverage(years, [rules.IndicatorData(ends_on=i.ends_on) for i in self.indicators.all()])
        return [(year, counts[year.number]) for year in years]

    def ogp_values(self) -> list[tuple[str, bool, CommitmentTable]]:
        return [(name, getattr(self, f"{name}_relevant"), self) for name in rules.OGP_VALUES]

    # -- lifecycle (derived from the workflow) ------------------------------------------

    @property
    def status(self) -> str:
        """The table's status (``status_expression``): annotated by ``with_status()``, else read now."""
        if "derived_status" in self.__dict__:
            return self.derived_status
        if self.pk is None:
            return TableStatus.DRAFT.value
        return type(self).objects.with_status().values_list("derived_status", flat=True).get(pk=self.pk)

    status.fget.short_description = _("status")

    def get_status_display(self) -> str:
        return str(TableStatus(self.status).label)

    @property
    def review_comment(self) -> str:
        """NDC's comment when it returned the table, while it is returned (from the workflow)."""
        state = self.current_workflow_state
        if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
            return ""
        rejected = (
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            .order_by("-finished_at", "-pk")
            .first()
        )
        return (rejected.comment if rejected else "") or ""

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            raise ValidationError({"ends_on": _("The commitment's period ends before it starts.")})


class ParticipantKind(models.TextChoices):
    GOVERNMENT = "government", _("Government agency")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    WORKING_TEAM = "working_team", _("Working team")


class Participant(Orderable):
    """Another participant in the commitment (F-5.4): a government agency or a non-government body."""

    table = ParentalKey(CommitmentTable, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(_("kind"), max_length=20, choices=ParticipantKind.choices)
    name = models.CharField(_("name"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name

    @property
    def is_government(self) -> bool:
        return self.kind == ParticipantKind.GOVERNMENT


class Indicator(Orderable):
    """A quantifiable or verifiable indicator with its start and end dates (F-5.3)."""

    table = ParentalKey(CommitmentTable, on_delete=models.CASCADE, related_name="indicators")
    description = models.TextField(_("indicator"))
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    target_value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("unit"), max_length=60, blank=True)
    verification = models.TextField(_("verification method"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(condition=Q(starts_on__lte=models.F("ends_on")), name="indicator_dates_order")
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def target_display(self) -> str:
        if self.target_value is None:
            return ""
        value = self.target_value.normalize()
        return f"{value:f} {self.target_unit}".strip()

    def current_status(self) -> str:
        """``rules.current_status`` of its progress reports (uses prefetched ``progress``)."""
        return rules.current_status((r.reported_on, r.pk, r.status) for r in self.progress.all())

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return rules.is_overdue(self.ends_on, self.current_status(), today or timezone.localdate())


class IndicatorProgress(models.Model):
    """A progress report on an indicator by the lead agency (W-2 monitoring)."""

    class Status(models.TextChoices):
        NOT_STARTED = rules.NOT_STARTED, _("Not started")
        IN_PROGRESS = rules.IN_PROGRESS, _("In progress")
        COMPLETED = rules.COMPLETED, _("Completed")
        DELAYED = rules.DELAYED, _("Delayed")

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="progress", verbose_name=_("indicator")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    value_reached = models.DecimalField(_("value reached"), max_digits=14, decimal_places=2, null=True, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    reported_on = models.DateField(_("date"), default=timezone.localdate)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    class Meta:
        verbose_name = _("indicator progress")
        verbose_name_plural = _("indicator progress")
        ordering = ["-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.get_status_display()}"

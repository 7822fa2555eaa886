"""Multi-stakeholder forums (F-1, F-2, F-3): members by sector, meetings, attendance, decisions.

The rules themselves live in ``forum/rules.py``; these models store what happened and call
the rules (a decision's outcome is computed by ``rules.decide``, never typed).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from commitments.models import Commitment
from core.links import reverse_ids

from . import rules
from .rules import Category, Outcome, Role, Sector

# Placeholders until the real addresses are entered in the admin (Settings → Meeting notice copies).
DEFAULT_MINISTER_OFFICE_EMAIL = "minister-without-portfolio@ogp.localhost"
DEFAULT_NDC_SOCIAL_DEVELOPMENT_EMAIL = "ndc-social-development@ogp.localhost"


class Forum(models.Model):
    """The forum of one commitment, convened by its lead agency (F-1)."""

    commitment = models.OneToOneField(
        Commitment, on_delete=models.PROTECT, related_name="forum", verbose_name=_("commitment")
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="forums_staffed",
        verbose_name=_("convener's office and secretariat"),
        help_text=_("Staff accounts that edit this forum's members, meetings and decisions."),
    )
    imbalance_reason = models.TextField(
        _("reason for an unequal roster"),
        blank=True,
        help_text=_("Required before an unequal roster is published (F-2.1)."),
    )
    roster_published = models.BooleanField(_("roster published"), default=False)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["commitment__plan", "commitment__number"]

    def __str__(self) -> str:
        return str(_("Forum on commitment %(number)s")) % {"number": self.commitment.number}

    @property
    def lead_agency(self):
        return self.commitment.lead_agency

    def get_absolute_url(self) -> str:
        return reverse("forum:detail", kwargs={"forum": self.pk})

    def roster_balance(self, members=None) -> rules.Balance:
        """Government vs non-government among current members (F-2.1); pass prefetched members."""
        if members is None:
            members = self.members.current()
        return rules.balance([m.sector for m in members if m.left_on is None])

    def balance_summary(self) -> str:
        """The roster's balance in words, for admin listings (F-2.1)."""
        roster = self.roster_balance()
        state = _("balanced") if roster.is_balanced else _("unequal")
        return f"{roster.government} : {roster.non_government} ({state})"

    def roster_is_public(self, members=None) -> bool:
        """Published, and balanced or with a recorded reason (F-2.1)."""
        reason = self.imbalance_reason_zh_hant or self.imbalance_reason or ""
        return self.roster_published and rules.roster_may_be_published(self.roster_balance(members), reason)

    def clean(self) -> None:
        if self.pk and self.roster_published:
            reason = self.imbalance_reason_zh_hant or self.imbalance_reason or ""
            if not rules.roster_may_be_published(self.roster_balance(), reason):
                raise ValidationError({"imbalance_reason_zh_hant": ROSTER_NEEDS_REASON})


ROSTER_NEEDS_REASON = _(
    "The roster does not have equal numbers of government and non-government members: record the reason "
    "before publishing it (F-2.1)."
)


class MemberQuerySet(models.QuerySet):
    def current(self):
        """Members who have not left."""
        return self.filter(left_on__isnull=True)


class Member(models.Model):
    """A person on a forum's roster, with sector, category and role (F-2.2, F-2.3).

    History is kept: a member who leaves gets ``left_on``, never deleted. Contact data
    (email, phone) is personal data for staff only (K-4).
    """

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="members", verbose_name=_("forum"))
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    category = models.PositiveSmallIntegerField(_("category"), choices=Category.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    email = models.EmailField(_("email (staff only)"), blank=True)
    phone = models.CharField(_("phone (staff only)"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        choices=[("zh-hant", "中文"), ("en", "English")],
        help_text=_("Language of the emails sent to this member; Chinese when not known."),
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["forum", "sector", "category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role=Role.CO_CONVENER) | Q(sector=Sector.NON_GOVERNMENT),
                name="member_co_convener_non_government",
                violation_error_message=_("Only a non-government member can be co-convener (F-2.2)."),
            ),
            models.UniqueConstraint(
                fields=["forum"],
                condition=Q(role=Role.CO_CONVENER, left_on__isnull=True),
                name="member_one_co_convener",
                violation_error_message=_("A forum has at most one co-convener (F-2.2)."),
            ),
            models.UniqueConstraint(
                fields=["forum"],
                condition=Q(role=Role.CONVENER, left_on__isnull=True),
                name="member_one_convener",
                violation_error_message=_("A forum has one convener (F-2.2)."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="member_left_after_joined",
                violation_error_message=_("A member cannot leave before joining."),
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.CONVENER) | Q(sector=Sector.GOVERNMENT),
                name="member_convener_government",
                violation_error_message=_(
                    "The convener is the lead agency's deputy head: a government member (F-2.2)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def clean(self) -> None:
        if not self.forum_id or not self.role or not self.sector:
            return
        others = Member.objects.current().filter(forum_id=self.forum_id).exclude(pk=self.pk)
        problem = rules.role_problem(
            role=self.role,
            sector=self.sector,
            has_convener=others.filter(role=Role.CONVENER).exists(),
            has_other_co_convener=self.left_on is None and others.filter(role=Role.CO_CONVENER).exists(),
        )
        if problem:
            raise ValidationError({"role": ROLE_PROBLEMS[problem]})

    @property
    def allowance_eligible(self) -> bool:
        """F-2.4: attendance fee and travel only for non-government members."""
        return rules.allowance_eligible(self.sector)


ROLE_PROBLEMS = {
    "convener_government": _("The convener is the lead agency's deputy head: a government member (F-2.2)."),
    "co_convener_non_government": _("Only a non-government member can be co-convener (F-2.2)."),
    "co_convener_needs_convener": _(
        "The co-convener is designated by the convener: record the forum's convener first (F-2.2)."
    ),
    "one_co_convener": _(
        "A forum has at most one co-convener (F-2.2): record the present co-convener as a member first."
    ),
}


# ``rules.members_present`` counted in SQL (observers have no member): for lists of meetings
# that show how many members were present without reading each attendance.
COUNTED_ATTENDANCE_NAME = "members_present_count"
COUNTED_ATTENDANCE = Count("attendances", filter=Q(attendances__member__isnull=False))


class Meeting(ClusterableModel):
    """A forum meeting: when, where, agenda and who was invited."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    chair = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("chair")
    )
    invited = models.ManyToManyField(Member, blank=True, related_name="invitations", verbose_name=_("invited members"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["forum", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("forum:meeting", forum=self.forum_id, meeting=self.pk)

    def members_present(self) -> list[Attendance]:
        """The attendances that count toward decisions (``rules.members_present``: observers never
        do, F-3.1): the one place "members present" is worked out. Uses prefetched attendances."""
        return rules.members_present(self.attendances.all())

    def counted_attendance(self) -> int:
        """How many members are present (``members_present``); the annotation
        ``COUNTED_ATTENDANCE`` when the meeting was read with it (lists that count, never name)."""
        annotated = getattr(self, COUNTED_ATTENDANCE_NAME, None)
        if annotated is not None:
            return annotated
        return len(self.members_present())

    def present_balance(self) -> rules.Balance:
        """Government vs non-government among members present (F-2.1); prefetch attendances__member."""
        return rules.balance([a.member.sector for a in self.members_present()])

    def notice_fingerprint(self) -> str:
        """A digest of what a notice tells (time, place, link, agenda): changes when the meeting does."""
        import hashlib
        import json

        items = [
            [item.position, item.title_zh_hant, item.title_en, item.description_zh_hant, item.description_en]
            for item in self.agenda_items.all()
        ]
        data = [
            self.title_zh_hant, self.title_en, self.starts_at.timestamp() if self.starts_at else None,
            self.ends_at.timestamp() if self.ends_at else None, self.place_zh_hant, self.place_en,
            self.online_url, items,
        ]  # fmt: skip
        return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


class AgendaItem(models.Model):
    """An item on a meeting's agenda."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """Someone present at a meeting: a member (counts toward decisions) or an observer (never counts)."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting"))
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances", verbose_name=_("member")
    )
    observer_name = models.CharField(_("observer's name"), max_length=120, blank=True)
    observer_organisation = models.CharField(_("observer's organisation"), max_length=200, blank=True)
    attendance_fee = models.BooleanField(_("attendance fee"), default=False)
    travel_costs = models.BooleanField(_("travel costs"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(member__isnull=False) & Q(observer_name=""))
                | (Q(member__isnull=True) & ~Q(observer_name="")),
                name="attendance_member_or_observer",
                violation_error_message=_("Record either a member or an observer's name."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "member"],
                condition=Q(member__isnull=False),
                name="attendance_once_per_member",
                violation_error_message=_("This member is already recorded as present."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.member) if self.member_id else f"{self.observer_name} ({_('observer')})"

    @property
    def counts(self) -> bool:
        """Members count toward decisions; observers never do (``rules.members_present``)."""
        return bool(rules.members_present([self]))

    def clean(self) -> None:
        if self.member_id is None and not self.observer_name.strip():
            raise ValidationError(_("Record either a member or an observer's name."))
        if self.member_id is not None and self.observer_name.strip():
            raise ValidationError(_("Record either a member or an observer's name."))
        meeting = getattr(self, "meeting", None)
        if self.member is not None and meeting is not None and meeting.forum_id:
            if self.member.forum_id != meeting.forum_id:
                raise ValidationError({"member": _("This person is not a member of this meeting's forum.")})
        paid = self.attendance_fee or self.travel_costs
        if paid and (self.member is None or not rules.allowance_eligible(self.member.sector)):
            raise ValidationError(_("Attendance fees and travel costs are only for non-government members (F-2.4)."))


def future_meeting_message(meeting) -> str:
    """Why nothing can be recorded yet for a meeting that has not taken place."""
    from core.dates import format_datetime

    return _(
        "This meeting has not taken place yet (it starts %(when)s): attendance, decisions and minutes "
        "are recorded after it."
    ) % {"when": format_datetime(meeting.starts_at)}


class Decision(models.Model):
    """How an agenda item was decided (F-3.1): consensus, or the motion to vote and the vote.

    ``present`` is the number of attending members who count when the item was decided;
    ``outcome`` is computed by ``rules.decide`` in ``forum.services.decision_record`` (the only
    write), never typed. The counts' checks are ``rules.tally_problems`` (forms, the service) and
    the one database constraint below (the same limits).
    """

    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="decision", verbose_name=_("agenda item")
    )
    resolution = models.TextField(_("resolution"), blank=True)
    consensus = models.BooleanField(_("reached by consensus"), default=True)
    present = models.PositiveSmallIntegerField(_("members present"))
    agreed_to_vote = models.PositiveSmallIntegerField(_("agreed to hold a vote"), default=0)
    in_favour = models.PositiveSmallIntegerField(_("in favour"), default=0)
    against = models.PositiveSmallIntegerField(_("against"), default=0)
    abstain = models.PositiveSmallIntegerField(_("abstained"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, editable=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            # ``rules.tally_problems`` in the database, in one check (all but the attendance bound,
            # which needs the meeting's attendance): someone present; the counts within those
            # present; no counts after a consensus, nor when no vote could be held (F-3.1).
            models.CheckConstraint(
                condition=Q(present__gte=1)
                & Q(agreed_to_vote__lte=F("present"))
                & Q(in_favour__lte=F("present") - F("against") - F("abstain"))
                & (Q(consensus=False) | Q(agreed_to_vote=0, in_favour=0, against=0, abstain=0))
                & (Q(consensus=True) | Q(present__lt=F("agreed_to_vote") * 2) | Q(in_favour=0, against=0, abstain=0)),
                name="decision_tally",
                violation_error_message=_(
                    "The counts do not fit the members present or the way the item was decided (F-3.1)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agenda_item}: {self.get_outcome_display()}"

    def counted_attendance(self) -> int | None:
        """Members recorded present at the item's meeting (``Meeting.counted_attendance``), or
        ``None`` if no attendance is recorded."""
        if not self.agenda_item_id:
            return None
        meeting = self.agenda_item.meeting
        count = meeting.counted_attendance()
        return count if count or meeting.attendances.exists() else None

    def tally_problems(self) -> list[tuple[str, str]]:
        """What is wrong with the counts (``rules.tally_problems``), as ``(field, code)`` pairs."""
        return rules.tally_problems(
            present=self.present,
            counted_attendance=self.counted_attendance(),
            consensus=self.consensus,
            agreed_to_vote=self.agreed_to_vote or 0,
            in_favour=self.in_favour or 0,
            against=self.against or 0,
            abstain=self.abstain or 0,
        )

    def clean(self) -> None:
        if self.agenda_item_id:
            meeting = self.agenda_item.meeting
            if not rules.meeting_has_taken_place(meeting.starts_at, timezone.now()):
                raise ValidationError({"agenda_item": future_meeting_message(meeting)})
        if self.present is None:
            return
        errors: dict[str, list] = {}
        for field, code in self.tally_problems():
            message = TALLY_PROBLEMS[code]
            if code == "present_above_attendance":
                message = message % {"attendance": self.counted_attendance()}
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    @property
    def explanation(self) -> str:
        """The outcome in words in the active language."""
        return rules.explain(
            self.outcome, present=self.present, agreed_to_vote=self.agreed_to_vote, in_favour=self.in_favour
        )


TALLY_PROBLEMS = {
    "present_min": _("At least one member must be present to decide."),
    "present_above_attendance": _(
        "Only %(attendance)d members are recorded present at this meeting (observers do not count): "
        "correct the number present or record the attendance first."
    ),
    "agreed_above_present": _("More members agreed to vote than were present."),
    "votes_above_present": _("In favour + against + abstained cannot exceed the members present."),
    "consensus_has_counts": _("A decision reached by consensus has no motion or vote counts: leave them at 0."),
    "no_vote_has_counts": _(
        "No vote may be held unless more than half of those present agree to it (F-3.1): leave the vote counts at 0."
    ),
}


class Notice(models.Model):
    """A meeting notice sent (F-9): when, by whom, to whom, and which version of the meeting.

    ``sequence`` counts the notices of a meeting (1 = first notice, 2+ = re-notices of a changed
    meeting; the .ics SEQUENCE is ``sequence - 1``); ``fingerprint`` identifies the version of
    the meeting noticed; ``recipients`` are email addresses, personal data for staff only (K-4).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notices", verbose_name=_("meeting"))
    sequence = models.PositiveSmallIntegerField(_("notice number"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("sent by"),
    )  # fmt: skip
    recipients = models.JSONField(_("recipients"), default=list)
    fingerprint = models.CharField(_("meeting version"), max_length=32)
    snapshot = models.JSONField(_("meeting as noticed"), default=dict)

    class Meta:
        verbose_name = _("meeting notice")
        verbose_name_plural = _("meeting notices")
        ordering = ["meeting", "sequence"]
        constraints = [models.UniqueConstraint(fields=["meeting", "sequence"], name="notice_unique_sequence")]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.sequence}"


@register_setting(icon="mail")
class NoticeSettings(BaseGenericSetting):
    """The two fixed copy recipients of every meeting notice (F-9), editable by NDC editors."""

    minister_office_email = models.EmailField(
        _("office of the Minister without Portfolio"),
        default=DEFAULT_MINISTER_OFFICE_EMAIL,
        help_text=_("Every meeting notice is copied to this address (F-9)."),
    )
    ndc_social_development_email = models.EmailField(
        _("NDC Department of Social Development"),
        default=DEFAULT_NDC_SOCIAL_DEVELOPMENT_EMAIL,
        help_text=_("Every meeting notice is copied to this address (F-9)."),
    )

    class Meta:
        verbose_name = _("meeting notice copies")

    def copy_recipients(self) -> list[str]:
        return [self.minister_office_email, self.ndc_social_development_email]

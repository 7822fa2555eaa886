"""Minutes of forum meetings (F-3.2, F-7).

A minutes holds only what staff write: the discussion of each agenda item and closing
remarks, in both languages, and attachments. Every fact (forum, commitment, date, place,
convener and chair, attendance, agenda, decisions) is read from the meeting record in
the forum app when the minutes are shown, never copied, so the record cannot disagree
with itself. Approval is a Wagtail workflow (NDC editors); revisions are kept and every
published revision stays reachable.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core import i18n, search
from core.links import reverse_ids
from forum import rules as forum_rules
from forum.models import AgendaItem, Attendance, Meeting, Member, future_meeting_message
from forum.rules import Role, Sector, balance

from . import rules


class MinutesQuerySet(models.QuerySet):
    def published(self):
        """Minutes the public may read."""
        return self.filter(live=True)

    def with_facts(self):
        """Everything a minutes page or PDF shows, in a fixed number of queries."""
        return self.select_related(
            "meeting__forum__commitment__theme",
            "meeting__forum__commitment__plan",
            "meeting__forum__commitment__lead_agency",
            "meeting__chair",
        ).prefetch_related(
            Prefetch("meeting__agenda_items", queryset=AgendaItem.objects.select_related("decision")),
            Prefetch("meeting__attendances", queryset=Attendance.objects.select_related("member")),
            Prefetch("meeting__forum__members", queryset=Member.objects.current()),
            Prefetch("sections", queryset=MinutesSection.objects.select_related("agenda_item")),
            "attachments__document",
            "pdfs",
        )


class Minutes(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """The minutes of one forum meeting: written prose in both languages; facts read from the meeting."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes", verbose_name=_("meeting"))
    closing_remarks = RichTextField(_("closing remarks"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    correction_note = models.TextField(
        _("correction note"),
        blank=True,
        help_text=_("Required when changing published minutes: what was corrected and why. Shown to the public."),
    )
    sent_to_ndc_at = models.DateTimeField(
        _("sent to NDC"), null=True, blank=True, editable=False, help_text=_("When the record was submitted (F-3.2).")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="minutes")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="minutes",
        for_concrete_model=False,
    )

    objects = MinutesQuerySet.as_manager()

    search_fields = [index.SearchField("search_text"), index.FilterField("live")]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["-meeting__starts_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Minutes: %(meeting)s")) % {"meeting": self.meeting}

    @property
    def revisions(self):
        return self._revisions

    def with_content_json(self, content):
        """A revision restores the prose, never the record of when it was sent to NDC (F-3.2)."""
        obj = super().with_content_json(content)
        obj.sent_to_ndc_at = self.sent_to_ndc_at
        obj.created_at = self.created_at
        return obj

    # --- facts, read from the meeting record -------------------------------------------------

    @property
    def forum(self):
        return self.meeting.forum

    @property
    def commitment(self):
        return self.meeting.forum.commitment

    @property
    def date(self):
        """The meeting's date (Asia/Taipei)."""
        from django.utils import timezone

        return timezone.localtime(self.meeting.starts_at).date()

    def members_with_role(self, role: str) -> list[Member]:
        return [m for m in self.meeting.forum.members.all() if m.role == role and m.left_on is None]

    @property
    def conveners(self) -> list[Member]:
        """The convener and co-convener of the forum (F-2.2)."""
        return self.members_with_role(Role.CONVENER) + self.members_with_role(Role.CO_CONVENER)

    def attendance_by_sector(self) -> dict:
        """Members present by sector with the balance of those present (F-2.1), and observers."""
        present = list(self.meeting.attendances.all())
        members = [a.member for a in self.meeting.members_present()]
        groups = [{"sector": sector, "members": [m for m in members if m.sector == sector.value]} for sector in Sector]
        return {
            "groups": groups,
            "observers": [a for a in present if not a.counts],
            "balance": balance([m.sector for m in members]),
        }

    def agenda(self) -> list[dict]:
        """Each agenda item with its decision (outcome from forum.rules) and its written discussion."""
        sections = {s.agenda_item_id: s for s in self.sections.all()}
        items = []
        for item in self.meeting.agenda_items.all():
            try:
                decision = item.decision
            except AgendaItem.decision.RelatedObjectDoesNotExist:
                decision = None
            items.append({"item": item, "decision": decision, "section": sections.get(item.pk)})
        return items

    # --- written prose and its translation status (F-7) -------------------------------------

    def prose_parts(self) -> list[rules.ProsePart]:
        parts = [
            rules.ProsePart(f"agenda-{s.agenda_item_id}", i18n.translations(s, "discussion"))
            for s in self.sections.all()
        ]
        parts.append(rules.ProsePart("closing_remarks", i18n.translations(self, "closing_remarks")))
        parts.append(rules.ProsePart("correction_note", i18n.translations(self, "correction_note")))
        return parts

    @property
    def languages_complete(self) -> list[str]:
        return rules.languages_complete(self.prose_parts(), i18n.LANGUAGE_CODES, i18n.DEFAULT_LANGUAGE)

    def missing_english(self) -> list[str]:
        """Labels of the prose parts still lacking English."""
        labels = {f"agenda-{s.agenda_item_id}": str(s.agenda_item) for s in self.sections.all()}
        labels["closing_remarks"] = str(_("Closing remarks"))
        labels["correction_note"] = str(_("Correction note"))
        return [labels[key] for key in rules.missing_parts(self.prose_parts(), "en")]

    @property
    def english_pending(self) -> bool:
        return "en" not in self.languages_complete

    @property
    def waiting_since(self):
        """Since when the English has been awaited: the date sent to NDC, else creation."""
        from django.utils import timezone

        since = self.sent_to_ndc_at or self.created_at
        return timezone.localtime(since).date() if since else None

    # --- corrections ---------------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        if self.meeting_id and not forum_rules.meeting_has_taken_place(self.meeting.starts_at, timezone.now()):
            raise ValidationError({"meeting": future_meeting_message(self.meeting)})
        if rules.correction_note_required(
            bool(self.first_published_at), i18n.value_in(self, "correction_note", "zh-hant")
        ):
            raise ValidationError(
                {
                    "correction_note_zh_hant": _(
                        "These minutes are already published: say what is corrected (shown to the public)."
                    )
                }
            )

    # --- addresses, search --------------------------------------------------------------------

    def get_absolute_url(self) -> str:
        return reverse_ids("minutes:detail", pk=self.pk)

    def urls(self) -> dict[str, str]:
        return i18n.urls_by_language(self)

    def pdf_urls(self) -> dict[str, str | None]:
        """Site-relative download addresses of the stored PDFs (``None`` until built)."""
        built = {pdf.kind for pdf in self.pdfs.all() if pdf.file}
        result: dict[str, str | None] = {}
        with override(i18n.DEFAULT_LANGUAGE):  # once for every kind: activating a language is not free
            for kind in PdfKind.values:
                result[kind] = reverse("minutes:pdf", kwargs={"pk": self.pk, "kind": kind}) if kind in built else None
        return result

    def search_text(self) -> str:
        """CJK bigrams and words of every text of the minutes and its meeting, both languages."""
        meeting = self.meeting
        texts: list[str | None] = []
        for language in i18n.LANGUAGE_CODES:
            texts += [i18n.value_in(meeting, "title", language), i18n.value_in(meeting, "place", language)]
            texts += [i18n.value_in(meeting.forum.commitment, "title", language)]
            texts += [i18n.value_in(self, "closing_remarks", language)]
            for item in meeting.agenda_items.all():
                texts.append(i18n.value_in(item, "title", language))
                try:
                    texts.append(i18n.value_in(item.decision, "resolution", language))
                except AgendaItem.decision.RelatedObjectDoesNotExist:
                    pass
            for section in self.sections.all():
                texts.append(i18n.value_in(section, "discussion", language))
        return search.index_text(*texts)


class MinutesSection(models.Model):
    """The written discussion of one agenda item, in both languages."""

    minutes = ParentalKey(Minutes, on_delete=models.CASCADE, related_name="sections", verbose_name=_("minutes"))
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("agenda item")
    )
    discussion = RichTextField(_("discussion"), blank=True, features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        verbose_name = _("discussion record")
        verbose_name_plural = _("discussion records")
        ordering = ["agenda_item__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "agenda_item"], name="minutessection_one_per_item"),
        ]

    def __str__(self) -> str:
        return str(self.agenda_item)

    def clean(self) -> None:
        minutes = getattr(self, "minutes", None)
        if minutes is not None and self.agenda_item_id and self.agenda_item.meeting_id != minutes.meeting_id:
            raise ValidationError({"agenda_item": _("This agenda item belongs to another meeting.")})


class MinutesAttachment(models.Model):
    """A document attached to the minutes (slides, reports)."""

    minutes = ParentalKey(Minutes, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("minutes"))
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title or self.document.title


class PdfKind(models.TextChoices):
    """The stored PDFs of a minutes."""

    CHINESE = "zh-hant", _("Chinese")
    ENGLISH = "en", _("English")
    BILINGUAL = "bilingual", _("Bilingual")
    ARCHIVAL = "archival", _("Archival (PDF/A, bilingual)")


class MinutesPdf(models.Model):
    """A rendered PDF of the published minutes, stored so downloads never wait for a render.

    ``fingerprint`` is the hash of the HTML it was rendered from: a rebuild renders again only
    when the minutes or their facts changed.
    """

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="pdfs", verbose_name=_("minutes"))
    kind = models.CharField(_("kind"), max_length=20, choices=PdfKind.choices)
    file = models.FileField(_("file"), upload_to="minutes/pdf/", max_length=255)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    built_at = models.DateTimeField(_("built"), auto_now=True)

    class Meta:
        verbose_name = _("minutes PDF")
        verbose_name_plural = _("minutes PDFs")
        constraints = [models.UniqueConstraint(fields=["minutes", "kind"], name="minutespdf_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.minutes_id} {self.kind}"

"""What the public pages of minutes read: a minutes page (``minutes_for_page``) and the lines of
the lists (``listed_rows``, ``listed``).

The page of a minutes reads, in one query per table, only the columns the page
shows, and without the generic prefetch machinery (``prefetch_related`` costs about as much
again as the queries it runs).

``minutes_for_page`` returns the objects ``Minutes.objects.with_facts()`` gives the page: each
related list is stored where ``prefetch_related`` stores it, as the filtered queryset it was
read with (so ``.all()`` returns it and a further ``.filter()`` still asks the database), and
each child knows its parent, as after a prefetch. Columns the page does not show are deferred:
reading one costs a query (tests/minutes count the page's queries).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.db.models import F

from commitments.models import Commitment
from core import i18n
from core.links import reverse_ids
from core.prepared import PreparedQuery, prepared_as_queryset
from forum.models import AgendaItem, Attendance, Forum, Member

from . import rules
from .models import Minutes, MinutesAttachment, MinutesPdf, MinutesSection


def _translated(prefix: str, *fields: str) -> list[str]:
    """Every language's column of each translated field, behind the lookup ``prefix``."""
    return [prefix + column for field in fields for column in i18n.columns(field)]


# What the page shows of the minutes, its meeting, forum, commitment and chair.
MINUTES_COLUMNS = (
    *_translated("", "closing_remarks", "correction_note"),
    "sent_to_ndc_at",
    "first_published_at",
    "last_published_at",
    *_translated("meeting__", "title", "place"),
    "meeting__starts_at",
    "meeting__forum__commitment__number",
    *_translated("meeting__forum__commitment__", "title"),
    *_translated("meeting__chair__", "name"),
)

# Who attended (members by sector, observers) and the forum's conveners, as the page names them.
ATTENDANCE_COLUMNS = (
    "meeting",
    "observer_name",
    "observer_organisation",
    "member__sector",
    *_translated("member__", "name", "organisation"),
)
MEMBER_COLUMNS = ("forum", "role", "left_on", *_translated("", "name"))


def _store(instance: models.Model, name: str, query: PreparedQuery, key: int) -> list:
    """Read ``query`` of ``key`` and keep it as ``instance``'s prefetched ``name`` relation."""
    queryset = prepared_as_queryset(query, key)
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = queryset
    return list(queryset)  # its result cache: no query


# The page's queries, each compiled once per process and language (core.prepared). Each list
# belongs to one meeting, forum or minutes: ordered as its model orders it less the leading
# meeting or forum (the same order, without joining up to the action plan to sort by it).
_MINUTES = PreparedQuery(
    lambda pk: (
        Minutes.objects.published()
        .select_related("meeting__forum__commitment", "meeting__chair")
        .only(*MINUTES_COLUMNS)
        .filter(pk=pk)
    )
)
_AGENDA = PreparedQuery(
    lambda meeting: AgendaItem.objects.select_related("decision").filter(meeting=meeting).order_by("position", "pk")
)
_ATTENDANCES = PreparedQuery(
    lambda meeting: (
        Attendance.objects.select_related("member").only(*ATTENDANCE_COLUMNS).filter(meeting=meeting).order_by("pk")
    )
)
_MEMBERS = PreparedQuery(
    lambda forum: (
        Member.objects.current().only(*MEMBER_COLUMNS).filter(forum=forum).order_by("sector", "category", "pk")
    )
)
_SECTIONS = PreparedQuery(lambda minutes: MinutesSection.objects.filter(minutes=minutes))
_ATTACHMENTS = PreparedQuery(
    lambda minutes: MinutesAttachment.objects.select_related("document").filter(minutes=minutes)
)
_PDFS = PreparedQuery(lambda minutes: MinutesPdf.objects.filter(minutes=minutes))


def minutes_for_page(pk: int) -> Minutes:
    """The published minutes ``pk`` with everything its page shows: meeting, forum, commitment
    and chair; agenda items with decisions; attendances with members; the forum's current
    members; discussions (each with its agenda item); attachments with documents; stored PDFs.
    Raises ``Minutes.DoesNotExist``."""
    found = _MINUTES.objects(pk)
    if not found:
        raise Minutes.DoesNotExist(f"no published minutes {pk}")
    minutes = found[0]
    meeting = minutes.meeting
    forum = meeting.forum
    items = _store(meeting, "agenda_items", _AGENDA, meeting.pk)
    for item in items:
        item.meeting = meeting
    for attendance in _store(meeting, "attendances", _ATTENDANCES, meeting.pk):
        attendance.meeting = meeting
    for member in _store(forum, "members", _MEMBERS, forum.pk):
        member.forum = forum
    by_id = {item.pk: item for item in items}
    for section in _store(minutes, "sections", _SECTIONS, minutes.pk):
        section.minutes = minutes
        if section.agenda_item_id in by_id:
            section.agenda_item = by_id[section.agenda_item_id]
    for attachment in _store(minutes, "attachments", _ATTACHMENTS, minutes.pk):
        attachment.minutes = minutes
    for stored in _store(minutes, "pdfs", _PDFS, minutes.pk):
        stored.minutes = minutes
    return minutes


# --- lists of minutes (index and forum pages) ----------------------------------------------

# The prose of a minutes whose languages decide ``languages_complete`` besides its discussions
# (``Minutes.prose_parts``).
PROSE = ("closing_remarks", "correction_note")


class ListedMinutes:
    """One line of a list of minutes (``minutes/includes/list.html``), built from a ``.values()``
    row of ``listed_rows``: no model instances (a page of 20 minutes with meeting, forum and
    commitment would build 80, and prefetch their discussions)."""

    def __init__(self, row: dict, languages_complete: list[str] | None = None) -> None:
        self.__dict__.update(row)
        self.languages_complete = languages_complete

    def get_absolute_url(self) -> str:
        """``Minutes.get_absolute_url``."""
        return reverse_ids("minutes:detail", pk=self.pk)


def listed_rows(minutes: models.QuerySet) -> models.QuerySet:
    """The columns a list line shows, as ``.values()`` rows: the meeting's title (``title_*``) and
    date, the commitment's number and title (``commitment_title_*``), and the prose of ``PROSE``."""
    return minutes.values(
        "pk",
        *_translated("", *PROSE),
        starts_at=F("meeting__starts_at"),
        commitment_number=F("meeting__forum__commitment__number"),
        **{column: F("meeting__" + column) for column in i18n.columns("title")},
        **{"commitment_" + column: F("meeting__forum__commitment__" + column) for column in i18n.columns("title")},
    )


def _texts(row: dict, field: str) -> dict[str, str | None]:
    """``i18n.translations`` of a ``.values()`` row."""
    return {language: i18n.value_in_row(row, field, language) for language in i18n.LANGUAGE_CODES}


def listed(rows: Iterable[dict]) -> list[ListedMinutes]:
    """The lines of ``rows`` (from ``listed_rows``), with ``languages_complete`` as
    ``Minutes.languages_complete`` gives it: one more query for the discussions of them all."""
    rows = list(rows)
    parts: dict[int, list[rules.ProsePart]] = defaultdict(list)
    discussions = MinutesSection.objects.filter(minutes_id__in=[row["pk"] for row in rows]).order_by()
    for section in discussions.values("minutes_id", "agenda_item_id", *i18n.columns("discussion")):
        key = f"agenda-{section['agenda_item_id']}"
        parts[section["minutes_id"]].append(rules.ProsePart(key, _texts(section, "discussion")))
    result = []
    for row in rows:
        prose = parts[row["pk"]] + [rules.ProsePart(field, _texts(row, field)) for field in PROSE]
        complete = rules.languages_complete(prose, i18n.LANGUAGE_CODES, i18n.DEFAULT_LANGUAGE)
        result.append(ListedMinutes(row, complete))
    return result


def forum_labels(lines: Iterable[ListedMinutes]) -> None:
    """Give each line its forum's name as ``str(forum)`` gives it (``Forum.__str__`` names a
    forum by its commitment's number only): once per number, without reading the forums."""
    labels: dict[int, str] = {}
    for line in lines:
        number = line.commitment_number
        if number not in labels:
            labels[number] = str(Forum(commitment=Commitment(number=number)))
        line.forum = labels[number]

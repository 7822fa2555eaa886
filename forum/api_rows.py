"""The forums list of the open-data API (``/api/v1/forums/``) read as rows, not model instances.

``forum_out`` (forum/api.py) serialises one forum read with ``forums_with_details``: some 350
model instances over three prefetch levels for the list, and a ``reverse()`` per meeting and
language. The list reads the same columns as named rows instead (one query for the page of
forums, one each for their members, meetings and agenda items with decisions) and gives exactly
the same items: ``tests/forum/test_api_rows.py`` compares both.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language, override
from modeltranslation.utils import build_localized_fieldname

from core.i18n import LANGUAGE_CODES, column, columns
from core.links import id_template

from . import rules
from .models import COUNTED_ATTENDANCE_NAME, AgendaItem, Forum, Meeting, Member
from .public import counted

_DECISION = ("outcome", "present", "agreed_to_vote", "in_favour", "against", "abstain")


def _text_columns(field: str) -> tuple[tuple[str, str], ...]:
    """``(language, column)`` of ``field`` in every language, in settings order."""
    return tuple((language, column(field, language)) for language in LANGUAGE_CODES)


_TITLE, _DESCRIPTION, _PLACE = _text_columns("title"), _text_columns("description"), _text_columns("place")
_NAME, _ORGANISATION = _text_columns("name"), _text_columns("organisation")
_RESOLUTION, _AGENCY_NAME = _text_columns("decision__resolution"), _text_columns("commitment__lead_agency__name")


def _texts(row: Any, text_columns: tuple[tuple[str, str], ...]) -> dict[str, str | None]:
    """``core.i18n.translations`` of a row, from its columns named once (``None`` when empty)."""
    result: dict[str, str | None] = {}
    for language, name in text_columns:
        value = getattr(row, name)
        result[language] = None if value is None or (isinstance(value, str) and not value.strip()) else value
    return result


def _rows(model: type) -> QuerySet:
    """A plain Django queryset of ``model``: its rows as read, without modeltranslation's manager,
    which rewrites field names (all named here by column) and rebuilds every row as a dict."""
    return QuerySet(model)


def forum_rows() -> QuerySet:
    """Forums as named rows with what the list shows of each and its commitment and lead agency."""
    return _rows(Forum).values_list(
        "pk",
        "roster_published",
        *columns("imbalance_reason"),
        "commitment__number",
        "commitment__lead_agency__code",
        *columns("commitment__lead_agency__name"),
        named=True,
    )


def _imbalance_reason(forum: Any) -> str:
    """``forum.imbalance_reason_zh_hant or forum.imbalance_reason or ""`` of ``Forum.roster_is_public``
    for a row: the untranslated name reads the active language, then Chinese (modeltranslation)."""
    for language in (get_language(), LANGUAGE_CODES[0]):
        value = getattr(forum, build_localized_fieldname("imbalance_reason", language), None)
        if value:
            return value
    return ""


def _decision_out(item: Any) -> dict:
    """``decision_out`` of an agenda item row with its decision's columns."""
    return {
        "item": _texts(item, _TITLE),
        **{name: getattr(item, f"decision__{name}") for name in _DECISION},
    }


def _agenda_item_out(item: Any) -> dict:
    """``agenda_item_out`` of an agenda item row."""
    decided = item.decision__id is not None
    return {
        "position": item.position,
        "title": _texts(item, _TITLE),
        "description": _texts(item, _DESCRIPTION),
        "decision": _decision_out(item) if decided else None,
        "resolution": _texts(item, _RESOLUTION) if decided else None,
    }


def _meeting_urls(meetings: list) -> dict[int, dict[str, str]]:
    """``urls_by_language`` of each meeting row by id: ``Meeting.get_absolute_url``'s template
    (``core.links.id_template``) looked up once a language, then filled for each meeting."""
    urls: dict[int, dict[str, str]] = {m.pk: {} for m in meetings}
    active = get_language()
    for language in LANGUAGE_CODES:
        if language == active:
            template = id_template("forum:meeting", "forum", "meeting")
        else:
            with override(language):
                template = id_template("forum:meeting", "forum", "meeting")
        for m in meetings:
            urls[m.pk][language] = template.format(forum=int(m.forum_id), meeting=int(m.pk))
    return urls


def _meetings_by_forum(forum_ids: list[int]) -> dict[int, list[dict]]:
    """``meeting_out`` of the forums' meetings by forum, soonest first (two queries)."""
    meetings = list(
        counted(_rows(Meeting).filter(forum_id__in=forum_ids))
        .order_by("starts_at", "pk")
        .values_list(
            "pk",
            "forum_id",
            *columns("title"),
            "starts_at",
            "ends_at",
            *columns("place"),
            "online_url",
            COUNTED_ATTENDANCE_NAME,
            named=True,
        )
    )
    agenda: dict[int, list] = defaultdict(list)
    items = _rows(AgendaItem).filter(meeting_id__in=[m.pk for m in meetings]).order_by("position", "pk")
    decision = [f"decision__{name}" for name in _DECISION]
    for item in items.values_list(
        "meeting_id",
        "position",
        *columns("title"),
        *columns("description"),
        "decision__id",
        *decision,
        *columns("decision__resolution"),
        named=True,
    ):
        agenda[item.meeting_id].append(item)
    urls = _meeting_urls(meetings)
    by_forum: dict[int, list[dict]] = defaultdict(list)
    for m in meetings:
        their_items = agenda.get(m.pk, [])
        by_forum[m.forum_id].append(
            {
                "id": m.pk,
                "title": _texts(m, _TITLE),
                "starts_at": timezone.localtime(m.starts_at).isoformat(),
                "ends_at": timezone.localtime(m.ends_at).isoformat() if m.ends_at else None,
                "place": _texts(m, _PLACE),
                "online_url": m.online_url or None,
                "present": getattr(m, COUNTED_ATTENDANCE_NAME),
                "agenda": [_agenda_item_out(i) for i in their_items],
                "decisions": [_decision_out(i) for i in their_items if i.decision__id is not None],
                "url": urls[m.pk],
            }
        )
    return by_forum


def forums_out(forums: list) -> list[dict]:
    """``forum_out`` of each of a page of ``forum_rows()`` (three queries for the page)."""
    ids = [f.pk for f in forums]
    members: dict[int, list] = defaultdict(list)
    rows = _rows(Member).filter(forum_id__in=ids).order_by("sector", "category", "pk")
    for m in rows.values_list(
        "forum_id", *columns("name"), *columns("organisation"), "sector", "category", "role", "left_on", named=True
    ):
        members[m.forum_id].append(m)
    meetings = _meetings_by_forum(ids)
    result = []
    for forum in forums:
        roster = members.get(forum.pk, [])
        balance = rules.balance([m.sector for m in roster if m.left_on is None])
        public = forum.roster_published and rules.roster_may_be_published(balance, _imbalance_reason(forum))
        current = [m for m in roster if m.left_on is None] if public else []
        balance = rules.balance([m.sector for m in current])
        result.append(
            {
                "id": forum.pk,
                "commitment": forum.commitment__number,
                "lead_agency": {
                    "code": forum.commitment__lead_agency__code,
                    "name": _texts(forum, _AGENCY_NAME),
                },
                "members": [
                    {
                        "name": _texts(m, _NAME),
                        "organisation": _texts(m, _ORGANISATION),
                        "sector": m.sector,
                        "category": m.category,
                        "role": m.role,
                    }
                    for m in current
                ],
                "balance": {"government": balance.government, "non_government": balance.non_government},
                "meetings": meetings.get(forum.pk, []),
            }
        )
    return result

"""The forum app's part of the site search: forums (by their commitment and meetings) and decisions."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core import i18n, search
from core.sitesearch import Group, Hit, excerpt


def _reader(obj, name: str) -> str:
    return i18n.value_in(obj, name, i18n.current_language()) or i18n.value_in(obj, name, i18n.DEFAULT_LANGUAGE) or ""


def _both(obj, name: str) -> list[str | None]:
    return [i18n.value_in(obj, name, lang) for lang in i18n.LANGUAGE_CODES]


def results(query: str, request=None) -> list[Group]:
    """Forums whose commitment or meetings match, and decisions whose resolution or agenda item
    matches: three queries."""
    from .models import Decision, Forum, Meeting

    forums = Forum.objects.select_related("commitment").prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.only("pk", "forum_id", "title_zh_hant", "title_en"))
    )

    def forum_texts(forum):
        texts = _both(forum.commitment, "title") + [str(forum)]
        for meeting in forum.meetings.all():
            texts += _both(meeting, "title")
        return texts

    matching_forums = search.filter_matching(list(forums), forum_texts, query)
    decisions = Decision.objects.select_related("agenda_item__meeting__forum__commitment").order_by(
        "-agenda_item__meeting__starts_at", "agenda_item__position"
    )
    matching_decisions = search.filter_matching(
        list(decisions),
        lambda d: _both(d, "resolution") + _both(d.agenda_item, "title") + _both(d.agenda_item.meeting, "title"),
        query,
    )
    return [
        Group(
            "forums",
            _("Forums"),
            [Hit(str(f), f.get_absolute_url(), _reader(f.commitment, "title")) for f in matching_forums],
            order=20,
        ),
        Group(
            "decisions",
            _("Decisions"),
            [
                Hit(
                    _reader(d.agenda_item, "title"),
                    d.agenda_item.meeting.get_absolute_url() + f"#item-{d.agenda_item_id}",
                    excerpt(_reader(d, "resolution")),
                    timezone.localtime(d.agenda_item.meeting.starts_at).date(),
                )
                for d in matching_decisions
            ],
            order=21,
        ),
    ]

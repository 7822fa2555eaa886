"""The minutes app's part of the site search: published minutes (indexed, CJK bigrams)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core import i18n, search
from core.sitesearch import Group, Hit, excerpt

LIMIT = 200


def results(query: str, request=None) -> list[Group]:
    """Published minutes matching ``query`` in either language, most recent meeting first."""
    from .models import Minutes

    ids = [m.pk for m in search.search(Minutes.objects.published(), query)[:LIMIT]]
    found = Minutes.objects.filter(pk__in=ids).select_related("meeting__forum__commitment")
    language = i18n.current_language()
    hits = [
        Hit(
            str(minutes),
            minutes.get_absolute_url(),
            excerpt(
                i18n.value_in(minutes.meeting.forum.commitment, "title", language)
                or i18n.value_in(minutes.meeting.forum.commitment, "title", i18n.DEFAULT_LANGUAGE)
            ),
            minutes.date,
        )
        for minutes in sorted(found, key=lambda m: m.meeting.starts_at, reverse=True)
    ]
    return [Group("minutes", _("Minutes"), hits, order=30)]


def feeds(request=None):
    """The Atom feed of published minutes, advertised on every page."""
    from django.urls import reverse

    from core.providers import Link

    return Link(reverse("minutes:feed"), _("Latest minutes (Atom)"))

"""Atom feed of newly published minutes, one per language (/minutes/feed/, /en/minutes/feed/)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import dates, i18n
from core.cache import cached_fragment

from .models import Minutes


class LatestMinutesFeed(Feed):
    """The 30 newest published minutes; the feed document is the same for every reader, so it is a
    cached fragment per language and content version (core.cache.cached_fragment)."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        def build() -> dict:
            response = super(LatestMinutesFeed, self).__call__(request, *args, **kwargs)
            modified = response.get("Last-Modified")
            return {"body": response.content, "type": response["Content-Type"], "modified": modified}

        found = cached_fragment(("minutes-feed",), build)
        response = HttpResponse(found["body"], content_type=found["type"])
        if found.get("modified"):
            response["Last-Modified"] = found["modified"]
        return response

    def title(self):
        return _("Newly published minutes")

    def link(self):
        return reverse("minutes:index")

    def subtitle(self):
        return _("Minutes of the multi-stakeholder forums of the Open Government National Action Plan.")

    def feed_url(self):
        return reverse("minutes:feed")

    def items(self):
        return (
            Minutes.objects.published()
            .select_related("meeting__forum__commitment")
            .order_by("-first_published_at", "-pk")[:30]
        )

    def item_title(self, item):
        language = i18n.current_language()
        title = i18n.value_in(item.meeting, "title", language) or i18n.value_in(item.meeting, "title", "zh-hant")
        return f"{item.meeting.forum} · {title}"

    def item_description(self, item):
        return _("Meeting of %(date)s.") % {"date": dates.format_date(item.meeting.starts_at)}

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

"""Atom feed of consultations, one per language (/consultations/feed/, /en/consultations/feed/):
each consultation when it is opened, updated when the agency publishes its summary response."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import dates, i18n

from .models import Consultation


def _reader(obj, name: str) -> str:
    return i18n.value_in(obj, name, i18n.current_language()) or i18n.value_in(obj, name, i18n.DEFAULT_LANGUAGE) or ""


class LatestConsultationsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Public consultations")

    def link(self):
        return reverse("consultations:index")

    def subtitle(self):
        return _("Consultations on the Open Government National Action Plan, and the agencies' summary responses.")

    def feed_url(self):
        return reverse("consultations:feed")

    def items(self):
        return Consultation.objects.select_related("agency", "response").order_by("-opens_on", "-pk")[:30]

    def item_title(self, item):
        return _reader(item, "title")

    def item_description(self, item):
        text = _("%(agency)s · open %(opens)s to %(closes)s.") % {
            "agency": item.agency.label,
            "opens": dates.format_date(item.opens_on),
            "closes": dates.format_date(item.closes_on),
        }
        if item.has_response:
            text += " " + _("Summary response published %(date)s.") % {
                "date": dates.format_date(timezone.localtime(item.response.published_at).date())
            }
        return text

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        if item.has_response:
            return item.response.published_at
        return item.updated_at or item.created_at

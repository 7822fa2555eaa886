"""Atom feed of the latest steps of every proposal (W-5)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, value_in

from .models import ProposalEvent


class ProposalFeed(Feed):
    feed_type = Atom1Feed
    title = _("Citizen proposals: latest steps")
    subtitle = _("Every step of every proposal, as it happens.")

    def link(self):
        return reverse("proposals:index")

    def items(self):
        return (
            ProposalEvent.objects.select_related("proposal")
            .exclude(proposal__status="not_accepted")
            .order_by("-at", "-pk")[:50]
        )

    def item_title(self, item):
        proposal = item.proposal
        title = value_in(proposal, "title", current_language()) or value_in(proposal, "title", "zh-hant") or ""
        return f"{title}: {item.label}"

    def item_description(self, item):
        return item.label

    def item_link(self, item):
        return f"{item.proposal.get_absolute_url()}#event-{item.pk}"

    def item_pubdate(self, item):
        return item.at

    def item_updateddate(self, item):
        return item.at

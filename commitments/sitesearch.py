"""The commitments app's part of the site search: commitments and published commitment tables."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core import i18n, search
from core.sitesearch import Group, Hit, excerpt

TABLE_FIELDS = ("problem", "description", "contribution")


def _in_reader_language(obj, name: str) -> str:
    return i18n.value_in(obj, name, i18n.current_language()) or i18n.value_in(obj, name, i18n.DEFAULT_LANGUAGE) or ""


def _label(commitment) -> str:
    return _("Commitment %(number)d: %(title)s") % {
        "number": commitment.number,
        "title": _in_reader_language(commitment, "title"),
    }


def results(query: str, request=None) -> list[Group]:
    """Commitments (title, both languages) and published tables (their texts and indicators): two
    queries for the commitments and tables, one for the indicators."""
    from .models import Commitment, CommitmentTable, Indicator

    commitments = list(Commitment.objects.select_related("plan").order_by("-plan__starts_on", "number"))
    found = search.filter_matching(
        commitments, lambda c: [i18n.value_in(c, "title", lang) for lang in i18n.LANGUAGE_CODES], query
    )
    tables = CommitmentTable.objects.filter(live=True).select_related("commitment__plan")
    tables = tables.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("sort_order")))

    def table_texts(table):
        texts = [i18n.value_in(table.commitment, "title", lang) for lang in i18n.LANGUAGE_CODES]
        for name in TABLE_FIELDS:
            texts += [i18n.value_in(table, name, lang) for lang in i18n.LANGUAGE_CODES]
        for indicator in table.indicators.all():
            texts += [i18n.value_in(indicator, "description", lang) for lang in i18n.LANGUAGE_CODES]
        return texts

    matching_tables = search.filter_matching(list(tables), table_texts, query)
    return [
        Group(
            "commitments",
            _("Commitments"),
            [Hit(_label(c), c.get_absolute_url(), _in_reader_language(c.plan, "name")) for c in found],
            order=10,
        ),
        Group(
            "tables",
            _("Commitment tables"),
            [
                Hit(
                    _label(t.commitment),
                    t.commitment.get_absolute_url() + "#table",
                    excerpt(_in_reader_language(t, "problem") or _in_reader_language(t, "description")),
                )
                for t in matching_tables
            ],
            order=11,
        ),
    ]

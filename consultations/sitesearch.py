"""The consultations app's part of the site search: consultations (title and description)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core import i18n, search
from core.sitesearch import Group, Hit, excerpt


def _reader(obj, name: str) -> str:
    return i18n.value_in(obj, name, i18n.current_language()) or i18n.value_in(obj, name, i18n.DEFAULT_LANGUAGE) or ""


def results(query: str, request=None) -> list[Group]:
    """Consultations whose title or description matches in either language: one query."""
    from .models import Consultation

    items = list(Consultation.objects.order_by("-opens_on", "-pk"))
    found = search.filter_matching(
        items,
        lambda c: [i18n.value_in(c, name, lang) for name in ("title", "description") for lang in i18n.LANGUAGE_CODES],
        query,
    )
    return [
        Group(
            "consultations",
            _("Consultations"),
            [
                Hit(_reader(c, "title"), c.get_absolute_url(), excerpt(_reader(c, "description")), c.opens_on)
                for c in found
            ],
            order=40,
        )
    ]

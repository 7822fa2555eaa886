"""Template helpers for snapshot data (translated text as ``{"zh-hant": ..., "en": ...}``)."""

from __future__ import annotations

import functools

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import dates, i18n

register = template.Library()


@register.filter
def lang(value: dict | None, language: str) -> str:
    """The text of ``value`` in ``language`` ("" when missing)."""
    return (value or {}).get(language) or ""


@register.simple_tag
def trd(value: dict | None):
    """Snapshot text in the active language, or "translation pending" and the Chinese (F-7)."""
    value = value or {}
    language = i18n.current_language()
    text = value.get(language)
    if text:
        return text
    original = value.get(i18n.DEFAULT_LANGUAGE)
    if not original:
        return ""
    return format_html(
        '<span class="translation-pending">{}</span> <span lang="zh-Hant">{}</span>', _("Translation pending"), original
    )


@functools.lru_cache(maxsize=2048)
def _day_text(value: str, style: str, language: str) -> str:
    """A day's ISO date (no time: it does not depend on the time zone) in ``language``: a
    page shows the same few days many times, and Babel's English format costs some 50 µs."""
    return dates.format_date(dates.date_from_iso(value), language, style)  # type: ignore[arg-type]


@register.filter
def isodate(value: str | None, style: str = "long") -> str:
    """An ISO date string shown in the active language (ROC in Chinese)."""
    if not value:
        return ""
    if len(value) == 10:  # a day (YYYY-MM-DD)
        return _day_text(value, style, get_language())
    return dates.format_date(dates.date_from_iso(value), None, style)  # type: ignore[arg-type]


@register.filter
def get(mapping: dict | None, key):
    return (mapping or {}).get(key)


@register.filter
def date_in(value: str | None, language: str) -> str:
    """An ISO date string in ``language`` (for the bilingual PDF)."""
    if not value:
        return ""
    return dates.format_date(dates.date_from_iso(value), language)

"""Template helpers of the minutes pages and PDFs."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from core import i18n

register = template.Library()


@register.simple_tag
def name_of(obj, field: str):
    """A proper name (person, organisation, place) in the active language, else the Chinese
    original marked ``lang="zh-Hant"`` (names are not "pending": they are shown as written)."""
    language = i18n.current_language()
    value = i18n.value_in(obj, field, language)
    if value is not None:
        return value
    original = i18n.value_in(obj, field, i18n.DEFAULT_LANGUAGE)
    if original is None:
        return ""
    return format_html('<span lang="zh-Hant">{}</span>', original)


@register.simple_tag
def forum_label(forum) -> str:
    """The forum named by its commitment, in the active language."""
    return str(forum)

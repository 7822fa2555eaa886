"""Helpers for content translated with django-modeltranslation (rule F-7).

A translated field ``title`` is stored as ``title_zh_hant`` and ``title_en``. Pages and
the API read each language's own column, never the fallback, so a missing English
text is shown as "translation pending" rather than silently replaced by Chinese.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT_LANGUAGE: str = settings.LANGUAGE_CODE


def column(field: str, language: str) -> str:
    """The database column of ``field`` in ``language`` (``zh-hant`` → ``_zh_hant``)."""
    return f"{field}_{language.replace('-', '_')}"


def value_in(obj: Any, field: str, language: str) -> str | None:
    """The stored text of ``field`` in ``language``; ``None`` when empty."""
    value = getattr(obj, column(field, language), None)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def columns(field: str) -> list[str]:
    """The database columns of ``field``, one a language in settings order."""
    return [column(field, language) for language in LANGUAGE_CODES]


def value_in_row(row: dict, field: str, language: str) -> str | None:
    """``value_in`` for a ``.values()`` row (a dict keyed by column)."""
    value = row.get(column(field, language))
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def translations(obj: Any, field: str) -> dict[str, str | None]:
    """All languages of ``field``, as the API gives them: ``{"zh-hant": ..., "en": ...}``."""
    return {language: value_in(obj, field, language) for language in LANGUAGE_CODES}


def current_language() -> str:
    """The active language code, one of ``LANGUAGE_CODES``."""
    language = (get_language() or DEFAULT_LANGUAGE).lower()
    return language if language in LANGUAGE_CODES else DEFAULT_LANGUAGE


def missing_languages(obj: Any, fields: list[str] | tuple[str, ...]) -> list[str]:
    """Languages in which at least one of ``fields`` is empty, in settings order."""
    return [lang for lang in LANGUAGE_CODES if any(value_in(obj, f, lang) is None for f in fields)]


def urls_by_language(obj: Any) -> dict[str, str]:
    """``obj.get_absolute_url()`` in every language, as the API gives addresses."""
    from django.utils.translation import override

    active = get_language()
    result = {}
    for language in LANGUAGE_CODES:
        if language == active:  # activating a language is not free: only the others
            result[language] = obj.get_absolute_url()
            continue
        with override(language):
            result[language] = obj.get_absolute_url()
    return result


def in_current_language(obj: Any, field: str) -> str | None:
    """``field`` in the active language, else in Chinese (the required language): for names in
    the admin and choosers (``__str__``), where a title must always show. Pages use ``{% tr %}``,
    which marks the fallback as "translation pending" instead."""
    return value_in(obj, field, current_language()) or value_in(obj, field, DEFAULT_LANGUAGE)

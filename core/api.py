"""Conventions every open-data endpoint follows (``/api/v1/``).

- Lists return ``{"count": N, "items": [...]}`` and paginate with ``?page=`` (1-based).
- Translated text is an object keyed by language, ``{"zh-hant": ..., "en": ...}``,
  ``null`` where a language is missing.
- Dates are ISO 8601. No personal contact data, ever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from ninja import Schema
from ninja.errors import HttpError

T = TypeVar("T")

Translated = dict[str, str | None]


class Page(Schema):
    """The envelope of every list endpoint."""

    count: int
    items: list[Any]


def paginate(queryset: QuerySet, page: int, serialize: Callable[[Any], T], per_page: int | None = None) -> dict:
    """One page of ``queryset`` serialised; ``page`` is 1-based. Two queries whatever the length."""
    per_page = per_page or settings.API_PAGE_SIZE
    if page < 1:
        raise HttpError(400, "page must be 1 or more")
    count = queryset.count()
    start = (page - 1) * per_page
    items: Iterable = queryset[start : start + per_page] if start < count else []
    return {"count": count, "items": [serialize(item) for item in items]}

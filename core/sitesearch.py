"""One search over the whole site: every app contributes its own results (``core.providers``
slot ``"search"``), so ``core`` never names a higher app.

A provider is called as ``provider(query=..., request=...)`` and returns a list of ``Group``
(one per kind of result it owns, e.g. commitments and commitment tables) or ``None``. Matching
is Chinese-aware (``core.search``: CJK bigrams, so a two-character word inside a sentence is
found) and covers both languages' fields; providers return only what the public may see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import providers

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Hit:
    """One result: its title and address in the reader's language, a short excerpt, a date."""

    title: str
    url: str
    excerpt: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Group:
    """The results of one kind (``kind`` is a stable code used in ``?type=``; ``label`` is shown)."""

    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    order: int = 50


def clean_query(raw: str | None) -> str:
    """The query as searched: stripped, without control characters, at most 200 characters."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def groups(query: str, request=None) -> list[Group]:
    """Every app's result groups for ``query`` (empty query: nothing), in a stable order."""
    if not query:
        return []
    found: list[Group] = []
    for result in providers.collect("search", query=query, request=request):
        found.extend(result)
    return sorted(found, key=lambda group: group.order)


def flatten(found: Iterable[Group], kinds: set[str] | None = None) -> list[tuple[Group, Hit]]:
    """The hits of ``found`` (only the ``kinds`` asked for, when given), each with its group."""
    return [(group, hit) for group in found if not kinds or group.kind in kinds for hit in group.hits]


def excerpt(text: str | None, length: int = 160) -> str:
    """The beginning of ``text`` as plain text (tags removed), for a result line."""
    import re

    plain = " ".join(re.sub(r"<[^>]+>", " ", text or "").split())
    return plain if len(plain) <= length else plain[: length - 1] + "…"

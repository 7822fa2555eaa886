"""Search that finds Chinese words inside sentences, on SQLite and PostgreSQL alike.

Neither Wagtail search backend segments Chinese: ``參與`` inside ``推動公民參與機制`` is not
found, because only whole runs between punctuation become terms. Here every run of CJK
characters is turned into its overlapping character bigrams (推動 動公 公民 民參 參與 與機 機制)
both when indexing and when querying, so any word of two or more characters is found;
other words are kept whole, lower-cased. No migration and no extension are needed.

Two ways to use it, for any model:

- Indexed models (Wagtail ``index.Indexed``): declare a callable search field that returns
  ``index_text(...)`` of each language's field (not the translated property), and search
  with ``search(queryset, query)``.
- Small tables without an index (a few hundred rows): ``filter_matching(objects, texts, query)``
  compares bigrams in Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# CJK ideographs (with extension A and compatibility ideographs), kana, Hangul.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(rf"^[{_CJK}]+$")


def tokens(text: str | None) -> list[str]:
    """Search terms of ``text``: CJK bigrams (a lone character stays alone) and lower-cased words."""
    if not text:
        return []
    result: list[str] = []
    for run in _TOKEN.findall(re.sub(r"<[^>]+>", " ", text)):
        if _CJK_RUN.match(run):
            if len(run) == 1:
                result.append(run)
            else:
                result.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            result.append(run.lower())
    return result


def index_text(*texts: str | None) -> str:
    """The text to index for ``texts`` (each language's field): unique terms, space-separated."""
    seen: dict[str, None] = {}
    for text in texts:
        for term in tokens(text):
            seen.setdefault(term, None)
    return " ".join(seen)


def query_text(query: str) -> str:
    """A user's query turned into terms the same way (every term must match)."""
    return " ".join(dict.fromkeys(tokens(query)))


def search(queryset, query: str, **kwargs):
    """Search an indexed queryset; every term of the query must match. Empty query: no results."""
    terms = query_text(query)
    if not terms:
        return queryset.none()
    from wagtail.search.backends import get_search_backend

    return get_search_backend().search(terms, queryset, operator="and", **kwargs)


def matches(texts: Iterable[str | None], query: str) -> bool:
    """Whether every term of ``query`` occurs among the terms of ``texts`` (in Python)."""
    wanted = set(tokens(query))
    if not wanted:
        return False
    present: set[str] = set()
    for text in texts:
        present.update(tokens(text))
    return wanted <= present


def filter_matching(objects: Iterable[T], texts: Callable[[T], Iterable[str | None]], query: str) -> list[T]:
    """The objects whose ``texts(obj)`` match ``query`` (for small tables without an index)."""
    return [obj for obj in objects if matches(texts(obj), query)]

"""Minutes rules as pure Python (no database): translation status and waiting time.

- F-3.2: each forum records its discussions in detail and sends the record to NDC, which
  publishes it. A minutes is "sent" when it is submitted to NDC's approval workflow.
- F-7: the record is published in Chinese and English. A prose part lacks a language
  when it has text in some language but none in that one; the facts come from the
  meeting record (translated data) and are never counted as prose.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]+>")


def prose_is_empty(value: str | None) -> bool:
    """Whether rich text (or plain text) has no visible words: ``<p></p>`` is empty."""
    if value is None:
        return True
    text = html.unescape(_TAG.sub("", value))
    return not text.replace("\xa0", " ").strip()


@dataclass(frozen=True)
class ProsePart:
    """One piece of written prose of a minutes, in every language (``{"zh-hant": ..., "en": ...}``)."""

    key: str
    texts: Mapping[str, str | None]

    @property
    def written(self) -> bool:
        """Whether the part has text in at least one language."""
        return any(not prose_is_empty(value) for value in self.texts.values())

    def lacks(self, language: str) -> bool:
        """Written in some language but not in ``language``."""
        return self.written and prose_is_empty(self.texts.get(language))


def missing_parts(parts: Iterable[ProsePart], language: str) -> list[str]:
    """The keys of the parts that lack ``language`` (F-7), in order."""
    return [part.key for part in parts if part.lacks(language)]


def languages_complete(parts: Sequence[ProsePart], languages: Sequence[str], required: str) -> list[str]:
    """Languages in which every written part has text (F-7).

    A minutes with no prose at all is complete in no language: something must be written
    (F-3.2 asks for the discussion in detail). The ``required`` language (Chinese) must
    have every written part for any language to count as complete.
    """
    if not any(part.written for part in parts):
        return []
    if missing_parts(parts, required):
        return [language for language in languages if language != required and not missing_parts(parts, language)]
    return [language for language in languages if not missing_parts(parts, language)]


def waiting_days(since: dt.date | None, today: dt.date) -> int:
    """Whole days a translation has waited since ``since`` (0 when unknown or in the future)."""
    if since is None:
        return 0
    return max(0, (today - since).days)


def correction_note_required(already_published: bool, note: str | None) -> bool:
    """A change to published minutes is a correction and must say what was corrected."""
    return already_published and prose_is_empty(note)


# The rules set no date for the record of a meeting (F-3.2 only says it is sent to NDC): the
# platform reminds the forum two weeks after the meeting, a customary time for minutes.
MINUTES_DUE_DAYS = 14


def minutes_due_on(meeting_date: dt.date) -> dt.date:
    """When the record of a meeting held on ``meeting_date`` should be with NDC (platform default)."""
    return meeting_date + dt.timedelta(days=MINUTES_DUE_DAYS)

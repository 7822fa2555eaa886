"""The one way the site writes CSV: every text cell is neutralised against formula injection.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula: ``=HYPERLINK("http://evil", "click")`` typed into a comment or a
title would become a live link or worse in whoever opens the export. Text cells starting with
one of those characters (ASCII or full-width) get a leading apostrophe, which spreadsheets show
as text. Numbers, dates and booleans are written as they are. ``tests/core/test_spreadsheet.py``
fails if any module calls ``csv.writer`` directly.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

# The characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"),
# with their full-width forms that some spreadsheets normalise.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
BOM = "\ufeff"


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal | dt.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell (:func:`safe_cell`)."""

    def __init__(self, stream: _Writable, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        """Write one row of neutralised cells."""
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write every row of ``rows``."""
        for row in rows:
            self.writerow(row)


def writer(stream: _Writable, *, bom: bool = True, **options: Any) -> SafeWriter:
    """A CSV writer on ``stream`` (a file, ``io.StringIO`` or ``HttpResponse``), starting with a
    UTF-8 byte-order mark by default so that spreadsheets read Chinese correctly."""
    if bom:
        stream.write(BOM)
    return SafeWriter(stream, **options)

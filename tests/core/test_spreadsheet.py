"""Issue 10 finding 7: every CSV the site writes neutralises formulas, through one helper."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from core.spreadsheet import safe_cell, writer

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("plain text", "plain text"),
        ("中文 = ok", "中文 = ok"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (Decimal("-1.5"), Decimal("-1.5")),
        (True, True),
        (dt.date(2020, 3, 31), dt.date(2020, 3, 31)),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_writer_writes_a_bom_and_neutralised_rows():
    out = io.StringIO()
    csv_writer = writer(out)
    csv_writer.writerow(["=1+1", 3, "ok"])
    csv_writer.writerows([["@x"], ["-y"]])
    text = out.getvalue()
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff")))) == [["'=1+1", "3", "ok"], ["'@x"], ["'-y"]]
    plain = io.StringIO()
    writer(plain, bom=False).writerow(["a"])
    assert plain.getvalue() == "a\r\n"


def test_no_module_writes_csv_but_through_the_helper():
    """One helper: any new ``csv.writer``/``DictWriter`` outside core/spreadsheet.py fails here."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "tests", "static", "media", "node_modules"} or path.name == "spreadsheet.py":
            continue
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []

"""Pure rules of the minutes app: translation status (rule F-7), waiting time, corrections."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes import rules
from minutes.rules import ProsePart

LANGS = ("zh-hant", "en")


@pytest.mark.parametrize(
    "value,empty",
    [(None, True), ("", True), ("<p></p>", True), ("<p>&nbsp; </p>", True), ("<p>字</p>", False), ("a", False)],
)
def test_prose_is_empty(value, empty):
    assert rules.prose_is_empty(value) is empty


def test_rule_F_7_a_written_part_without_english_is_missing():
    parts = [
        ProsePart("a", {"zh-hant": "<p>討論</p>", "en": "<p>Discussion</p>"}),
        ProsePart("b", {"zh-hant": "<p>結語</p>", "en": "<p></p>"}),
        ProsePart("c", {"zh-hant": "", "en": None}),  # nothing written: not missing anything
    ]
    assert rules.missing_parts(parts, "en") == ["b"]
    assert rules.missing_parts(parts, "zh-hant") == []
    assert rules.languages_complete(parts, LANGS, "zh-hant") == ["zh-hant"]


def test_rule_F_7_complete_in_both_languages():
    parts = [ProsePart("a", {"zh-hant": "討論", "en": "Discussion"})]
    assert rules.languages_complete(parts, LANGS, "zh-hant") == ["zh-hant", "en"]


def test_nothing_written_is_complete_in_no_language():
    assert rules.languages_complete([ProsePart("a", {"zh-hant": "", "en": ""})], LANGS, "zh-hant") == []


def test_english_only_part_makes_chinese_incomplete():
    parts = [ProsePart("a", {"zh-hant": "", "en": "Only English"})]
    assert rules.languages_complete(parts, LANGS, "zh-hant") == ["en"]


def test_waiting_days():
    today = dt.date(2020, 5, 1)
    assert rules.waiting_days(dt.date(2020, 4, 1), today) == 30
    assert rules.waiting_days(None, today) == 0
    assert rules.waiting_days(dt.date(2020, 6, 1), today) == 0


def test_correction_note_required_only_once_published():
    assert rules.correction_note_required(True, "") is True
    assert rules.correction_note_required(True, "<p></p>") is True
    assert rules.correction_note_required(True, "更正出席名單") is False
    assert rules.correction_note_required(False, "") is False

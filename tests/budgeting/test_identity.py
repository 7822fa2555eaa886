"""National ID numbers: format and checksum (rule P-3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgeting.identity import (
    LETTER_CODES,
    check_digit,
    is_resident_certificate,
    national_id_normalise,
    national_id_valid,
)


@pytest.mark.parametrize(
    "value",
    ["A123456789", "A234567893", "F131104093", "Y200123457", "A800000014", "A900000016"],
)
def test_p3_valid_numbers(value):
    assert national_id_valid(value)


@pytest.mark.parametrize("value", ["A123456788", "A123456780", "F131104094", "A800000015", "A900000017"])
def test_p3_wrong_checksum_refused(value):
    assert not national_id_valid(value)


def test_p3_lowercase_refused_by_the_strict_check_and_normalised_from_input():
    assert not national_id_valid("a123456789")
    assert national_id_normalise(" a1234 56789 ") == "A123456789"
    assert national_id_valid(national_id_normalise("a123456789"))


def test_p3_new_resident_certificate_second_character_8_or_9():
    assert is_resident_certificate("A800000014")
    assert is_resident_certificate("A900000016")
    assert not is_resident_certificate("A123456789")


@pytest.mark.parametrize(
    "value",
    [
        "",
        "A12345678",
        "A1234567890",
        "1234567890",
        "AA12345678",  # old resident certificate (two letters): not accepted
        "A323456789",  # second character must be 1, 2, 8 or 9
        "A023456789",
        "A12345678X",
        "Ａ123456789",  # full-width letter
        "A１23456789",  # full-width digit
        "A123456789\n",
        " A123456789",
        "<script>",
        None,
        123456789,
    ],
)
def test_p3_garbage_refused(value):
    assert not national_id_valid(value)


@given(
    st.sampled_from(sorted(LETTER_CODES)),
    st.sampled_from("1289"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
def test_p3_exactly_one_check_digit_is_valid(letter, second, middle):
    prefix = letter + second + middle
    valid = [d for d in "0123456789" if national_id_valid(prefix + d)]
    assert valid == [check_digit(prefix)]

"""Taiwan national identification numbers (P-3): format and checksum, as pure functions.

Two formats are accepted, both ``L`` + 9 digits with the same checksum:

* the national ID card (國民身分證): second character ``1`` (male) or ``2`` (female);
* the resident certificate numbers issued since 2021 (新式統一證號): second character ``8``
  (male) or ``9`` (female).

``national_id_valid`` is strict: it accepts only the canonical form (upper-case letter, no
spaces). User input goes through ``national_id_normalise`` first (strip, upper-case), so a
voter who types ``a123456789`` is not refused for the case of a letter.
"""

from __future__ import annotations

import re

# The letter's two-digit code (the ID card's area code table; I, O, W, Z are out of order).
LETTER_CODES: dict[str, int] = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip
WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
SECOND_CHARACTERS = frozenset("1289")
_PATTERN = re.compile(r"[A-Z][0-9]{9}")


def national_id_normalise(value: str) -> str:
    """The canonical form of what a person typed: no surrounding or inner spaces, upper case."""
    return re.sub(r"\s+", "", value or "").upper()


def national_id_valid(value: str) -> bool:
    """Whether ``value`` is a canonical national ID or new resident-certificate number with a right checksum."""
    if not isinstance(value, str) or not _PATTERN.fullmatch(value):
        return False
    if value[1] not in SECOND_CHARACTERS:
        return False
    code = LETTER_CODES[value[0]]
    digits = [code // 10, code % 10, *(int(c) for c in value[1:])]
    return sum(d * w for d, w in zip(digits, WEIGHTS, strict=True)) % 10 == 0


def is_resident_certificate(value: str) -> bool:
    """Whether a valid number is a new-format resident certificate (second character 8 or 9)."""
    return national_id_valid(value) and value[1] in "89"


def check_digit(prefix: str) -> str:
    """The last digit that makes ``prefix`` (letter + 8 digits) valid; used to make test identities."""
    code = LETTER_CODES[prefix[0]]
    digits = [code // 10, code % 10, *(int(c) for c in prefix[1:])]
    total = sum(d * w for d, w in zip(digits, WEIGHTS[:-1], strict=True))
    return str((10 - total % 10) % 10)

"""Every interface string is translated in both catalogues (rule F-7)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_Hant", "en")


def catalogues(language: str) -> list[Path]:
    return sorted(p for p in ROOT.glob(f"**/locale/{language}/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def problems(path: Path, language: str) -> list[str]:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if message.pluralizable else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {message.id!r}")
        elif not all(strings):
            found.append(f"untranslated: {message.id!r}")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_untranslated_or_fuzzy_string(language):
    paths = catalogues(language)
    assert paths, f"no {language} catalogue"
    report = {str(p.relative_to(ROOT)): problems(p, language) for p in paths}
    assert not any(report.values()), {k: v for k, v in report.items() if v}


def test_catalogues_hold_every_string_in_the_code(tmp_path):
    """Re-extract the strings (makemessages) and check none is missing from the catalogues."""
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext is missing: install Debian's gettext (make test does)")
    backups = {p: p.read_bytes() for p in catalogues("zh_Hant")}
    try:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", "zh_Hant", "--no-obsolete",
             "--ignore=.venv", "--ignore=static", "--ignore=tests"],
            cwd=ROOT, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        fresh = {p: problems(p, "zh_Hant") for p in catalogues("zh_Hant")}
    finally:
        for path, content in backups.items():
            path.write_bytes(content)
    missing = {str(p.relative_to(ROOT)): v for p, v in fresh.items() if v}
    assert not missing, f"strings missing from the catalogues (run `make messages` and translate): {missing}"

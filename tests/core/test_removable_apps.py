"""An app above commitments can be left out of INSTALLED_APPS (and its URLs): the commitment
and home pages, set-up and demo data still work (docs/architecture.md, "Dependencies").

Each case runs tests/without_app/check_pages.py in its own process under
tests/without_app/settings.py, because the app registry, URLs and database tables are fixed
for the life of a process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("without", ["consultations"])
def test_pages_work_without(without):
    env = {**os.environ, "WITHOUT_APPS": without, "DJANGO_SETTINGS_MODULE": "tests.without_app.settings"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/without_app/check_pages.py", "-q", "-p", "no:cacheprovider",
         "-p", "no:playwright", "--ds=tests.without_app.settings", "--create-db"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout

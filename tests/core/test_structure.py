"""The shape of the house: apps depend one way (docs/architecture.md, "Dependencies").

Python imports are checked by import-linter with the contracts in ``pyproject.toml`` (also run
by ``make lint``); templates are checked here: an app's templates never link to (``{% url %}``),
include or extend anything of an app above it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from core.roles import project_apps

ROOT = Path(__file__).resolve().parents[2]

# What each app may use (directly or not); the same order as the import contracts.
MAY_USE: dict[str, set[str]] = {
    "core": set(),
    "accounts": {"core"},
    "commitments": {"accounts", "core"},
    "forum": {"commitments", "accounts", "core"},
    "minutes": {"forum", "commitments", "accounts", "core"},
    "consultations": {"commitments", "accounts", "core"},
    "proposals": {"commitments", "accounts", "core"},
    "budgeting": {"commitments", "accounts", "core"},
    # Site-wide templates (templates/: the page frame) sit with core and the account menu.
    "site": {"core", "accounts"},
}
CITIZEN_APPS = {"consultations", "proposals", "budgeting"}


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def test_import_contracts_hold():
    result = subprocess.run(
        [sys.executable, "scripts/lint_imports.py"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_contracts_look_at_every_app():
    """Every app of the project is in the contracts (a new app is added to pyproject.toml)."""
    apps = set(project_apps())
    assert apps <= set(_config()["root_packages"])
    assert apps <= set(MAY_USE)
    forbidden = [c for c in _config()["contracts"] if c["type"] == "forbidden"]
    for app in apps & CITIZEN_APPS:
        assert any(app in c["source_modules"] for c in forbidden), f"{app} may still import forum/minutes"
        assert any(app in c["forbidden_modules"] for c in forbidden), f"forum/minutes may still import {app}"


REFERENCE = re.compile(r"""\{%\s*(?:url\s+['"](?P<ns>\w+):|(?:include|extends)\s+['"](?P<dir>\w+)/)""")


def _templates() -> list[tuple[str, Path]]:
    found = [("site", path) for path in (ROOT / "templates").rglob("*.html")]
    for app in project_apps():
        found += [(app, path) for path in (ROOT / app / "templates").rglob("*.html")]
    return found


@pytest.mark.parametrize(("app", "path"), _templates(), ids=lambda value: str(value).removeprefix(str(ROOT)))
def test_templates_only_use_apps_below(app, path):
    """Links (URL namespaces), includes and extends stay within the app and the apps below it."""
    allowed = MAY_USE[app] | {app}
    known = set(MAY_USE) - {"site"}
    text = path.read_text(encoding="utf-8")
    used = {m["ns"] or m["dir"] for m in REFERENCE.finditer(text)}
    assert not (used & known) - allowed, f"{path.relative_to(ROOT)} uses {(used & known) - allowed}"

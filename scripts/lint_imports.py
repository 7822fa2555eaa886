"""Check the import contracts of pyproject.toml ([tool.importlinter]) with import-linter.

import-linter refuses a contract that names a package which does not exist; the contracts
name every app the project plans (proposals, budgeting) so that each is checked the moment it
lands. This script drops the apps not (yet) in the checkout, then runs the linter.

    python scripts/lint_imports.py     # exit status 0 when every contract holds
"""

from __future__ import annotations

import sys
import tempfile
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def present(module: str) -> bool:
    """Whether the module's top-level package is in the checkout."""
    top = module.split(".")[0]
    return (ROOT / top / "__init__.py").exists()


def config_ini() -> str:
    """The [tool.importlinter] table as an .ini file, restricted to the apps present."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    lines = ["[importlinter]", "root_packages ="]
    lines += [f"    {name}" for name in options["root_packages"] if present(name)]
    lines.append(f"include_external_packages = {options.get('include_external_packages', False)}")
    for number, contract in enumerate(options["contracts"], start=1):
        lines += ["", f"[importlinter:contract:{number}]"]
        for key, value in contract.items():
            if isinstance(value, list):
                if key in ("source_modules", "forbidden_modules", "modules"):
                    value = [item for item in value if present(item)]
                lines.append(f"{key} =")
                lines += [f"    {item}" for item in value]
            else:
                lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".ini", encoding="utf-8", delete=False) as handle:
        handle.write(config_ini())
    try:
        return lint_imports(config_filename=handle.name, no_cache=True, no_logo=True)
    finally:
        Path(handle.name).unlink()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
